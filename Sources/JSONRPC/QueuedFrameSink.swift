import Foundation

/// How much a frame matters when the client is slow to read it.
public enum FrameDelivery: Sendable, Equatable {
    /// Responses and requests: always delivered, in order.
    case essential
    /// A notification that a newer one with the same key supersedes (a document's
    /// diagnostics): while it waits, a newer one takes its place in the queue.
    case replaceable(key: String)
    /// A notification that may be dropped when the queue is full (log lines, traces).
    case droppable
}

extension FrameSink {
    public func write(frame: [UInt8], delivery: FrameDelivery) -> Bool { write(frame: frame) }
}

/// Hands frames to a writer thread, so that no thread of the server blocks on a client
/// that has stopped reading, and keeps what waits for that client within a bound.
///
/// Up to `limit` bytes wait in order. A document's newer diagnostics replace its older
/// ones still waiting; log lines beyond the bound are dropped (and counted). An essential
/// frame beyond the bound waits for room, which slows the thread that sends it, so a
/// client that never reads holds the server at `limit` bytes, not more; one that reads
/// again gets everything essential, in order. A peer that is gone (the write fails) ends
/// the queue at once.
public final class QueuedFrameSink: FrameSink, @unchecked Sendable {
    private let target: any FrameSink
    private let limit: Int
    /// Guards everything below; signalled whenever the queue or `writing` changes.
    private let condition = NSCondition()
    private var frames: [(bytes: [UInt8], key: String?)] = []
    private var head = 0
    private var queuedBytes = 0
    private var writing = false
    private var broken = false
    private var dropped = 0

    public init(target: any FrameSink, limit: Int = 64 << 20) {
        self.target = target
        self.limit = limit
        let thread = Thread { [unowned self] in self.writeLoop() }
        thread.name = "byline-output"
        thread.start()
    }

    public func write(frame: [UInt8]) -> Bool { write(frame: frame, delivery: .essential) }

    public func write(frame: [UInt8], delivery: FrameDelivery) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if broken { return false }
        switch delivery {
        case .replaceable(let key):
            if let position = frames[head...].lastIndex(where: { $0.key == key }) {
                queuedBytes += frame.count - frames[position].bytes.count
                frames[position].bytes = frame
                return true
            }
        case .droppable:
            if queuedBytes + frame.count > limit {
                dropped += 1
                return true
            }
        case .essential:
            break
        }
        while queuedBytes > 0, queuedBytes + frame.count > limit, !broken { condition.wait() }
        if broken { return false }
        let key: String? = if case .replaceable(let key) = delivery { key } else { nil }
        frames.append((frame, key))
        queuedBytes += frame.count
        condition.broadcast()
        return true
    }

    /// Notifications dropped so far because the client was not reading.
    public var droppedCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return dropped
    }

    /// Bytes waiting to be written.
    public var pendingBytes: Int {
        condition.lock()
        defer { condition.unlock() }
        return queuedBytes
    }

    /// Waits until every queued frame is written, the peer is gone, or `timeout` passes
    /// (a client that never reads must not keep the process from exiting).
    @discardableResult
    public func flush(timeout: Duration) -> Bool {
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        let deadline = Date(timeIntervalSinceNow: seconds)
        condition.lock()
        defer { condition.unlock() }
        while head < frames.count || writing, !broken {
            if !condition.wait(until: deadline) { return false }
        }
        return !broken
    }

    private func writeLoop() {
        while true {
            condition.lock()
            while head == frames.count { condition.wait() }
            let frame = frames[head].bytes
            frames[head] = ([], nil)
            head += 1
            queuedBytes -= frame.count
            if head > 1024, head * 2 > frames.count {
                frames.removeFirst(head)
                head = 0
            }
            writing = true
            condition.broadcast()
            condition.unlock()
            let written = target.write(frame: frame)
            condition.lock()
            writing = false
            if !written {
                broken = true
                frames.removeAll()
                head = 0
                queuedBytes = 0
            }
            condition.broadcast()
            condition.unlock()
            if !written { return }
        }
    }
}
