import BylineJSON
import BylineTestSupport
import Foundation
import Testing

/// One test per error path of the transport and lifecycle, against the spawned binary.
@Suite(.serialized) struct ErrorPathTests {
    func frame(_ body: String) -> [UInt8] {
        Array("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8)
    }

    /// After each error the server must still answer a normal request.
    func expectStillServing(_ server: SpawnedServer) {
        let id = server.request("byline/annotations", ["textDocument": ["uri": "file:///none.txt"]])
        #expect(server.response(to: id)?["error"]?["code"] == -32602)
    }

    @Test func aBodyThatIsNotJSONGetsParseErrorWithNullID() throws {
        let server = try SpawnedServer()
        server.initialize()
        server.sendRaw(frame(#"{"jsonrpc": "2.0", "id": 5, "method": oops}"#))
        let reply = server.waitFor { $0["error"]?["code"] == -32700 }
        #expect(reply?["id"] == .null)
        expectStillServing(server)
    }

    @Test func jsonThatIsNotAMessageGetsInvalidRequest() throws {
        let server = try SpawnedServer()
        server.initialize()
        server.sendRaw(frame("[1, 2]"))
        server.sendRaw(frame(#"{"jsonrpc": "2.0", "id": 77}"#))
        #expect(server.waitFor { $0["error"]?["code"] == -32600 && $0["id"] == .null } != nil)
        #expect(server.waitFor { $0["error"]?["code"] == -32600 && $0["id"] == 77 } != nil)
        expectStillServing(server)
    }

    @Test func anUnknownMethodGetsMethodNotFound() throws {
        let server = try SpawnedServer()
        server.initialize()
        let id = server.request("textDocument/teleport", [:])
        #expect(server.response(to: id)?["error"]?["code"] == -32601)
        expectStillServing(server)
    }

    @Test func wrongParamsGetInvalidParamsNamingTheField() throws {
        let server = try SpawnedServer()
        server.initialize()
        let id = server.request("byline/annotations", ["textDocument": ["uri": 42]])
        let error = server.response(to: id)?["error"]
        #expect(error?["code"] == -32602)
        #expect(error?["message"]?.stringValue?.contains("textDocument.uri") == true)
        expectStillServing(server)
    }

    @Test func aRequestBeforeInitializeGetsServerNotInitialized() throws {
        let server = try SpawnedServer()
        let id = server.request("byline/annotations", ["textDocument": ["uri": "file:///a.txt"]])
        #expect(server.response(to: id)?["error"]?["code"] == -32002)
        server.initialize()
        expectStillServing(server)
    }

    @Test func aCancelledRequestGetsRequestCancelled() throws {
        // The debugging delay holds requests long enough for the cancellation to be certain.
        let server = try SpawnedServer(environment: ["BYLINE_DEBUG_REQUEST_DELAY_MS": "20000"])
        server.initialize()
        server.notify("textDocument/didOpen", ["textDocument": ["uri": "file:///a.txt", "languageId": "plaintext", "version": 1, "text": "x"]])
        let id = server.request("byline/annotations", ["textDocument": ["uri": "file:///a.txt"]])
        server.notify("$/cancelRequest", ["id": .int(id)])
        #expect(server.response(to: id, timeout: .seconds(10))?["error"]?["code"] == -32800)
    }

    @Test func everyRequestAfterShutdownGetsInvalidRequest() throws {
        let server = try SpawnedServer()
        server.initialize()
        #expect(server.response(to: server.request("shutdown"))?["result"] == .null)
        let id = server.request("byline/annotations", ["textDocument": ["uri": "file:///a.txt"]])
        #expect(server.response(to: id)?["error"]?["code"] == -32600)
        server.notify("exit")
        #expect(server.waitForExit() == 0)
    }

    @Test func exitWithoutShutdownGivesStatusOne() throws {
        let server = try SpawnedServer()
        server.initialize()
        server.notify("exit")
        #expect(server.waitForExit() == 1)
    }

    @Test func malformedHeadersAreLoggedAndSkipped() throws {
        let server = try SpawnedServer()
        server.initialize()
        server.sendRaw(Array("Content-Length 12\r\n\r\n{\"a\":\"b\"}   ".utf8))
        server.sendRaw(Array("Content-Type: text/plain\r\n\r\n{}".utf8))
        server.sendRaw(Array("Content-Length: -4\r\n\r\n{}{}".utf8))
        server.sendRaw(Array("Content-Length: twelve\r\n\r\n{}".utf8))
        expectStillServing(server)
        #expect(server.logs("without a colon"))
        #expect(server.logs("without Content-Length"))
        #expect(server.logs("negative Content-Length"))
        #expect(server.logs("non-numeric Content-Length"))
    }

    @Test func aDocumentWithInvalidUTF8IsRepairedNotRefused() throws {
        let server = try SpawnedServer()
        server.initialize()
        let body = Array(#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///bad.txt","languageId":"plaintext","version":1,"text":"title A"#.utf8)
            + [0xFF, 0xFE] + Array(#"B\ndate 2022-12-30\n\nx"}}}"#.utf8)
        server.sendRaw(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
        let id = server.request("byline/annotations", ["textDocument": ["uri": "file:///bad.txt"]])
        let result = server.response(to: id)?["result"]
        #expect(result?["metadata"]?["title"] == "A\u{FFFD}\u{FFFD}B")
        #expect(result?["date"] == "2022-12-30")
    }
}
