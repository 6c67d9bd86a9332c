import BylineJSON
import Testing
@testable import BylineServer

@Suite struct AnnotationsTests {
    @Test func answersWithTheContractObjectForTheCurrentVersion() {
        let server = TestServer()
        server.initialize()
        server.open("file:///a.md", "---\ntitle: Ports\ndate: 2025-03-14\n---\nBody", version: 4, language: "markdown")
        let result = server.call("byline/annotations", ["textDocument": ["uri": "file:///a.md"]])["result"]
        #expect(result == [
            "date": "2025-03-14", "metadata": ["title": "Ports"], "entities": [], "quotes": [], "diagnostics": [],
            "uri": "file:///a.md", "version": 4,
        ])
    }

    @Test func reflectsEveryEditReceivedBeforeTheRequest() {
        let server = TestServer()
        server.initialize()
        server.open("file:///a.txt", "date 2022-12-30\n\nBody")
        server.change("file:///a.txt", version: 2, [["range": range((0, 14), (0, 15)), "text": "1"]])
        let result = server.call("byline/annotations", ["textDocument": ["uri": "file:///a.txt"]])["result"]
        #expect(result?["date"] == "2022-12-31")
        #expect(result?["version"] == 2)
    }

    @Test func refusesADocumentThatIsNotOpen() {
        let server = TestServer()
        server.initialize()
        let response = server.call("byline/annotations", ["textDocument": ["uri": "file:///missing.txt"]])
        #expect(errorCode(response) == -32602)
    }
}

@Suite struct TraceTests {
    @Test func sendsTimingsThroughLogTraceOnlyWhenAsked() {
        let server = TestServer()
        server.initialize()
        server.open("file:///a.txt", "x")
        _ = server.call("byline/annotations", ["textDocument": ["uri": "file:///a.txt"]])
        #expect(!server.sink.messages.contains { $0["method"] == "$/logTrace" })
        server.notify("$/setTrace", ["value": "messages"])
        _ = server.call("byline/annotations", ["textDocument": ["uri": "file:///a.txt"]])
        let trace = server.sink.waitFor {
            $0["method"] == "$/logTrace" && $0["params"]?["message"]?.stringValue?.contains("byline/annotations") == true
        }
        #expect(trace?["params"]?["message"]?.stringValue?.hasSuffix(" ms") == true)
    }

    @Test func rejectsAnUnknownTraceValue() {
        let server = TestServer()
        server.initialize(trace: "verbose")
        server.notify("$/setTrace", ["value": "loud"])
        #expect(server.sink.waitFor { $0["params"]?["message"]?.stringValue?.contains("value") == true } != nil)
    }
}
