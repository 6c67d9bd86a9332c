/// What a token is.
public enum TokenKind: UInt8, Sendable {
    case word
    /// Starts with a digit: 1,000.5, 3.5, 2nd, 10-month, 1996-08-30, 10:30.
    case number
    /// `$ € £ ¥ %` and other symbols.
    case symbol
    /// Sentence and clause punctuation: . , ; : ! ? ( ) [ ] and the like.
    case punctuation
    /// Opening or closing quotation marks of every style, and apostrophes used as quotes.
    case quote
    /// — – -- and a free-standing hyphen.
    case dash
    /// … and ...
    case ellipsis
    case url
    case email
    case handle
    case hashtag
}

/// One token: a byte range of the analysed text, its kind and what it looks like.
public struct Token: Sendable {
    public var start: Int32
    public var end: Int32
    public var kind: TokenKind
    public var flags: TokenFlags

    public var range: Range<Int> { Int(start)..<Int(end) }
    public var length: Int { Int(end - start) }
}

/// Shape and position facts about a token, computed once while tokenising.
public struct TokenFlags: OptionSet, Sendable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// First character is an upper-case letter.
    public static let capitalized = TokenFlags(rawValue: 1 << 0)
    /// Has letters and none of them is lower case (NATO, U.S., CCTV).
    public static let allCaps = TokenFlags(rawValue: 1 << 1)
    /// Contains a hyphen between letters or digits.
    public static let hyphenated = TokenFlags(rawValue: 1 << 2)
    /// An abbreviation that took its final period (Mr., U.S., Inc., J.).
    public static let abbreviation = TokenFlags(rawValue: 1 << 3)
    /// The first token after a line break.
    public static let startsLine = TokenFlags(rawValue: 1 << 4)
    /// The first token after a blank line (or of the text).
    public static let startsParagraph = TokenFlags(rawValue: 1 << 5)
    /// The first token of a sentence (set by the sentence splitter).
    public static let startsSentence = TokenFlags(rawValue: 1 << 6)
    /// Preceded directly by the previous token, with no space between.
    public static let attached = TokenFlags(rawValue: 1 << 7)
    /// A possessive clitic split off a word: 's, ’s, or a bare ’ after a plural.
    public static let possessive = TokenFlags(rawValue: 1 << 8)
    /// A quotation mark that opens (set on `.quote` tokens).
    public static let opening = TokenFlags(rawValue: 1 << 9)
    /// Contains a non-ASCII letter.
    public static let nonASCII = TokenFlags(rawValue: 1 << 10)
    /// Has a digit.
    public static let hasDigit = TokenFlags(rawValue: 1 << 11)
}

/// Splits news English into tokens, on UTF-8 bytes.
///
/// It keeps together what a news reader reads as one unit: abbreviations with their period
/// (Mr., U.S., Inc.) and initials, numbers with separators (1,000.5), hyphenated compounds
/// (Russian-Chinese, 10-month), names with apostrophes (O'Brien), URLs, e-mail addresses,
/// @handles and #hashtags. It splits off possessives (China’s → China + ’s), currency signs
/// and percent signs, and every quotation mark, so that quotes can be paired later.
public struct Tokenizer: Sendable {
    /// Whether one line break next to a long line starts a paragraph. Plain text pasted from
    /// the web often has each paragraph on one long line and a single line break after it,
    /// and hard-wrapped text has no line that long, so such a break can only end a
    /// paragraph. (Markdown keeps its own rule: only a blank line ends a paragraph.)
    public var longLinesEndParagraphs: Bool

    /// Lines longer than this many scalars are no hard wrap's.
    static let unwrappedLineLength = 100

    public init(longLinesEndParagraphs: Bool = true) {
        self.longLinesEndParagraphs = longLinesEndParagraphs
    }

    public func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [Token] {
        var scanner = TokenScanner(bytes: bytes, end: range.upperBound)
        scanner.longLinesEndParagraphs = longLinesEndParagraphs
        scanner.position = range.lowerBound
        scanner.run()
        return scanner.tokens
    }

    public func tokenize(_ text: IndexedText, range: Range<Int>? = nil) -> [Token] {
        text.bytes.withUnsafeBufferPointer { tokenize($0, range: range ?? 0..<$0.count) }
    }

    /// Whether the single line break at `breakStart`, before the line at `nextLine`, ends a
    /// paragraph of unwrapped text: a line on either side is longer than a hard wrap makes
    /// lines, the line before ends a sentence, and the next one begins one. (The next line
    /// does not end a quotation it never opened either: in “… must not happen. ¶ Charles
    /// Chamberlain, Democracy for America.” the signature is still inside the quote.) Reads the
    /// whole buffer, not only a range being tokenised, so that a re-tokenised paragraph gets
    /// the flags a fresh tokenisation gives it.
    static func isUnwrappedParagraphBreak(_ bytes: UnsafeBufferPointer<UInt8>, breakStart: Int, nextLine: Int) -> Bool {
        func isBreak(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }
        // The line before ends a sentence: . ! ? : or a closing mark (” ’ " ').
        var last = breakStart - 1
        while last >= 0, bytes[last] == 0x20 || bytes[last] == 0x09 { last -= 1 }
        guard last >= 0 else { return false }
        let ending = bytes[last]
        let endsSentence = ending == UInt8(ascii: ".") || ending == UInt8(ascii: "!") || ending == UInt8(ascii: "?") || ending == UInt8(ascii: ":")
            || ending == UInt8(ascii: "\"") || ending == UInt8(ascii: "'")
            || last >= 2 && bytes[last - 2] == 0xE2 && bytes[last - 1] == 0x80 && (ending == 0x9D || ending == 0x99)
        guard endsSentence, nextLine < bytes.count else { return false }
        // The next line begins one: not with a lower-case letter.
        let opening = bytes[nextLine]
        if opening >= UInt8(ascii: "a") && opening <= UInt8(ascii: "z") { return false }
        // Scalars counted as bytes that are no UTF-8 continuation; the next line's double
        // marks counted too.
        var length = 0
        var marks = 0
        var endsWithMark = false
        var index = nextLine
        while index < bytes.count, !isBreak(bytes[index]) {
            let byte = bytes[index]
            if byte & 0xC0 != 0x80 { length += 1 }
            if byte == UInt8(ascii: "\"") || byte == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0x9C || bytes[index + 2] == 0x9D) {
                marks += 1
                endsWithMark = true
            } else if byte != 0x20, byte != 0x09, byte & 0xC0 != 0x80 {
                endsWithMark = false
            }
            index += 1
        }
        if marks == 1, endsWithMark { return false }
        if length > unwrappedLineLength { return true }
        length = 0
        index = breakStart - 1
        while index >= 0, !isBreak(bytes[index]), length <= unwrappedLineLength {
            if bytes[index] & 0xC0 != 0x80 { length += 1 }
            index -= 1
        }
        return length > unwrappedLineLength
    }

    /// The line breaks in the white space right before `position`, a CR LF counted once, and
    /// where that white space begins.
    static func lineBreaks(before position: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (count: Int, whiteStart: Int) {
        var count = 0
        var index = position
        while index > 0 {
            let byte = bytes[index - 1]
            if byte == 0x0A {
                count += 1
                if index >= 2, bytes[index - 2] == 0x0D { index -= 1 }
            } else if byte == 0x0D {
                count += 1
            } else if byte != 0x20, byte != 0x09 {
                break
            }
            index -= 1
        }
        return (count, index)
    }
}

/// Abbreviations that take their period (matched case-sensitively, without the period).
let periodAbbreviations: Set<String> = [
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Sgt", "Cpl", "Maj", "Adm",
    "Rev", "Hon", "Pres", "Gov", "Atty", "Supt", "Insp", "Cmdr", "Brig", "Fr", "Sr", "Jr", "St", "Mt", "Ft", "Ave",
    "Blvd", "Rd", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue",
    "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "Inc", "Corp", "Ltd", "Co", "Cos", "Bros", "Dept",
    "Univ", "Assn", "No", "Nos", "Vol", "vs", "etc", "approx", "est", "Fig", "fig", "al", "Ph", "Calif", "Conn",
    "Fla", "Ill", "Mass", "Mich", "Minn", "Penn", "Tenn", "Tex", "Va", "Wash", "Wis", "Ariz", "Ark", "Colo", "Del",
    "Ga", "Kan", "Ky", "La", "Md", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Vt", "Wyo", "a.m", "p.m",
]

/// The scanning state; all of it lives here so that the loop runs on locals.
private struct TokenScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let end: Int
    var position = 0
    var tokens: [Token] = []
    var pendingFlags: TokenFlags = [.startsParagraph, .startsLine]
    var lastEnd = -1
    var longLinesEndParagraphs = true

    init(bytes: UnsafeBufferPointer<UInt8>, end: Int) {
        self.bytes = bytes
        self.end = end
        tokens.reserveCapacity(max(16, (end) / 5))
    }

    @inline(__always) func byte(_ index: Int) -> UInt8 { index < end ? bytes[index] : 0 }

    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) &- UInt8(ascii: "a") < 26 }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- UInt8(ascii: "A") < 26 }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b &- UInt8(ascii: "a") < 26 }

    /// The scalar at `index` and its UTF-8 length (for bytes ≥ 0x80).
    func scalar(at index: Int) -> (value: UInt32, length: Int) {
        let b0 = UInt32(byte(index))
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return (((b0 & 0x1F) << 6) | (UInt32(byte(index + 1)) & 0x3F), 2) }
        if b0 < 0xF0 {
            return (((b0 & 0x0F) << 12) | ((UInt32(byte(index + 1)) & 0x3F) << 6) | (UInt32(byte(index + 2)) & 0x3F), 3)
        }
        return (((b0 & 0x07) << 18) | ((UInt32(byte(index + 1)) & 0x3F) << 12) | ((UInt32(byte(index + 2)) & 0x3F) << 6)
            | (UInt32(byte(index + 3)) & 0x3F), 4)
    }

    /// What a non-ASCII scalar is to the tokenizer.
    enum Class { case letter, space, quote, apostrophe, dash, ellipsis, symbol, punctuation }

    static func classify(_ scalar: UInt32) -> Class {
        switch scalar {
        case 0x00A0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF: return .space
        case 0x2019: return .apostrophe  // also a closing single quote; decided in context
        case 0x2018, 0x201A, 0x201B, 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2039, 0x203A, 0x300C, 0x300D:
            return .quote
        case 0x2010, 0x2011: return .letter  // hyphens inside words
        case 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: return .dash
        case 0x2026: return .ellipsis
        case 0x20A0...0x20CF, 0x00A2...0x00A5, 0x00A9, 0x00AE, 0x00B0, 0x2122: return .symbol
        case 0x00A1, 0x00A7, 0x00B6, 0x00B7, 0x00BF, 0x2020...0x2025, 0x2027, 0x2030...0x2038, 0x203B...0x205E,
            0x3001, 0x3002:
            return .punctuation
        default: return .letter
        }
    }

    mutating func emit(_ start: Int, _ end: Int, _ kind: TokenKind, _ flags: TokenFlags = []) {
        var flags = flags.union(pendingFlags)
        if start == lastEnd { flags.insert(.attached) }
        tokens.append(Token(start: Int32(start), end: Int32(end), kind: kind, flags: flags))
        pendingFlags = []
        lastEnd = end
    }

    mutating func run() {
        while position < end {
            let b = bytes[position]
            if b == 0x0A || b == 0x0D {
                skipLineBreaks()
                continue
            }
            if b == 0x20 || b == 0x09 || b == 0x0C || b == 0x0B {
                position += 1
                continue
            }
            if b < 0x80 {
                scanASCII(b)
            } else {
                let (value, length) = scalar(at: position)
                switch Self.classify(value) {
                case .space: position += length
                case .letter: scanWord()
                case .quote:
                    emit(position, position + length, .quote, isOpeningQuote(value, at: position, length: length) ? .opening : [])
                    position += length
                case .apostrophe: scanApostrophe(length: length)
                case .dash:
                    emit(position, position + length, .dash)
                    position += length
                case .ellipsis:
                    emit(position, position + length, .ellipsis)
                    position += length
                case .symbol:
                    emit(position, position + length, .symbol)
                    position += length
                case .punctuation:
                    emit(position, position + length, .punctuation)
                    position += length
                }
            }
        }
    }

    func isOpeningQuote(_ value: UInt32, at start: Int, length: Int) -> Bool {
        // A curly double mark typed the wrong way round (“It's unusual,“ said …, or
        // ”Yes” she said) is read by where it stands: glued to the word before it and
        // followed by a space, it closes; after a space and glued to a word, it opens.
        if value == 0x201C || value == 0x201D {
            let next = byte(start + length)
            let attachedBefore = lastEnd == start && tokens.last.map { $0.kind == .word || $0.kind == .number || $0.kind == .punctuation } == true
            let spaceAfter = next == 0x20 || next == 0x0A || next == 0x0D || next == 0x09 || start + length >= end
            if value == 0x201C, attachedBefore, spaceAfter, !isOpeningContext() { return false }
            if value == 0x201D, !attachedBefore, lastEnd != start, Self.isASCIILetter(next) || Self.isDigit(next) { return true }
            return value == 0x201C
        }
        switch value {
        case 0x2018, 0x201E, 0x201A, 0x00AB, 0x2039, 0x300C, 0x201F, 0x201B: return true
        default: return false
        }
    }

    mutating func skipLineBreaks() {
        let breakStart = position
        var lines = 0
        while position < end {
            let b = bytes[position]
            if b == 0x0A {
                lines += 1
                position += 1
            } else if b == 0x0D {
                lines += 1
                position += (byte(position + 1) == 0x0A) ? 2 : 1
            } else if b == 0x20 || b == 0x09 {
                position += 1
            } else {
                break
            }
        }
        pendingFlags.insert(.startsLine)
        if lines >= 2 || longLinesEndParagraphs && Tokenizer.isUnwrappedParagraphBreak(bytes, breakStart: breakStart, nextLine: position) {
            pendingFlags.insert(.startsParagraph)
        }
    }

    mutating func scanASCII(_ b: UInt8) {
        let start = position
        if Self.isASCIILetter(b) || b == UInt8(ascii: "_") {
            // Only a word starting with h or w can be a URL (http://, https://, www.).
            if b | 0x20 == UInt8(ascii: "h") || b | 0x20 == UInt8(ascii: "w"), let urlEnd = urlEnd(from: start) {
                emit(start, urlEnd, .url)
                position = urlEnd
                return
            }
            scanWord()
            return
        }
        if Self.isDigit(b) {
            scanNumber()
            return
        }
        switch b {
        case UInt8(ascii: "\""):
            // A straight double quote opens when nothing word-like is right before it.
            let opening = tokens.isEmpty || lastEnd != start || isOpeningContext()
            emit(start, start + 1, .quote, opening ? .opening : [])
            position += 1
        case UInt8(ascii: "'") where byte(start + 1) == UInt8(ascii: "'"):
            // ''…'': two apostrophes for a double quotation mark, as some newspapers' text
            // (and Penn Treebank style) writes them. Like a straight quote, it opens when
            // nothing word-like is right before it.
            let opening = tokens.isEmpty || lastEnd != start || isOpeningContext()
            emit(start, start + 2, .quote, opening ? .opening : [])
            position += 2
        case UInt8(ascii: "`") where byte(start + 1) == UInt8(ascii: "`"):
            emit(start, start + 2, .quote, .opening)  // ``…'': TeX and Treebank opening quotes
            position += 2
        case UInt8(ascii: "'"):
            scanApostrophe(length: 1)
        case UInt8(ascii: "@"):
            var index = start + 1
            while index < end, Self.isASCIILetter(bytes[index]) || Self.isDigit(bytes[index]) || bytes[index] == UInt8(ascii: "_") {
                index += 1
            }
            emit(start, max(index, start + 1), index > start + 1 ? .handle : .symbol)
            position = max(index, start + 1)
        case UInt8(ascii: "#"):
            var index = start + 1
            while index < end, Self.isASCIILetter(bytes[index]) || Self.isDigit(bytes[index]) || bytes[index] == UInt8(ascii: "_") {
                index += 1
            }
            let isTag = index > start + 1 && !Self.isDigit(bytes[start + 1])
            emit(start, isTag ? index : start + 1, isTag ? .hashtag : .symbol)
            position = isTag ? index : start + 1
        case UInt8(ascii: "-"):
            if byte(start + 1) == UInt8(ascii: "-") {
                var index = start
                while byte(index) == UInt8(ascii: "-") { index += 1 }
                emit(start, index, .dash)
                position = index
            } else {
                emit(start, start + 1, .dash)
                position += 1
            }
        case UInt8(ascii: "."):
            if byte(start + 1) == UInt8(ascii: "."), byte(start + 2) == UInt8(ascii: ".") {
                emit(start, start + 3, .ellipsis)
                position += 3
            } else if Self.isDigit(byte(start + 1)), tokens.isEmpty || lastEnd < start {
                scanNumber()  // ".587", a decimal written without its leading zero
            } else {
                emit(start, start + 1, .punctuation)
                position += 1
            }
        case UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "+"), UInt8(ascii: "="),
            UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "~"), UInt8(ascii: "^"), UInt8(ascii: "|"),
            UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "`"):
            emit(start, start + 1, .symbol)
            position += 1
        default:
            emit(start, start + 1, b < 0x20 ? .symbol : .punctuation)
            position += 1
        }
    }

    /// After a space, a dash, an opening bracket or an opening quote, a quote mark opens.
    func isOpeningContext() -> Bool {
        guard let last = tokens.last else { return true }
        if last.kind == .dash || (last.kind == .quote && last.flags.contains(.opening)) { return true }
        if last.kind == .punctuation, last.length == 1 {
            let b = bytes[Int(last.start)]
            return b == UInt8(ascii: "(") || b == UInt8(ascii: "[") || b == UInt8(ascii: ":")
        }
        return false
    }

    /// ' or ’: a possessive clitic, an apostrophe inside a word (handled by scanWord), a
    /// leading elision ('90s), or a single quotation mark.
    mutating func scanApostrophe(length: Int) {
        let start = position
        let next = byte(start + length)
        let attachedToWord = lastEnd == start && tokens.last.map { $0.kind == .word || $0.kind == .number } == true
        // Text tokenised the Penn Treebank way writes the clitic apart: "Japan 's".
        let detachedClitic = tokens.last?.kind == .word && start > 0 && lastEnd == start - 1 && bytes[start - 1] == UInt8(ascii: " ")
            && !Self.isASCIILetter(byte(start + length + 1)) && byte(start + length + 1) != UInt8(ascii: "'")
        if attachedToWord || detachedClitic, next | 0x20 == UInt8(ascii: "s"), !Self.isASCIILetter(byte(start + length + 1)) {
            emit(start, start + length + 1, .word, .possessive)
            position = start + length + 1
            return
        }
        if attachedToWord, !Self.isASCIILetter(next), !Self.isDigit(next),
            let last = tokens.last, bytes[Int(last.end) - 1] | 0x20 == UInt8(ascii: "s"), last.flags.contains(.capitalized)
        {
            // Plural possessive: "the Smiths’ house".
            emit(start, start + length, .word, .possessive)
            position = start + length
            return
        }
        let opening = !attachedToWord
        emit(start, start + length, .quote, opening ? .opening : [])
        position = start + length
    }

    /// The end of a URL starting here (http://, https://, www.), trailing punctuation left out.
    func urlEnd(from start: Int) -> Int? {
        func hasPrefix(_ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard start + count <= end else { return false }
            for offset in 0..<count where bytes[start + offset] | 0x20 != text.utf8Start[offset] { return false }
            return true
        }
        guard hasPrefix("http://") || hasPrefix("https://") || hasPrefix("www.") else { return nil }
        var index = start
        while index < end {
            let b = bytes[index]
            if b <= 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">") { break }
            if b >= 0x80 {
                let (value, _) = scalar(at: index)
                let kind = Self.classify(value)
                if kind == .space || kind == .quote || kind == .apostrophe { break }
            }
            index += 1
        }
        while index > start, [UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"),
            UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ")"), UInt8(ascii: "'")].contains(bytes[index - 1]) {
            index -= 1
        }
        return index
    }

    /// A word: letters, digits, inner hyphens, inner apostrophes before a letter (O'Brien,
    /// don't), inner periods of abbreviations (U.S., e.g.), then maybe an e-mail address.
    mutating func scanWord() {
        let start = position
        var index = start
        var flags: TokenFlags = []
        var sawLower = false
        var sawLetter = false
        var first = true
        while index < end {
            if !first {
                // The common case, a run of lower-case ASCII letters, in a tight loop.
                let run = index
                while index < end, Self.isLower(bytes[index]) { index += 1 }
                if index > run {
                    sawLower = true
                    sawLetter = true
                    if index == end { break }
                }
            }
            let b = bytes[index]
            if b < 0x80 {
                if Self.isASCIILetter(b) {
                    if first, Self.isUpper(b) { flags.insert(.capitalized) }
                    if Self.isLower(b) { sawLower = true }
                    sawLetter = true
                    index += 1
                } else if Self.isDigit(b) {
                    flags.insert(.hasDigit)
                    index += 1
                } else if b == UInt8(ascii: "-"), index > start, isWordByte(index + 1) {
                    flags.insert(.hyphenated)
                    index += 1
                } else if b == UInt8(ascii: "'"), index > start, Self.isASCIILetter(byte(index + 1)),
                    !(byte(index + 1) | 0x20 == UInt8(ascii: "s") && !isWordByte(index + 2))
                {
                    index += 1
                } else if b == UInt8(ascii: "_") {
                    index += 1
                } else {
                    break
                }
            } else {
                let (value, length) = scalar(at: index)
                let kind = Self.classify(value)
                if kind == .letter {
                    if first, let scalar = Unicode.Scalar(value), scalar.properties.isUppercase { flags.insert(.capitalized) }
                    if let scalar = Unicode.Scalar(value), scalar.properties.isLowercase { sawLower = true }
                    sawLetter = true
                    flags.insert(.nonASCII)
                    if value == 0x2010 || value == 0x2011 { flags.insert(.hyphenated) }
                    index += length
                } else if kind == .apostrophe, index > start, Self.isASCIILetter(byte(index + length)),
                    !(byte(index + length) | 0x20 == UInt8(ascii: "s") && !isWordByte(index + length + 1))
                {
                    index += length
                } else {
                    break
                }
            }
            first = false
        }
        // Abbreviations with periods: U.S., U.K., e.g., a.m., and initials (J.).
        if byte(index) == UInt8(ascii: "."), index - start <= 5 {
            var probe = index
            var isDotted = false
            while byte(probe) == UInt8(ascii: "."), Self.isASCIILetter(byte(probe + 1)), !Self.isASCIILetter(byte(probe + 2)) {
                probe += 2
                isDotted = true
            }
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            if isDotted, byte(probe) == UInt8(ascii: ".") {
                index = probe + 1
                flags.insert(.abbreviation)
            } else if isDotted {
                index = probe
                flags.insert(.abbreviation)
            } else if periodAbbreviations.contains(word) || (index - start == 1 && Self.isUpper(bytes[start])) {
                index += 1
                flags.insert(.abbreviation)
            }
        }
        // An e-mail address: word@domain.tld
        if byte(index) == UInt8(ascii: "@"), Self.isASCIILetter(byte(index + 1)) || Self.isDigit(byte(index + 1)) {
            var probe = index + 1
            var sawDot = false
            while probe < end, Self.isASCIILetter(bytes[probe]) || Self.isDigit(bytes[probe]) || bytes[probe] == UInt8(ascii: "-")
                || (bytes[probe] == UInt8(ascii: ".") && Self.isASCIILetter(byte(probe + 1)))
            {
                if bytes[probe] == UInt8(ascii: ".") { sawDot = true }
                probe += 1
            }
            if sawDot {
                emit(start, probe, .email)
                position = probe
                return
            }
        }
        if sawLetter, !sawLower { flags.insert(.allCaps) }
        if index == start { index = start + 1 }  // never stall
        emit(start, index, .word, flags)
        position = index
    }

    @inline(__always)
    func isWordByte(_ index: Int) -> Bool {
        let b = byte(index)
        return Self.isASCIILetter(b) || Self.isDigit(b) || b >= 0xC0
    }

    /// A number: digits with inner , . : / and -, and letters after (2nd, 10-month, 5km).
    mutating func scanNumber() {
        let start = position
        var index = start
        var flags: TokenFlags = [.hasDigit]
        while index < end {
            let b = bytes[index]
            if Self.isDigit(b) {
                index += 1
            } else if (b == UInt8(ascii: ",") || b == UInt8(ascii: ".") || b == UInt8(ascii: ":") || b == UInt8(ascii: "/")),
                Self.isDigit(byte(index + 1)), index > start || b == UInt8(ascii: ".")
            {
                index += 1
            } else if b == UInt8(ascii: "-"), index > start, isWordByte(index + 1) {
                flags.insert(.hyphenated)
                index += 1
            } else if Self.isASCIILetter(b) {
                index += 1
            } else {
                break
            }
        }
        emit(start, index, .number, flags)
        position = index
    }
}
