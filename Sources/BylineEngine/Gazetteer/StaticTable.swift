/// A read-only hash table over the lines of a static string literal, keyed case-insensitively
/// (ASCII) by a field of each line, and queried with raw bytes.
///
/// Gazetteers are compiled into the binary as string literals (see `Generated/`), so building
/// a table is only hashing each line in place: no `String` is made per entry, and a lookup
/// with a token's bytes makes none either. That keeps start-up and every keystroke cheap.
struct StaticTable: @unchecked Sendable {
    // @unchecked: `base` points into a static string literal, immutable for the process.
    private let base: UnsafePointer<UInt8>
    /// Per entry: where its line starts and ends, and where its key ends (first `|` or the
    /// line end).
    private let lineStarts: [Int32]
    private let lineEnds: [Int32]
    private let keyEnds: [Int32]
    /// Open addressing; each slot holds an entry index + 1, or 0 when empty.
    private let slots: [Int32]
    private let mask: Int

    init(_ literal: StaticString) {
        self.init(base: literal.utf8Start, count: literal.utf8CodeUnitCount)
    }

    /// A table over bytes that the caller keeps alive and unchanged for the table's lifetime.
    init(base: UnsafePointer<UInt8>, count: Int) {
        var lineStarts: [Int32] = []
        var lineEnds: [Int32] = []
        var keyEnds: [Int32] = []
        Self.forEachLine(base, count) { start, keyEnd, end in
            lineStarts.append(Int32(start))
            lineEnds.append(Int32(end))
            keyEnds.append(Int32(keyEnd))
        }
        var capacity = 16
        while capacity < lineStarts.count * 2 { capacity <<= 1 }
        var slots = [Int32](repeating: 0, count: capacity)
        let mask = capacity - 1
        for entry in 0..<lineStarts.count {
            let key = UnsafeBufferPointer(start: base + Int(lineStarts[entry]), count: Int(keyEnds[entry] - lineStarts[entry]))
            var slot = Self.hash(key) & mask
            while slots[slot] != 0 {
                // Keep the first of duplicate keys: generated tables list the likeliest first.
                if Self.equalIgnoringASCIICase(Self.key(base, lineStarts, keyEnds, Int(slots[slot]) - 1), key) { break }
                slot = (slot + 1) & mask
            }
            if slots[slot] == 0 { slots[slot] = Int32(entry + 1) }
        }
        self.base = base
        self.lineStarts = lineStarts
        self.lineEnds = lineEnds
        self.keyEnds = keyEnds
        self.slots = slots
        self.mask = mask
    }

    var count: Int { lineStarts.count }

    /// Calls `body` with each non-empty line's start, key end (the first `|`, or the line's
    /// end) and end, as byte offsets from `base`.
    static func forEachLine(_ base: UnsafePointer<UInt8>, _ count: Int, _ body: (Int, Int, Int) -> Void) {
        var start = 0
        while start < count {
            // Indentation is not part of an entry: a literal whose closing delimiter moved
            // would otherwise indent every line and silently empty the table.
            while start < count, base[start] == 0x20 { start += 1 }
            var end = start
            var keyEnd = -1
            while end < count, base[end] != 0x0A {
                if keyEnd < 0, base[end] == UInt8(ascii: "|") { keyEnd = end }
                end += 1
            }
            if end > start { body(start, keyEnd < 0 ? end : keyEnd, end) }
            start = end + 1
        }
    }

    private static func key(_ base: UnsafePointer<UInt8>, _ starts: [Int32], _ keyEnds: [Int32], _ entry: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + Int(starts[entry]), count: Int(keyEnds[entry] - starts[entry]))
    }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        // FNV-1a over ASCII-lower-cased bytes.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(lowercased(byte))) &* 0x0000_0100_0000_01B3
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }

    @inline(__always)
    static func equalIgnoringASCIICase(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for index in 0..<a.count where lowercased(a[index]) != lowercased(b[index]) { return false }
        return true
    }

    /// The entry whose key equals `key` ignoring ASCII case, if any.
    func entry(for key: UnsafeBufferPointer<UInt8>) -> Int? { entry(for: key, hash: Self.hash(key)) }

    /// The same, with `hash` (`StaticTable.hash(key)`) computed once for several tables.
    func entry(for key: UnsafeBufferPointer<UInt8>, hash: Int) -> Int? {
        guard !lineStarts.isEmpty else { return nil }
        var slot = hash & mask
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { return nil }
            if Self.equalIgnoringASCIICase(Self.key(base, lineStarts, keyEnds, stored - 1), key) { return stored - 1 }
            slot = (slot + 1) & mask
        }
    }

    func contains(_ key: UnsafeBufferPointer<UInt8>) -> Bool { entry(for: key) != nil }

    func entry(for key: String) -> Int? {
        var key = key
        return key.withUTF8 { entry(for: $0) }
    }

    /// The key of an entry exactly as the table spells it.
    func key(of entry: Int) -> String {
        String(decoding: Self.key(base, lineStarts, keyEnds, entry), as: UTF8.self)
    }

    /// The `|`-separated fields of an entry's line, the key first.
    func fields(of entry: Int) -> [String] {
        // Split on the bytes: `|` never occurs inside a UTF-8 sequence.
        var fields: [String] = []
        var start = Int(lineStarts[entry])
        let end = Int(lineEnds[entry])
        var index = start
        while index <= end {
            if index == end || base[index] == UInt8(ascii: "|") {
                fields.append(String(decoding: UnsafeBufferPointer(start: base + start, count: index - start), as: UTF8.self))
                start = index + 1
            }
            index += 1
        }
        return fields
    }

    /// Field 1 as a non-negative integer (`may|5` → 5), read in place.
    func integer(of entry: Int) -> Int? { integer(ofField: 1, entry: entry) }

    /// Field `field` (0 is the key) as a non-negative integer, read in place.
    func integer(ofField field: Int, entry: Int) -> Int? {
        var index = Int(lineStarts[entry])
        let end = Int(lineEnds[entry])
        var separators = 0
        while separators < field, index < end {
            if base[index] == UInt8(ascii: "|") { separators += 1 }
            index += 1
        }
        guard separators == field, index < end else { return nil }
        var value = 0
        while index < end, base[index] &- UInt8(ascii: "0") < 10 {
            value = value * 10 + Int(base[index] &- UInt8(ascii: "0"))
            index += 1
        }
        return value
    }

}
