import BylineJSON
import BylineTestSupport
import JSONRPC
import Synchronization
@testable import BylineServer

/// An in-process server over an in-memory sink: messages go in through `handle`, exactly as
/// the connection's reader would deliver them, and replies are read back from the sink.
final class TestServer: Sendable {
    let sink = MemorySink()
    let server: LanguageServer
    let nextID = Atomic<Int>(1)

    init(options: ServerOptions = ServerOptions()) {
        let status = LockedBox<Int32?>(nil)
        server = LanguageServer(connection: Connection(sink: sink, log: StandardErrorLog(threshold: .error)), options: options) { code in
            status.withLock { $0 = code }
        }
        statusBox = status
    }

    private let statusBox: LockedBox<Int32?>
    var exitCode: Int32? { statusBox.withLock { $0 } }

    /// Sends a request; returns its id.
    @discardableResult
    func request(_ method: String, _ params: JSON? = nil) -> Int {
        let id = nextID.add(1, ordering: .relaxed).oldValue
        server.handle(.request(id: .int(id), method: method, params: params))
        return id
    }

    func notify(_ method: String, _ params: JSON? = nil) {
        server.handle(.notification(method: method, params: params))
    }

    /// Sends a request and waits for its response.
    func call(_ method: String, _ params: JSON? = nil) -> JSON {
        let id = request(method, params)
        return sink.response(to: id) ?? ["timeout": true]
    }

    @discardableResult
    func initialize(encodings: [String]? = nil, trace: String? = nil) -> JSON {
        var capabilities: JSONObject = [:]
        if let encodings { capabilities["general"] = ["positionEncodings": .array(encodings.map { .string($0) })] }
        var params: JSONObject = ["processId": 1, "capabilities": .object(capabilities)]
        if let trace { params["trace"] = .string(trace) }
        let response = call("initialize", .object(params))
        notify("initialized", [:])
        return response
    }

    func open(_ uri: String, _ text: String, version: Int = 1, language: String = "plaintext") {
        notify("textDocument/didOpen", [
            "textDocument": ["uri": .string(uri), "languageId": .string(language), "version": .int(version), "text": .string(text)]
        ])
    }

    func change(_ uri: String, version: Int, _ changes: [JSON]) {
        notify("textDocument/didChange", [
            "textDocument": ["uri": .string(uri), "version": .int(version)], "contentChanges": .array(changes),
        ])
    }

    func text(of uri: String) -> String? { server.documents.snapshot(uri)?.text.string }
}

func range(_ start: (Int, Int), _ end: (Int, Int)) -> JSON {
    ["start": ["line": .int(start.0), "character": .int(start.1)], "end": ["line": .int(end.0), "character": .int(end.1)]]
}

func errorCode(_ response: JSON) -> Int? { response["error"]?["code"]?.intValue }
