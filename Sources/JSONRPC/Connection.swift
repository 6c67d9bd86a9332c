#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BylineJSON
import Locking
import Synchronization

/// Where a connection's framed output goes. The real one writes to a file descriptor; tests
/// and benchmarks can collect frames in memory.
public protocol FrameSink: Sendable {
    /// Writes one whole frame; returns false once the peer is gone.
    func write(frame: [UInt8]) -> Bool
}

/// Writes frames to a file descriptor, one whole frame at a time under a lock, so that
/// responses finished on different threads never interleave on the wire.
public final class FileDescriptorSink: FrameSink {
    private let fileDescriptor: Int32
    private let lock = Locked(false)  // true once a write has failed

    public init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    public func write(frame: [UInt8]) -> Bool {
        lock.withLock { broken in
            if broken { return false }
            if !writeAll(fileDescriptor, frame) { broken = true }
            return !broken
        }
    }
}

/// A JSON-RPC 2.0 endpoint over LSP framing: reads frames, classifies messages, answers
/// what is malformed by itself, and hands the rest to a handler in arrival order.
public final class Connection: Sendable {
    public let log: StandardErrorLog
    private let sink: any FrameSink
    private let outputClosed = Atomic<Bool>(false)

    public init(sink: any FrameSink, log: StandardErrorLog) {
        self.sink = sink
        self.log = log
    }

    /// Frames and sends one message. Safe from any thread.
    public func send(_ message: JSON, delivery: FrameDelivery = .essential) {
        guard !outputClosed.load(ordering: .relaxed) else { return }
        let frame = Self.frame(message)
        if !sink.write(frame: frame, delivery: delivery) {
            outputClosed.store(true, ordering: .relaxed)
            log.log(.warning, "the client stopped reading; further output is dropped")
        }
    }

    /// The bytes of one frame: header and body in one buffer, written with one call.
    public static func frame(_ message: JSON) -> [UInt8] {
        var body: [UInt8] = []
        body.reserveCapacity(128)
        message.write(to: &body)
        var frame = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        frame.reserveCapacity(frame.count + body.count)
        frame.append(contentsOf: body)
        return frame
    }

    public func sendResponse(id: RequestID, result: JSON) {
        send(OutgoingMessage.response(id: id, result: result))
    }

    public func sendError(id: RequestID?, _ error: ResponseError) {
        send(OutgoingMessage.error(id: id, error))
    }

    public func sendNotification(_ method: String, _ params: JSON, delivery: FrameDelivery = .essential) {
        send(OutgoingMessage.notification(method: method, params: params), delivery: delivery)
    }

    /// Turns one frame body into a message for `handler`, or answers it with a JSON-RPC error.
    public func receive(body: UnsafeBufferPointer<UInt8>, handler: (IncomingMessage) -> Void) {
        let json: JSON
        do {
            json = try JSON.parse(body)
        } catch {
            log.log(.warning, "a frame body that is not JSON (\(error)); answered with -32700")
            sendError(id: nil, ResponseError(code: ErrorCode.parseError, message: "Parse error: \(error)"))
            return
        }
        do {
            handler(try IncomingMessage(json: json))
        } catch {
            log.log(.warning, "an invalid message: \(error.error.message)")
            sendError(id: error.id, error.error)
        }
    }

    /// Whether a read of `fileDescriptor` would return data without waiting.
    static func hasPendingInput(_ fileDescriptor: Int32) -> Bool {
        var descriptor = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0 && descriptor.revents & Int16(POLLIN) != 0
    }

    /// Reads `fileDescriptor` until end of file, delivering messages in order on the calling
    /// thread, and calling `batchEnded` after the messages of each read. Returns whether the
    /// stream ended cleanly at a frame boundary.
    @discardableResult
    public func run(
        reading fileDescriptor: Int32, handler: (IncomingMessage) -> Void, batchEnded: () -> Void = {}
    ) -> Bool {
        var framer = MessageFramer()
        let chunkSize = 1 << 16
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 1)
        defer { chunk.deallocate() }
        var deferredBatches = 0
        while true {
            let count = read(fileDescriptor, chunk.baseAddress, chunkSize)
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                log.log(.error, "reading the input failed: errno \(errno)")
                return false
            }
            if count == 0 {
                batchEnded()
                break
            }
            framer.append(UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
            framer.drain { event in
                switch event {
                case .body(let body):
                    receive(body: body, handler: handler)
                case .malformed(let reason):
                    log.log(.warning, "a malformed frame: \(reason); skipping to the next header")
                }
            }
            // Work that follows a batch (analysis of what it changed) waits while more input
            // is already waiting: a burst of frames is applied whole first, and a lone
            // keystroke, with nothing behind it, is followed at once.
            // (At most 32 reads are deferred, so a client that never pauses still gets results.)
            deferredBatches += 1
            if deferredBatches >= 32 || !Self.hasPendingInput(fileDescriptor) {
                deferredBatches = 0
                batchEnded()
            }
        }
        if !framer.isAtFrameBoundary {
            log.log(.warning, "the input ended inside a frame (\(framer.pendingByteCount) bytes unread)")
            return false
        }
        return true
    }
}
