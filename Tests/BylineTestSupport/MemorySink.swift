import BylineJSON
import Foundation
import JSONRPC
import Locking

/// Collects a connection's framed output in memory, so in-process tests can read what the
/// server would have written to stdout.
public final class MemorySink: FrameSink {
    private let frames = Locked<[[UInt8]]>([])

    public init() {}

    public func write(frame: [UInt8]) -> Bool {
        frames.withLock { $0.append(frame) }
        return true
    }

    /// Every message written so far, decoded.
    public var messages: [JSON] {
        frames.withLock { frames in frames.map(Self.body) }
    }

    static func body(_ frame: [UInt8]) -> JSON {
        var index = 0
        while !(frame[index] == 0x0D && frame[index + 1] == 0x0A && frame[index + 2] == 0x0D && frame[index + 3] == 0x0A) {
            index += 1
        }
        return try! JSON.parse(Array(frame[(index + 4)...]))
    }

    /// Waits until a message satisfies `predicate`, and returns it; nil after `timeout`.
    public func waitFor(timeout: Duration = .seconds(10), _ predicate: (JSON) -> Bool) -> JSON? {
        poll(timeout: timeout) { messages.first(where: predicate) }
    }

    /// Waits for the response to request `id`.
    public func response(to id: Int, timeout: Duration = .seconds(10)) -> JSON? {
        waitFor(timeout: timeout) { $0["id"] == .int(id) && $0["method"] == nil }
    }
}

/// Calls `probe` until it returns a value or `timeout` passes; for waiting on messages that
/// another thread or process is about to deliver.
public func poll<T>(timeout: Duration, _ probe: () -> T?) -> T? {
    let deadline = ContinuousClock.now + timeout
    repeat {
        if let found = probe() { return found }
        Thread.sleep(forTimeInterval: 0.001)
    } while ContinuousClock.now < deadline
    return nil
}
