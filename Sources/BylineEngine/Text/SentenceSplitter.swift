/// Marks the first token of every sentence (`TokenFlags.startsSentence`).
///
/// A sentence ends at `.`, `!`, `?` or an ellipsis, together with any closing quotes or
/// brackets after it, when the next token could start a sentence (a capital, a digit, an
/// opening quote). Title abbreviations (Mr., Dr., Gen.) never end one; other abbreviations
/// (U.S., Inc.) end one only before a word that is common in lower case ("… in the U.S. The
/// talks …"). Paragraph breaks always end a sentence, and so does a line break after a line
/// with no final punctuation before a capital (headlines, datelines, list items).
public struct SentenceSplitter: Sendable {
    let lexicon: Lexicon

    public init(lexicon: Lexicon = .shared) { self.lexicon = lexicon }

    static let titleAbbreviations: Set<String> = [
        "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gen.", "Sen.", "Rep.", "Gov.", "Lt.", "Col.", "Capt.", "Sgt.", "Cpl.",
        "Maj.", "Adm.", "Rev.", "Hon.", "Pres.", "Atty.", "Supt.", "Insp.", "Cmdr.", "Brig.", "Fr.", "St.", "Mt.", "Ft.",
        "No.", "Nos.", "Vol.", "vs.", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.",
        "Nov.", "Dec.",
    ]

    public func split(_ tokens: inout [Token], bytes: UnsafeBufferPointer<UInt8>) {
        guard !tokens.isEmpty else { return }
        tokens[0].flags.insert(.startsSentence)
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if index > 0, token.flags.contains(.startsParagraph) {
                tokens[index].flags.insert(.startsSentence)
            } else if index > 0, token.flags.contains(.startsLine), endsLineWithoutPunctuation(tokens, before: index, bytes: bytes),
                tokens[index].flags.contains(.capitalized) || token.kind == .quote || token.kind == .number
            {
                tokens[index].flags.insert(.startsSentence)
            }
            if isTerminal(token, bytes: bytes) {
                var next = index + 1
                // Closing quotes and brackets belong to the sentence they close.
                while next < tokens.count, isCloser(tokens[next], bytes: bytes), !tokens[next].flags.contains(.startsLine) {
                    next += 1
                }
                if next < tokens.count, startsSentence(tokens[next], bytes: bytes) {
                    tokens[next].flags.insert(.startsSentence)
                }
                index = next
                continue
            }
            if token.flags.contains(.abbreviation), index + 1 < tokens.count, abbreviationEndsSentence(token, next: tokens[index + 1], bytes: bytes) {
                tokens[index + 1].flags.insert(.startsSentence)
            }
            index += 1
        }
    }

    private func text(_ token: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[token.range])
    }

    private func isTerminal(_ token: Token, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if token.kind == .ellipsis { return true }
        guard token.kind == .punctuation, token.length == 1 else { return false }
        let b = bytes[Int(token.start)]
        return b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")
    }

    private func isCloser(_ token: Token, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if token.kind == .quote { return !token.flags.contains(.opening) }
        guard token.kind == .punctuation, token.length == 1 else { return false }
        let b = bytes[Int(token.start)]
        return b == UInt8(ascii: ")") || b == UInt8(ascii: "]")
    }

    private func startsSentence(_ token: Token, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if token.flags.contains(.capitalized) || token.kind == .number { return true }
        if token.kind == .quote { return token.flags.contains(.opening) }
        if token.kind == .dash || token.kind == .handle || token.kind == .hashtag { return true }
        return token.flags.contains(.startsLine)
    }

    private func abbreviationEndsSentence(_ token: Token, next: Token, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if next.flags.contains(.startsParagraph) { return true }
        guard next.flags.contains(.capitalized) else { return false }
        let spelled = String(decoding: text(token, bytes), as: UTF8.self)
        if Self.titleAbbreviations.contains(spelled) { return false }
        if token.length == 2 { return false }  // an initial: "J. Smith"
        // "… in the U.S. The talks …": ends only before a word that is common in lower case,
        // and not before an event's head word ("the U.S. Open", "the U.K. Championship").
        let following = text(next, bytes)
        return lexicon.isCommonWord(following) && !lexicon.isCapitalizedCommonWord(following) && !lexicon.words.classes(of: following).contains(.eventHead)
    }

    private func endsLineWithoutPunctuation(_ tokens: [Token], before index: Int, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let previous = tokens[index - 1]
        if previous.kind == .punctuation, previous.length == 1 {
            let b = bytes[Int(previous.start)]
            return b != UInt8(ascii: ",") && b != UInt8(ascii: ";")
        }
        // A line ending in a word then a capital: a headline, a dateline, a list item, or a
        // wrapped sentence that continues with a name. Only the first three end a sentence;
        // wrapped prose rarely leaves a line ending in a capitalised word before a capital.
        return previous.kind != .word || previous.flags.contains(.capitalized) || previous.flags.contains(.allCaps)
            || isShortLine(tokens, endingAt: index - 1)
    }

    private func isShortLine(_ tokens: [Token], endingAt last: Int) -> Bool {
        var count = 0
        var index = last
        while index >= 0 {
            count += 1
            if tokens[index].flags.contains(.startsLine) { break }
            index -= 1
        }
        return count <= 12
    }
}
