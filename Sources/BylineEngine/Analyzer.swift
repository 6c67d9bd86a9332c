/// The analysis pipeline: an article in, its annotations out. Pure and thread-safe, so the
/// server may run it for several documents at once and the CLI for a whole archive.
///
/// Stages: mask what is not prose (Markdown code, links), tokenize, split sentences,
/// recognise numeric and temporal expressions, recognise names, make the article's use of
/// names consistent, cluster mentions into entities with roles and facts, and anchor dates
/// to the article's date; then find quotations, their speakers and what is wrong with them.
public struct Analyzer: Sendable {
    let tokenizer = Tokenizer()
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
            let cache = tokenizer.tokenize(bytes, range: article.bodyStart..<bytes.count, reusing: previous, lexicon: lexicon)
            var tokens = cache.tokens
            SentenceSplitter(lexicon: lexicon).split(&tokens, bytes: bytes)
            let view = TokenView(bytes: bytes, tokens: tokens, classes: cache.classes, lexicon: lexicon)
            return (annotate(article, view), cache)
        }
    }

    private func annotate(_ article: Article, _ view: TokenView) -> Annotations {
        let entities = recognizeEntities(view, date: article.metadata.date)
        let (quotes, found) = QuotationFinder(view: view, entities: entities, extraCues: options.extraCueWords).find()
        var diagnostics = found + SpellingChecker(text: view.bytesString).check(entities)
        diagnostics.sort { $0.span.start < $1.span.start }
        return Annotations(metadata: article.metadata, entities: entities, quotes: quotes, diagnostics: diagnostics)
    }

    /// The entities alone, without quotations: what the entity benchmark measures.
    public func analyzeEntities(_ article: Article) -> [Entity] {
        withTokens(of: article) { recognizeEntities($0, date: article.metadata.date) }
    }

    /// Masks what is not prose, tokenizes the body and splits its sentences, then hands the
    /// tokens to `body`.
    private func withTokens<Result>(of article: Article, _ body: (TokenView) -> Result) -> Result {
        let source = article.format == .markdown
            ? MarkdownMasker.mask(article.text.bytes, from: article.bodyStart) : article.text.bytes
        return source.withUnsafeBufferPointer { bytes in
            var tokens = tokenizer.tokenize(bytes, range: article.bodyStart..<bytes.count)
            SentenceSplitter(lexicon: lexicon).split(&tokens, bytes: bytes)
            return body(TokenView(bytes: bytes, tokens: tokens, lexicon: lexicon))
        }
    }

    func recognizeEntities(_ view: TokenView, date: ArticleDate?) -> [Entity] {
        var claimed = [Bool](repeating: false, count: view.count)
        var mentions = NumericRecognizer(view: view).recognize(claimed: &claimed)
        mentions += NameRecognizer(view: view).recognize(claimed: claimed)
        let resolver = EntityResolver(view: view)
        resolver.harmonize(&mentions)
        var entities = resolver.cluster(mentions)
        KnownEntityMatcher(bytes: view.bytes, known: options.knownEntities).apply(to: &entities)
        let facts = FactBook(lexicon: lexicon)
        let dates = date.map(DateResolver.init(anchor:))
        for index in entities.indices {
            if entities[index].type == .geopolitical || entities[index].type == .norp {
                let spellings = Set(entities[index].mentions.map { view.bytesString($0.span) })
                entities[index].facts = facts.facts(for: entities[index], spellings: Array(spellings))
            }
            if let dates {
                for mentionIndex in entities[index].mentions.indices {
                    if let temporal = entities[index].mentions[mentionIndex].temporal {
                        entities[index].mentions[mentionIndex].resolved = dates.resolve(temporal)
                    }
                }
            }
        }
        return entities
    }
}

extension TokenView {
    func bytesString(_ span: TextSpan) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self)
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
