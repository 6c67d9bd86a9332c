#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Locking

/// Log lines on standard error, the only place a stdio language server may write freely.
/// Each line is written with one `write(2)` under a lock, so lines from different threads
/// never interleave.
public final class StandardErrorLog: Sendable {
    public enum Level: Int, Sendable, Comparable {
        case error, warning, info, debug
        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
        var label: String {
            switch self {
            case .error: return "error"
            case .warning: return "warning"
            case .info: return "info"
            case .debug: return "debug"
            }
        }
    }

    private let lock = Locked(())
    private let fileDescriptor: Int32
    public let threshold: Level

    public init(fileDescriptor: Int32 = 2, threshold: Level = .info) {
        self.fileDescriptor = fileDescriptor
        self.threshold = threshold
    }

    public func log(_ level: Level, _ message: @autoclosure () -> String) {
        guard level <= threshold else { return }
        let line = Array("byline: \(level.label): \(message())\n".utf8)
        lock.withLock { _ in _ = writeAll(fileDescriptor, line) }
    }
}

/// Writes every byte, retrying short writes and interrupted calls. Returns false when the
/// descriptor is closed or broken, so the caller can stop writing to a departed peer.
@discardableResult
public func writeAll(_ fileDescriptor: Int32, _ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return false
            }
            offset += written
        }
        return true
    }
}
