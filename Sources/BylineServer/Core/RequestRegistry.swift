import BylineJSON
import JSONRPC
import Locking
import Synchronization

/// A flag that `$/cancelRequest` sets and running work polls.
final class CancellationToken: Sendable {
    private let flag = Atomic<Bool>(false)
    var isCancelled: Bool { flag.load(ordering: .relaxed) }
    func cancel() { flag.store(true, ordering: .relaxed) }
}

/// The requests received and not yet answered, so that a cancellation can reach them.
final class RequestRegistry: Sendable {
    private let pending = Locked<[RequestID: CancellationToken]>([:])

    func register(_ id: RequestID) -> CancellationToken {
        let token = CancellationToken()
        pending.withLock { $0[id] = token }
        return token
    }

    /// Cancels a pending request; returns false if it was already answered or unknown.
    @discardableResult
    func cancel(_ id: RequestID) -> Bool {
        guard let token = pending.withLock({ $0[id] }) else { return false }
        token.cancel()
        return true
    }

    /// Cancels every pending request: after `exit` nobody waits for their answers.
    func cancelAll() {
        for token in pending.withLock({ Array($0.values) }) { token.cancel() }
    }

    func finish(_ id: RequestID) {
        pending.withLock { _ = $0.removeValue(forKey: id) }
    }

    var count: Int { pending.withLock { $0.count } }
}
