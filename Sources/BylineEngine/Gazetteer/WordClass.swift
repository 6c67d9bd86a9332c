/// The closed-class lists a word belongs to, as bits, so that a recogniser asks "is this a
/// unit?" with a bit test instead of a hash lookup. Each token is looked up once per
/// analysis (`TokenView.classes`).
public struct WordClass: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    static let honorific = WordClass(rawValue: 1 << 0)
    static let title = WordClass(rawValue: 1 << 1)
    static let organizationHead = WordClass(rawValue: 1 << 2)
    static let locationHead = WordClass(rawValue: 1 << 3)
    static let facilityHead = WordClass(rawValue: 1 << 4)
    static let eventHead = WordClass(rawValue: 1 << 5)
    static let speechVerb = WordClass(rawValue: 1 << 6)
    static let month = WordClass(rawValue: 1 << 7)
    static let weekday = WordClass(rawValue: 1 << 8)
    static let season = WordClass(rawValue: 1 << 9)
    static let numberWord = WordClass(rawValue: 1 << 10)
    static let ordinal = WordClass(rawValue: 1 << 11)
    static let currency = WordClass(rawValue: 1 << 12)
    static let unit = WordClass(rawValue: 1 << 13)
    static let timeUnit = WordClass(rawValue: 1 << 14)
    static let clockUnit = WordClass(rawValue: 1 << 15)
    static let scale = WordClass(rawValue: 1 << 16)
    static let connector = WordClass(rawValue: 1 << 17)
    static let placePreposition = WordClass(rawValue: 1 << 18)
    static let determiner = WordClass(rawValue: 1 << 19)
    static let group = WordClass(rawValue: 1 << 20)
    /// Words that start relative dates and times: today, last, next, this, tonight, noon.
    static let relative = WordClass(rawValue: 1 << 21)
    /// A nationality from the country table ("Russian", "Russians").
    static let demonym = WordClass(rawValue: 1 << 22)
    /// Function words and sentence adverbs ("The", "But", "When", "However"): capitalised
    /// only because a sentence starts with them, even right before a name.
    static let functionWord = WordClass(rawValue: 1 << 23)
    // From the large gazetteers; filled in for capitalised tokens only.
    static let common = WordClass(rawValue: 1 << 24)
    static let firstName = WordClass(rawValue: 1 << 25)
    static let surname = WordClass(rawValue: 1 << 26)
    static let properNoun = WordClass(rawValue: 1 << 27)
    static let capitalizedCommon = WordClass(rawValue: 1 << 28)
    /// First names given mostly to men or to women (US Census), for pronoun agreement.
    static let maleName = WordClass(rawValue: 1 << 29)
    static let femaleName = WordClass(rawValue: 1 << 30)
    /// Communication verbs that introduce reported speech (a subset of `speechVerb`, which
    /// also holds verbs of belief).
    static let reportingVerb = WordClass(rawValue: 1 << 31)
}

/// Every word the engine knows as a common word, a name, or a member of a closed class, with
/// all its classes as bits: one lookup per token answers every such question.
///
/// Keys point into the embedded literals (or, for a few built-in words, into storage
/// allocated once), so building the table copies no text.
struct WordTable: @unchecked Sendable {
    // @unchecked: every key pointer refers to static or never-freed, never-changed bytes.
    private struct Entry {
        var key: UnsafePointer<UInt8>
        var length: Int32
        var bits: WordClass
    }

    /// Open addressing; a slot holds the key's hash in its high half (to skip most key
    /// comparisons, and the cache misses they cost) and the entry index + 1 in its low half.
    private var slots: [UInt64]
    private var entries: [Entry] = []
    /// The storage `add(words:)` copies words into, kept here so that it stays reachable
    /// (LeakSanitizer would otherwise report it: entries point into it only by offset).
    private var ownedStorage: [UnsafeMutablePointer<UInt8>] = []
    private let mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        entries.reserveCapacity(capacity)
    }

    /// Adds every line of a literal (the key is the text before any `|`) with `wordClass`.
    mutating func add(lines literal: StaticString, as wordClass: WordClass) {
        add(lines: literal.utf8Start, count: literal.utf8CodeUnitCount, as: wordClass)
    }

    /// Adds words that have no literal of their own, copied once into permanent storage.
    mutating func add(words: [String], as wordClass: WordClass) {
        let joined = Array(words.joined(separator: "\n").utf8)
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, joined.count))
        storage.initialize(from: joined, count: joined.count)
        ownedStorage.append(storage)
        add(lines: UnsafePointer(storage), count: joined.count, as: wordClass)
    }

    /// Adds first names, `Name|M`, `Name|F` or `Name|U`, with their gender bits.
    mutating func add(firstNames literal: StaticString) {
        add(lines: literal.utf8Start, count: literal.utf8CodeUnitCount, as: .firstName) { payload in
            payload == UInt8(ascii: "M") ? .maleName : payload == UInt8(ascii: "F") ? .femaleName : []
        }
    }

    private mutating func add(
        lines base: UnsafePointer<UInt8>, count: Int, as wordClass: WordClass, extra: (UInt8) -> WordClass = { _ in [] }
    ) {
        StaticTable.forEachLine(base, count) { start, keyEnd, end in
            let payload = keyEnd + 1 < end ? base[keyEnd + 1] : 0
            insert(base + start, keyEnd - start, wordClass.union(extra(payload)))
        }
    }

    private mutating func insert(_ key: UnsafePointer<UInt8>, _ length: Int, _ wordClass: WordClass) {
        let buffer = UnsafeBufferPointer(start: key, count: length)
        let hash = StaticTable.hash(buffer)
        let tag = UInt64(UInt32(truncatingIfNeeded: hash >> 20)) << 32
        var slot = hash & mask
        while slots[slot] != 0 {
            let stored = slots[slot]
            let entry = Int(stored & 0xFFFF_FFFF) - 1
            if stored & 0xFFFF_FFFF_0000_0000 == tag,
                StaticTable.equalIgnoringASCIICase(UnsafeBufferPointer(start: entries[entry].key, count: Int(entries[entry].length)), buffer)
            {
                entries[entry].bits.formUnion(wordClass)
                return
            }
            slot = (slot + 1) & mask
        }
        entries.append(Entry(key: key, length: Int32(length), bits: wordClass))
        slots[slot] = tag | UInt64(entries.count)
        precondition(entries.count * 2 <= slots.count, "WordTable capacity too small")
    }

    func classes(of word: [UInt8]) -> WordClass {
        word.withUnsafeBufferPointer { classes(of: $0) }
    }

    @inline(__always)
    func classes(of word: UnsafeBufferPointer<UInt8>) -> WordClass {
        let hash = StaticTable.hash(word)
        let tag = UInt64(UInt32(truncatingIfNeeded: hash >> 20)) << 32
        var slot = hash & mask
        return slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                while true {
                    let stored = slots[slot]
                    if stored == 0 { return [] }
                    if stored & 0xFFFF_FFFF_0000_0000 == tag {
                        let entry = entries[Int(stored & 0xFFFF_FFFF) - 1]
                        if entry.length == word.count,
                            StaticTable.equalIgnoringASCIICase(UnsafeBufferPointer(start: entry.key, count: word.count), word)
                        {
                            return entry.bits
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }
}
