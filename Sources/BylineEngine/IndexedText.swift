/// How a client counts characters within a line: the units of LSP's `Position.character`.
public enum PositionEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"
}

/// A zero-based line and a column in some `PositionEncoding`'s units.
public struct TextPosition: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    public var description: String { "\(line):\(character)" }
}

/// Immutable UTF-8 text with the indexes that make every position conversion exact and cheap.
///
/// Offsets inside Byline are UTF-8 byte offsets. Editors speak UTF-16 (or negotiated UTF-8 /
/// UTF-32) line/column positions and the CLI speaks code-point offsets, so this type keeps,
/// beside the line starts, the running count of scalars and UTF-16 units at every 64-byte
/// block. Any conversion is then a binary search plus a scan of at most 63 bytes, even on a
/// single megabyte-long line. Line breaks are the three LSP recognises: LF, CRLF and lone CR.
///
/// The bytes are always valid UTF-8: text is built from `String`s (which repair invalid
/// input) or spliced at scalar boundaries.
public struct IndexedText: Sendable {
    public let bytes: [UInt8]
    /// The byte offset where each line starts; the first is 0.
    public let lineStarts: [Int]
    /// The byte offset where each line's content ends, before its line break.
    public let lineContentEnds: [Int]
    private let scalarsBeforeBlock: [Int]
    private let utf16BeforeBlock: [Int]

    static let blockShift = 6
    static let blockSize = 1 << blockShift

    public init(_ string: String) {
        self.init(validUTF8: Array(string.utf8))
    }

    /// Decodes arbitrary bytes, replacing invalid UTF-8 with U+FFFD first.
    public init(decoding bytes: [UInt8]) {
        self.init(String(decoding: bytes, as: UTF8.self))
    }

    /// Indexes bytes the caller guarantees to be valid UTF-8.
    public init(validUTF8 bytes: [UInt8]) {
        self.bytes = bytes
        var lineStarts = [0]
        var lineContentEnds: [Int] = []
        let blockCount = (bytes.count >> Self.blockShift) + 1
        var scalarsBeforeBlock = [Int](repeating: 0, count: blockCount)
        var utf16BeforeBlock = [Int](repeating: 0, count: blockCount)
        bytes.withUnsafeBufferPointer { buffer in
            var scalars = 0
            var utf16 = 0
            var index = 0
            let count = buffer.count
            while index < count {
                if index & (Self.blockSize - 1) == 0 {
                    scalarsBeforeBlock[index >> Self.blockShift] = scalars
                    utf16BeforeBlock[index >> Self.blockShift] = utf16
                }
                let byte = buffer[index]
                if byte < 0x80 {
                    scalars += 1
                    utf16 += 1
                    if byte == 0x0A {
                        lineContentEnds.append(index)
                        lineStarts.append(index + 1)
                    } else if byte == 0x0D {
                        lineContentEnds.append(index)
                        if index + 1 < count, buffer[index + 1] == 0x0A {
                            // CRLF: the LF belongs to this break, and is counted on the next turn
                            // without starting another line.
                            index += 1
                            if index & (Self.blockSize - 1) == 0 {
                                scalarsBeforeBlock[index >> Self.blockShift] = scalars
                                utf16BeforeBlock[index >> Self.blockShift] = utf16
                            }
                            scalars += 1
                            utf16 += 1
                        }
                        lineStarts.append(index + 1)
                    }
                } else if byte >= 0xC0 {
                    scalars += 1
                    utf16 += byte >= 0xF0 ? 2 : 1
                }
                index += 1
            }
            if count & (Self.blockSize - 1) == 0 {
                scalarsBeforeBlock[count >> Self.blockShift] = scalars
                utf16BeforeBlock[count >> Self.blockShift] = utf16
            }
        }
        lineContentEnds.append(bytes.count)
        self.lineStarts = lineStarts
        self.lineContentEnds = lineContentEnds
        self.scalarsBeforeBlock = scalarsBeforeBlock
        self.utf16BeforeBlock = utf16BeforeBlock
    }

    public var utf8Count: Int { bytes.count }
    public var lineCount: Int { lineStarts.count }
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The text of a byte range, which must lie on scalar boundaries.
    public func substring(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, bytes.count))
        let upper = max(lower, min(range.upperBound, bytes.count))
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[lower..<upper]), as: UTF8.self) }
    }

    /// The number of Unicode scalars before `byteOffset`.
    public func scalarOffset(ofByte byteOffset: Int) -> Int {
        count(upTo: byteOffset, table: scalarsBeforeBlock, unitsOfLeadByte: { _ in 1 })
    }

    /// The number of UTF-16 code units before `byteOffset`.
    public func utf16Offset(ofByte byteOffset: Int) -> Int {
        count(upTo: byteOffset, table: utf16BeforeBlock, unitsOfLeadByte: { $0 >= 0xF0 ? 2 : 1 })
    }

    /// The byte offset of the `scalarOffset`-th scalar, clamped to the text.
    public func byteOffset(ofScalar scalarOffset: Int) -> Int {
        byteOffset(ofUnits: scalarOffset, table: scalarsBeforeBlock, in: 0..<bytes.count, unitsOfLeadByte: { _ in 1 })
    }

    /// The line holding `byteOffset`; a break belongs to the line it ends.
    public func line(containingByte byteOffset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) >> 1
            if lineStarts[middle] <= byteOffset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The LSP position of a byte offset, in the given encoding.
    public func position(ofByte byteOffset: Int, encoding: PositionEncoding) -> TextPosition {
        let offset = max(0, min(byteOffset, bytes.count))
        let line = line(containingByte: offset)
        let start = lineStarts[line]
        let character: Int
        switch encoding {
        case .utf8: character = offset - start
        case .utf16: character = utf16Offset(ofByte: offset) - utf16Offset(ofByte: start)
        case .utf32: character = scalarOffset(ofByte: offset) - scalarOffset(ofByte: start)
        }
        return TextPosition(line: line, character: character)
    }

    /// The byte offset of an LSP position, and whether it lay outside the text.
    ///
    /// As LSP asks, a column past the end of its line means the end of that line. A line past
    /// the last means the end of the text. A column inside a character (half of a surrogate
    /// pair, or inside a UTF-8 sequence) means the start of that character. Only the first two
    /// count as out of range; `{line: lineCount, character: 0}` is the end of the text, which
    /// clients send for "replace everything", and is not.
    public func byteOffset(of position: TextPosition, encoding: PositionEncoding) -> (offset: Int, outOfRange: Bool) {
        if position.line < 0 || position.character < 0 {
            return (position.line < 0 ? 0 : lineStarts[min(position.line, lineCount - 1)], true)
        }
        if position.line >= lineCount {
            return (bytes.count, !(position.line == lineCount && position.character == 0))
        }
        let start = lineStarts[position.line]
        let end = lineContentEnds[position.line]
        switch encoding {
        case .utf8:
            if start + position.character > end { return (end, true) }
            var offset = start + position.character
            while offset > start, offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
            return (offset, false)
        case .utf16:
            let target = utf16Offset(ofByte: start) + position.character
            if target > utf16Offset(ofByte: end) { return (end, true) }
            return (byteOffset(ofUnits: target, table: utf16BeforeBlock, in: start..<end, unitsOfLeadByte: { $0 >= 0xF0 ? 2 : 1 }), false)
        case .utf32:
            let target = scalarOffset(ofByte: start) + position.character
            if target > scalarOffset(ofByte: end) { return (end, true) }
            return (byteOffset(ofUnits: target, table: scalarsBeforeBlock, in: start..<end, unitsOfLeadByte: { _ in 1 }), false)
        }
    }

    /// Returns a copy with the bytes in `range` replaced by `replacement`, re-indexed.
    /// `range` must lie on scalar boundaries, which `byteOffset(of:encoding:)` guarantees.
    public func replacing(_ range: Range<Int>, with replacement: String) -> IndexedText {
        var newBytes = bytes
        newBytes.replaceSubrange(range, with: replacement.utf8)
        return IndexedText(validUTF8: newBytes)
    }

    // MARK: - Block tables

    @inline(__always)
    private func count(upTo byteOffset: Int, table: [Int], unitsOfLeadByte: (UInt8) -> Int) -> Int {
        let offset = max(0, min(byteOffset, bytes.count))
        let block = offset >> Self.blockShift
        var units = table[block]
        var index = block << Self.blockShift
        while index < offset {
            let byte = bytes[index]
            if byte & 0xC0 != 0x80 { units += unitsOfLeadByte(byte) }
            index += 1
        }
        return units
    }

    /// The first byte offset within `range` at which `units` units precede it; when `units`
    /// falls inside a character, the start of that character.
    private func byteOffset(ofUnits units: Int, table: [Int], in range: Range<Int>, unitsOfLeadByte: (UInt8) -> Int) -> Int {
        var lowBlock = range.lowerBound >> Self.blockShift
        var highBlock = range.upperBound >> Self.blockShift
        while lowBlock < highBlock {
            let middle = (lowBlock + highBlock + 1) >> 1
            if table[middle] <= units { lowBlock = middle } else { highBlock = middle - 1 }
        }
        var index = max(lowBlock << Self.blockShift, range.lowerBound)
        // Step back to a scalar boundary so that the running count starts on a lead byte.
        while index > 0, index < bytes.count, bytes[index] & 0xC0 == 0x80 { index -= 1 }
        var counted = count(upTo: index, table: table, unitsOfLeadByte: unitsOfLeadByte)
        while index < range.upperBound {
            let byte = bytes[index]
            if byte & 0xC0 != 0x80 {
                if counted == units { return index }
                let width = unitsOfLeadByte(byte)
                if counted + width > units { return index }  // inside this character
                counted += width
            }
            index += 1
        }
        return range.upperBound
    }
}
