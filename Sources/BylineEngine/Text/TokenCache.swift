/// The tokens of an analysed text, kept so that the next analysis of an edited version
/// re-tokenises only the paragraphs the edit touched.
///
/// Tokenising is a function of the bytes alone, and a paragraph is tokenised the same
/// whatever comes before it: its first token always starts a line and a paragraph, nothing
/// is glued to it, and no look-ahead crosses the line break after it except to measure the
/// next line (a single line break next to a long line also ends a paragraph, so a paragraph
/// so begun is kept only when the line before it is unchanged too). So after an edit the
/// tokens of the unchanged paragraphs before it are kept as they were, those of the
/// unchanged paragraphs after it are kept shifted by the edit's length, and only the
/// paragraphs in between are tokenised again. Sentence flags are set afterwards on the
/// whole token list, as for a fresh analysis; tests check the result is identical to one.
public struct TokenCache: Sendable {
    /// The bytes tokenised (after Markdown masking), and the range tokenised.
    let bytes: [UInt8]
    let range: Range<Int>
    /// The tokens before sentence splitting, and each token's word classes.
    let tokens: [Token]
    let classes: [WordClass]
    /// The tokenizer's paragraph rule these tokens were made with (see `Tokenizer`).
    var longLinesEndParagraphs = true
    /// What this tokenisation kept from the one before: tokens `[0, keptPrefix)` are the
    /// old ones, and new tokens from `newSuffixStart` are old ones from `oldSuffixStart`,
    /// shifted. Nil after a fresh tokenisation.
    var splice: Splice?
    /// The recognisers' mentions for these tokens, and the article-wide facts they depended
    /// on, so that the next analysis recognises only the paragraphs around an edit.
    var recognized: RecognizedMentions?
    /// The entities clustered from those mentions, for an edit that leaves them alone.
    var resolved: ResolvedEntities?
    /// The quotation search's per-sentence reports, for an edit that keeps the entities.
    var reports: SentenceReports?
    /// Whether this analysis kept the last one's entities (for tests and benchmarks).
    public internal(set) var keptEntities = false
    /// How many sentences' reports this analysis kept (for tests and benchmarks).
    public internal(set) var keptReports = 0

    struct Splice: Sendable {
        var keptPrefix: Int
        var oldSuffixStart: Int
        var newSuffixStart: Int
    }
}

/// Mentions as the numeric and name recognisers found them, before the article-wide
/// harmonising, with what beyond a paragraph they depended on.
struct RecognizedMentions: Sendable {
    var numeric: [RawMention]
    var names: [RawMention]
    /// Words the article capitalises mid-sentence, which decide sentence-initial names.
    var midSentenceNames: HashKeyedSet
    /// Whether the article has a hyphenated number anywhere (a possible score).
    var hasHyphenatedNumber: Bool
    /// Per token: whether its line is a headline in capitals.
    var capsLines: [Bool]
}

extension Tokenizer {
    /// Tokens and word classes for `range` of `bytes`, reusing `previous` where the bytes are
    /// unchanged. Returns what the next call can reuse.
    func tokenize(
        _ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, reusing previous: TokenCache?, lexicon: Lexicon
    ) -> TokenCache {
        func classes(of tokens: ArraySlice<Token>) -> [WordClass] {
            tokens.map { token in
                token.kind == .word || token.kind == .number ? lexicon.words.classes(of: UnsafeBufferPointer(rebasing: bytes[token.range])) : []
            }
        }
        func fresh() -> TokenCache {
            let tokens = tokenize(bytes, range: range)
            var cache = TokenCache(bytes: Array(bytes), range: range, tokens: tokens, classes: classes(of: tokens[...]))
            cache.longLinesEndParagraphs = longLinesEndParagraphs
            return cache
        }
        guard let previous, previous.range.lowerBound == range.lowerBound, !previous.tokens.isEmpty,
            previous.longLinesEndParagraphs == longLinesEndParagraphs
        else { return fresh() }
        let old = previous.bytes
        let oldEnd = previous.range.upperBound
        let newEnd = range.upperBound
        // The unchanged stretches at both ends.
        let shorter = min(oldEnd, newEnd)
        let (prefix, suffix) = old.withUnsafeBufferPointer { old in
            let prefix = range.lowerBound + Self.commonRunLength(old, range.lowerBound, bytes, range.lowerBound, limit: shorter - range.lowerBound)
            return (prefix, Self.commonRunLength(old, oldEnd, bytes, newEnd, limit: shorter - prefix, backwards: true))
        }
        if prefix == oldEnd, prefix == newEnd {
            var same = previous
            same.splice = TokenCache.Splice(keptPrefix: previous.tokens.count, oldSuffixStart: previous.tokens.count, newSuffixStart: previous.tokens.count)
            return same
        }
        let tokens = previous.tokens
        // Keep the paragraphs that start (whitespace before them included) inside the prefix,
        // except the one holding the first change: the kept part ends at the start of the last
        // paragraph that opens before the change.
        var keepBefore = 0  // tokens [0, keepBefore) are kept
        var index = 0
        while index < tokens.count, Int(tokens[index].end) < prefix {
            if tokens[index].flags.contains(.startsParagraph) { keepBefore = index }
            index += 1
        }
        // A paragraph start can move only if the change reaches the blank line before it:
        // the change must begin after the kept paragraph's first token. One that a single
        // line break starts depends on the length of its first line too, so that line must
        // be unchanged as well.
        if longLinesEndParagraphs {
            old.withUnsafeBufferPointer { old in
                while keepBefore > 0, Self.lineBreaks(before: Int(tokens[keepBefore].start), in: old).count == 1,
                    Self.lineEnd(from: Int(tokens[keepBefore].start), in: old) >= prefix
                {
                    keepBefore -= 1
                    while keepBefore > 0, !tokens[keepBefore].flags.contains(.startsParagraph) { keepBefore -= 1 }
                }
            }
        }
        guard keepBefore < tokens.count else { return fresh() }
        let restartByte = keepBefore == 0 ? range.lowerBound : Int(tokens[keepBefore].start)
        // Keep the paragraphs after the change whose whole lead-in (the blank line before
        // them) lies in the unchanged suffix.
        let suffixStartOld = oldEnd - suffix
        var keepFrom = tokens.count  // tokens [keepFrom, count) are kept, shifted
        var probe = tokens.count - 1
        old.withUnsafeBufferPointer { old in
            while probe > keepBefore, Int(tokens[probe].start) >= suffixStartOld {
                if tokens[probe].flags.contains(.startsParagraph) {
                    var (breaks, leadIn) = Self.lineBreaks(before: Int(tokens[probe].start), in: old)
                    // After a single line break, the line before decides too.
                    if breaks == 1, longLinesEndParagraphs {
                        while leadIn > 0, old[leadIn - 1] != 0x0A, old[leadIn - 1] != 0x0D { leadIn -= 1 }
                    }
                    if leadIn >= suffixStartOld, leadIn > restartByte { keepFrom = probe }
                }
                probe -= 1
            }
        }
        let shift = newEnd - oldEnd
        var stopByte = newEnd
        if keepFrom < tokens.count {
            var leadIn = Int(tokens[keepFrom].start)
            while leadIn > 0, Self.isSpace(old[leadIn - 1]) { leadIn -= 1 }
            stopByte = leadIn + shift
        }
        guard stopByte >= restartByte else { return fresh() }
        var middle = tokenize(bytes, range: restartByte..<stopByte)
        var merged: [Token] = []
        merged.reserveCapacity(keepBefore + middle.count + (tokens.count - keepFrom))
        merged.append(contentsOf: tokens[0..<keepBefore])
        merged.append(contentsOf: middle)
        var mergedClasses: [WordClass] = []
        mergedClasses.reserveCapacity(merged.capacity)
        mergedClasses.append(contentsOf: previous.classes[0..<keepBefore])
        mergedClasses.append(contentsOf: classes(of: middle[...]))
        if keepFrom < tokens.count {
            for var token in tokens[keepFrom...] {
                token.start += Int32(shift)
                token.end += Int32(shift)
                merged.append(token)
            }
            mergedClasses.append(contentsOf: previous.classes[keepFrom...])
        }
        let newSuffixStart = keepBefore + middle.count
        middle.removeAll()
        var cache = TokenCache(bytes: Array(bytes), range: range, tokens: merged, classes: mergedClasses)
        cache.longLinesEndParagraphs = longLinesEndParagraphs
        cache.splice = TokenCache.Splice(keptPrefix: keepBefore, oldSuffixStart: keepFrom, newSuffixStart: newSuffixStart)
        cache.recognized = previous.recognized
        return cache
    }

    /// How many bytes are equal from `aStart` and `bStart` on (or, `backwards`, right before
    /// them), at most `limit`: eight bytes at a time, since after a keystroke in a long
    /// article this runs over nearly all of it.
    static func commonRunLength(
        _ a: UnsafeBufferPointer<UInt8>, _ aStart: Int, _ b: UnsafeBufferPointer<UInt8>, _ bStart: Int, limit: Int, backwards: Bool = false
    ) -> Int {
        guard limit > 0, let aBase = a.baseAddress, let bBase = b.baseAddress else { return 0 }
        return commonRunLength(UnsafeRawPointer(aBase + aStart), UnsafeRawPointer(bBase + bStart), limit: limit, backwards: backwards)
    }

    /// The same over any memory, read as bytes: the quotation search compares two long
    /// tables of flags with it.
    static func commonRunLength(_ aRaw: UnsafeRawPointer, _ bRaw: UnsafeRawPointer, limit: Int, backwards: Bool = false) -> Int {
        // The offset of the `width` bytes that come `count` bytes into the run.
        func offset(_ count: Int, _ width: Int) -> Int { backwards ? -count - width : count }
        var count = 0
        while count + 8 <= limit,
            aRaw.loadUnaligned(fromByteOffset: offset(count, 8), as: UInt64.self) == bRaw.loadUnaligned(fromByteOffset: offset(count, 8), as: UInt64.self)
        {
            count += 8
        }
        while count < limit, aRaw.load(fromByteOffset: offset(count, 1), as: UInt8.self) == bRaw.load(fromByteOffset: offset(count, 1), as: UInt8.self) {
            count += 1
        }
        return count
    }

    /// Where the line holding `position` ends (its first line-break byte, or the end).
    static func lineEnd(from position: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = position
        while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
        return index
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}
