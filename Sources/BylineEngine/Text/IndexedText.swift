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
/// beside the line starts, checkpoints about every 64 bytes holding the running count of
/// scalars and UTF-16 units before them. Any conversion is then a binary search plus a scan
/// of fewer than 128 bytes, even on a single megabyte-long line.
///
/// An edit (`replacing`) rescans only the bytes around it: the line breaks and checkpoints
/// after it are the old ones, shifted. So a keystroke in a long document costs a copy of
/// the bytes and a pass of additions over the tables, not a rescan of the text.
///
/// Line breaks are the three LSP recognises: LF, CRLF and lone CR. The bytes are always valid
/// UTF-8: text is built from `String`s (which repair invalid input) or spliced at scalar
/// boundaries.
public struct IndexedText: Sendable {
    public let bytes: [UInt8]
    /// The byte offset where each line starts; the first is 0.
    public let lineStarts: [Int]
    /// The byte offset where each line's content ends, before its line break.
    public let lineContentEnds: [Int]
    /// Byte offsets of the checkpoints, ascending, the first 0; gaps are under 128 bytes.
    let checkpoints: [Int]
    /// Scalars (lead bytes) before each checkpoint.
    private let scalarsBefore: [Int]
    /// UTF-16 code units before each checkpoint.
    private let utf16Before: [Int]

    static let checkpointSpacing = 64

    public init(_ string: String) {
        self.init(validUTF8: Array(string.utf8))
    }

    /// Decodes arbitrary bytes, replacing invalid UTF-8 with U+FFFD first.
    public init(decoding bytes: [UInt8]) {
        self.init(String(decoding: bytes, as: UTF8.self))
    }

    /// Indexes bytes the caller guarantees to be valid UTF-8.
    public init(validUTF8 bytes: [UInt8]) {
        var scanner = TextScanner(expectedBytes: bytes.count)
        bytes.withUnsafeBytes { scanner.scan($0, from: 0, to: $0.count) }
        if scanner.checkpoints.isEmpty { scanner.addCheckpoint(at: 0) }  // the empty text
        scanner.lineContentEnds.append(bytes.count)
        self.init(
            bytes: bytes, lineStarts: scanner.lineStarts, lineContentEnds: scanner.lineContentEnds,
            checkpoints: scanner.checkpoints, scalarsBefore: scanner.scalarsBefore, utf16Before: scanner.utf16Before)
    }

    private init(
        bytes: [UInt8], lineStarts: [Int], lineContentEnds: [Int], checkpoints: [Int], scalarsBefore: [Int],
        utf16Before: [Int]
    ) {
        self.bytes = bytes
        self.lineStarts = lineStarts
        self.lineContentEnds = lineContentEnds
        self.checkpoints = checkpoints
        self.scalarsBefore = scalarsBefore
        self.utf16Before = utf16Before
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
        count(upTo: byteOffset, table: scalarsBefore, unitsOfLeadByte: { _ in 1 })
    }

    /// The number of UTF-16 code units before `byteOffset`.
    public func utf16Offset(ofByte byteOffset: Int) -> Int {
        count(upTo: byteOffset, table: utf16Before, unitsOfLeadByte: { $0 >= 0xF0 ? 2 : 1 })
    }

    /// The byte offset of the `scalarOffset`-th scalar, clamped to the text.
    public func byteOffset(ofScalar scalarOffset: Int) -> Int {
        byteOffset(ofUnits: scalarOffset, table: scalarsBefore, in: 0..<bytes.count, unitsOfLeadByte: { _ in 1 })
    }

    /// The line holding `byteOffset`; a break belongs to the line it ends.
    public func line(containingByte byteOffset: Int) -> Int {
        Self.lastIndex(in: lineStarts, notAbove: byteOffset)
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
            return (byteOffset(ofUnits: target, table: utf16Before, in: start..<end, unitsOfLeadByte: { $0 >= 0xF0 ? 2 : 1 }), false)
        case .utf32:
            let target = scalarOffset(ofByte: start) + position.character
            if target > scalarOffset(ofByte: end) { return (end, true) }
            return (byteOffset(ofUnits: target, table: scalarsBefore, in: start..<end, unitsOfLeadByte: { _ in 1 }), false)
        }
    }

    /// Returns a copy with the bytes in `range` replaced by `replacement`, re-indexed.
    /// `range` must lie on scalar boundaries, which `byteOffset(of:encoding:)` guarantees.
    ///
    /// Only the stretch from the checkpoint before the edit to the checkpoint after it is
    /// rescanned; the tables beyond are the old ones, shifted by the edit's size and counts.
    public func replacing(_ range: Range<Int>, with replacement: String) -> IndexedText {
        let lower = max(0, min(range.lowerBound, bytes.count))
        let upper = max(lower, min(range.upperBound, bytes.count))
        var newBytes = bytes
        newBytes.replaceSubrange(lower..<upper, with: replacement.utf8)
        let delta = newBytes.count - bytes.count

        // Rescan from a checkpoint at or before the edit, never just after a CR (whose LF
        // might now follow it), ...
        var firstKept = Self.lastIndex(in: checkpoints, notAbove: lower)
        while firstKept > 0, bytes[checkpoints[firstKept] - 1] == 0x0D { firstKept -= 1 }
        let rescanStart = checkpoints[firstKept]
        // ... to an old checkpoint after it, again never just after a CR, in the old text or
        // the new, so that no CRLF straddles the seam.
        var resume = Self.firstIndex(in: checkpoints, notBelow: upper)
        func followsCR(_ offset: Int, in text: [UInt8]) -> Bool { offset > 0 && text[offset - 1] == 0x0D }
        while resume < checkpoints.count,
            followsCR(checkpoints[resume], in: bytes) || followsCR(checkpoints[resume] + delta, in: newBytes)
        {
            resume += 1
        }
        let oldResume = resume < checkpoints.count ? checkpoints[resume] : bytes.count
        let rescanEnd = oldResume + delta

        var scanner = TextScanner(expectedBytes: newBytes.count)
        // Line breaks wholly before the rescan start are kept as they were.
        let keptLines = Self.lastIndex(in: lineStarts, notAbove: rescanStart)
        scanner.lineStarts = Array(lineStarts[0...keptLines])
        scanner.lineContentEnds = Array(lineContentEnds[0..<keptLines])
        scanner.checkpoints = Array(checkpoints[0..<firstKept])
        scanner.scalarsBefore = Array(scalarsBefore[0..<firstKept])
        scanner.utf16Before = Array(utf16Before[0..<firstKept])
        scanner.scalars = scalarsBefore[firstKept]
        scanner.utf16 = utf16Before[firstKept]
        newBytes.withUnsafeBytes { scanner.scan($0, from: rescanStart, to: rescanEnd) }

        // Everything after the rescanned stretch moves by `delta` bytes and by the change in
        // counts up to that point.
        if resume < checkpoints.count {
            let scalarShift = scanner.scalars - scalarsBefore[resume]
            let utf16Shift = scanner.utf16 - utf16Before[resume]
            for index in resume..<checkpoints.count {
                scanner.checkpoints.append(checkpoints[index] + delta)
                scanner.scalarsBefore.append(scalarsBefore[index] + scalarShift)
                scanner.utf16Before.append(utf16Before[index] + utf16Shift)
            }
        }
        let firstMovedBreak = Self.firstIndex(in: lineContentEnds, notBelow: oldResume)
        for index in firstMovedBreak..<(lineContentEnds.count - 1) {
            scanner.lineContentEnds.append(lineContentEnds[index] + delta)
            scanner.lineStarts.append(lineStarts[index + 1] + delta)
        }
        if scanner.checkpoints.isEmpty { scanner.addCheckpoint(at: 0) }  // the text became empty
        scanner.lineContentEnds.append(newBytes.count)
        return IndexedText(
            bytes: newBytes, lineStarts: scanner.lineStarts, lineContentEnds: scanner.lineContentEnds,
            checkpoints: scanner.checkpoints, scalarsBefore: scanner.scalarsBefore, utf16Before: scanner.utf16Before)
    }

    // MARK: - Tables

    /// The index of the last element of ascending `array` that is `<= value` (0 if none).
    static func lastIndex(in array: [Int], notAbove value: Int) -> Int {
        var low = 0
        var high = array.count - 1
        while low < high {
            let middle = (low + high + 1) >> 1
            if array[middle] <= value { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The index of the first element of ascending `array` that is `>= value` (count if none).
    static func firstIndex(in array: [Int], notBelow value: Int) -> Int {
        var low = 0
        var high = array.count
        while low < high {
            let middle = (low + high) >> 1
            if array[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    @inline(__always)
    private func count(upTo byteOffset: Int, table: [Int], unitsOfLeadByte: (UInt8) -> Int) -> Int {
        let offset = max(0, min(byteOffset, bytes.count))
        let checkpoint = Self.lastIndex(in: checkpoints, notAbove: offset)
        var units = table[checkpoint]
        var index = checkpoints[checkpoint]
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
        var low = Self.lastIndex(in: checkpoints, notAbove: range.lowerBound)
        var high = Self.lastIndex(in: checkpoints, notAbove: range.upperBound)
        while low < high {
            let middle = (low + high + 1) >> 1
            if table[middle] <= units { low = middle } else { high = middle - 1 }
        }
        var index = max(checkpoints[low], range.lowerBound)
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

/// The pass that builds an `IndexedText`'s tables over a stretch of bytes. Its state lives
/// in one value, so the hot loop runs without dynamic exclusivity checks. It reads eight
/// bytes at a time: lead bytes and four-byte leads are counted with bit tricks, and line
/// breaks are found with an exact "byte equals" mask, so no byte is visited alone except at
/// the tail.
struct TextScanner {
    var lineStarts: [Int] = [0]
    var lineContentEnds: [Int] = []
    var checkpoints: [Int] = []
    var scalarsBefore: [Int] = []
    var utf16Before: [Int] = []
    var scalars = 0
    var utf16 = 0
    /// Where the last CR was, so that an LF right after it joins it as one CRLF break.
    var lastCR = -2

    init(expectedBytes: Int) {
        lineStarts.reserveCapacity(expectedBytes / 48 + 2)
        lineContentEnds.reserveCapacity(expectedBytes / 48 + 2)
        checkpoints.reserveCapacity(expectedBytes / IndexedText.checkpointSpacing + 2)
        scalarsBefore.reserveCapacity(expectedBytes / IndexedText.checkpointSpacing + 2)
        utf16Before.reserveCapacity(expectedBytes / IndexedText.checkpointSpacing + 2)
    }

    /// Records the line break byte (LF or CR) at `index`.
    @inline(__always)
    mutating func recordBreak(_ byte: UInt8, at index: Int) {
        if byte == 0x0A, lastCR == index - 1 {
            lineStarts[lineStarts.count - 1] = index + 1  // CRLF is one break
            return
        }
        lineContentEnds.append(index)
        lineStarts.append(index + 1)
        if byte == 0x0D { lastCR = index }
    }

    @inline(__always)
    mutating func addCheckpoint(at index: Int) {
        checkpoints.append(index)
        scalarsBefore.append(scalars)
        utf16Before.append(utf16)
    }

    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let high: UInt64 = 0x8080_8080_8080_8080
    static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// Bit 7 of each byte of the result is set exactly where `word`'s byte equals `byte`.
    @inline(__always)
    static func bytesEqual(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        return ~(((x & low7) &+ low7) | x | low7)
    }

    /// How many bytes have bit 7 set in `bits`, where only bit 7 of a byte can be set: one
    /// multiply sums them, with no need for a popcount instruction.
    @inline(__always)
    static func countHighBits(_ bits: UInt64) -> Int {
        Int(((bits >> 7) &* ones) >> 56)
    }

    /// Scans `raw[start..<end]`, adding a checkpoint at `start` and every 64 bytes after it.
    mutating func scan(_ raw: UnsafeRawBufferPointer, from start: Int, to end: Int) {
        var index = start
        var nextCheckpoint = start
        while index + 8 <= end {
            if index == nextCheckpoint {
                addCheckpoint(at: index)
                nextCheckpoint += IndexedText.checkpointSpacing
            }
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // Scalars are lead bytes (not 10xxxxxx); a four-byte lead (11110xxx) is two
            // UTF-16 units.
            let continuation = Self.countHighBits(word & ~(word << 1) & Self.high)
            let fourByteLeads = Self.countHighBits(word & (word << 1) & (word << 2) & (word << 3) & Self.high)
            scalars += 8 - continuation
            utf16 += 8 - continuation + fourByteLeads
            var breaks = Self.bytesEqual(word, 0x0A) | Self.bytesEqual(word, 0x0D)
            while breaks != 0 {
                let at = index + breaks.trailingZeroBitCount >> 3
                recordBreak(raw[at], at: at)
                breaks &= breaks &- 1
            }
            index += 8
        }
        if index == nextCheckpoint, index < end { addCheckpoint(at: index) }
        while index < end {
            let byte = raw[index]
            if byte & 0xC0 != 0x80 {
                scalars += 1
                utf16 += byte >= 0xF0 ? 2 : 1
            }
            if byte == 0x0A || byte == 0x0D { recordBreak(byte, at: index) }
            index += 1
        }
    }
}
