import BylineJSON
import BylineTestSupport
import Synchronization
import Testing
@testable import JSONRPC

@Suite struct ConnectionTests {
    func receive(_ body: String) -> (messages: [IncomingMessage], replies: [JSON]) {
        let sink = MemorySink()
        let connection = Connection(sink: sink, log: StandardErrorLog(threshold: .error))
        var received: [IncomingMessage] = []
        Array(body.utf8).withUnsafeBufferPointer { buffer in
            connection.receive(body: buffer) { received.append($0) }
        }
        return (received, sink.messages)
    }

    @Test func answersABodyThatIsNotJSONWithParseErrorAndNullID() {
        let result = receive("{\"jsonrpc\": \"2.0\", \"id\": 1, ")
        #expect(result.messages.isEmpty)
        #expect(result.replies.count == 1)
        #expect(result.replies[0]["id"] == .null)
        #expect(result.replies[0]["error"]?["code"] == .int(-32700))
    }

    @Test(arguments: [
        #"[1, 2]"#, #"42"#, #"{"jsonrpc": "2.0"}"#, #"{"jsonrpc": "1.0", "id": 1, "method": "x"}"#,
        #"{"jsonrpc": "2.0", "id": 1, "method": 7}"#, #"{"jsonrpc": "2.0", "id": [1], "method": "x"}"#,
        #"{"jsonrpc": "2.0", "id": null, "method": "x"}"#, #"{"jsonrpc": "2.0", "id": 3}"#,
    ])
    func answersJSONThatIsNotAMessageWithInvalidRequest(_ body: String) {
        let result = receive(body)
        #expect(result.messages.isEmpty)
        #expect(result.replies.first?["error"]?["code"] == .int(-32600), "\(body)")
    }

    @Test func keepsTheIDWhenItCanBeRead() {
        let result = receive(#"{"jsonrpc": "1.0", "id": "abc", "method": "x"}"#)
        #expect(result.replies.first?["id"] == "abc")
    }

    @Test func rejectsScalarParamsWithInvalidParams() {
        let result = receive(#"{"jsonrpc": "2.0", "id": 2, "method": "x", "params": 3}"#)
        #expect(result.replies.first?["error"]?["code"] == .int(-32602))
        #expect(result.replies.first?["id"] == 2)
    }

    @Test func classifiesRequestsNotificationsAndResponses() {
        let request = receive(#"{"jsonrpc": "2.0", "id": "7", "method": "m", "params": {"a": 1}}"#).messages
        guard case .request(.string("7"), "m", let params)? = request.first else {
            Issue.record("expected a request, got \(request)")
            return
        }
        #expect(params == ["a": 1])
        guard case .notification("n", nil)? = receive(#"{"jsonrpc": "2.0", "method": "n"}"#).messages.first else {
            Issue.record("expected a notification")
            return
        }
        guard case .response(.int(4), .success(.null))? = receive(#"{"jsonrpc": "2.0", "id": 4, "result": null}"#).messages.first else {
            Issue.record("expected a response")
            return
        }
    }

    @Test func framesOutputWithAnExactContentLength() {
        let frame = Connection.frame(["a": "é😀"])
        let text = String(decoding: frame, as: UTF8.self)
        #expect(text == "Content-Length: 14\r\n\r\n{\"a\":\"é😀\"}")
    }
}
