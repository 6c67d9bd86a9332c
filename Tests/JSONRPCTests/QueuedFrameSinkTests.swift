import Foundation
import JSONRPC
import Locking
import Testing

/// A sink whose writes wait until the test opens its gate: a client that is not reading.
final class GatedSink: FrameSink, @unchecked Sendable {
    private let condition = NSCondition()
    private var open = false
    private var written: [[UInt8]] = []

    func write(frame: [UInt8]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !open { condition.wait() }
        written.append(frame)
        condition.broadcast()
        return true
    }

    func openGate() {
        condition.lock()
        open = true
        condition.broadcast()
        condition.unlock()
    }

    var frames: [String] {
        condition.lock()
        defer { condition.unlock() }
        return written.map { String(decoding: $0, as: UTF8.self) }
    }
}

final class Flag: Sendable {
    private let value = Locked(false)
    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}

struct FailingSink: FrameSink {
    func write(frame: [UInt8]) -> Bool { false }
}

@Suite struct QueuedFrameSinkTests {
    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func replacesWaitingDiagnosticsAndDropsLogsButKeepsEveryResponseInOrder() {
        let gate = GatedSink()
        let sink = QueuedFrameSink(target: gate, limit: 64)
        #expect(sink.write(frame: bytes("response 1")))
        Thread.sleep(forTimeInterval: 0.05)  // the writer thread now waits at the gate with it
        #expect(sink.write(frame: bytes("diagnostics a v1"), delivery: .replaceable(key: "a")))
        #expect(sink.write(frame: bytes("response 2")))
        #expect(sink.write(frame: bytes("diagnostics a v2"), delivery: .replaceable(key: "a")))
        #expect(sink.write(frame: bytes("diagnostics b v1"), delivery: .replaceable(key: "b")))
        #expect(sink.write(frame: bytes("a log line that does not fit in what is left"), delivery: .droppable))
        #expect(sink.droppedCount == 1)
        gate.openGate()
        #expect(sink.flush(timeout: .seconds(5)))
        #expect(gate.frames == ["response 1", "diagnostics a v2", "response 2", "diagnostics b v1"])
    }

    @Test func anEssentialFrameBeyondTheBoundWaitsForRoom() {
        let gate = GatedSink()
        let sink = QueuedFrameSink(target: gate, limit: 32)
        #expect(sink.write(frame: bytes("in flight")))
        Thread.sleep(forTimeInterval: 0.05)
        #expect(sink.write(frame: bytes("twenty-four bytes queued")))
        let finished = Flag()
        let frame = bytes("twenty-four more bytes!!")
        let writer = Thread {
            _ = sink.write(frame: frame)
            finished.set()
        }
        writer.start()
        Thread.sleep(forTimeInterval: 0.2)
        #expect(!finished.isSet)  // held back: the bound is kept
        #expect(sink.pendingBytes <= 32)
        gate.openGate()
        #expect(sink.flush(timeout: .seconds(5)))
        let deadline = Date(timeIntervalSinceNow: 5)
        while !finished.isSet, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(sink.flush(timeout: .seconds(5)))
        #expect(gate.frames == ["in flight", "twenty-four bytes queued", "twenty-four more bytes!!"])
    }

    @Test func aPeerThatIsGoneEndsTheQueue() {
        let sink = QueuedFrameSink(target: FailingSink(), limit: 1024)
        _ = sink.write(frame: bytes("lost"))
        #expect(!sink.flush(timeout: .seconds(5)))
        #expect(!sink.write(frame: bytes("refused")))
    }

    @Test func flushGivesUpOnAClientThatNeverReads() {
        let sink = QueuedFrameSink(target: GatedSink(), limit: 1024)
        _ = sink.write(frame: bytes("never read"))
        let started = ContinuousClock.now
        #expect(!sink.flush(timeout: .milliseconds(200)))
        #expect(ContinuousClock.now - started < .seconds(3))
    }
}
