#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JSONRPC

/// The process's standard streams, abstracted so that commands can be tested in memory.
public protocol CommandIO: AnyObject {
    /// Reads all of standard input.
    func readAllInput() -> [UInt8]
    /// Reads standard input line by line (without the line break) until `body` returns false
    /// or input ends; lets batch mode stream archives of any size.
    func forEachInputLine(_ body: ([UInt8]) -> Void)
    func write(_ bytes: [UInt8])
    func writeError(_ text: String)
    func flush()
    /// Whether standard output is a terminal (colours and the text format by default).
    var outputIsTerminal: Bool { get }
    func environment(_ name: String) -> String?
}

extension CommandIO {
    func write(_ text: String) { write(Array(text.utf8)) }
}

/// The real standard streams, with output buffered and written in large blocks.
public final class ProcessIO: CommandIO {
    private var buffer: [UInt8] = []

    public init() {}

    public func readAllInput() -> [UInt8] {
        var data: [UInt8] = []
        forEachChunk { data.append(contentsOf: $0) }
        return data
    }

    public func forEachInputLine(_ body: ([UInt8]) -> Void) {
        var pending: [UInt8] = []
        forEachChunk { chunk in
            var lineStart = chunk.startIndex
            for index in chunk.indices where chunk[index] == 0x0A {
                pending.append(contentsOf: chunk[lineStart..<index])
                body(pending)
                pending.removeAll(keepingCapacity: true)
                lineStart = index + 1
            }
            pending.append(contentsOf: chunk[lineStart..<chunk.endIndex])
        }
        if !pending.isEmpty { body(pending) }
    }

    private func forEachChunk(_ body: (UnsafeRawBufferPointer) -> Void) {
        let size = 1 << 16
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let count = read(0, chunk.baseAddress, size)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { return }
            body(UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
        }
    }

    public func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func writeError(_ text: String) {
        flush()
        writeAll(2, Array(text.utf8))
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        writeAll(1, buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    public var outputIsTerminal: Bool { isatty(1) != 0 }

    public func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }
}

private extension Array where Element == UInt8 {
    mutating func append(contentsOf buffer: UnsafeRawBufferPointer) {
        append(contentsOf: UnsafeRawBufferPointer(buffer).bindMemory(to: UInt8.self))
    }
}
