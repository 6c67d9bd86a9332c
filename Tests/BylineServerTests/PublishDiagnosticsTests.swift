import BylineJSON
import Testing
@testable import BylineServer

@Suite struct PublishDiagnosticsTests {
    let uri = "file:///story.txt"

    @Test func publishesOnOpenWithTheVersion() {
        let server = TestServer()
        server.initialize()
        server.open(uri, "date 2022-12-30\n\nText.", version: 7)
        let published = server.sink.waitFor { $0["method"] == "textDocument/publishDiagnostics" }
        #expect(published?["params"]?["uri"] == .string(uri))
        #expect(published?["params"]?["version"] == 7)
        #expect(published?["params"]?["diagnostics"] == [])
    }

    @Test func neverPublishesAResultForAStaleVersion() {
        let server = TestServer()
        server.initialize()
        // Hold analysis while three versions arrive; only the last may be published.
        server.server.analysisQueue.suspend()
        server.open(uri, "one", version: 1)
        server.change(uri, version: 2, [["text": "two"]])
        server.change(uri, version: 3, [["text": "three"]])
        server.server.analysisQueue.resume()
        #expect(server.sink.waitFor { $0["params"]?["version"] == 3 } != nil)
        #expect(server.call("shutdown")["result"] == .null)
        let versions = server.sink.messages.filter { $0["method"] == "textDocument/publishDiagnostics" }.map { $0["params"]?["version"] }
        #expect(versions == [3])
    }

    @Test func theStoreRefusesAnAnalysisOfAnOlderRevision() {
        let server = TestServer()
        server.initialize()
        server.server.analysisQueue.suspend()
        server.open(uri, "one", version: 1)
        let old = server.server.documents.snapshot(uri)!
        server.change(uri, version: 2, [["text": "two"]])
        let staleAnalysis = server.server.analyze(old)
        #expect(!server.server.documents.store(staleAnalysis))
        #expect(server.server.documents.currentAnalysis(uri) == nil)
        server.server.analysisQueue.resume()
    }

    @Test func documentsAreAnalysedIndependently() {
        let server = TestServer()
        server.initialize()
        for index in 0..<50 { server.open("file:///\(index).txt", "Text \(index)", version: index) }
        for index in 0..<50 {
            #expect(server.sink.waitFor { $0["params"]?["uri"] == .string("file:///\(index).txt") && $0["params"]?["version"] == .int(index) } != nil)
        }
    }
}

@Suite struct PublishAfterRequestTests {
    /// A request that analyses the newest text first must not make the publisher think the
    /// diagnostics are already out.
    @Test func publishesEvenWhenARequestAnalysedTheVersionFirst() {
        let server = TestServer()
        server.initialize()
        server.server.analysisQueue.suspend()
        server.open("file:///a.txt", "one", version: 1)
        server.change("file:///a.txt", version: 2, [["text": "two"]])
        #expect(server.call("byline/annotations", ["textDocument": ["uri": "file:///a.txt"]])["result"]?["version"] == 2)
        server.server.analysisQueue.resume()
        #expect(server.sink.waitFor { $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["version"] == 2 } != nil)
    }
}
