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
    }
}

/// Where an edit lies, in the tokens and bytes of the text before it.
struct EditRegion: Sendable {
    /// The tokens the edit changed: `changedStart..<oldChangedEnd` before it, moved by
    /// `tokenShift` after it.
    var changedStart: Int
    var oldChangedEnd: Int
    var tokenShift: Int
    /// The byte where the first changed token began, where the first token after the change
    /// began (before the edit), and how far the edit moved the bytes after it.
    var firstChangedByte: Int
    var firstMovedByte: Int
    var byteShift: Int

    /// Whether a span (in the text before the edit) lies wholly outside the change.
    func isOutside(old span: TextSpan) -> Bool { span.end <= firstChangedByte || span.start >= firstMovedByte }

    /// Whether a span (in the text after the edit) lies wholly outside the change.
    func isOutside(new span: TextSpan) -> Bool { span.end <= firstChangedByte || span.start >= firstMovedByte + byteShift }

    /// A span after the edit, in the coordinates of the text before it (for spans outside the change).
    func unmoved(_ span: TextSpan) -> TextSpan {
        span.start >= firstMovedByte + byteShift ? TextSpan(start: span.start - byteShift, end: span.end - byteShift) : span
    }

    /// The tokens that actually changed between `oldTokens` (over `oldBytes`) and `view`: the
    /// re-tokenised paragraphs (`splice`) less the tokens at either end of them that are the
    /// same as before. Nil when the two do not line up.
    init?(from oldTokens: [Token], _ oldBytes: [UInt8], to view: TokenView, splice: TokenCache.Splice) {
        let tokenShift = splice.newSuffixStart - splice.oldSuffixStart
        let byteShift = view.bytes.count - oldBytes.count
        guard oldTokens.count + tokenShift == view.count else { return nil }
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
        self.changedStart = changedStart
        self.oldChangedEnd = oldChangedEnd
        self.tokenShift = tokenShift
        self.byteShift = byteShift
        firstMovedByte = oldChangedEnd < oldTokens.count ? Int(oldTokens[oldChangedEnd].start) : oldBytes.count
        // (Every token before the change is the same, so its start is the same byte after it.)
        firstChangedByte = changedStart < oldTokens.count ? min(Int(oldTokens[changedStart].start), firstMovedByte)
            : changedStart > 0 ? Int(oldTokens[changedStart - 1].end) : 0
    }
}

extension ResolvedEntities {
    /// The entities for `view`, if the edit (`region`) leaves them as they were; nil when
    /// they must be clustered again.
    func kept(for view: TokenView, recognized new: RecognizedMentions, region: EditRegion) -> Kept? {
        let old = recognized
        guard old.capsLines.count == flags.count, new.capsLines.count == view.count,
            old.numeric.count == new.numeric.count, old.names.count == new.names.count
        else { return nil }
        let changedStart = region.changedStart
        let oldChangedEnd = region.oldChangedEnd
        let tokenShift = region.tokenShift
        let byteShift = region.byteShift
        let newChangedEnd = oldChangedEnd + tokenShift
        guard flags.count + tokenShift == view.count else { return nil }
        // Every token outside the change keeps its flags and its headline status; no token in
        // the change is on a headline.
        for index in 0..<changedStart where flags[index] != view.tokens[index].flags || old.capsLines[index] != new.capsLines[index] {
            return nil
        }
        for index in oldChangedEnd..<flags.count
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
        let firstMovedByte = region.firstMovedByte
        guard byteShift != 0 else {
            return Kept(entities: clustered, spelling: spelling)
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
        return Kept(entities: entities, spelling: keptSpelling)
    }

    /// When an edit inside a name clustered the entities again: each old entity's number
    /// among the new ones (-1 for one the edit removed), if every entity outside the edit is
    /// the same as before: the same mentions outside the change (moved past it), type, name
    /// and roles. Then what the quotation search found far from the edit, which read only
    /// those, still holds with its entities renumbered. Nil when anything else changed.
    func entityNumbers(in new: [Entity], region: EditRegion, oldByteCount: Int) -> [Int32]? {
        // The old mentions outside the change, addressed by the byte they start at: a
        // dictionary or a sort of a long article's mentions cost more than the clustering
        // this saves.
        var oldAt = [Int32](repeating: -1, count: oldByteCount + 1)
        var oldSpans: [(end: Int, type: EntityType, entity: Int32)] = []
        // (Entities are read in place, by index: copying each one retained all its strings.)
        for number in clustered.indices {
            for mention in clustered[number].mentions where region.isOutside(old: mention.span) {
                guard mention.span.start <= oldByteCount else { return nil }
                oldAt[mention.span.start] = Int32(oldSpans.count)
                oldSpans.append((mention.span.end, mention.type, Int32(number)))
            }
        }
        var numbers = [Int32](repeating: -1, count: clustered.count)
        var taken = [Bool](repeating: false, count: new.count)
        var matched = 0
        for number in new.indices {
            for mention in new[number].mentions where region.isOutside(new: mention.span) {
                let span = region.unmoved(mention.span)
                guard span.start >= 0, span.start <= oldByteCount, oldAt[span.start] >= 0 else { return nil }  // a new mention
                let old = oldSpans[Int(oldAt[span.start])]
                guard old.end == span.end, old.type == mention.type else { return nil }
                let oldNumber = Int(old.entity)
                if numbers[oldNumber] < 0 {
                    // Two old entities joined into one, or one that reads differently: no.
                    guard !taken[number] else { return nil }
                    guard clustered[oldNumber].type == new[number].type, clustered[oldNumber].name == new[number].name,
                        clustered[oldNumber].roles == new[number].roles
                    else { return nil }
                    numbers[oldNumber] = Int32(number)
                    taken[number] = true
                } else if numbers[oldNumber] != Int32(number) {
                    return nil  // one old entity split in two
                }
                matched += 1
            }
        }
        // No old mention outside the change is gone.
        return matched == oldSpans.count ? numbers : nil
    }
}
