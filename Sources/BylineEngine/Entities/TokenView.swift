/// The tokens of an article with its bytes, and the small questions every recogniser asks
/// about a token ("is it capitalised?", "is it the word `of`?") answered on bytes.
struct TokenView {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: [Token]
    let lexicon: Lexicon
    /// Per token, every word list it belongs to: one lookup per token, then bit tests.
    let classes: [WordClass]

    init(bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], lexicon: Lexicon) {
        self.bytes = bytes
        self.tokens = tokens
        self.lexicon = lexicon
        var classes = [WordClass](repeating: [], count: tokens.count)
        for (index, token) in tokens.enumerated() where token.kind == .word || token.kind == .number {
            let text = UnsafeBufferPointer(rebasing: bytes[token.range])
            classes[index] = lexicon.words.classes(of: text)
        }
        self.classes = classes
    }

    /// A view over tokens whose word classes are already known (from a `TokenCache`).
    init(bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], classes: [WordClass], lexicon: Lexicon) {
        self.bytes = bytes
        self.tokens = tokens
        self.lexicon = lexicon
        self.classes = classes
    }

    var count: Int { tokens.count }

    /// The token ranges of the text's lines.
    func lines() -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for index in 1..<max(1, count) where tokens[index].flags.contains(.startsLine) {
            result.append(start..<index)
            start = index
        }
        if count > 0 { result.append(start..<count) }
        return result
    }

    /// Whether token `index` belongs to all of `wordClass`.
    @inline(__always)
    func has(_ index: Int, _ wordClass: WordClass) -> Bool {
        index >= 0 && index < classes.count && classes[index].isSuperset(of: wordClass)
    }

    @inline(__always)
    func text(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[tokens[index].range])
    }

    func string(_ index: Int) -> String { String(decoding: text(index), as: UTF8.self) }

    func string(_ range: Range<Int>) -> String {
        guard let first = range.first, let last = range.last else { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(tokens[first].start)..<Int(tokens[last].end)]), as: UTF8.self)
    }

    /// The tokens' text joined by single spaces, as gazetteer keys are written.
    func normalized(_ range: Range<Int>) -> [UInt8] {
        var key: [UInt8] = []
        for index in range {
            if index > range.lowerBound, !tokens[index].flags.contains(.attached) { key.append(0x20) }
            key.append(contentsOf: text(index))
        }
        return key
    }

    /// Whether token `index` is the word `word` (ASCII, any case).
    @inline(__always)
    func `is`(_ index: Int, _ word: StaticString) -> Bool {
        guard index >= 0, index < tokens.count else { return false }
        let token = tokens[index]
        guard token.length == word.utf8CodeUnitCount else { return false }
        let pointer = word.utf8Start
        for offset in 0..<token.length where StaticTable.lowercased(bytes[Int(token.start) + offset]) != pointer[offset] {
            return false
        }
        return true
    }

    func isAny(_ index: Int, _ words: [StaticString]) -> Bool {
        words.contains { `is`(index, $0) }
    }

    @inline(__always)
    func lookup(_ table: StaticTable, _ index: Int) -> Int? {
        guard index >= 0, index < tokens.count else { return nil }
        return table.entry(for: text(index))
    }

    @inline(__always)
    func contains(_ table: StaticTable, _ index: Int) -> Bool { lookup(table, index) != nil }

    /// A country, a state or a nation the gazetteers know ("England", "Texas").
    func isCountryOrState(_ range: Range<Int>) -> Bool {
        lookup(lexicon.countries, range) != nil || lookup(lexicon.usStates, range) != nil
            || lookup(lexicon.countryAliases, range) != nil || lookup(lexicon.knownGeopoliticalEntities, range) != nil
    }

    func lookup(_ table: StaticTable, _ range: Range<Int>) -> Int? {
        if range.count == 1 { return lookup(table, range.lowerBound) }
        let key = normalized(range)
        return key.withUnsafeBufferPointer { table.entry(for: $0) }
    }

    @inline(__always)
    func isCapitalized(_ index: Int) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].flags.contains(.capitalized)
    }

    @inline(__always)
    func isWord(_ index: Int) -> Bool { index >= 0 && index < tokens.count && tokens[index].kind == .word }

    func isPunctuation(_ index: Int, _ character: UInt8) -> Bool {
        guard index >= 0, index < tokens.count, tokens[index].kind == .punctuation || tokens[index].kind == .symbol,
            tokens[index].length == 1
        else { return false }
        return bytes[Int(tokens[index].start)] == character
    }

    /// An integer written in digits (commas allowed), if token `index` is one.
    func integerValue(_ index: Int) -> Int? {
        guard index >= 0, index < tokens.count, tokens[index].kind == .number else { return nil }
        var value = 0
        for byte in text(index) {
            if byte == UInt8(ascii: ",") { continue }
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int(digit)
            if value > 1_000_000_000_000 { return nil }
        }
        return value
    }

    /// The numeric payload of a `word|N` list entry for token `index`.
    func payload(_ table: StaticTable, _ index: Int) -> Int? {
        guard let entry = lookup(table, index) else { return nil }
        return table.integer(of: entry)
    }
}
