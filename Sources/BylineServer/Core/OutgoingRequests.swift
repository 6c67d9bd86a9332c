import BylineJSON
import JSONRPC
import Locking
import Synchronization

/// Requests the server sends to the client (`workspace/configuration`), and the handlers
/// waiting for their answers. Ids are prefixed so they can never be mistaken for the
/// client's own.
final class OutgoingRequests: Sendable {
    typealias Handler = @Sendable (LanguageServer, Result<JSON, ResponseError>) -> Void
    private let waiting = Locked<[RequestID: Handler]>([:])
    private let nextID = Atomic<Int>(1)

    func register(_ handler: @escaping Handler) -> RequestID {
        let id = RequestID.string("byline-\(nextID.add(1, ordering: .relaxed).oldValue)")
        waiting.withLock { $0[id] = handler }
        return id
    }

    func take(_ id: RequestID) -> Handler? {
        waiting.withLock { $0.removeValue(forKey: id) }
    }
}

extension LanguageServer {
    func sendRequest(_ method: String, _ params: JSON, _ handler: @escaping OutgoingRequests.Handler) {
        let id = outgoing.register(handler)
        if params == .null {
            // The refresh requests take no params; JSON-RPC forbids `"params": null`.
            connection.send(["jsonrpc": "2.0", "id": id.json, "method": .string(method)])
        } else {
            connection.send(OutgoingMessage.request(id: id, method: method, params: params))
        }
    }

    /// A response from the client: to one of the server's requests, or unexpected.
    func receiveResponse(id: RequestID, result: Result<JSON, ResponseError>) {
        guard let handler = outgoing.take(id) else {
            log.log(.info, "ignoring a response to unknown request \(id)")
            return
        }
        handler(self, result)
    }
}
