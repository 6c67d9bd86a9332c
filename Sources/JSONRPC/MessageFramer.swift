/// Splits a byte stream into LSP base-protocol frames: `Content-Length: N\r\n\r\n` + N bytes.
///
/// A small state machine (header → body → header …) that tolerates whatever a pipe
/// delivers: a frame split at any byte, many frames in one read, headers in any order and
/// case, an optional `Content-Type`, and bare `\n` line ends. A malformed header block (no
/// colon, no length, a length that is not a non-negative number or is over the limit) is
/// reported and then skipped: the framer resynchronises on the next `Content-` header found
/// after the start of the bad block, so
/// one bad frame never costs the frames after it. Each body is handed to the caller in
/// place, without a copy.
public struct MessageFramer {
    public enum Event {
        case body(UnsafeBufferPointer<UInt8>)
        case malformed(String)
    }

    /// The largest body accepted. LSP editors send whole documents in one frame, so this is
    /// generous: 64 MiB is the floor the project promises, and it allows four times that.
    public let maxBodyLength: Int
    /// A header block longer than this, with no blank line, is garbage.
    public let maxHeaderLength = 16 * 1024

    private enum State {
        case header
        case body(length: Int)
        /// After a malformed frame: skipping to the next `Content-` header.
        case resync
    }

    private var buffer: [UInt8] = []
    private var start = 0
    private var state = State.header
    /// Where the search for the end of the header block resumes, so that a header arriving
    /// a byte at a time is scanned once, not once per byte.
    private var headerScanFrom = 0

    public init(maxBodyLength: Int = 256 * 1024 * 1024) {
        self.maxBodyLength = maxBodyLength
    }

    /// Bytes received but not yet part of a delivered frame.
    public var pendingByteCount: Int { buffer.count - start }

    /// True when the stream could end here without cutting a frame (or a header) in half.
    public var isAtFrameBoundary: Bool {
        if case .body = state { return false }
        return pendingByteCount == 0
    }

    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if start > 0, start >= buffer.count - start {
            buffer.removeSubrange(0..<start)
            headerScanFrom -= start
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// Delivers every complete frame and every malformed header found so far, in order.
    public mutating func drain(_ deliver: (Event) -> Void) {
        while true {
            switch state {
            case .header:
                guard let block = findHeaderBlockEnd() else {
                    if buffer.count - start > maxHeaderLength {
                        deliver(.malformed("a header of more than \(maxHeaderLength) bytes with no blank line after it"))
                        start += 1
                        state = .resync
                    }
                    return
                }
                let headerRange = start..<block.contentEnd
                start = block.next
                headerScanFrom = start
                switch parseHeader(headerRange) {
                case .success(let length):
                    state = .body(length: length)
                    if buffer.count - start < length { buffer.reserveCapacity(start + length) }
                case .failure(let header):
                    deliver(.malformed(header.reason))
                    // Look for the next header from just inside the bad block: a real header
                    // may follow garbage on the same line or further down the block.
                    start = headerRange.lowerBound + 1
                    state = .resync
                }
            case .body(let length):
                guard buffer.count - start >= length else { return }
                let bodyStart = start
                start += length
                headerScanFrom = start
                state = .header
                buffer.withUnsafeBufferPointer { all in
                    deliver(.body(UnsafeBufferPointer(rebasing: all[bodyStart..<(bodyStart + length)])))
                }
            case .resync:
                guard let next = findNextContentHeader() else { return }
                start = next
                headerScanFrom = start
                state = .header
            }
        }
    }

    /// The end of the header block's content and the start of the body: the first empty line.
    private mutating func findHeaderBlockEnd() -> (contentEnd: Int, next: Int)? {
        // Blank lines between frames are harmless; skip them before a header starts.
        while start < buffer.count, buffer[start] == 0x0A || buffer[start] == 0x0D { start += 1 }
        var index = max(headerScanFrom, start)
        while index < buffer.count {
            if buffer[index] == 0x0A {
                // A line feed followed by an empty line (LF or CRLF) ends the block.
                if index + 1 < buffer.count, buffer[index + 1] == 0x0A {
                    return (lineEnd(before: index), index + 2)
                }
                if index + 2 < buffer.count, buffer[index + 1] == 0x0D, buffer[index + 2] == 0x0A {
                    return (lineEnd(before: index), index + 3)
                }
                if index + 2 >= buffer.count {
                    headerScanFrom = index
                    return nil
                }
            }
            index += 1
        }
        headerScanFrom = max(start, buffer.count - 1)
        return nil
    }

    private func lineEnd(before lineFeed: Int) -> Int {
        lineFeed > start && buffer[lineFeed - 1] == 0x0D ? lineFeed - 1 : lineFeed
    }

    private func parseHeader(_ range: Range<Int>) -> Result<Int, MalformedHeader> {
        var length: Int?
        var lineStart = range.lowerBound
        while lineStart < range.upperBound {
            var lineEnd = lineStart
            while lineEnd < range.upperBound, buffer[lineEnd] != 0x0A { lineEnd += 1 }
            var contentEnd = lineEnd
            if contentEnd > lineStart, buffer[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let line = buffer[lineStart..<contentEnd]
            lineStart = lineEnd + 1
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                return .failure(MalformedHeader("a header line without a colon: \(Self.quote(line))"))
            }
            let name = String(decoding: buffer[line.startIndex..<colon], as: UTF8.self)
                .trimmingSpaces().lowercased()
            guard name == "content-length" else { continue }  // Content-Type and others are optional
            let value = String(decoding: buffer[(colon + 1)..<line.endIndex], as: UTF8.self).trimmingSpaces()
            guard !value.isEmpty, value.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
                let sign = value.hasPrefix("-") ? "negative" : "non-numeric"
                return .failure(MalformedHeader("a \(sign) Content-Length: \(Self.quote(buffer[line.startIndex..<line.endIndex]))"))
            }
            guard let parsed = Int(value), parsed <= maxBodyLength else {
                return .failure(MalformedHeader("a Content-Length of \(value) bytes, over the limit of \(maxBodyLength)"))
            }
            length = parsed
        }
        guard let length else { return .failure(MalformedHeader("a header without Content-Length")) }
        return .success(length)
    }

    /// The offset of the next `content-` (any case) at or after `start`, if any; otherwise
    /// drops what cannot start one, keeping a tail that might be the beginning of the word.
    private mutating func findNextContentHeader() -> Int? {
        let needle = Array("content-".utf8)
        var index = start
        while index + needle.count <= buffer.count {
            var matched = true
            for offset in 0..<needle.count where buffer[index + offset] | 0x20 != needle[offset] {
                matched = false
                break
            }
            if matched { return index }
            index += 1
        }
        start = max(start, buffer.count - (needle.count - 1))
        return nil
    }

    private static func quote(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes.prefix(80), as: UTF8.self)
        return "\"\(text)\(bytes.count > 80 ? "…" : "")\""
    }
}

struct MalformedHeader: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
