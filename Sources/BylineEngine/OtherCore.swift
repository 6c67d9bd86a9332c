import Dispatch
import Locking

/// Work started on another core, whose result the caller collects. If no thread has taken
/// the work up by then (every worker busy, say with other documents' analyses waiting the
/// same way), the caller does it itself: waiting on a pool that cannot run the work would
/// never end.
final class OtherCore<Value: Sendable>: Sendable {
    private enum State: Sendable {
        case waiting(@Sendable () -> Value)
        case running
        case done(Value)
    }

    private let state: Locked<State>
    private let finished = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        state = Locked(.waiting(work))
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            guard let work = claim() else { return }
            let value = work()
            state.withLock { $0 = .done(value) }
            finished.signal()
        }
    }

    /// The work, if no one has started it; marks it started.
    private func claim() -> (@Sendable () -> Value)? {
        state.withLock { state in
            guard case .waiting(let work) = state else { return nil }
            state = .running
            return work
        }
    }

    func result() -> Value {
        if let work = claim() {
            let value = work()
            state.withLock { $0 = .done(value) }
            return value
        }
        if case .done(let value) = state.withLock({ $0 }) { return value }
        finished.wait()
        guard case .done(let value) = state.withLock({ $0 }) else { preconditionFailure("signalled before done") }
        return value
    }
}
