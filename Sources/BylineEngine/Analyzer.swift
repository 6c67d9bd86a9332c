/// The analysis pipeline: an article in, its annotations out. Pure and thread-safe, so the
/// server may run it for several documents at once and the CLI for a whole archive.
///
/// Stages: mask what is not prose (Markdown code, links), tokenize, split sentences,
/// recognise numeric and temporal expressions, recognise names, make the article's use of
/// names consistent, cluster mentions into entities with roles and facts, and anchor dates
/// to the article's date; then find quotations, their speakers and what is wrong with them.
public struct Analyzer: Sendable {
    public let options: AnalyzerOptions

    /// Creating an analyzer is free; the gazetteers are built on first use (or earlier, by
    /// `Lexicon.prepare()`), so a server can answer `initialize` before they exist.
    public init(options: AnalyzerOptions = AnalyzerOptions()) {
        self.options = options
    }

    var lexicon: Lexicon { Lexicon.shared }

    public func analyze(_ article: Article) -> Annotations {
        withTokens(of: article) { annotate(article, $0) }
    }

    /// The same analysis, re-tokenising only the paragraphs that changed since the text
    /// `previous` was made from (see `TokenCache`); the annotations are identical to a fresh
    /// analysis. Returns what the next call can reuse.
    public func analyze(_ article: Article, reusing previous: TokenCache?) -> (annotations: Annotations, cache: TokenCache) {
        let source = article.format == .markdown
            ? MarkdownMasker.mask(article.text.bytes, from: article.bodyStart) : article.text.bytes
        return source.withUnsafeBufferPointer { bytes in
            var cache = Self.tokenizer(for: article).tokenize(bytes, range: article.bodyStart..<bytes.count, reusing: previous, lexicon: lexicon)
            var tokens = cache.tokens
            SentenceSplitter(lexicon: lexicon).split(&tokens, bytes: bytes)
            let view = TokenView(bytes: bytes, tokens: tokens, classes: cache.classes, lexicon: lexicon)
            // On a long article, what the quotation search reads of the text alone is worked
            // out on the other core while names are recognised and clustered. (Not on a huge
            // one: there its arrays, alive beside recognition's, raised the peak memory of a
            // 50 MB document by a sixth, for a second or so saved in many.)
            nonisolated(unsafe) let sharedView = view
            let layout = (Self.parallelTokens..<Self.parallelLayoutTokens).contains(view.count) ? OtherCore { QuoteLayout(view: sharedView) } : nil
            // (The view's bytes must outlive that work: `result()` is awaited before returning.)
            defer { _ = layout?.result() }
            let recognized = recognizeMentions(view, reusing: cache)
            var kept: ResolvedEntities.Kept?
            var region: EditRegion?
            if let splice = cache.splice, let previous, let resolved = previous.resolved {
                region = EditRegion(from: previous.tokens, previous.bytes, to: view, splice: splice)
                kept = region.flatMap { resolved.kept(for: view, recognized: recognized, region: $0) }
            }
            cache.keptEntities = kept != nil
            let clustered = kept?.entities ?? clusterEntities(view, recognized: recognized)
            // The spelling check reads only the entities, so kept entities keep its findings
            // too, unless workspace entities (added after clustering) may have changed them.
            // So are the quotation search's findings in the sentences the edit cannot reach,
            // which read only the text near them and the entities; and when the edit was inside
            // a name, those findings still hold if every entity away from it is as it was
            // (renumbered, since the edited name may have become an entity of its own).
            let canKeepSpelling = options.knownEntities.isEmpty
            var reportReuse: SentenceReports.Reuse?
            if canKeepSpelling, let region, let reports = previous?.reports {
                if kept != nil {
                    reportReuse = SentenceReports.Reuse(
                        reports: reports, changedStart: region.changedStart, oldChangedEnd: region.oldChangedEnd, tokenShift: region.tokenShift)
                } else if let previous, let numbers = previous.resolved?.entityNumbers(in: clustered, region: region, oldByteCount: previous.bytes.count) {
                    reportReuse = SentenceReports.Reuse(
                        reports: reports, changedStart: region.changedStart, oldChangedEnd: region.oldChangedEnd, tokenShift: region.tokenShift,
                        entityNumbers: numbers)
                }
            }
            let result = annotate(
                article, view, recognized, clustered: clustered, spelling: canKeepSpelling ? kept?.spelling : nil, reports: reportReuse,
                layout: layout)
            cache.recognized = recognized
            cache.splice = nil
            cache.resolved = ResolvedEntities(
                flags: tokens.map { $0.flags }, recognized: recognized, clustered: clustered, spelling: canKeepSpelling ? result.spelling : nil)
            cache.reports = result.reports
            cache.keptReports = result.keptReports
            return (result.annotations, cache)
        }
    }

    private func annotate(_ article: Article, _ view: TokenView, _ recognized: RecognizedMentions? = nil) -> Annotations {
        annotate(article, view, recognized, clustered: nil, spelling: nil, reports: nil).annotations
    }

    /// The annotations, with what the next analysis may keep: the spelling check's findings
    /// and the quotation search's per-sentence reports.
    private func annotate(
        _ article: Article, _ view: TokenView, _ recognized: RecognizedMentions?, clustered: [Entity]?, spelling: [ArticleDiagnostic]?,
        reports previous: SentenceReports.Reuse?, layout: OtherCore<QuoteLayout>? = nil
    ) -> (annotations: Annotations, spelling: [ArticleDiagnostic], reports: SentenceReports, keptReports: Int) {
        var entities = clustered ?? clusterEntities(view, recognized: recognized ?? recognizeMentions(view))
        KnownEntityMatcher(bytes: view.bytes, known: options.knownEntities).apply(to: &entities)
        let finder = QuotationFinder(view: view, entities: entities, extraCues: options.extraCueWords, layout: layout?.result())
        let quotesFound: (quotes: [Quote], diagnostics: [ArticleDiagnostic], reports: SentenceReports, keptReports: Int)
        var spelling = spelling
        if view.count < Self.parallelTokens {
            quotesFound = finder.find(reusing: previous)
            addFactsAndDates(to: &entities, view, date: article.metadata.date)
            if spelling == nil { spelling = SpellingChecker(text: view.bytesString).check(entities) }
        } else {
            // The quotation search reads neither facts nor dates, and the spelling check
            // reads only names: on a long article they are done on the other core while the
            // quotations are searched.
            nonisolated(unsafe) let sharedView = view
            let date = article.metadata.date
            let known = (entities, spelling)
            let sideWork = OtherCore { [self] in
                var (entities, spelling) = known
                addFactsAndDates(to: &entities, sharedView, date: date)
                if spelling == nil { spelling = SpellingChecker(text: sharedView.bytesString).check(entities) }
                return (entities, spelling)
            }
            quotesFound = finder.find(reusing: previous)
            (entities, spelling) = sideWork.result()
        }
        let (quotes, found, reports, keptReports) = quotesFound
        let spellingFound = spelling ?? []
        var diagnostics = found + spellingFound
        diagnostics.sort { $0.span.start < $1.span.start }
        return (Annotations(metadata: article.metadata, entities: entities, quotes: quotes, diagnostics: diagnostics), spellingFound, reports, keptReports)
    }

    /// The entities alone, without quotations: what the entity benchmark measures.
    public func analyzeEntities(_ article: Article) -> [Entity] {
        withTokens(of: article) { recognizeEntities($0, date: article.metadata.date) }
    }

    /// In Markdown only a blank line ends a paragraph; in plain text a line break next to a
    /// long line does too (see `Tokenizer`).
    static func tokenizer(for article: Article) -> Tokenizer {
        Tokenizer(longLinesEndParagraphs: article.format != .markdown)
    }

    /// Masks what is not prose, tokenizes the body and splits its sentences, then hands the
    /// tokens to `body`.
    private func withTokens<Result>(of article: Article, _ body: (TokenView) -> Result) -> Result {
        let source = article.format == .markdown
            ? MarkdownMasker.mask(article.text.bytes, from: article.bodyStart) : article.text.bytes
        return source.withUnsafeBufferPointer { bytes in
            var tokens = Self.tokenizer(for: article).tokenize(bytes, range: article.bodyStart..<bytes.count)
            SentenceSplitter(lexicon: lexicon).split(&tokens, bytes: bytes)
            return body(TokenView(bytes: bytes, tokens: tokens, lexicon: lexicon))
        }
    }

    /// The numeric and name mentions of the whole article.
    func recognizeMentions(_ view: TokenView) -> RecognizedMentions {
        var claimed = [Bool](repeating: false, count: view.count)
        let numeric = NumericRecognizer(view: view).recognize(claimed: &claimed)
        let recognizer = NameRecognizer(view: view)
        return RecognizedMentions(
            numeric: numeric, names: recognizer.recognize(claimed: claimed), midSentenceNames: recognizer.midSentenceNames,
            hasHyphenatedNumber: recognizer.hasHyphenatedNumber, capsLines: recognizer.capsLines)
    }

    /// The same mentions, recognising again only the paragraphs an edit touched and one
    /// paragraph on each side of them (a recogniser looks one token past a paragraph's edge),
    /// and keeping the rest from the last analysis. Anything that would make the result
    /// differ from a fresh run (the article-wide facts changed, a mention crosses the edge of
    /// the region) falls back to a fresh run.
    func recognizeMentions(_ view: TokenView, reusing cache: TokenCache) -> RecognizedMentions {
        guard let splice = cache.splice, let old = cache.recognized else { return recognizeMentions(view) }
        // Caps lines are read line by line, and the re-tokenised stretch begins and ends at
        // paragraph starts: the old lines around it stand, shifted.
        var capsLines = [Bool](repeating: false, count: view.count)
        if splice.keptPrefix <= splice.newSuffixStart, splice.oldSuffixStart <= old.capsLines.count,
            old.capsLines.count - splice.oldSuffixStart == view.count - splice.newSuffixStart
        {
            capsLines.replaceSubrange(0..<splice.keptPrefix, with: old.capsLines[0..<splice.keptPrefix])
            NameRecognizer.findAllCapsLines(view, in: splice.keptPrefix..<splice.newSuffixStart, into: &capsLines)
            capsLines.replaceSubrange(splice.newSuffixStart..<view.count, with: old.capsLines[splice.oldSuffixStart...])
        } else {
            capsLines = NameRecognizer.findAllCapsLines(view)
        }
        let recognizer = NameRecognizer(view: view, capsLines: capsLines)
        guard old.hasHyphenatedNumber == recognizer.hasHyphenatedNumber else { return recognizeMentions(view) }
        func paragraphStart(before index: Int) -> Int {
            var probe = index - 1
            while probe > 0, !view.tokens[probe].flags.contains(.startsParagraph) { probe -= 1 }
            return max(0, probe)
        }
        func paragraphStart(after index: Int) -> Int {
            var probe = index + 1
            while probe < view.count, !view.tokens[probe].flags.contains(.startsParagraph) { probe += 1 }
            return min(view.count, probe)
        }
        let start = splice.keptPrefix == 0 ? 0 : paragraphStart(before: splice.keptPrefix)
        let end = splice.newSuffixStart >= view.count ? view.count : paragraphStart(after: splice.newSuffixStart)
        let oldEnd = end - splice.newSuffixStart + splice.oldSuffixStart
        // Words capitalised mid-sentence decide whether a sentence-initial common word is a
        // name. If the edit changed that set, a kept paragraph is still right unless it
        // holds a capitalised common word the change concerns.
        if old.midSentenceNames != recognizer.midSentenceNames {
            let changed = old.midSentenceNames.symmetricDifference(recognizer.midSentenceNames)
            for index in view.tokens.indices where index < start || index >= end {
                if view.tokens[index].flags.contains(.capitalized), view.has(index, .common), changed.contains(view.hash(index..<index + 1)) {
                    return recognizeMentions(view)
                }
            }
        }
        let shift = splice.newSuffixStart - splice.oldSuffixStart
        func merge(_ mentions: [RawMention], _ fresh: [RawMention]) -> [RawMention]? {
            var result: [RawMention] = []
            result.reserveCapacity(mentions.count + fresh.count)
            for mention in mentions where mention.tokens.lowerBound < start {
                guard mention.tokens.upperBound <= start else { return nil }
                result.append(mention)
            }
            result.append(contentsOf: fresh)
            for var mention in mentions where mention.tokens.upperBound > oldEnd {
                guard mention.tokens.lowerBound >= oldEnd else { return nil }
                mention.tokens = (mention.tokens.lowerBound + shift)..<(mention.tokens.upperBound + shift)
                mention.roleTokens = mention.roleTokens.map { ($0.lowerBound + shift)..<($0.upperBound + shift) }
                result.append(mention)
            }
            return result
        }
        // The kept numbers claim their tokens first, as in a fresh run.
        var claimed = [Bool](repeating: false, count: view.count)
        guard let keptNumeric = merge(old.numeric, []) else { return recognizeMentions(view) }
        for mention in keptNumeric { for index in mention.tokens { claimed[index] = true } }
        let freshNumeric = NumericRecognizer(view: view).recognize(claimed: &claimed, in: start..<end)
        let freshNames = recognizer.recognize(claimed: claimed, in: start..<end)
        guard (freshNumeric + freshNames).allSatisfy({ $0.tokens.lowerBound >= start && $0.tokens.upperBound <= end }),
            let numeric = merge(old.numeric, freshNumeric), let names = merge(old.names, freshNames)
        else { return recognizeMentions(view) }
        return RecognizedMentions(
            numeric: numeric, names: names, midSentenceNames: recognizer.midSentenceNames, hasHyphenatedNumber: recognizer.hasHyphenatedNumber,
            capsLines: recognizer.capsLines)
    }

    /// The article's mentions made consistent and grouped into entities, before workspace
    /// entities, facts and dates are added.
    func clusterEntities(_ view: TokenView, recognized: RecognizedMentions) -> [Entity] {
        var mentions = recognized.numeric + recognized.names
        let resolver = EntityResolver(view: view)
        resolver.harmonize(&mentions, capsLines: recognized.capsLines)
        return resolver.cluster(mentions)
    }

    /// Articles of this many tokens or more are analysed on two cores where the steps allow.
    static let parallelTokens = 20_000
    static let parallelLayoutTokens = 2_000_000

    func recognizeEntities(_ view: TokenView, date: ArticleDate?, recognized: RecognizedMentions? = nil, clustered: [Entity]? = nil) -> [Entity] {
        var entities = clustered ?? clusterEntities(view, recognized: recognized ?? recognizeMentions(view))
        KnownEntityMatcher(bytes: view.bytes, known: options.knownEntities).apply(to: &entities)
        addFactsAndDates(to: &entities, view, date: date)
        return entities
    }

    /// Facts for places and nationalities; values for dates, anchored to the article's date.
    func addFactsAndDates(to entities: inout [Entity], _ view: TokenView, date: ArticleDate?) {
        let facts = FactBook(lexicon: lexicon)
        let dates = date.map(DateResolver.init(anchor:))
        // A long article says "Tuesday" and "last week" many times over: each is anchored once.
        var anchored: [TemporalExpression: String?] = [:]
        for index in entities.indices {
            if entities[index].type == .geopolitical || entities[index].type == .norp {
                // Its distinct spellings, in the order the article first uses them. A place
                // a long article names a thousand times has a handful: comparing bytes with
                // those is cheaper than making a string of every mention.
                var distinct: [TextSpan] = []
                for mention in entities[index].mentions where !distinct.contains(where: { view.sameBytes($0, mention.span) }) {
                    distinct.append(mention.span)
                }
                entities[index].facts = facts.facts(for: entities[index], spellings: distinct.map { view.bytesString($0) })
            }
            if let dates {
                // An entity's mentions mostly repeat one expression ("Tuesday"): the last
                // one anchored is compared before the table is hashed.
                var last: (TemporalExpression, String?)?
                for mentionIndex in entities[index].mentions.indices {
                    if let temporal = entities[index].mentions[mentionIndex].temporal {
                        if let last, last.0 == temporal {
                            entities[index].mentions[mentionIndex].resolved = last.1
                        } else if let value = anchored[temporal] {
                            last = (temporal, value)
                            entities[index].mentions[mentionIndex].resolved = value
                        } else {
                            let value = dates.resolve(temporal)
                            anchored[temporal] = value
                            last = (temporal, value)
                            entities[index].mentions[mentionIndex].resolved = value
                        }
                    }
                }
            }
        }
    }
}

extension TokenView {
    func bytesString(_ span: TextSpan) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self)
    }

    /// Whether the text of two spans is the same bytes.
    func sameBytes(_ a: TextSpan, _ b: TextSpan) -> Bool {
        a.end - a.start == b.end - b.start && Tokenizer.commonRunLength(bytes, a.start, bytes, b.start, limit: a.end - a.start) == a.end - a.start
    }
}

/// What a user may add to the engine's own word lists.
public struct AnalyzerOptions: Sendable, Equatable {
    /// Verbs that introduce speech in this newsroom's style ("quipped", "mused"), on top of
    /// the built-in lexicon; matched in lower case.
    public var extraSpeechVerbs: [String]
    /// Entities the workspace describes (`byline.json`), recognised wherever they are written.
    public var knownEntities: [KnownEntity]

    public init(extraSpeechVerbs: [String] = [], knownEntities: [KnownEntity] = []) {
        self.extraSpeechVerbs = extraSpeechVerbs
        self.knownEntities = knownEntities
    }

    var extraCueWords: Set<[UInt8]> { Set(extraSpeechVerbs.map { Array($0.lowercased().utf8) }) }
}
