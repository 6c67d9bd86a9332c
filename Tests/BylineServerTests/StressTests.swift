import BylineJSON
import BylineTestSupport
import Testing
@testable import BylineServer

/// Many documents and many cancelled requests at once: every document is analysed, every
/// request is answered exactly once, and the server stays responsive.
@Suite struct StressTests {
    @Test func aThousandOpenDocumentsAreAllAnalysed() {
        let server = TestServer()
        server.initialize()
        for index in 0..<1_000 {
            server.open("file:///stress/\(index).txt", "“We will not back down,” said Anna Kowalczyk \(index).\n\nOfficials met on Friday.")
        }
        let published = server.sink.waitFor(timeout: .seconds(60)) { _ in
            Set(server.sink.messages.compactMap { $0["method"] == "textDocument/publishDiagnostics" ? $0["params"]?["uri"]?.stringValue : nil }).count == 1_000
        }
        #expect(published != nil)
        let result = server.call("workspace/diagnostic", ["previousResultIds": []])["result"]
        #expect(result?["items"]?.arrayValue?.count == 1_000)
    }

    @Test func aStormOfCancelledRequestsIsAnsweredOnceEach() {
        let server = TestServer(options: ServerOptions(requestDelay: .milliseconds(1)))
        server.initialize()
        server.open("file:///storm.txt", "Marieke de Vries said the port would reopen in May.")
        var ids: [Int] = []
        for index in 0..<500 {
            let id = server.request("textDocument/hover", ["textDocument": ["uri": "file:///storm.txt"], "position": ["line": 0, "character": 2]])
            ids.append(id)
            if index % 2 == 0 { server.notify("$/cancelRequest", ["id": .int(id)]) }
        }
        let answered = server.sink.waitFor(timeout: .seconds(60)) { _ in
            let responses = server.sink.messages.filter { $0["method"] == nil && $0["id"] != nil }
            return responses.count >= ids.count + 1  // and the initialize response
        }
        #expect(answered != nil)
        let responses = server.sink.messages.filter { $0["method"] == nil }.compactMap { $0["id"]?.intValue }
        for id in ids { #expect(responses.filter { $0 == id }.count == 1, "request \(id)") }
        let cancelled = server.sink.messages.filter { $0["error"]?["code"] == -32800 }.count
        #expect(cancelled > 0 && cancelled <= 250)
        // Still answering.
        #expect(server.call("textDocument/hover", ["textDocument": ["uri": "file:///storm.txt"], "position": ["line": 0, "character": 2]])["result"]?["contents"] != nil)
    }
}
