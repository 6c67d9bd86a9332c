/// The entities of the last analysis, and what they were computed from, so that an edit
/// which leaves every name alone skips harmonising and clustering: on a long article those
/// are the costliest whole-article steps after an edit.
///
/// Harmonising and clustering read only the recognised mentions, the text, word classes and
/// flags of the tokens inside them, and the headline lines (and the words on them). So when
/// the edit changed no token inside a mention or on a headline, the mentions are the same
/// (shifted past the edit), and every token keeps its flags, the entities are the same too,
/// their mentions shifted by the edit's length. Anything else clusters afresh.
struct ResolvedEntities: Sendable {
    /// Per token, its flags after sentence splitting.
    var flags: [TokenFlags]
    /// The mentions the entities were built from, as recognised.
    var recognized: RecognizedMentions
    /// The clustered entities, before workspace entities, facts and dates are added.
    var clustered: [Entity]
    /// The spelling check's findings on them, when nothing was added to them afterwards.
    var spelling: [ArticleDiagnostic]?

    /// What an edit keeps: the entities, and the spelling check's findings, moved past it.
    struct Kept {
        var entities: [Entity]
        var spelling: [ArticleDiagnostic]?
        /// The tokens the edit changed: `changedStart..<oldChangedEnd` before it, moved by
        /// `tokenShift` after it.
        var changedStart: Int
        var oldChangedEnd: Int
        var tokenShift: Int
    }
}

extension ResolvedEntities {
    /// The entities for `view`, if the edit from the text these were made from (described by
    /// `splice` over `oldTokens`) leaves them as they were; nil when they must be clustered
    /// again.
    func kept(
        for view: TokenView, recognized new: RecognizedMentions, oldTokens: [Token], oldBytes: [UInt8], splice: TokenCache.Splice
    ) -> Kept? {
        let old = recognized
        guard oldTokens.count == flags.count, old.capsLines.count == flags.count, new.capsLines.count == view.count,
            old.numeric.count == new.numeric.count, old.names.count == new.names.count
        else { return nil }
        let tokenShift = splice.newSuffixStart - splice.oldSuffixStart
        let byteShift = view.bytes.count - oldBytes.count
        guard oldTokens.count + tokenShift == view.count else { return nil }
        // The tokens that actually changed: the re-tokenised paragraphs less the tokens at
        // either end of them that are the same as before.
        func sameToken(old index: Int, new newIndex: Int, shift: Int) -> Bool {
            let a = oldTokens[index]
            let b = view.tokens[newIndex]
            guard a.kind == b.kind, a.length == b.length, Int(a.start) + shift == Int(b.start) else { return false }
            for offset in 0..<a.length where oldBytes[Int(a.start) + offset] != view.bytes[Int(b.start) + offset] { return false }
            return true
        }
        var changedStart = splice.keptPrefix
        while changedStart < splice.oldSuffixStart, changedStart < splice.newSuffixStart,
            sameToken(old: changedStart, new: changedStart, shift: 0)
        {
            changedStart += 1
        }
        var oldChangedEnd = splice.oldSuffixStart
        while oldChangedEnd > changedStart, oldChangedEnd + tokenShift > changedStart,
            sameToken(old: oldChangedEnd - 1, new: oldChangedEnd - 1 + tokenShift, shift: byteShift)
        {
            oldChangedEnd -= 1
        }
        let newChangedEnd = oldChangedEnd + tokenShift
        // Every token outside the change keeps its flags and its headline status; no token in
        // the change is on a headline.
        for index in 0..<changedStart where flags[index] != view.tokens[index].flags || old.capsLines[index] != new.capsLines[index] {
            return nil
        }
        for index in oldChangedEnd..<oldTokens.count
        where flags[index] != view.tokens[index + tokenShift].flags || old.capsLines[index] != new.capsLines[index + tokenShift] {
            return nil
        }
        if old.capsLines[changedStart..<oldChangedEnd].contains(true) || new.capsLines[changedStart..<newChangedEnd].contains(true) { return nil }
        // The same mentions, none touching the change.
        func moved(_ range: Range<Int>) -> Range<Int>? {
            if range.upperBound <= changedStart { return range }
            if range.lowerBound >= oldChangedEnd { return (range.lowerBound + tokenShift)..<(range.upperBound + tokenShift) }
            return nil
        }
        func same(_ a: [RawMention], _ b: [RawMention]) -> Bool {
            for (x, y) in zip(a, b) {
                guard let tokens = moved(x.tokens), tokens == y.tokens, x.type == y.type, x.strength == y.strength, x.temporal == y.temporal
                else { return false }
                if let role = x.roleTokens {
                    guard let roleMoved = moved(role), roleMoved == y.roleTokens else { return false }
                } else if y.roleTokens != nil {
                    return false
                }
            }
            return true
        }
        guard same(old.numeric, new.numeric), same(old.names, new.names) else { return nil }
        // The entities, their mentions after the change moved by its length.
        let firstMovedByte = oldChangedEnd < oldTokens.count ? Int(oldTokens[oldChangedEnd].start) : Int.max
        guard byteShift != 0 else {
            return Kept(entities: clustered, spelling: spelling, changedStart: changedStart, oldChangedEnd: oldChangedEnd, tokenShift: tokenShift)
        }
        func moved(_ span: TextSpan) -> TextSpan {
            span.start >= firstMovedByte ? TextSpan(start: span.start + byteShift, end: span.end + byteShift) : span
        }
        let entities = clustered.map { entity in
            var entity = entity
            for index in entity.mentions.indices { entity.mentions[index].span = moved(entity.mentions[index].span) }
            return entity
        }
        let keptSpelling = spelling.map { diagnostics in
            diagnostics.map { diagnostic in
                var diagnostic = diagnostic
                diagnostic.span = moved(diagnostic.span)
                for index in diagnostic.related.indices { diagnostic.related[index].span = moved(diagnostic.related[index].span) }
                return diagnostic
            }
        }
        return Kept(
            entities: entities, spelling: keptSpelling, changedStart: changedStart, oldChangedEnd: oldChangedEnd, tokenShift: tokenShift)
    }
}
