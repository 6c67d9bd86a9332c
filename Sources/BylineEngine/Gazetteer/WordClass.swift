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
    // From the large gazetteers; filled in for capitalised tokens only.
    static let common = WordClass(rawValue: 1 << 24)
    static let firstName = WordClass(rawValue: 1 << 25)
    static let surname = WordClass(rawValue: 1 << 26)
    static let properNoun = WordClass(rawValue: 1 << 27)
    static let capitalizedCommon = WordClass(rawValue: 1 << 28)
}

/// Every closed-class word with its classes, in one table.
struct WordClassTable: @unchecked Sendable {
    // @unchecked: the table's bytes are allocated once and never freed or changed.
    let table: StaticTable
    let classes: [WordClass]

    init(_ lists: [(StaticString, WordClass)], extra: [(String, WordClass)]) {
        var merged: [String: WordClass] = [:]
        var order: [String] = []
        func add(_ word: String, _ wordClass: WordClass) {
            let key = word.lowercased()
            if merged[key] == nil { order.append(key) }
            merged[key, default: []].formUnion(wordClass)
        }
        for (literal, wordClass) in lists {
            let text = String(decoding: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount), as: UTF8.self)
            for line in text.split(separator: "\n") {
                add(String(line.split(separator: "|", maxSplits: 1)[0]), wordClass)
            }
        }
        for (word, wordClass) in extra { add(word, wordClass) }
        let joined = Array(order.joined(separator: "\n").utf8)
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, joined.count))
        storage.initialize(from: joined, count: joined.count)
        let table = StaticTable(base: storage, count: joined.count)
        self.table = table
        classes = (0..<table.count).map { merged[table.key(of: $0).lowercased()] ?? [] }
    }

    @inline(__always)
    func classes(of word: UnsafeBufferPointer<UInt8>) -> WordClass {
        guard let entry = table.entry(for: word) else { return [] }
        return classes[entry]
    }
}
