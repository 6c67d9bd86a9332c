import Dispatch
import Locking
/// Finds every quotation, its kind and its speaker, and what is wrong with them.
///
/// Direct quotes are pairs of quotation marks whose content is a source's words: four words
/// or more, or fewer right next to a speech cue. Shorter quoted words (“rigged”), and titles
/// in quotes, are not a source's words on their own; inside reported speech they make it a
/// mixed quote. Each direct quote looks for its cue after it (“…,” Putin said / said Putin /
/// he said) and then before it (Putin said: “…” / According to Putin, “…”). A quote with no
/// cue takes the speaker of the quote it continues: the other half of an interrupted quote,
/// or a quote in the paragraph before.
///
/// Reported speech has no marks: "X said (that) …", "…, X said.", "…, said X, whose …",
/// "According to X, …", "X told reporters …", "X pointed out that …", "…, CCTV reported."
/// It is found sentence by sentence, and only with a speaker, since a newsroom needs
/// precision more than recall.
///
/// A speaker is the named mention at the cue, a pronoun resolved to the entity the text is
/// about (the last speaker first, then subjects, then recency), or a description ("the
/// Russian leader", "the spokesman") resolved through the roles the article gives its
/// entities; "officials said" gives a speaker with no entity.
/// What the quotation search reads of the text alone, before there are entities: each
/// token's sentence and paragraph, and the quotation marks paired. Apart from the finder, so
/// that on a long article it is worked out on the other core while entities are clustered.
struct QuoteLayout: Sendable {
    /// Per token: the index of its sentence; and each sentence's token range.
    let sentenceOf: [Int32]
    let sentences: [Range<Int>]
    let paragraphOf: [Int32]
    /// Every quotation, by its marks; and the outermost ones, with the tokens they cover (a
    /// quote inside a quote is part of its speaker's words).
    let stretches: [QuotedStretch]
    let outerStretches: [QuotedStretch]
    let insideQuote: [Bool]

    init(view: TokenView) {
        var sentenceOf = [Int32](repeating: 0, count: view.count)
        var paragraphOf = [Int32](repeating: 0, count: view.count)
        var sentences: [Range<Int>] = []
        var start = 0
        var paragraph: Int32 = 0
        for index in 0..<view.count {
            if index > 0, view.tokens[index].flags.contains(.startsSentence) {
                sentences.append(start..<index)
                start = index
            }
            if index > 0, view.tokens[index].flags.contains(.startsParagraph) { paragraph += 1 }
            sentenceOf[index] = Int32(sentences.count)
            paragraphOf[index] = paragraph
        }
        if view.count > 0 { sentences.append(start..<view.count) }
        self.sentenceOf = sentenceOf
        self.sentences = sentences
        self.paragraphOf = paragraphOf
        stretches = QuoteMarkPairer(view: view).pair()
        outerStretches = stretches.filter { $0.depth == 0 }
        var insideQuote = [Bool](repeating: false, count: view.count)
        for stretch in outerStretches {
            for index in stretch.open...(stretch.close ?? stretch.lastInside) { insideQuote[index] = true }
        }
        self.insideQuote = insideQuote
    }
}

struct QuotationFinder {
    let view: TokenView
    let entities: [Entity]
    /// Per token: the entity whose mention covers it, or -1.
    let entityAt: [Int32]
    /// Per token: the first token of the mention covering it, or -1.
    let mentionStart: [Int32]
    /// Per token: the last token of the mention covering it, or -1.
    let mentionEnd: [Int32]
    /// What the search reads of the text alone: sentences, paragraphs, quotation marks.
    let layout: QuoteLayout
    /// Per token: the index of its sentence; and each sentence's token range.
    var sentenceOf: [Int32] { layout.sentenceOf }
    var sentences: [Range<Int>] { layout.sentences }
    var paragraphOf: [Int32] { layout.paragraphOf }
    /// The user's own speech verbs, in lower case.
    let extraCues: Set<[UInt8]>
    /// Their lengths in bytes: most words are ruled out without building a string.
    let extraCueLengths: Set<Int>
    /// Each entity's roles in lower case, as bytes, for matching descriptions ("the Russian
    /// leader") against them without building strings in the loop.
    let lowercasedRoles: [[[UInt8]]]
    /// Per entity: a person with a role, whom a description ("the Russian leader") can name.
    let isDescriptionCandidate: [Bool]
    /// The first person with each upper-cased surname ("WALLACE:" in a transcript), built
    /// the first time a transcript line asks.
    let surnames = SurnameIndex()

    init(view: TokenView, entities: [Entity], extraCues: Set<[UInt8]> = [], layout: QuoteLayout? = nil) {
        self.view = view
        let layout = layout ?? QuoteLayout(view: view)
        self.layout = layout
        self.entities = entities
        self.extraCues = extraCues
        extraCueLengths = Set(extraCues.map(\.count))
        lowercasedRoles = entities.map { entity in entity.roles.map { Array($0.lowercased().utf8) } }
        var entityAt = [Int32](repeating: -1, count: view.count)
        var mentionStart = [Int32](repeating: -1, count: view.count)
        var mentionEnd = [Int32](repeating: -1, count: view.count)
        // Every mention, in text order, matched to its tokens in one walk: a binary search
        // per mention over a long article's tokens costs a cache miss at each step.
        // Sorted as plain integers (start, then the mention's number): a closure-compared
        // sort of tuples showed in profiles of long articles.
        var spans: [(start: Int, end: Int, entity: Int32)] = []
        spans.reserveCapacity(entities.reduce(0) { $0 + $1.mentions.count })
        for (entityIndex, entity) in entities.enumerated() {
            for mention in entity.mentions { spans.append((mention.span.start, mention.span.end, Int32(entityIndex))) }
        }
        var order = spans.indices.map { UInt64($0) | UInt64(spans[$0].start) << 32 }
        order.sort()
        var cursor = 0
        for key in order {
            let span = spans[Int(key & 0xFFFF_FFFF)]
            while cursor < view.count, Int(view.tokens[cursor].start) < span.start { cursor += 1 }
            guard cursor < view.count, Int(view.tokens[cursor].start) == span.start else { continue }
            let entityIndex = Int(span.entity)
            do {
                var index = cursor
                let first = index
                var last = index
                while index < view.count, Int(view.tokens[index].end) <= span.end {
                    last = index
                    index += 1
                }
                for covered in first...last {
                    entityAt[covered] = Int32(entityIndex)
                    mentionStart[covered] = Int32(first)
                    mentionEnd[covered] = Int32(last)
                }
            }
        }
        isDescriptionCandidate = entities.map { $0.type == .person && !$0.roles.isEmpty }

        self.entityAt = entityAt
        self.mentionStart = mentionStart
        self.mentionEnd = mentionEnd
    }

    /// A speaker found at a cue, before it is turned into the public `Speaker`.
    struct SpeakerGuess: Sendable {
        var tokens: Range<Int>
        var entity: Int?
        var resolution: SpeakerResolution
        var ambiguousWith: [Int] = []
    }

    struct Attribution: Sendable {
        var speaker: SpeakerGuess
        var cue: Range<Int>
    }

    struct Found: Sendable {
        var content: Range<Int>  // tokens
        var kind: QuoteKind
        var attribution: Attribution?
        var isSourceQuote: Bool
        /// Resolved against all of the article's entities (a transcript's "PENCE:" is the
        /// Pence named anywhere), not only those near it.
        var readsAllEntities = false
    }

    func find() -> (quotes: [Quote], diagnostics: [ArticleDiagnostic]) {
        let (quotes, diagnostics, _, _) = find(reusing: nil)
        return (quotes, diagnostics)
    }

    /// The quotations, and the per-sentence reports found on the way, which the analysis of
    /// an edited text can keep (`reusing`) for the sentences the edit cannot reach.
    func find(reusing previous: SentenceReports.Reuse?) -> (
        quotes: [Quote], diagnostics: [ArticleDiagnostic], reports: SentenceReports, keptReports: Int
    ) {
        var diagnostics: [ArticleDiagnostic] = []
        var found: [Found] = []

        let stretches = layout.stretches
        for stretch in stretches where stretch.close == nil && stretch.isDouble {
            diagnostics.append(ArticleDiagnostic(
                span: view.span(stretch.open..<stretch.lastInside + 1), severity: .warning, code: "unclosed-quote",
                message: "This quotation mark is never closed; the quote runs to the end of the paragraph."))
        }
        let outer = layout.outerStretches
        let insideQuote = layout.insideQuote

        // Reported speech first, sentence by sentence, with cues outside quotation marks; a
        // quote embedded in its content makes it a mixed quote.
        // (Arrays by sentence and by paragraph: dictionaries over a long article's sentences
        // cost more, after an edit, than the search whose results they hold.)
        let (sentenceReports, keptReports) = reportsBySentence(insideQuote: insideQuote, reusing: previous)
        // (A closure, not `\.first`: that key path is projected at run time, some 800
        // instructions for each of a long article's sentences.)
        var reportedBySentence: [Found?] = sentenceReports.map { $0.first }

        // Per paragraph, its last attributed report: what a quote paragraph after it carries.
        var latestReportByParagraph = [Found?](repeating: nil, count: view.count == 0 ? 0 : Int(paragraphOf[view.count - 1]) + 1)
        for case let report? in reportedBySentence where report.attribution != nil {
            let paragraph = Int(paragraphOf[report.content.lowerBound])
            if let latest = latestReportByParagraph[paragraph], latest.content.lowerBound >= report.content.lowerBound { continue }
            latestReportByParagraph[paragraph] = report
        }
        var previousDirect: (paragraph: Int32, attribution: Attribution?)?
        for stretch in outer {
            // A transcript quoted paragraph by paragraph: "WALLACE: Let’s start … ¶ "PENCE:
            // Well, look …": each turn is its speaker's quote.
            if let turns = transcriptTurns(in: stretch) {
                found.append(contentsOf: turns)
                continue
            }
            let inside = (stretch.open + 1)..<(stretch.lastInside + 1)
            let words = inside.filter { view.tokens[$0].kind == .word || view.tokens[$0].kind == .number }.count
            guard words > 0 else { continue }
            let end = stretch.close ?? stretch.lastInside
            let sentence = Int(sentenceOf[stretch.open])
            // A quote embedded in a clause ("called it “a disgrace”") belongs to that clause's
            // reported speech, when the clause has a cue; on its own it is not a source quote.
            let titleLike = inside.allSatisfy {
                view.tokens[$0].kind != .word || view.isCapitalized($0) || view.has($0, .connector) || view.has($0, .determiner)
                    || view.has($0, .functionWord)
            } && words <= 8 && inside.contains { view.isCapitalized($0) }
            if isEmbedded(stretch.open) {
                if titleLike { continue }  // “The Old Man and the Sea”: a title, not words spoken
                if let report = reportedBySentence[sentence], report.content.contains(stretch.open) {
                    reportedBySentence[sentence]?.kind = .mixed
                } else if let attribution = attributeDirect(stretch), attribution.cue.lowerBound > end,
                    sentenceOf[attribution.cue.lowerBound] == sentenceOf[stretch.open] || sentenceOf[attribution.cue.lowerBound] == sentenceOf[end],
                    !view.isAny(attribution.cue.lowerBound - 1, ["and", "but"])
                {
                    // "And the poll “felt more like a push poll,” Heiserman said.": the whole
                    // clause before the cue is what the speaker said, words after the quote
                    // included ("Trump’s “excesses” are sickening, Hollande said").
                    let start = sentences[sentence].lowerBound
                    // (Only up to a comma that sets off the attribution.)
                    var contentEnd = min(attribution.cue.lowerBound, attribution.speaker.tokens.lowerBound > end ? attribution.speaker.tokens.lowerBound : attribution.cue.lowerBound)
                    if !view.isPunctuation(contentEnd - 1, UInt8(ascii: ",")) || span(end + 1, contentEnd - 1).contains(where: { view.isPunctuation($0, UInt8(ascii: ",")) }) {
                        contentEnd = end + 1
                    }
                    while contentEnd > end + 1, view.tokens[contentEnd - 1].kind == .punctuation { contentEnd -= 1 }
                    let mixed = Found(content: start..<contentEnd, kind: .mixed, attribution: attribution, isSourceQuote: false)
                    found.append(mixed)
                    // A quote paragraph after this one carries its speaker, as after a report.
                    let paragraph = Int(paragraphOf[start])
                    if (latestReportByParagraph[paragraph]?.content.lowerBound ?? -1) < start { latestReportByParagraph[paragraph] = mixed }
                } else if let last = found.last, last.kind == .mixed, last.content.contains(stretch.open) {
                    // Another fragment of the same mixed quote.
                } else if let mixed = mixedQuote(around: stretch, insideQuote: insideQuote) {
                    found.append(mixed)
                } else if words >= 4 {
                    // Words quoted inside a clause with no cue Byline knows: the clause carries
                    // them, as a mixed quote does.
                    var content = embeddingClause(of: stretch.open..<end + 1, insideQuote: insideQuote)
                    let attribution = subjectAttribution(before: stretch.open)
                    var creditedSubject: Attribution?
                    // With no subject Byline names, the words are still the subject's: its
                    // described or unnamed subject ("The Rove ad hits Clinton for taking “…”")
                    // speaks, its content unchanged.
                    if attribution == nil, let subject = sentenceSubjectOrDescription(before: stretch.open) {
                        creditedSubject = Attribution(speaker: subject, cue: subject.tokens.upperBound..<subject.tokens.upperBound + 1)
                    }
                    // The subject and its verb are who spoke, not what was said.
                    if let attribution, content.lowerBound <= attribution.cue.lowerBound { content = attribution.cue.upperBound..<content.upperBound }
                    // With no one to credit, the clause's own subject and verb are no part of
                    // the words: the quoted fragment carries them.
                    if attribution == nil { content = stretch.open..<content.upperBound }
                    found.append(Found(content: content, kind: .mixed, attribution: attribution ?? creditedSubject, isSourceQuote: false))
                }
                continue
            }
            // —"Sam Mendes leaves the show," by Times' Michael Paulson; “No to Schengen” (2005):
            // a headline cited with its byline, a slogan with its year, is a title, not words
            // a source spoke.
            if isCitedTitle(stretch) { continue }
            var attribution = attributeDirect(stretch)
            // A quote inside the content of its sentence's reported speech (“…,” after "X
            // acknowledged that …") is part of that speech: a mixed quote.
            if attribution == nil, let report = reportedBySentence[sentence], report.content.contains(stretch.open) {
                reportedBySentence[sentence]?.kind = .mixed
                continue
            }
            // “…,” he said, clapping. “…” — the second half of an interrupted quote joins the first.
            let continuesLast = found.last.map { last in
                // (A mixed quote whose cue follows it goes on the same way: "Trump is also a
                // “change agent,” Cole said. “That’s exactly what …”".)
                // (The second half may find a cue of its own between the halves: "“…,” said
                // Kristen Day, …, reports USA Today. “…”" is still one quotation.)
                guard last.kind == .direct || last.kind == .mixed, let lastAttribution = last.attribution,
                    attribution == nil || attribution!.cue == lastAttribution.cue
                        || attribution!.cue.lowerBound > last.content.upperBound && sentenceOf[attribution!.cue.lowerBound] < sentenceOf[stretch.open],
                    paragraphOf[last.content.lowerBound] == paragraphOf[stretch.open],
                    lastAttribution.cue.lowerBound >= last.content.upperBound, stretch.open - last.content.upperBound <= 40,
                    // The attribution between the halves may carry a long appositive ("said
                    // Patrick McGinley, a law professor who …"), but the second half opens in
                    // the attribution's sentence or the one right after it.
                    sentenceOf[stretch.open] <= sentenceOf[lastAttribution.cue.lowerBound] + 1
                else { return false }
                // (A title quoted in the attribution, “…,” she said, showing off the “Make
                // America Great Again” hat. “…”, does not part the halves; a quote of its own does.)
                let between = span(last.content.upperBound, stretch.open)
                var openedAt: Int?
                for index in between where view.tokens[index].kind == .quote {
                    if let opened = openedAt {
                        if index - opened > 8 { return false }
                        openedAt = nil
                    } else {
                        openedAt = index
                    }
                }
                return openedAt == nil
            } ?? false
            // Titles in quotes (“The Old Man and the Sea”) are never a source's words.
            let isSource = continuesLast || (words >= 4 || attribution != nil) && !titleLike && (stretch.isDouble || words >= 4 && attribution != nil)
            guard isSource else { continue }
            var start = stretch.open
            if continuesLast, let last = found.last, let lastAttribution = last.attribution {
                found.removeLast()
                start = last.content.lowerBound
                attribution = lastAttribution
            } else if attribution == nil, let previous = previousDirect, let carried = previous.attribution,
                previous.paragraph == paragraphOf[stretch.open] || previous.paragraph + 1 == paragraphOf[stretch.open]
                    && view.tokens[stretch.open].flags.contains(.startsParagraph)
            {
                var speaker = carried.speaker
                speaker.resolution = speaker.resolution == .unresolved ? .unresolved : .carried
                attribution = Attribution(speaker: speaker, cue: carried.cue)
                // “…,” Viguerie said. ¶ “…”: a quote paragraph that goes on with the last
                // one's speaker, and no cue of its own, continues that quotation, as annotators
                // mark it (once: a third paragraph is a quotation of its own).
                if let last = found.last, last.kind == .direct, last.attribution?.cue == carried.cue,
                    carried.cue.lowerBound >= last.content.upperBound,
                    previous.paragraph + 1 == paragraphOf[stretch.open], view.tokens[stretch.open].flags.contains(.startsParagraph)
                {
                    found.removeLast()
                    start = last.content.lowerBound
                    attribution = last.attribution
                }
            } else if attribution == nil, view.tokens[stretch.open].flags.contains(.startsParagraph) || view.tokens[stretch.open].flags.contains(.startsSentence),
                let carried = speakerIntroduced(before: stretch.open, latestReportIn: latestReportByParagraph)
            {
                // A quote paragraph after a paragraph that quotes or introduces someone: the
                // news convention for a speaker carried across paragraphs.
                attribution = carried
            }
            // “With thousands of systems, “there is no single point of failure,” he said”: the
            // lead-in clause before the quote is part of what is attributed.
            if let attribution, attribution.cue.lowerBound > end, view.isPunctuation(start - 1, UInt8(ascii: ",")) {
                let sentenceStart = sentences[sentence].lowerBound
                if sentenceStart < start - 1, !(sentenceStart..<start).contains(where: { isCue($0) || view.tokens[$0].kind == .quote }) {
                    start = sentenceStart
                }
            }
            found.append(Found(content: start..<end + 1, kind: .direct, attribution: attribution, isSourceQuote: true))
            previousDirect = (paragraphOf[end], attribution)
        }
        // Reported speech where no direct quote already speaks; a mixed quote always stands.
        // A report whose cue already credits a direct quote ("“…,” Peeters told reporters in
        // Brussels") says nothing more.
        let usedCues = Set(found.compactMap { $0.attribution?.cue.lowerBound })
        // Tokens inside a direct quote, so that each report is checked in its own length.
        var insideDirect = [Bool](repeating: false, count: view.count)
        for item in found where item.kind == .direct {
            for index in item.content where index < view.count { insideDirect[index] = true }
        }
        func addReport(_ report: Found) {
            guard !report.content.contains(where: { $0 < view.count && insideDirect[$0] }), !usedCues.contains(report.attribution?.cue.lowerBound ?? -1)
            else { return }
            found.append(report)
        }
        for (number, first) in reportedBySentence.enumerated() {
            guard let first else { continue }
            addReport(first)
            for report in sentenceReports[number].dropFirst() { addReport(report) }
        }
        found.sort { $0.content.lowerBound < $1.content.lowerBound }

        var quotes: [Quote] = []
        // Every span must hold at least one token; a degenerate match is dropped, not trusted.
        for item in found where !item.content.isEmpty && item.attribution.map({ !$0.speaker.tokens.isEmpty && !$0.cue.isEmpty }) ?? true {
            let span = view.span(item.content)
            var speaker: Speaker?
            var cue: TextSpan?
            if let attribution = item.attribution {
                speaker = Speaker(span: view.span(attribution.speaker.tokens), entityIndex: attribution.speaker.entity, resolution: attribution.speaker.resolution)
                cue = view.span(attribution.cue)
                if attribution.speaker.ambiguousWith.count > 1 {
                    let names = attribution.speaker.ambiguousWith.map { entities[$0].name }
                    // Each candidate's last mention before the speaker: the antecedents a
                    // reader would weigh.
                    let speakerStart = view.span(attribution.speaker.tokens).start
                    let related = attribution.speaker.ambiguousWith.compactMap { candidate -> RelatedSpan? in
                        let mention = entities[candidate].mentions.last { $0.span.end <= speakerStart } ?? entities[candidate].mentions.first
                        return mention.map { RelatedSpan(span: $0.span, message: "candidate speaker: \(entities[candidate].name)") }
                    }
                    diagnostics.append(ArticleDiagnostic(
                        span: view.span(attribution.speaker.tokens), severity: .information, code: "ambiguous-speaker",
                        message: "“\(view.string(attribution.speaker.tokens))” could be \(names.joined(separator: " or ")); Byline chose \(names[0]).",
                        related: related))
                }
            } else if item.isSourceQuote, !hasCueNearby(item.content) {
                diagnostics.append(ArticleDiagnostic(
                    span: span, severity: .warning, code: "unattributed-quote",
                    message: "No one is credited with this quotation. Who said it?"))
            }
            quotes.append(Quote(span: span, kind: item.kind, speaker: speaker, cue: cue))
        }
        diagnostics.sort { $0.span.start < $1.span.start }
        return (
            quotes, diagnostics, SentenceReports(sentences: sentences, reports: sentenceReports, insideQuote: insideQuote, extraCues: extraCues),
            keptReports
        )
    }

    // MARK: - Direct quotes

    /// The speaker a quote paragraph continues: the last speaker credited in the paragraph
    /// before, or else the last person named in that paragraph's last sentence ("Paul
    /// Rieckhoff, founder of IAVA, has long warned about this." then “We often compare …”).
    func speakerIntroduced(before open: Int, latestReportIn latestReportByParagraph: [Found?]) -> Attribution? {
        let paragraph = paragraphOf[open]
        // A quote opening its paragraph looks at the paragraph before; one opening a sentence
        // inside a paragraph looks at the sentence before, in the same paragraph.
        let startsParagraph = view.tokens[open].flags.contains(.startsParagraph)
        guard !startsParagraph || paragraph > 0 else { return nil }
        let previous = startsParagraph ? paragraph - 1 : paragraph
        if startsParagraph, Int(previous) < latestReportByParagraph.count, let report = latestReportByParagraph[Int(previous)], var carried = report.attribution {
            carried.speaker.resolution = carried.speaker.resolution == .unresolved ? .unresolved : .carried
            return carried
        }
        var index = open - 1
        while index >= 0, view.tokens[index].kind == .punctuation || view.tokens[index].kind == .quote { index -= 1 }
        guard index >= 0, paragraphOf[index] == previous else { return nil }
        let lastSentence = sentences[Int(sentenceOf[index])]
        for position in lastSentence.reversed() where entityAt[position] >= 0 && mentionStart[position] == Int32(position) {
            let entity = Int(entityAt[position])
            if entities[entity].type == .person {
                let speaker = SpeakerGuess(tokens: position..<Int(mentionEnd[position]) + 1, entity: entity, resolution: .carried)
                return Attribution(speaker: speaker, cue: position..<Int(mentionEnd[position]) + 1)
            }
        }
        return nil
    }

    /// "Trump called Machado “disgusting” and “a con”": a verb of speech or judgement before
    /// quoted words in the same clause makes everything from after the verb to the end of the
    /// clause a mixed quote, credited to the verb's subject.
    func mixedQuote(around stretch: QuotedStretch, insideQuote: [Bool]) -> Found? {
        guard let close = stretch.close else { return nil }
        let sentence = sentences[Int(sentenceOf[stretch.open])]
        var verb = stretch.open - 1
        while verb >= sentence.lowerBound, stretch.open - verb <= 12 {
            if !insideQuote[verb], view.tokens[verb].kind == .word, !view.isCapitalized(verb), view.has(verb, .speechVerb), !isRefused(verb) { break }
            if view.isPunctuation(verb, UInt8(ascii: ";")) || view.isPunctuation(verb, UInt8(ascii: ":")) { return nil }
            verb -= 1
        }
        guard verb >= sentence.lowerBound, stretch.open - verb <= 12 else { return nil }
        // "Trump went after Bush, calling him “…”": a participle after a comma is the subject's.
        let participle = view.isPunctuation(verb - 1, UInt8(ascii: ",")) && view.string(verb).hasSuffix("ing")
        guard let speaker = (participle ? participleSpeaker(before: verb) : nil) ?? speaker(endingAt: verb - 1, after: sentence.lowerBound - 1, cueAt: verb)
            ?? sentenceSubjectOrDescription(before: verb)
        else {
            return nil
        }
        var start = verb + 1
        if view.is(start, "that") { start += 1 }
        var end = close + 1
        // "described Clinton as a “disgrace” after …": the judgement ends with its quoted words.
        let isJudgement = (max(verb + 1, stretch.open - 3)..<stretch.open).contains { view.is($0, "as") }
        if !isJudgement { end = clauseEnd(from: end, before: sentence.upperBound, insideQuote: insideQuote) }
        while end > start, view.tokens[end - 1].kind == .punctuation { end -= 1 }
        guard end > start else { return nil }
        return Found(content: start..<end, kind: .mixed, attribution: Attribution(speaker: speaker, cue: verb..<verb + 1), isSourceQuote: false)
    }

    /// "Gov. Tomblin lauded Mr. Clarke for “new and innovative ideas”": when no speech verb
    /// carries quoted words, the sentence's subject is still the one whose words they are,
    /// and the verb right after it (lauded, rated, accused) the cue.
    /// Who speaks through a participle or a verb joined by "and": the speaker of a cue
    /// earlier in the sentence ("Ryan and Trump will meet, Spicer said, adding, “…”"), or else
    /// the sentence's subject.
    func participleSpeaker(before verb: Int) -> SpeakerGuess? {
        let sentence = sentences[Int(sentenceOf[verb])]
        var probe = verb - 1
        while probe > sentence.lowerBound, verb - probe <= 30 {
            if !layout.insideQuote[probe], view.tokens[probe].kind == .word, !view.string(probe).hasSuffix("ing"), isCue(probe) {
                let length = cueLength(probe)
                // (Only a cue whose clause ends right before the participle: not "an architect
                // who said he designed a clubhouse at one of Trump’s courses, saying …".)
                // Between them only where and when it was said ("Tuesday in Paris", "told
                // reporters at a rally"): names, dates, and phrases a preposition opens.
                var inPhrase = false
                let clauseEnds = verb - (probe + length) <= 8 && span(probe + length, verb - 1).allSatisfy { position in
                    if view.tokens[position].kind != .word { return false }
                    if view.isAny(position, Self.prepositions) || view.has(position, .determiner) {
                        inPhrase = true
                        return true
                    }
                    return inPhrase || entityAt[position] >= 0 || view.isCapitalized(position) || view.isAny(position, ["reporters", "journalists"])
                }
                guard clauseEnds else { break }
                // ", said Spicer, adding": the name after an inverted cue.
                let inverted = view.isPunctuation(probe - 1, UInt8(ascii: ",")) || view.tokens[probe - 1].kind == .quote
                let after = inverted ? speaker(startingAt: probe + length, cueAt: probe, inverted: true) : nil
                if let found = after ?? speaker(endingAt: probe - 1, after: sentence.lowerBound - 1, cueAt: probe) { return found }
                break
            }
            probe -= 1
        }
        return sentenceSubject(before: verb) ?? sentenceSubjectOrDescription(before: verb)
    }

    func subjectAttribution(before index: Int) -> Attribution? {
        guard let subject = sentenceSubject(before: index), subject.entity != nil else { return nil }
        var verb = subject.tokens.upperBound
        while verb < index, view.isAny(verb, Self.betweenSubjectAndVerb) { verb += 1 }
        guard verb < index, view.tokens[verb].kind == .word, !view.isCapitalized(verb), !view.has(verb, .functionWord),
            !view.has(verb, .determiner)
        else { return nil }
        return Attribution(speaker: subject, cue: verb..<verb + 1)
    }

    /// The clause a quoted fragment sits in: from after the last "that" before it in its
    /// sentence (or the sentence's start) to the next clause break outside quotation marks.
    func embeddingClause(of quoted: Range<Int>, insideQuote: [Bool]) -> Range<Int> {
        let sentence = sentences[Int(sentenceOf[quoted.lowerBound])]
        var start = quoted.lowerBound
        var probe = quoted.lowerBound - 1
        while probe >= sentence.lowerBound, quoted.lowerBound - probe <= 30 {
            if view.is(probe, "that") { start = probe + 1; break }
            probe -= 1
        }
        if probe < sentence.lowerBound { start = sentence.lowerBound }
        return start..<clauseEnd(from: quoted.upperBound, before: sentence.upperBound, insideQuote: insideQuote)
    }

    /// The first clause break (, . ; ?) outside quotation marks at or after `index`, or `limit`.
    func clauseEnd(from index: Int, before limit: Int, insideQuote: [Bool]) -> Int {
        var end = index
        while end < limit, !view.isPunctuation(end, UInt8(ascii: ",")) && !view.isPunctuation(end, UInt8(ascii: "."))
            && !view.isPunctuation(end, UInt8(ascii: ";")) && !view.isPunctuation(end, UInt8(ascii: "?")) || insideQuote[end]
        {
            // "called them “crazy” and said …": a verb of speech joined by "and" is a new
            // statement.
            if !insideQuote[end], view.isAny(end, ["and", "but"]), isCue(end + 1), view.has(end + 1, .reportingVerb) { return end }
            end += 1
        }
        return end
    }

    /// A quote followed by its byline ("…," by the Post's Amy Spencer) or its year in brackets.
    func isCitedTitle(_ stretch: QuotedStretch) -> Bool {
        guard let close = stretch.close else { return false }
        var after = close + 1
        while after < view.count, view.isPunctuation(after, UInt8(ascii: ",")) { after += 1 }
        guard after + 1 < view.count else { return false }
        if view.is(after, "by"), view.isCapitalized(after + 1) || view.is(after + 1, "the") && after + 2 < view.count && view.isCapitalized(after + 2) {
            return true
        }
        return view.isPunctuation(after, UInt8(ascii: "(")) && view.tokens[after + 1].kind == .number && view.tokens[after + 1].length == 4
            && after + 2 < view.count && view.isPunctuation(after + 2, UInt8(ascii: ")"))
    }

    /// Whether a reporting verb stands in the quote's sentences or the sentences just before
    /// and after it in the same paragraph. Then someone is credited, even if Byline could not
    /// tell who: no warning, since a newsroom switches off a check that cries wolf.
    func hasCueNearby(_ content: Range<Int>) -> Bool {
        let first = max(0, Int(sentenceOf[content.lowerBound]) - 1)
        let last = min(sentences.count - 1, Int(sentenceOf[content.upperBound - 1]) + 1)
        let paragraphs = paragraphOf[content.lowerBound]...paragraphOf[content.upperBound - 1]
        for sentence in first...last {
            for index in sentences[sentence] where !content.contains(index) && paragraphs.contains(paragraphOf[index]) {
                if isCue(index) || view.is(index, "according") { return true }
            }
        }
        // "Partial transcript as follows:" ending the paragraph before introduces the quote.
        var previous = content.lowerBound - 1
        while previous >= 0, view.tokens[previous].kind == .quote { previous -= 1 }
        if previous >= 0 && view.isPunctuation(previous, UInt8(ascii: ":")) { return true }
        // "Hillary shot back, “…”", "As Dana Milbank puts it, “…”": a clause naming a person
        // or an organisation leads into the quote with a comma or a colon. Someone is
        // credited, even through a verb Byline does not know.
        if previous >= 0, view.isPunctuation(previous, UInt8(ascii: ",")), sentenceOf[previous] == sentenceOf[content.lowerBound] {
            for index in sentences[Int(sentenceOf[previous])] where index < previous && entityAt[index] >= 0 {
                let type = entities[Int(entityAt[index])].type
                if type == .person || type == .organization { return true }
            }
        }
        // A headline cited with its byline or its link: —"Sam Mendes leaves …," by the
        // Post's Amy Spencer http://…; or a slogan with its year: “…” (2005).
        var after = content.upperBound
        while after < view.count, view.tokens[after].kind == .quote || view.isPunctuation(after, UInt8(ascii: ",")) { after += 1 }
        if after < view.count, view.is(after, "by") && (view.isCapitalized(after + 1) || view.is(after + 1, "the") && view.isCapitalized(after + 2))
            || view.tokens[after].kind == .url
            || view.isPunctuation(after, UInt8(ascii: "(")) && view.tokens[min(after + 1, view.count - 1)].kind == .number && after + 2 < view.count
                && view.isPunctuation(after + 2, UInt8(ascii: ")"))
        {
            return true
        }
        // A signature in the next paragraph: "“…”" then "- Sanders." or "― Pamela Padilla".
        var next = content.upperBound
        while next < view.count, view.tokens[next].kind == .quote || view.tokens[next].kind == .punctuation,
            !view.tokens[next].flags.contains(.startsParagraph)
        {
            next += 1
        }
        if next + 1 < view.count, view.tokens[next].flags.contains(.startsParagraph), view.tokens[next].kind == .dash,
            view.isCapitalized(next + 1)
        {
            return true
        }
        return false
    }

    /// Whether a quote opens inside a clause ("was “true”", "called it “a disgrace”") rather
    /// than starting one (after a sentence start, a comma, a colon, a dash or a bracket).
    func isEmbedded(_ open: Int) -> Bool {
        guard open > 0, !view.tokens[open].flags.contains(.startsSentence), !view.tokens[open].flags.contains(.startsLine) else {
            return false
        }
        let previous = view.tokens[open - 1]
        switch previous.kind {
        case .punctuation:
            return !(view.isPunctuation(open - 1, UInt8(ascii: ",")) || view.isPunctuation(open - 1, UInt8(ascii: ":"))
                || view.isPunctuation(open - 1, UInt8(ascii: "(")) || view.isPunctuation(open - 1, UInt8(ascii: "."))
                || view.isPunctuation(open - 1, UInt8(ascii: ";")))
        case .dash, .quote, .ellipsis:
            return false
        default:
            // "But “…”": a conjunction that starts the sentence does not embed the quote.
            if view.tokens[open - 1].flags.contains(.startsSentence), view.has(open - 1, .functionWord) { return false }
            return !isCue(open - 1)
        }
    }

    /// The cue and speaker of a direct quote: after it first (“…,” X said / said X), then
    /// before it (X said: “…” / According to X, “…”).
    /// Whether the clause from `index` to its sentence's end says nothing of its own: no
    /// "that", colon or quote begins content there. A cue in the sentence after a quote looks
    /// back at it only then ("“…?” Obama asked Republican politicians." looks back; "He said,
    /// twice, that he was …" and "He added, “…”" begin something new).
    func clauseIsBare(from index: Int) -> Bool {
        guard index < view.count else { return true }
        let end = min(sentences[Int(sentenceOf[index])].upperBound, index + 16)
        for next in index..<end {
            if view.tokens[next].flags.contains(.startsParagraph) { return true }
            if view.is(next, "that") || view.isPunctuation(next, UInt8(ascii: ":")) || view.tokens[next].kind == .quote && view.tokens[next].flags.contains(.opening) {
                return false
            }
        }
        return true
    }

    func attributeDirect(_ stretch: QuotedStretch) -> Attribution? {
        if let close = stretch.close, close + 1 < view.count, !view.tokens[close + 1].flags.contains(.startsParagraph) {
            var index = close + 1
            // The quote's own sentence; or, when the quote ended its sentence (“…?” she
            // asked), the sentence right after it.
            let sentenceEnd = sentences[Int(sentenceOf[close + 1])].upperBound
            // Past the quote's own sentence, only a cue right away (“…?” Graham asked) counts.
            let crossesSentence = sentenceOf[close + 1] != sentenceOf[close]
            // “…?” a narrator in the ad asks: a lower-case word after the mark goes on with
            // the quote's sentence, whatever its question mark said.
            let goesOn = crossesSentence && view.isWord(close + 1) && !view.isCapitalized(close + 1)
            // “Brafman said, “…” He added, “…”": a quote that ends its sentence after a cue
            // that introduced it is that cue's; the next sentence's cue has a quote of its own.
            let introduced = crossesSentence && !goesOn && stretch.open >= 2
                && (view.isPunctuation(stretch.open - 1, UInt8(ascii: ",")) || view.isPunctuation(stretch.open - 1, UInt8(ascii: ":")))
                && isCue(stretch.open - 2) && sentenceOf[stretch.open - 2] == sentenceOf[stretch.open]
            let limit = introduced ? index : min(view.count, index + (crossesSentence && !goesOn ? 4 : goesOn ? 10 : 24))
            // “…” ― Pamela Padilla: a dash and a name sign the quote.
            if view.tokens[index].kind == .dash, let speaker = speaker(startingAt: index + 1, cueAt: index),
                speaker.resolution == .named
            {
                return Attribution(speaker: speaker, cue: index..<index + 1)
            }
            while index < limit, index < sentenceEnd {
                let token = view.tokens[index]
                if token.kind == .quote && token.flags.contains(.opening) { break }
                if isCue(index) {
                    // “…” Greene added that …: in the next sentence, a cue with content of its
                    // own begins a new report; it does not look back at the quote.
                    if crossesSentence, !goesOn, view.is(index + cueLength(index), "that") { break }
                    // “…,” Figueroa told USA Today: a name before the cue is the speaker, and one
                    // after it only when there is none before (“…,” said Figueroa).
                    if let speaker = speaker(endingAt: index - 1, after: close, cueAt: index) {
                        // “…” He said, twice, that he was going …; “…” He added, “…”: in the
                        // next sentence a cue looks back only when its clause ends with it.
                        if crossesSentence, !goesOn, !clauseIsBare(from: index + cueLength(index)) { break }
                        return Attribution(speaker: speaker, cue: index..<index + cueLength(index))
                    }
                    // “crazy” and said the party is bound to lose: a verb joined by "and" is the
                    // sentence subject's; the noun after it begins what was said.
                    if index > close + 1, view.isAny(index - 1, ["and", "but"]) {
                        return sentenceSubject(before: index).map { Attribution(speaker: $0, cue: index..<index + cueLength(index)) }
                    }
                    // “…?” asked Bennett: right after the quote, the name after any cue speaks.
                    let inverted = index == close + 1 || index == close + 2 && view.isPunctuation(close + 1, UInt8(ascii: ","))
                    if let speaker = speaker(startingAt: index + cueLength(index), cueAt: index, inverted: inverted) {
                        return Attribution(speaker: speaker, cue: index..<index + cueLength(index))
                    }
                    return nil
                }
                // A full stop inside the sentence ("Mitch McConnell, R-Ky., said") is an
                // abbreviation's; the sentence's own end bounds the search.
                if token.kind == .punctuation, view.isPunctuation(index, UInt8(ascii: ";")) {
                    break
                }
                // "Sen. Claire McCaskill (D-Mo.) said": the full stop in a bracketed aside does
                // not end the attribution.
                if view.isPunctuation(index, UInt8(ascii: "(")) {
                    var closing = index + 1
                    while closing < sentenceEnd, closing - index < 10, !view.isPunctuation(closing, UInt8(ascii: ")")) { closing += 1 }
                    if closing < sentenceEnd, view.isPunctuation(closing, UInt8(ascii: ")")) { index = closing }
                }
                index += 1
            }
        }
        // Before: a cue, a colon or a comma right before the opening mark.
        let open = stretch.open
        // "…, Schiff said. “The other factor …”": a quote opening the sentence after one that
        // ends on an attribution continues it.
        if view.tokens[open].flags.contains(.startsSentence), !view.tokens[open].flags.contains(.startsParagraph), open >= 3 {
            var last = open - 1
            while last > 0, view.tokens[last].kind == .punctuation || view.tokens[last].kind == .quote { last -= 1 }
            // The cue may be followed by a short phrase: "…, Price shouted to the crowd."
            let previousSentence = sentences[Int(sentenceOf[last])]
            for cue in stride(from: last, through: max(previousSentence.lowerBound, last - 8), by: -1) where isCue(cue) {
                if ((cue + 1)..<(last + 1)).contains(where: { view.tokens[$0].kind == .quote }) { break }
                if let speaker = speaker(endingAt: cue - 1, after: max(previousSentence.lowerBound - 1, cue - 24), cueAt: cue)
                    ?? speaker(startingAt: cue + 1, cueAt: cue)
                {
                    return Attribution(speaker: speaker, cue: cue..<cue + 1)
                }
                break
            }
        }
        var index = open - 1
        while index >= 0, view.tokens[index].kind == .punctuation && (view.isPunctuation(index, UInt8(ascii: ":")) || view.isPunctuation(index, UInt8(ascii: ",")))
            || view.is(index, "that") || view.tokens[index].kind == .dash
        {
            index -= 1
        }
        guard index >= 0, sentenceOf[index] == sentenceOf[open] || view.isPunctuation(open - 1, UInt8(ascii: ":")) else { return nil }
        // "According to X, “…”"
        if let according = accordingTo(before: index + 1, in: sentences[Int(sentenceOf[index])]) { return according }
        // "The piece used her words as its headline: “…”": a colon introduces the quote, and
        // the sentence's subject speaks (when no verb cue comes first, below).
        let colon = open - 1
        // "… doesn’t surprise Republican pollster Daron Shaw: “…”": a person named right
        // before the colon speaks; otherwise the sentence's subject does.
        if view.isPunctuation(colon, UInt8(ascii: ":")), colon > 0, entityAt[colon - 1] >= 0, isPerson(Int(entityAt[colon - 1])) {
            let start = Int(mentionStart[colon - 1])
            return Attribution(speaker: SpeakerGuess(tokens: start..<colon, entity: Int(entityAt[colon - 1]), resolution: .named), cue: colon..<colon + 1)
        }
        let colonSubject: Attribution? = view.isPunctuation(colon, UInt8(ascii: ":")) ? sentenceSubjectOrDescription(before: colon).map {
            Attribution(speaker: $0, cue: colon..<colon + 1)
        } : nil
        // "As Vulture put it, “…”": the one who put it so speaks.
        if view.is(index, "it"), view.isAny(index - 1, ["put", "puts"]), index >= 2,
            let speaker = speaker(endingAt: index - 2, after: max(sentences[Int(sentenceOf[index])].lowerBound - 1, index - 12), cueAt: index - 1)
        {
            return Attribution(speaker: speaker, cue: index - 1..<index + 1)
        }
        var probe = index
        let lowest = max(sentences[Int(sentenceOf[index])].lowerBound, index - 8)
        while probe >= lowest {
            if isCue(probe) {
                let afterCue = probe + cueLength(probe)
                // "He then defended the remark, saying, “…”" and "He adopted an accent and joked,
                // “…”": the subject of the sentence speaks.
                if view.string(probe).hasSuffix("ing") || view.isAny(probe - 1, ["and", "but"]), let subject = participleSpeaker(before: probe) {
                    return Attribution(speaker: subject, cue: probe..<afterCue)
                }
                // "X told reporters: “…”", "X said in a statement: “…”"
                if let speaker = speaker(endingAt: probe - 1, after: lowest - 1, cueAt: probe) {
                    return Attribution(speaker: speaker, cue: probe..<afterCue)
                }
                if let speaker = speaker(startingAt: afterCue, cueAt: probe), speaker.tokens.upperBound <= open {
                    return Attribution(speaker: speaker, cue: probe..<afterCue)
                }
                return colonSubject
            }
            probe -= 1
        }
        // "Bennett countered with a laugh, “…”": a clause whose subject is a named speaker,
        // ending in a comma that opens the quote, credits its subject.
        if colonSubject == nil, view.isPunctuation(open - 1, UInt8(ascii: ",")) || view.tokens[max(0, open - 1)].kind == .dash,
            open > 0, sentenceOf[open - 1] == sentenceOf[open],
            let subject = subjectAttribution(before: open - 1)
        {
            return subject
        }
        return colonSubject
    }

    /// The subject of the sentence before `index`: a name or pronoun, or a description at the
    /// sentence start ("The piece", "The letter").
    func sentenceSubjectOrDescription(before index: Int) -> SpeakerGuess? {
        if let subject = sentenceSubject(before: index) { return subject }
        let sentence = sentences[Int(sentenceOf[index])]
        let start = sentence.lowerBound
        guard view.has(start, .determiner) else { return nil }
        var end = start + 1
        while end < min(index, start + 4), view.tokens[end].kind == .word, !view.has(end, .reportingVerb) {
            // "A spokesman for Platte River declined …": the speaker's noun, then whose it is.
            if view.isAny(end, Self.speakerNouns) || view.has(end, .title), view.isAny(end + 1, ["for", "of", "at", "with"]),
                end + 2 < index, entityAt[end + 2] >= 0, mentionStart[end + 2] == Int32(end + 2)
            {
                let ownerEnd = Int(mentionEnd[end + 2]) + 1
                if ownerEnd < index, view.tokens[ownerEnd].kind == .word, !view.isCapitalized(ownerEnd) {
                    return SpeakerGuess(tokens: start..<ownerEnd, entity: nil, resolution: .unresolved)
                }
            }
            // (The phrase ends before its verb, or before an auxiliary: "Her friends have mocked".)
            if end + 1 < view.count, view.tokens[end + 1].kind != .word || view.has(end + 1, .speechVerb)
                || !view.isCapitalized(end + 1) && (view.string(end + 1).hasSuffix("ed") || view.isAny(end + 1, ["has", "have", "had"]))
            {
                return resolveNominal(start..<end + 1)
            }
            end += 1
        }
        return nil
    }

    // MARK: - Reported speech

    /// Fills in the reports of the sentences an edit cannot have changed, from the last
    /// analysis (see `SentenceReports`), and marks them as found.
    func keepReports(from previous: SentenceReports.Reuse, insideQuote: [Bool], into results: inout [[Found]], kept: inout [Bool]) {
        let old = previous.reports
        let shift = previous.tokenShift
        guard old.extraCues == extraCues, old.insideQuote.count + shift == view.count else { return }
        // Quotation marks are paired across paragraphs: the edit must leave every token
        // outside it inside or outside a quote as before.
        // (Compared as bytes: a long article has a quarter of a million tokens.)
        func same(_ old: ArraySlice<Bool>, _ new: ArraySlice<Bool>) -> Bool {
            old.count == new.count && old.withUnsafeBytes { a in
                new.withUnsafeBytes { b in
                    guard let aBase = a.baseAddress, let bBase = b.baseAddress else { return true }
                    return Tokenizer.commonRunLength(aBase, bBase, limit: a.count) == a.count
                }
            }
        }
        guard previous.changedStart <= previous.oldChangedEnd, previous.oldChangedEnd <= old.insideQuote.count,
            same(old.insideQuote[0..<previous.changedStart], insideQuote[0..<previous.changedStart]),
            same(old.insideQuote[previous.oldChangedEnd...], insideQuote[(previous.oldChangedEnd + shift)...])
        else { return }
        let newChangedEnd = previous.oldChangedEnd + shift
        let sentenceShift = sentences.count - old.sentences.count
        var paragraphEnd = 0  // the end of the paragraph of the sentence looked at
        for (number, sentence) in sentences.enumerated() {
            if sentence.lowerBound >= paragraphEnd {
                paragraphEnd = sentence.upperBound
                while paragraphEnd < view.count, !view.tokens[paragraphEnd].flags.contains(.startsParagraph) { paragraphEnd += 1 }
            }
            // What a sentence's search reads: its paragraph (a transcript's content runs to
            // the paragraph's end), and before it the three sentences a pronoun looks back
            // over and the 800 tokens a description does; with room to spare on both sides.
            let readsBefore = min(sentence.lowerBound - SentenceReports.lookBehind, sentences[max(0, number - 4)].lowerBound)
            let readsAfter = max(sentence.upperBound, paragraphEnd) + SentenceReports.lookAhead
            if readsAfter <= previous.changedStart {
                guard number < old.sentences.count, old.sentences[number] == sentence,
                    let reports = renumbered(old.reports[number], previous.entityNumbers)
                else { continue }
                results[number] = reports
                kept[number] = true
            } else if readsBefore >= newChangedEnd {
                let oldNumber = number - sentenceShift
                guard oldNumber >= 0, oldNumber < old.sentences.count,
                    old.sentences[oldNumber] == (sentence.lowerBound - shift)..<(sentence.upperBound - shift),
                    let reports = renumbered(old.reports[oldNumber], previous.entityNumbers)
                else { continue }
                // (An edit inside a word moves no token: nothing to shift.)
                results[number] = shift == 0 ? reports : reports.map { $0.shifted(by: shift) }
                kept[number] = true
            }
        }
    }

    /// A sentence's reports with their speakers' entities renumbered (`numbers`: old → new),
    /// or nil when one must be searched again: its entity is gone, or it read every entity.
    func renumbered(_ reports: [Found], _ numbers: [Int32]?) -> [Found]? {
        guard let numbers, !reports.isEmpty else { return reports }
        var result = reports
        for index in result.indices {
            if result[index].readsAllEntities { return nil }
            guard var speaker = result[index].attribution?.speaker else { continue }
            if let entity = speaker.entity {
                guard numbers[entity] >= 0 else { return nil }
                speaker.entity = Int(numbers[entity])
            }
            for slot in speaker.ambiguousWith.indices {
                guard numbers[speaker.ambiguousWith[slot]] >= 0 else { return nil }
                speaker.ambiguousWith[slot] = Int(numbers[speaker.ambiguousWith[slot]])
            }
            result[index].attribution?.speaker = speaker
        }
        return result
    }

    /// Per sentence, its reported speech and the statements that follow it with cues of
    /// their own. Each sentence is searched on its own, so a long article's sentences are
    /// searched on every core: on a 1 MB article this is the largest step after an edit.
    func reportsBySentence(insideQuote: [Bool], reusing previous: SentenceReports.Reuse?) -> (reports: [[Found]], kept: Int) {
        var results = [[Found]](repeating: [], count: sentences.count)
        var searched = [Bool](repeating: false, count: sentences.count)
        if let previous { keepReports(from: previous, insideQuote: insideQuote, into: &results, kept: &searched) }
        let kept = searched.lazy.filter { $0 }.count
        // Below this many tokens, starting threads costs more than it saves.
        guard view.count >= 20_000 else {
            for (number, sentence) in sentences.enumerated() where !searched[number] { results[number] = reports(in: sentence, insideQuote: insideQuote) }
            return (results, kept)
        }
        let chunks = 32
        let chunkSize = (sentences.count + chunks - 1) / chunks
        results.withUnsafeMutableBufferPointer { results in
            // Each chunk writes only its own sentences' slots, and the finder is only read:
            // its token view points at bytes that stay unchanged while it exists.
            nonisolated(unsafe) let slots = results
            nonisolated(unsafe) let finder = self
            let sentences = sentences
            let searched = searched
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                // (Fewer sentences than chunks leave the last chunks empty.)
                for number in min(sentences.count, chunk * chunkSize)..<min(sentences.count, (chunk + 1) * chunkSize) where !searched[number] {
                    slots[number] = finder.reports(in: sentences[number], insideQuote: insideQuote)
                }
            }
        }
        return (results, kept)
    }

    /// One sentence's reported speech and the statements that follow it with cues of their own.
    func reports(in sentence: Range<Int>, insideQuote: [Bool]) -> [Found] {
        guard var report = reportedSpeech(in: sentence, insideQuote: insideQuote) else { return [] }
        if let (cut, second) = contrastingReport(after: report, in: sentence, insideQuote: insideQuote) {
            report.content = report.content.lowerBound..<cut
            return [report, second] + followingReports(after: second, in: sentence, insideQuote: insideQuote)
        }
        return [report] + followingReports(after: report, in: sentence, insideQuote: insideQuote)
    }

    /// "Islamic State claimed responsibility, but U.S. officials have said they do not …":
    /// another speaker's statement, after "but" or "while" inside a report's content, is a
    /// report of its own. Returns where the first report's content ends, and the second.
    func contrastingReport(after report: Found, in sentence: Range<Int>, insideQuote: [Bool]) -> (cut: Int, report: Found)? {
        guard report.kind == .indirect, let first = report.attribution else { return nil }
        let end = wordsEnd(of: sentence)
        for index in span(report.content.lowerBound + 1, report.content.upperBound) where !insideQuote[index] && view.isAny(index, ["but", "while", "whereas"]) {
            guard let cue = (index + 2..<min(report.content.upperBound, index + 7)).first(where: { !insideQuote[$0] && isCue($0) && view.has($0, .reportingVerb) }),
                let speaker = speaker(endingAt: cue - 1, after: index, cueAt: cue), speaker.tokens.lowerBound > index,
                speaker.entity == nil || speaker.entity != first.speaker.entity
            else { continue }
            let length = cueLength(cue)
            let contentStart = reportedContentStart(after: cue + length, end: end)
            let contentEnd = reportEnd(from: contentStart, before: end, insideQuote: insideQuote)
            guard contentEnd - contentStart >= 3, !view.is(contentStart, "to") else { return nil }
            var cut = index
            while cut > report.content.lowerBound, view.tokens[cut - 1].kind == .punctuation { cut -= 1 }
            guard cut - report.content.lowerBound >= 3 else { return nil }
            return (cut, Found(content: contentStart..<contentEnd, kind: .indirect, attribution: Attribution(speaker: speaker, cue: cue..<cue + length), isSourceQuote: false))
        }
        return nil
    }

    /// Where a sentence's words end: before its closing punctuation and quotation marks.
    func wordsEnd(of sentence: Range<Int>) -> Int {
        var end = sentence.upperBound
        while end > sentence.lowerBound, view.tokens[end - 1].kind == .punctuation || view.tokens[end - 1].kind == .quote { end -= 1 }
        return end
    }

    /// `lower..<upper`, or empty when the bounds cross: scanning code must never trap.
    func span(_ lower: Int, _ upper: Int) -> Range<Int> { lower..<max(lower, upper) }

    func reportedSpeech(in sentence: Range<Int>, insideQuote: [Bool]) -> Found? {
        guard sentence.count >= 4 else { return nil }
        let end = wordsEnd(of: sentence)
        guard end > sentence.lowerBound else { return nil }
        // "According to X, …" and "…, according to X."
        if let according = accordingTo(before: sentence.lowerBound + 2, in: sentence),
            let comma = span(according.speaker.tokens.upperBound, end).first(where: { view.isPunctuation($0, UInt8(ascii: ",")) })
        {
            let content = (comma + 1)..<end
            if content.count >= 3 { return Found(content: content, kind: .indirect, attribution: according, isSourceQuote: false) }
        }
        for index in sentence where view.is(index, "according") && view.is(index + 1, "to") && index > sentence.lowerBound + 2 {
            if view.isPunctuation(index - 1, UInt8(ascii: ",")), let speaker = accordingToSource(at: index, before: end) {
                // "At the heart of the trouble, according to Dennis Ross, was a decision …":
                // between a subject and its verb, the attribution credits the whole sentence.
                var after = speaker.tokens.upperBound
                // (Past an appositive: "according to Dennis B. Ross, another former envoy, was".)
                if view.isPunctuation(after, UInt8(ascii: ",")), !view.isAny(after + 1, Self.auxiliaryVerbs) {
                    after = span(after + 1, min(end, after + 12)).first { view.isPunctuation($0, UInt8(ascii: ",")) } ?? after
                }
                let inside = after + 1 < end && view.isPunctuation(after, UInt8(ascii: ",")) && view.isAny(after + 1, Self.auxiliaryVerbs)
                return Found(content: sentence.lowerBound..<(inside ? end : index - 1), kind: .indirect,
                             attribution: Attribution(speaker: speaker, cue: index..<index + 2), isSourceQuote: false)
            }
        }
        // A transcript: "WALLACE: Let’s start with …", "Mr. Pence: Well, look …".
        if view.tokens[sentence.lowerBound].flags.contains(.startsLine), let turn = transcriptTurn(at: sentence.lowerBound, before: end) {
            return Found(content: turn.content, kind: .indirect, attribution: turn.attribution, isSourceQuote: false, readsAllEntities: true)
        }
        // The sentence's last cue outside quotation marks, found at most once and only when
        // a cue's content opens with a verb (below) asks whether a later cue exists.
        var lastCueFound: Int??
        func lastCue() -> Int? {
            if lastCueFound == nil { lastCueFound = .some(span(sentence.lowerBound, end).reversed().first { !insideQuote[$0] && isCue($0) }) }
            return lastCueFound!
        }
        for index in sentence where !insideQuote[index] && isCue(index) {
            let length = cueLength(index)
            // The speaker right before the cue, found (and resolved) at most once: two of the
            // patterns below ask for it.
            var speakerBeforeCue: SpeakerGuess??
            func speakerBefore() -> SpeakerGuess? {
                if speakerBeforeCue == nil { speakerBeforeCue = .some(speaker(endingAt: index - 1, after: sentence.lowerBound, cueAt: index)) }
                return speakerBeforeCue!
            }
            // "But to prevent problems, he said, local officials should be vigilant": the
            // attribution sits inside the sentence it reports.
            if index > sentence.lowerBound + 2, index + length < end, view.isPunctuation(index + length, UInt8(ascii: ",")),
                end - (index + length) >= 4, let speaker = speakerBefore(),
                speaker.tokens.lowerBound > sentence.lowerBound + 1,
                // (", the Times said, including …": the article before a name is the aside's.)
                view.isPunctuation(speaker.tokens.lowerBound - 1, UInt8(ascii: ","))
                    || view.is(speaker.tokens.lowerBound - 1, "the") && view.isPunctuation(speaker.tokens.lowerBound - 2, UInt8(ascii: ","))
            {
                return Found(content: sentence.lowerBound..<end, kind: .indirect,
                             attribution: Attribution(speaker: speaker, cue: index..<index + length), isSourceQuote: false)
            }
            // "…, said X" and "…, X said." (the cue near the end, after a comma)
            if index > sentence.lowerBound + 3 {
                // ("…, said he." ends there; "…, said he and other rabbis were alarmed" goes on:
                // the pronoun begins what was said.)
                if view.isPunctuation(index - 1, UInt8(ascii: ",")), let speaker = speaker(startingAt: index + length, cueAt: index),
                    endsInvertedAttribution(after: speaker.tokens.upperBound, end: end),
                    !view.isAny(speaker.tokens.lowerBound, Self.pronouns) || isClauseEnd(speaker.tokens.upperBound, end)
                {
                    return Found(content: sentence.lowerBound..<index - 1, kind: .indirect,
                                 attribution: Attribution(speaker: speaker, cue: index..<index + length), isSourceQuote: false)
                }
                if isClauseEnd(index + length, end), let speaker = speakerBefore(),
                    speaker.tokens.lowerBound > sentence.lowerBound, view.isPunctuation(speaker.tokens.lowerBound - 1, UInt8(ascii: ","))
                {
                    return Found(content: sentence.lowerBound..<speaker.tokens.lowerBound - 1, kind: .indirect,
                                 attribution: Attribution(speaker: speaker, cue: index..<index + length), isSourceQuote: false)
                }
            }
            // "X said (that) …", "X told reporters …", "X pointed out that …"; and "…, arguing
            // that …", whose speaker is the sentence's subject, not the name before the comma.
            // (The content is checked first: finding and resolving the speaker costs more.)
            // (So is "X is telling a veterans group … and says he will …": a verb joined by
            // "and" shares the sentence's subject.)
            let participle = view.isPunctuation(index - 1, UInt8(ascii: ",")) && view.string(index).hasSuffix("ing")
                || view.is(index - 1, "and") && index - 1 > sentence.lowerBound + 2
            let contentStart = reportedContentStart(after: index + length, end: end)
            // "pledged to deepen", "vowed on Friday to act": a commitment, not speech.
            var infinitive = false
            for next in span(index + length, min(end, index + length + 3)) {
                if view.is(next, "to") {
                    infinitive = true
                    break
                }
                if view.is(next, "that") || view.has(next, .determiner) || view.isAny(next, Self.pronouns) || entityAt[next] >= 0
                    && ![.date, .time].contains(entities[Int(entityAt[next])].type)
                {
                    break
                }
            }
            // "vowed to fight on", "promised to cut taxes": a promise is spoken, and what was
            // promised is its content, infinitive and all.
            let promise = infinitive && view.isAny(index, Self.promiseCues) && view.is(contentStart, "to")
            if promise { infinitive = false }
            // "complained about his mic": a preposition starts no reported content.
            let startsWithPreposition = !promise && view.isAny(contentStart, ["about", "of", "on", "for", "with", "to", "at", "by", "from", "into", "against"])
            // "While not everything Trump says is true, Jamieson said …": a verb right after
            // the cue puts it in a clause of the sentence; a later cue reports.
            if view.isAny(contentStart, ["is", "was", "are", "were", "has", "had", "have"]), let last = lastCue(), last >= contentStart {
                continue
            }
            if end - contentStart >= 3, !infinitive, !startsWithPreposition,
                let speaker = participle ? participleSpeaker(before: index) : speaker(endingAt: index - 1, after: sentence.lowerBound - 1, cueAt: index)
            {
                var contentEnd = reportEnd(from: contentStart, before: end, insideQuote: insideQuote)
                // "Barkley, who said he typically votes Democratic, was blunt": a relative
                // clause's report ends with the clause, at its comma.
                if view.isAny(index - 1, ["who", "which"]), view.isPunctuation(index - 2, UInt8(ascii: ",")),
                    let comma = span(contentStart + 2, contentEnd).first(where: { !insideQuote[$0] && view.isPunctuation($0, UInt8(ascii: ",")) })
                {
                    contentEnd = comma
                }
                return Found(content: contentStart..<contentEnd, kind: .indirect,
                             attribution: Attribution(speaker: speaker, cue: index..<index + length), isSourceQuote: false)
            }
        }
        return nil
    }

    /// Where a report's content ends: at the sentence's end, or earlier where the same
    /// speaker goes on to a new statement with a cue of its own ("…, adding that …", "… but
    /// argued that …"), which is another attribution.
    func reportEnd(from start: Int, before end: Int, insideQuote: [Bool]) -> Int {
        let cut = followingStatement(from: start, before: end, insideQuote: insideQuote)?.cut ?? end
        // "…they have a favorable view of Clinton, compared with 64 percent who …": the
        // comparison is the writer's, not what was said.
        if let comparison = span(start + 1, cut - 1).first(where: {
            !insideQuote[$0] && view.isPunctuation($0, UInt8(ascii: ",")) && view.is($0 + 1, "compared") && view.isAny($0 + 2, ["with", "to"])
        }) {
            return comparison
        }
        return cut
    }

    /// The next statement of the same speaker within `start..<end`: where the content before
    /// it ends, and its cue.
    func followingStatement(from start: Int, before end: Int, insideQuote: [Bool]) -> (cut: Int, cue: Int)? {
        var index = start + 1
        while index < end - 1 {
            defer { index += 1 }
            // (“…,” adding that …: the comma before a closing mark is the clause's.)
            let commaInQuote = view.tokens[index].kind == .quote && !view.tokens[index].flags.contains(.opening) && view.isPunctuation(index - 1, UInt8(ascii: ","))
            if insideQuote[index] && !commaInQuote { continue }
            let comma = commaInQuote || view.isPunctuation(index, UInt8(ascii: ",")) || view.tokens[index].kind == .dash
            var next = comma ? index + 1 : index
            if view.is(next, "and") || view.is(next, "but") { next += 1 } else if !comma { continue }
            // (After a comma and "and", a verb of speech or judgement: "…, and called him
            // “the leading proponent”", "— and thinks that …".)
            let joinedJudgement = comma && (view.is(next - 1, "and") || view.is(next - 1, "but"))
                && view.has(next, .speechVerb) && !view.isCapitalized(next)
            guard next < end, joinedJudgement || isCue(next) && view.has(next, .reportingVerb) else { continue }
            // "…, adding that", "… and said", "… but argued": not "…, said Smith" (a cue whose
            // speaker follows it ends the whole sentence's content, as found elsewhere).
            let participle = view.string(next).hasSuffix("ing")
            if participle && comma || view.is(next - 1, "and") || view.is(next - 1, "but") {
                var cut = index
                while cut > start, view.tokens[cut - 1].kind == .punctuation { cut -= 1 }
                return (cut, next)
            }
        }
        return nil
    }

    /// The statements that follow `report` in its sentence with cues of their own ("X said
    /// A, adding that B"): each is a report of the same speaker.
    func followingReports(after report: Found, in sentence: Range<Int>, insideQuote: [Bool]) -> [Found] {
        guard let attribution = report.attribution, report.kind == .indirect else { return [] }
        let end = wordsEnd(of: sentence)
        var result: [Found] = []
        var from = report.content.upperBound - 1
        while result.count < 4, from < end, let next = followingStatement(from: from, before: end, insideQuote: insideQuote),
            next.cut >= report.content.upperBound
        {
            let contentStart = reportedContentStart(after: next.cue + cueLength(next.cue), end: end)
            let contentEnd = reportEnd(from: contentStart, before: end, insideQuote: insideQuote)
            guard contentEnd - contentStart >= 3 else { break }
            result.append(Found(
                content: contentStart..<contentEnd, kind: .indirect,
                attribution: Attribution(speaker: attribution.speaker, cue: next.cue..<next.cue + cueLength(next.cue)), isSourceQuote: false))
            from = contentEnd - 1
        }
        return result
    }

    /// After the cue, skip what is not the content: an indirect object ("told reporters"), a
    /// manner ("through a translator", "in a statement", "on Friday"), and "that".
    func reportedContentStart(after index: Int, end: Int) -> Int {
        var position = index
        var skipped = 0
        // "told Reuters the figures …", "told the Senate committee that …": who was told.
        if view.isAny(index - 1, Self.tellCues), position < end, entityAt[position] >= 0, mentionStart[position] == Int32(position) {
            position = Int(mentionEnd[position]) + 1
            skipped += 1
        }
        while position < end, skipped < 8 {
            if view.is(position, "that") { return position + 1 }
            let token = view.tokens[position]
            if view.isPunctuation(position, UInt8(ascii: ",")) || view.isPunctuation(position, UInt8(ascii: ":")) {
                // "said, twice, that …": an aside set off by commas before "that".
                if view.isPunctuation(position, UInt8(ascii: ",")),
                    let closing = (position + 2..<min(end, position + 5)).first(where: { view.isPunctuation($0, UInt8(ascii: ",")) }),
                    view.is(closing + 1, "that")
                {
                    return closing + 2
                }
                position += 1
                skipped += 1
                continue
            }
            if view.isAny(position, ["reporters", "journalists", "him", "her", "them", "us", "me", "lawmakers", "supporters", "listeners", "viewers"]) {
                position += 1
                skipped += 1
                continue
            }
            if view.isAny(position, ["through", "in", "on", "at", "during", "after", "before", "via", "to"]), skipped < 6 {
                // A short prepositional phrase: skip it if "that" follows soon.
                if let that = (position + 1..<min(end, position + 6)).first(where: { view.is($0, "that") }) { return that + 1 }
                return position == index ? index : position
            }
            if token.kind == .word, !view.isCapitalized(position), view.is(position, "out") || view.is(position, "up") {
                position += 1
                skipped += 1
                continue
            }
            break
        }
        return position
    }

    /// "…, said Putin." or "…, said Putin, whose …" ends the attribution after the name;
    /// "X, visiting Bonn, said Washington backed …" goes on with the name's verb, so there
    /// the name begins what was said.
    func endsInvertedAttribution(after index: Int, end: Int) -> Bool {
        if index >= end || view.tokens[index].kind != .word || view.isCapitalized(index) { return true }
        return view.has(index, .functionWord) && !view.isAny(index, ["is", "was", "were", "are", "has", "had", "have", "will", "would", "could", "should", "may", "might", "must", "can", "did", "does"])
            || view.isAny(index, ["adding", "noting", "citing", "speaking", "referring", "explaining", "stressing", "told", "according", "whose", "who", "last", "this", "next", "earlier", "later", "late", "yesterday", "today", "tonight", "recently"])
    }

    func isClauseEnd(_ index: Int, _ end: Int) -> Bool {
        index >= end || view.isPunctuation(index, UInt8(ascii: ",")) || view.isPunctuation(index, UInt8(ascii: "."))
    }

    func accordingTo(before limit: Int, in sentence: Range<Int>) -> Attribution? {
        for index in sentence where index < limit && view.is(index, "according") && view.is(index + 1, "to") {
            if let speaker = accordingToSource(at: index, before: sentence.upperBound) {
                return Attribution(speaker: speaker, cue: index..<index + 2)
            }
        }
        return nil
    }

    /// Who or what "according to" (at `index`) credits: a speaker as after any cue ("according
    /// to Rubio", "according to officials"), or else the whole phrase up to the clause's end,
    /// since news credits polls, counts, records and laws this way ("according to a count by
    /// The Associated Press", "according to state law"); its first person or organisation,
    /// if any, is the entity.
    func accordingToSource(at index: Int, before end: Int) -> SpeakerGuess? {
        let start = index + 2
        if let speaker = speaker(startingAt: start, cueAt: index) { return speaker }
        // The phrase runs over words, numbers and inner punctuation (a hyphen, an ampersand) to
        // the clause's end.
        func goesOn(_ index: Int) -> Bool {
            switch view.tokens[index].kind {
            case .word, .number: return true
            case .punctuation: return !",.;:?!".utf8.contains(where: { view.isPunctuation(index, $0) })
            default: return false
            }
        }
        var phraseEnd = start
        while phraseEnd < end, phraseEnd - start < 20, goesOn(phraseEnd) { phraseEnd += 1 }
        // A phrase with a noun; not "according to plan", "according to tradition": a manner.
        guard phraseEnd > start, phraseEnd - start <= 19 || phraseEnd == end,
            !(phraseEnd - start == 1 && view.isAny(start, ["plan", "plans", "schedule", "tradition", "custom", "script", "protocol", "form", "need", "size", "age", "type", "rank"])),
            (start..<phraseEnd).contains(where: { view.tokens[$0].kind == .word && !view.has($0, .functionWord) && !view.has($0, .determiner) })
        else { return nil }
        let entity = (start..<phraseEnd).first { entityAt[$0] >= 0 && [.person, .organization].contains(entities[Int(entityAt[$0])].type) }
            .map { Int(entityAt[$0]) }
        return SpeakerGuess(tokens: start..<phraseEnd, entity: entity, resolution: entity == nil ? .unresolved : .named)
    }

    // MARK: - Cues

    /// Verbs that report speech only with "back": "shot back", "fired back", "hit back".
    static let backCues: [StaticString] = ["shot", "shoots", "fired", "fires", "hit", "hits"]

    /// Whether `position` is a closing quotation mark, or a comma right after one: where a
    /// cue that follows the quote ("“…,” read the email", "“…,” agrees Stevens") stands.
    func endsQuote(_ position: Int) -> Bool {
        let mark = view.isPunctuation(position, UInt8(ascii: ",")) ? position - 1 : position
        return mark >= 0 && view.tokens[mark].kind == .quote && !view.tokens[mark].flags.contains(.opening)
    }

    func isCue(_ index: Int) -> Bool {
        guard index >= 0, index < view.count, view.tokens[index].kind == .word else { return false }
        // The cues that only context makes (below) start with f, h, r or s: one byte ruling
        // out most tokens before any word comparison.
        let first = view.bytes[Int(view.tokens[index].start)] | 0x20
        let contextual = first == UInt8(ascii: "s") || first == UInt8(ascii: "r") || first == UInt8(ascii: "f") || first == UInt8(ascii: "h")
        if contextual, view.isAny(index, Self.backCues) { return !view.isCapitalized(index) && view.is(index + 1, "back") }
        // “…?” Trump went on, as if …: going on speaking, when the clause ends there.
        if first == UInt8(ascii: "w") || first == UInt8(ascii: "g"), view.isAny(index, ["went", "goes"]), view.is(index + 1, "on") {
            return index + 2 >= view.count || view.isPunctuation(index + 2, UInt8(ascii: ",")) || view.isPunctuation(index + 2, UInt8(ascii: "."))
        }
        // “…,” read the email: after a quote, "read" names a text that speaks.
        // So does “…,” the article read.
        if contextual, view.is(index, "read") || view.is(index, "reads"), !view.has(index, .reportingVerb) {
            if endsQuote(index - 1) { return view.has(index + 1, .determiner) || view.isAny(index + 1, ["one", "another"]) }
            // “…,” it read.
            if view.is(index - 1, "it"), endsQuote(index - 2) { return true }
            // The text that speaks, named between the quote and the verb, ending the clause.
            guard index + 1 >= view.count || view.tokens[index + 1].kind == .punctuation else { return false }
            for determiner in max(0, index - 3)..<index - 1 where view.has(determiner, .determiner) && endsQuote(determiner - 1) {
                return (determiner + 1..<index).allSatisfy { view.tokens[$0].kind == .word && !view.isCapitalized($0) }
            }
            return false
        }
        // "“…,” Bolton charged.", "Hannity pressed", "critics charged that …": verbs with
        // other senses ("charged with fraud", "pressed the button") are cues only where the
        // clause ends or what was said begins.
        if first == UInt8(ascii: "c") || first == UInt8(ascii: "p") || first == UInt8(ascii: "a") || contextual, view.isAny(index, Self.clauseEndingCues) {
            guard !view.isCapitalized(index), index + 1 < view.count else { return index + 1 >= view.count }
            // (Or right after a quote, before its speaker: "“…,” agrees Michelle Stevens".)
            // Ending its clause, only in an attribution after a quote ("“…,” John Bolton
            // charged."): "Not everyone agreed. “…”" credits no one.
            let endsAttribution = view.tokens[index + 1].kind == .punctuation && !view.isPunctuation(index + 1, UInt8(ascii: "("))
                && (max(0, index - 10)..<index).contains { view.tokens[$0].kind == .quote && !view.tokens[$0].flags.contains(.opening) }
            return endsQuote(index - 1) || endsAttribution || view.is(index + 1, "that") || view.tokens[index + 1].kind == .quote
        }
        // "stating, “…”", "to state: “…”": verbs too often nouns to be cues everywhere.
        if contextual, view.is(index, "stating") || view.is(index, "state") && view.is(index - 1, "to") {
            return view.isPunctuation(index + 1, UInt8(ascii: ",")) || view.isPunctuation(index + 1, UInt8(ascii: ":")) || view.is(index + 1, "that")
        }
        guard view.has(index, .reportingVerb)
            || extraCueLengths.contains(view.tokens[index].length) && extraCues.contains(Array(view.string(index).lowercased().utf8))
        else { return false }
        // "pointed" and "point" only as "point out"; "report" and "note" only as verbs.
        if view.is(index, "pointed") || view.is(index, "points") || view.is(index, "point") { return view.is(index + 1, "out") }
        if view.isCapitalized(index) {
            // "Said Ellis: …": a sentence may open with the cue; and mid-sentence a capital
            // on a cue ("Murphy Tweeted") is a writer's quirk, not a name.
            if view.tokens[index].flags.contains(.startsSentence) { return index + 1 < view.count && view.isCapitalized(index + 1) }
            return !view.tokens[index].flags.contains(.startsLine) && entityAt[index] < 0
        }
        // "said" after a determiner is an adjective ("the said treaty").
        return (!view.has(index - 1, .determiner) || view.isAny(index - 1, ["that", "which"])) && !isRefused(index)
    }

    /// "declined to comment", "refused to say": speech refused is no cue.
    func isRefused(_ index: Int) -> Bool {
        view.is(index - 1, "to") && view.isAny(index - 2, ["declined", "refused", "declines", "refuses", "declining", "refusing", "decline", "refuse"])
    }

    func cueLength(_ index: Int) -> Int {
        if view.isAny(index, Self.backCues) && view.is(index + 1, "back") { return 2 }
        if view.isAny(index, ["went", "goes"]) && view.is(index + 1, "on") { return 2 }
        return (view.is(index, "pointed") || view.is(index, "points") || view.is(index, "point")) && view.is(index + 1, "out") ? 2 : 1
    }

    // MARK: - Speakers

    static let pronouns: [StaticString] = ["he", "she", "they", "it", "we", "i"]

    /// Nouns that name speakers without naming them: "officials said", "a source said".
    static let speakerNouns: [StaticString] = [
        "officials", "official", "sources", "source", "analysts", "analyst", "experts", "expert", "critics", "police",
        "witnesses", "witness", "residents", "aides", "aide", "advisers", "adviser", "advisors", "lawmakers", "diplomats",
        "diplomat", "investigators", "prosecutors", "authorities", "statement", "report", "newspaper", "daily", "agency",
        "campaign", "ministry", "government", "administration", "military", "army", "spokesman", "spokeswoman",
        "spokesperson", "leader", "leaders", "president", "minister", "people", "observers", "activists", "organizers",
        "organisers", "protesters", "doctors", "scientists", "researchers", "economists", "groups", "group", "company",
        "firm", "broadcaster", "network", "website", "paper", "union", "party", "court", "judge", "team", "office",
        "secretary", "senator", "governor", "mayor", "chief", "executive", "director", "chairman", "ambassador",
        "employee", "employees", "worker", "workers", "friend", "neighbor", "neighbour", "resident", "voter", "voters",
        "supporter", "supporters", "member", "members", "staffer", "staffers", "editor", "writer", "narrator", "board",
        "strategists", "pollsters", "operatives", "lawyers", "attorneys", "allies", "aides", "insiders", "donors", "delegates",
        "editorial", "ad", "lawsuit", "complaint", "survey", "study", "memo", "letter",
        // "Several said they would rather …", "Others said": a group the article has just described.
        "several", "others", "many", "some", "both",
    ]

    /// The speaker named right after a cue: "said Putin", "said the spokesman", "said he".
    /// Auxiliaries and adverbs that stand between a speaker and the verb: "Putin has also said".
    static let promiseCues: [StaticString] = [
        "promise", "promises", "promised", "promising", "vow", "vows", "vowed", "vowing", "pledge", "pledges", "pledged", "pledging",
    ]

    static let betweenSubjectAndVerb: [StaticString] = [
        "has", "had", "have", "also", "later", "then", "previously", "recently", "once", "would", "will", "again", "further",
        "earlier", "repeatedly", "publicly", "privately", "reportedly", "often", "even",
        "can", "could", "be", "heard", "seen",  // "a reporter can be heard asking"
        "however", "still", "now", "first", "quickly", "simply", "just", "never",
        "long", "always", "already", "frequently", "consistently", "openly", "flatly", "firmly", "bluntly", "pointedly", "explicitly",
    ]

    /// A lower-case word in -ly that is no noun ("jokingly", "gingerly"; not "ally", "rally").
    func isMannerAdverb(_ index: Int) -> Bool {
        guard index >= 0, index < view.count, view.tokens[index].kind == .word, view.tokens[index].length >= 6, !view.isCapitalized(index) else { return false }
        let text = view.text(index)
        return text[text.count - 2] == UInt8(ascii: "l") && text[text.count - 1] == UInt8(ascii: "y")
            && !view.isAny(index, Self.nounsInLy) && !view.has(index, .functionWord)
    }

    static let auxiliaryVerbs: [StaticString] = [
        "was", "is", "are", "were", "has", "have", "had", "will", "would", "could", "can", "may", "might", "should", "did", "does", "do",
    ]

    /// "52 percent of registered voters say", "Six in 10 say", "majorities in all five say":
    /// a counted group, as polls report, speaks as a group (no entity). Only with a number or
    /// a word of quantity, and only before "say": a bare plural ("Cement makers argue") or a
    /// count before another verb ("1,700 pledged delegates") is too often no speaker.
    func pollGroup(endingAt index: Int, after floor: Int) -> SpeakerGuess? {
        guard index > floor, view.tokens[index].kind == .word && !view.isCapitalized(index) || view.tokens[index].kind == .number else { return nil }
        var start = index
        var counted = false
        while true {
            let kind = view.tokens[start].kind
            guard kind == .word || kind == .number || view.isPunctuation(start, UInt8(ascii: "%")),
                !view.isAny(start, ["that", "who", "which", "and", "but", "or", "while", "because", "if", "when", "than", "as"]),
                !isCue(start), !view.has(start, .reportingVerb)
            else {
                start += 1
                break
            }
            if kind == .number || view.isPunctuation(start, UInt8(ascii: "%")) || view.isAny(start, Self.quantityWords)
                || entityAt[start] >= 0 && [.percent, .cardinal].contains(entities[Int(entityAt[start])].type)
            {
                counted = true
            }
            if view.tokens[start].flags.contains(.startsSentence) || start - 1 <= floor || index - start >= 11 { break }
            start -= 1
        }
        guard counted, start <= index else { return nil }
        return SpeakerGuess(tokens: start..<index + 1, entity: nil, resolution: .unresolved)
    }

    static let quantityWords: [StaticString] = [
        "percent", "majority", "majorities", "half", "third", "thirds", "quarter", "quarters", "plurality", "most", "two-thirds",
        "three-quarters", "one-third", "one-quarter", "nine", "eight", "seven", "six", "five", "four", "three", "two",
    ]

    /// People a name may own: "Clinton’s right-hand woman", "his wife".
    static let peopleNouns: [StaticString] = [
        "woman", "man", "wife", "husband", "daughter", "son", "mother", "father", "brother", "sister", "lawyer", "lawyers",
        "attorney", "attorneys", "strategist", "manager", "chairwoman", "deputy", "assistant", "allies", "ally", "surrogate",
        "surrogates", "pollster", "counsel", "representative",
    ]

    /// Words that describe a person before the noun naming them: "the former pollster".
    static let personDescribingWords: [StaticString] = [
        "former", "retired", "longtime", "veteran", "senior", "young", "elderly", "business", "local", "fellow", "outgoing",
        "incoming", "embattled", "billionaire",
    ]

    /// "46-year-old": a hyphenated age, which news uses as a noun for a person.
    func isAgeNoun(_ index: Int) -> Bool {
        guard index >= 0, index < view.count, view.tokens[index].flags.contains(.hyphenated), view.tokens[index].length >= 7 else { return false }
        let text = view.text(index)
        return text[text.count - 4] == UInt8(ascii: "-") && text[text.count - 3] == UInt8(ascii: "o") && text[text.count - 2] == UInt8(ascii: "l")
            && text[text.count - 1] == UInt8(ascii: "d") && text[0] >= UInt8(ascii: "0") && text[0] <= UInt8(ascii: "9")
    }

    static let nounsInLy: [StaticString] = [
        "family", "assembly", "supply", "monopoly", "anomaly", "homily", "melancholy", "butterfly", "firefly", "majesty",
        "italy", "sicily", "lily", "bully", "belly", "rally", "ally", "reply", "folly", "jelly", "tally", "holly",
    ]

    /// Cues whose object is who was told: "told reporters …".
    static let tellCues: [StaticString] = ["told", "tell", "tells", "telling"]

    static let prepositions: [StaticString] = [
        "through", "in", "on", "at", "of", "from", "with", "by", "for", "to", "into", "during", "after", "before", "over", "under",
        "across", "along", "around", "near", "throughout", "within", "since", "until",
    ]

    /// Nouns after a determiner that name no one who speaks: "made the following comment".
    /// Cues only where their clause ends or what was said begins (see `isCue`).
    static let clauseEndingCues: [StaticString] = [
        "charged", "charges", "pressed", "presses", "surmised", "surmises", "chimed", "retaliated", "reacted", "agrees", "agreed",
    ]

    static let notSpeakers: [StaticString] = ["following", "day", "week", "time", "year", "night", "morning", "moment", "way", "end", "same", "other", "rest"]

    func speaker(startingAt first: Int, cueAt cue: Int, inverted: Bool = false) -> SpeakerGuess? {
        // "told reporters", "told her supporters": after these the noun is who was told
        // (unless the cue comes right after a quote, inverted: “…?” asked Bennett).
        if !inverted, view.isAny(cue, Self.tellCues) || view.isAny(cue, ["asked", "asks", "ask", "asking", "urged", "urging", "warned", "warning", "reminded", "reminding"]) { return nil }
        // "…,” adding that its value quadrupled": after the cue, "that" begins what was said.
        if view.is(first, "that") { return nil }
        var index = first
        // "said the Rev. Peter Wherry": the article before a title.
        if view.is(index, "the"), index + 2 < view.count, view.has(index + 1, .title) || view.has(index + 1, .honorific), entityAt[index + 2] >= 0 { index += 1 }
        // "said Mr. Dlamini": the honorific is not part of the name's mention.
        while index < view.count, view.has(index, .honorific), index + 1 < view.count, entityAt[index + 1] >= 0 { index += 1 }
        guard index < view.count else { return nil }
        // "said Del. Stacey Plaskett", "said Rep. Bobby Scott": titles before the name's mention.
        var titled = index
        while titled < min(view.count - 1, index + 2), entityAt[titled] < 0, view.isCapitalized(titled),
            view.tokens[titled].flags.contains(.abbreviation) || view.has(titled, .title)
        {
            titled += 1
        }
        if titled > index, entityAt[titled] >= 0, mentionStart[titled] == Int32(titled) { index = titled }
        // "said 9/11 widow Terry Strada", "said longtime aide Huma Abedin": a lower-case role
        // before the person's name.
        if entityAt[index] < 0 || !isSpeakerType(Int(entityAt[index])),
            let named = (index + 1..<min(view.count, index + 5)).first(where: { entityAt[$0] >= 0 && isPerson(Int(entityAt[$0])) }),
            mentionStart[named] == Int32(named), isPerson(Int(entityAt[named])),
            // ("said former Wisconsin Gov. Jim Doyle": a place and a title may describe too.)
            (index..<named).allSatisfy({
                view.tokens[$0].kind == .number || view.tokens[$0].kind == .word && !view.isCapitalized($0) && !view.has($0, .functionWord)
                    || entityAt[$0] >= 0 && [.geopolitical, .norp].contains(entities[Int(entityAt[$0])].type)
                    || view.isCapitalized($0) && (view.has($0, .title) || view.has($0, .honorific))
            })
        {
            index = named
        }
        if entityAt[index] >= 0, mentionStart[index] == Int32(index), isSpeakerType(Int(entityAt[index])) {
            return SpeakerGuess(tokens: index..<Int(mentionEnd[index]) + 1, entity: Int(entityAt[index]), resolution: .named)
        }
        if view.isAny(index, Self.pronouns), !view.isCapitalized(index) || index == 0 {
            return resolvePronoun(at: index)
        }
        // A capitalised name the recogniser left untyped: "said Mulgrew".
        if entityAt[index] < 0, view.tokens[index].kind == .word, view.isCapitalized(index), !view.has(index, .functionWord),
            !view.has(index, .determiner), entityAt[min(index + 1, view.count - 1)] < 0 || index + 1 >= view.count
        {
            var end = index + 1
            while end < min(view.count, index + 3), view.tokens[end].kind == .word, view.isCapitalized(end), entityAt[end] < 0 { end += 1 }
            return SpeakerGuess(tokens: index..<end, entity: nil, resolution: .named)
        }
        // "said in a statement", "wrote on Twitter": where it was said, not who said it.
        if view.isAny(index, Self.prepositions) { return nil }
        // "the spokesman", "a senior official", "the Russian leader"
        var end = index
        // ("one former GOP leadership aide", not "one of the organizers")
        if view.has(end, .determiner) || view.is(end, "another") || view.is(end, "one") && !view.is(end + 1, "of") { end += 1 }
        var steps = 0
        while end < view.count, steps < 4, view.tokens[end].kind == .word || isAgeNoun(end) {
            // “…,” said the 46-year-old: an age names a person.
            if isAgeNoun(end), end > index, view.has(index, .determiner) { return resolveNominal(index..<end + 1) }
            // (Right after the quote, “…,” reads an editorial in The Des Moines Register: a
            // phrase saying where the speaker belongs ends it.)
            let closesPhrase = end + 1 >= view.count || view.tokens[end + 1].kind != .word || view.is(end + 1, "who") || view.is(end + 1, "whose")
                || inverted && view.isAny(end + 1, Self.belongingPrepositions) && !view.isCapitalized(end)
                // "one Democrat familiar with …" (not "a Republican strategist")
                || view.isCapitalized(end) && !view.isCapitalized(end + 1) && !view.isAny(end + 1, Self.peopleNouns) && !view.isAny(end + 1, Self.speakerNouns)
            // "a senior official", "the spokesman", "another New Hampshire Republican".
            let memberOfGroup = view.isCapitalized(end) && (view.has(end, .demonym) || view.has(end, .group))
            if view.isAny(end, Self.speakerNouns) || view.has(end, .title)
                || (end > index && (view.has(index, .determiner) || view.is(index, "one")) && closesPhrase && (!view.isCapitalized(end) || memberOfGroup)
                    && !view.isAny(end, Self.notSpeakers)),
                !view.isAny(end + 1, Self.speakerNouns), !view.isAny(end + 1, Self.peopleNouns)
            {
                return resolveNominal(index..<end + 1)
            }
            // ("one unaligned Florida Republican strategist": a name that describes the
            // speaker is one step.)
            // (Its last word is read as the others are: "a New Hampshire Republican.")
            end = entityAt[end] >= 0 && mentionStart[end] == Int32(end) && !isPerson(Int(entityAt[end])) && Int(mentionEnd[end]) > end ? Int(mentionEnd[end]) : end + 1
            steps += 1
        }
        return nil
    }

    /// The speaker ending right before a cue: "Putin said", "he said", "officials said",
    /// "Mr. Xi, in turn, said", "Putin has said".
    func speaker(endingAt last: Int, after floor: Int, cueAt cue: Int) -> SpeakerGuess? {
        var index = last
        // "a message that said", "the group, which said": the relative pronoun's noun speaks.
        if view.isAny(index, ["that", "which", "who"]), index - 1 > floor, view.tokens[index - 1].kind == .word || view.isPunctuation(index - 1, UInt8(ascii: ",")) {
            index -= view.isPunctuation(index - 1, UInt8(ascii: ",")) ? 2 : 1
        }
        // Auxiliaries and adverbs between subject and verb ("Trump jokingly said"), and "went
        // on to" ("The email went on to say").
        while index > floor {
            if view.isAny(index, Self.betweenSubjectAndVerb) || isMannerAdverb(index) {
                index -= 1
            } else if view.is(index, "to"), view.is(index - 1, "on"), view.isAny(index - 2, ["went", "goes", "go", "going", "gone"]), index - 3 > floor {
                index -= 3
            } else {
                break
            }
        }
        // "Gov. John Kasich (R-OH), said": the comma after the aside goes first.
        if index - 1 > floor, view.isPunctuation(index, UInt8(ascii: ",")), view.isPunctuation(index - 1, UInt8(ascii: ")")) { index -= 1 }
        // "Rep. Gwen Moore (D-Wis.) said": skip a bracketed aside.
        func skipBracketedAside() {
            guard index > floor, view.isPunctuation(index, UInt8(ascii: ")")) else { return }
            var opening = index - 1
            while opening > floor, index - opening < 10, !view.isPunctuation(opening, UInt8(ascii: "(")) { opening -= 1 }
            if opening > floor, view.isPunctuation(opening, UInt8(ascii: "(")) { index = opening - 1 }
        }
        skipBracketedAside()
        // A parenthetical: "Mr. Xi, in turn, said", "Smith, the former mayor, said".
        if index > floor, view.isPunctuation(index, UInt8(ascii: ",")) {
            var opening = index - 1
            while opening > floor, index - opening < 22, !view.isPunctuation(opening, UInt8(ascii: ",")) { opening -= 1 }
            if opening > floor, view.isPunctuation(opening, UInt8(ascii: ",")) {
                // "Anne Richards, assistant secretary for population, refugees, and migration,
                // said": an appositive with commas of its own; the name is before an earlier one.
                if opening > 0, entityAt[opening - 1] < 0,
                    let earlier = stride(from: opening - 1, to: max(floor + 1, index - 36), by: -1).first(where: { comma in
                        view.isPunctuation(comma, UInt8(ascii: ",")) && comma - 1 > floor && entityAt[comma - 1] >= 0 && isPerson(Int(entityAt[comma - 1]))
                    })
                {
                    opening = earlier
                }
                index = opening - 1
            }
        }
        // "Rep. Jim Jordan (R-Ohio), an oversight panel member, said": an aside in brackets
        // before the one in commas.
        skipBracketedAside()
        guard index > floor, index >= 0 else { return nil }
        if entityAt[index] >= 0, isSpeakerType(Int(entityAt[index])) {
            let start = Int(mentionStart[index])
            guard start > floor else { return nil }
            return SpeakerGuess(tokens: start..<index + 1, entity: Int(entityAt[index]), resolution: .named)
        }
        if view.isAny(index, Self.pronouns) {
            // "Carter said he would welcome …": the one named as saying it speaks.
            let verb = view.is(index - 1, "that") ? index - 2 : index - 1
            if verb > floor + 1, !layout.insideQuote[verb], view.has(verb, .reportingVerb), !view.isCapitalized(verb),
                let outer = speaker(endingAt: verb - 1, after: floor, cueAt: verb), outer.resolution == .named
            {
                return outer
            }
            return resolvePronoun(at: index)
        }
        // "In a statement, Peabody said": a capitalised name the recogniser left untyped (not
        // a headline's capitals).
        if entityAt[index] < 0, view.tokens[index].kind == .word, view.isCapitalized(index), !view.has(index, .functionWord),
            !(view.tokens[index].flags.contains(.allCaps) && view.tokens[index].length > 3),
            !view.has(index, .determiner), !view.has(index, .title)
        {
            var start = index
            while start - 1 > floor, index - start < 2, view.tokens[start - 1].kind == .word, view.isCapitalized(start - 1),
                entityAt[start - 1] < 0, !view.has(start - 1, .functionWord)
            {
                start -= 1
            }
            if !(view.tokens[start].flags.contains(.startsSentence) && view.has(start, .common)) {
                return SpeakerGuess(tokens: start..<index + 1, entity: nil, resolution: .named)
            }
        }
        // "the spokesman said", "its narrator asks"; not "marching through the streets chanted",
        // where the noun is a preposition's object.
        // (One describing word may come between: "the former pollster said", "the business
        // mogul announced".)
        func isDeterminer(_ at: Int) -> Bool {
            view.isAny(at, ["the", "a", "an", "its", "his", "her", "their", "my", "our", "your", "one", "another"])
                || view.tokens[at].flags.contains(.possessive)
        }
        let describingWord = index - 2 > floor && isDeterminer(index - 2)
            && (view.isAny(index - 1, Self.personDescribingWords) || isAgeNoun(index - 1))
        let determinerNoun = view.tokens[index].kind == .word && !view.isCapitalized(index) && index - 1 > floor
            && (isDeterminer(index - 1) && !view.isAny(index - 2, Self.prepositions)
                || describingWord && !view.isAny(index - 3, Self.prepositions))
            && !view.isAny(index, Self.notSpeakers)
        if view.isAny(cue, ["say", "says", "said"]), let group = pollGroup(endingAt: index, after: floor) { return group }
        if view.isAny(index, Self.speakerNouns) || view.isAny(index, Self.peopleNouns) || view.has(index, .title) || determinerNoun {
            var start = index
            var steps = 0
            while start - 1 > floor, steps < 4, view.tokens[start - 1].kind == .word,
                !view.isPunctuation(start - 1, UInt8(ascii: ",")), !view.has(start - 1, .reportingVerb)
            {
                let previous = start - 1
                if view.has(previous, .determiner) || view.is(previous, "another") {
                    start = previous
                    break
                }
                if view.has(previous, .connector) || view.has(previous, .placePreposition) || view.isAny(previous, ["and", "but", "or", "while", "as"]) { break }
                // ("a prominent Republican National Committee member": a name that describes
                // the speaker is one step.)
                start = entityAt[previous] >= 0 && !isPerson(Int(entityAt[previous])) ? max(floor + 1, Int(mentionStart[previous])) : previous
                steps += 1
                // "the ad’s narrator", "Clinton’s spokesman": the possessor belongs to the phrase.
                if view.tokens[previous].flags.contains(.possessive), previous - 1 > floor {
                    start = entityAt[previous - 1] >= 0 ? Int(mentionStart[previous - 1]) : previous - 1
                    if start - 1 > floor, view.has(start - 1, .determiner) { start -= 1 }
                    break
                }
            }
            // "a narrator in the Clinton ad asks": the speaker is the noun the phrase belongs to.
            if let owner = phraseOwner(preposition: start - 1, through: index, after: floor, cueAt: cue) { return owner }
            // "His office put out a statement saying …", "Black Lives Matter issued a statement
            // saying …": the one who issued the document speaks through it.
            if view.isAny(index, ["statement", "release", "letter", "memo", "email", "e-mail"]), start > floor + 1,
                view.isAny(start - 1, ["issued", "released", "sent", "out", "posted", "published", "circulated"]),
                let issuer = sentenceSubject(before: start)
            {
                return issuer
            }
            return resolveNominal(start..<index + 1)
        }
        // "a narrator in the Clinton ad asks", "an aide with the campaign said": a speaker's
        // noun, then a short phrase saying where it belongs.
        if view.tokens[index].kind == .word, !view.isCapitalized(index) || entityAt[index] >= 0 {
            var preposition = index - 1
            while preposition > floor + 1, index - preposition <= 4, view.tokens[preposition].kind == .word,
                !view.isAny(preposition, Self.belongingPrepositions)
            {
                preposition -= 1
            }
            return phraseOwner(preposition: preposition, through: index, after: floor, cueAt: cue)
        }
        return nil
    }

    static let belongingPrepositions: [StaticString] = ["in", "for", "with", "at", "from"]

    /// "a narrator in the Clinton ad", "an aide with the campaign": the speaking noun before
    /// a short phrase saying where it belongs, as a speaker running through `end`.
    func phraseOwner(preposition: Int, through end: Int, after floor: Int, cueAt cue: Int) -> SpeakerGuess? {
        guard preposition - 1 > floor, view.isAny(preposition, Self.belongingPrepositions), !view.isCapitalized(preposition - 1),
            view.isAny(preposition - 1, Self.speakerNouns) || view.has(preposition - 1, .title) || view.has(preposition - 2, .determiner),
            var owner = speaker(endingAt: preposition - 1, after: floor, cueAt: cue), owner.tokens.upperBound == preposition
        else { return nil }
        owner.tokens = owner.tokens.lowerBound..<end + 1
        return owner
    }

    /// A transcript's turn starting at `start`: a speaker's name in capitals or with a title,
    /// a colon within four words, and what they said to the end of the paragraph.
    func transcriptTurn(at start: Int, before end: Int) -> (content: Range<Int>, attribution: Attribution)? {
        guard let colon = (start + 1..<min(end, start + 5)).first(where: { view.isPunctuation($0, UInt8(ascii: ":")) }),
            (start..<colon).allSatisfy({ view.tokens[$0].kind == .word && (view.isCapitalized($0) || view.tokens[$0].flags.contains(.abbreviation)) }),
            entityAt[colon - 1] < 0 || isSpeakerType(Int(entityAt[colon - 1])),
            !(start..<colon).contains(where: { entityAt[$0] >= 0 && entities[Int(entityAt[$0])].type == .geopolitical })
        else { return nil }
        let last = colon - 1
        let paragraphEnd = (colon..<view.count).first(where: { view.tokens[$0].flags.contains(.startsParagraph) }) ?? view.count
        guard paragraphEnd - colon > 5 else { return nil }
        // "OKAFOR:" is the Okafor the article names, not an acronym of its own.
        let byName = view.tokens[last].flags.contains(.allCaps) ? surnames.person(withSurname: view.string(last).uppercased(), in: entities) : nil
        let entity = byName ?? (entityAt[last] >= 0 ? Int(entityAt[last]) : nil)
        let speaker = SpeakerGuess(tokens: start..<colon, entity: entity, resolution: entity == nil ? .unresolved : .named)
        var contentEnd = paragraphEnd
        while contentEnd > colon + 1, view.tokens[contentEnd - 1].kind == .punctuation || view.tokens[contentEnd - 1].kind == .quote { contentEnd -= 1 }
        return ((colon + 1)..<contentEnd, Attribution(speaker: speaker, cue: colon..<colon + 1))
    }

    /// The turns of a transcript quoted in the news convention, each paragraph reopening the
    /// quotation mark: one direct quote per turn, a paragraph with no name of its own going
    /// with the turn before. Nil unless the quote opens a paragraph with a turn.
    func transcriptTurns(in stretch: QuotedStretch) -> [Found]? {
        guard view.tokens[stretch.open].flags.contains(.startsLine), stretch.open + 1 < view.count,
            paragraphOf[stretch.lastInside] != paragraphOf[stretch.open] || stretch.close == nil,
            transcriptTurn(at: stretch.open + 1, before: view.count) != nil
        else { return nil }
        var turns: [Found] = []
        var paragraphStart = stretch.open
        let last = stretch.close ?? stretch.lastInside
        var turnGoesOn = false
        while paragraphStart <= last {
            let paragraphEnd = (paragraphStart + 1..<view.count).first(where: { view.tokens[$0].flags.contains(.startsParagraph) }) ?? view.count
            let textStart = view.tokens[paragraphStart].kind == .quote ? paragraphStart + 1 : paragraphStart
            if textStart < paragraphEnd, let turn = transcriptTurn(at: textStart, before: paragraphEnd) {
                turns.append(Found(content: turn.content, kind: .direct, attribution: turn.attribution, isSourceQuote: true))
                turnGoesOn = true
            } else if textStart < paragraphEnd, view.isPunctuation(textStart, UInt8(ascii: "(")) || view.isPunctuation(textStart, UInt8(ascii: "[")) {
                turnGoesOn = false  // "(CROSSTALK)", "[applause]": the transcriber's, not the speaker's
            } else if turnGoesOn, !turns.isEmpty {
                var end = min(paragraphEnd, last + 1)
                while end > textStart, view.tokens[end - 1].kind == .punctuation || view.tokens[end - 1].kind == .quote { end -= 1 }
                if end > textStart { turns[turns.count - 1].content = turns[turns.count - 1].content.lowerBound..<end }
            }
            paragraphStart = paragraphEnd
        }
        return turns.isEmpty ? nil : turns
    }

    /// The first speaker-like phrase of the sentence holding `index`, before it.
    func sentenceSubject(before index: Int) -> SpeakerGuess? {
        let sentence = sentences[Int(sentenceOf[index])]
        if let subject = subject(of: sentence, before: index) { return subject }
        // "Earlier this week, Clinton shared …": the subject after an opening phrase, which
        // may hold a comma of its own ("Following a swiftly called, late-afternoon meeting,
        // the Security Council issued …").
        for comma in sentence.prefix(16) where view.isPunctuation(comma, UInt8(ascii: ",")) && comma + 1 < index {
            if let subject = subject(of: comma + 1..<sentence.upperBound, before: index) { return subject }
        }
        return nil
    }

    func subject(of sentence: Range<Int>, before index: Int) -> SpeakerGuess? {
        var sentence = sentence
        // "In a Fox interview later that day, Trump went further": the subject follows the
        // opening phrase's comma.
        if view.isAny(sentence.lowerBound, Self.prepositions),
            let comma = sentence.prefix(16).first(where: { view.isPunctuation($0, UInt8(ascii: ",")) }), comma + 1 < index
        {
            sentence = comma + 1..<sentence.upperBound
        }
        var skipUntil = sentence.lowerBound
        for position in sentence where position < index && position >= skipUntil {
            // “It’s been a disaster,” Trump said, adding …: a quote's words are not the
            // sentence's subject.
            if layout.insideQuote[position] || view.tokens[position].kind == .quote { continue }
            if entityAt[position] >= 0, mentionStart[position] == Int32(position), isSpeakerType(Int(entityAt[position])) {
                let end = Int(mentionEnd[position]) + 1
                // "Hillary Clinton’s right-hand woman rallied supporters": the one the name
                // owns is the subject, not the name.
                if end < index, view.tokens[end].flags.contains(.possessive) {
                    var nounEnd = end + 1
                    while nounEnd < index, nounEnd - end <= 4, view.tokens[nounEnd].kind == .word, !view.isCapitalized(nounEnd),
                        !view.has(nounEnd, .functionWord), !isCue(nounEnd), !view.string(nounEnd).hasSuffix("ed"),
                        !view.isAny(nounEnd, Self.auxiliaryVerbs)
                    {
                        nounEnd += 1
                    }
                    // (Only a noun for people: "Trump’s past statements" say nothing.)
                    if nounEnd > end + 1, view.isAny(nounEnd - 1, Self.speakerNouns) || view.has(nounEnd - 1, .title) || view.isAny(nounEnd - 1, Self.peopleNouns) {
                        return SpeakerGuess(tokens: position..<nounEnd, entity: nil, resolution: .unresolved)
                    }
                }
                // "In Salem, New Hampshire, Trump went after Bush": a place set off by commas
                // ends the opening phrase; the subject comes after it.
                if entities[Int(entityAt[position])].type == .geopolitical, view.isPunctuation(end, UInt8(ascii: ",")), end + 1 < index {
                    skipUntil = end + 1
                    continue
                }
                // "Arkansas Gov. Mike Huckabee agreed": a place before a title describes the
                // person after it.
                if entities[Int(entityAt[position])].type == .geopolitical || entities[Int(entityAt[position])].type == .norp, end < index,
                    view.has(end, .title) || view.has(end, .honorific)
                {
                    skipUntil = end
                    continue
                }
                return SpeakerGuess(tokens: position..<end, entity: Int(entityAt[position]), resolution: .named)
            }
            if view.isAny(position, Self.pronouns) { return resolvePronoun(at: position) }
            // "ProPublica obtained a video": a capitalised name the recogniser left untyped,
            // right before its verb.
            if entityAt[position] < 0, view.tokens[position].kind == .word, view.isCapitalized(position), !view.has(position, .functionWord),
                !view.has(position, .determiner), !view.has(position, .title), !view.has(position, .honorific),
                !(view.tokens[position].flags.contains(.startsSentence) && view.has(position, .common)),
                position + 1 < index, view.tokens[position + 1].kind == .word, !view.has(position + 1, .connector), !view.isCapitalized(position + 1), !view.has(position + 1, .functionWord) || view.isAny(position + 1, Self.auxiliaryVerbs)
            {
                // ("The Rove ad hits Clinton": after an article, the name describes a noun,
                // and the phrase speaks.)
                if position > sentence.lowerBound, view.has(position - 1, .determiner), position + 2 < index, view.tokens[position + 2].kind == .word,
                    !view.isCapitalized(position + 2)
                {
                    return SpeakerGuess(tokens: position - 1..<position + 2, entity: nil, resolution: .unresolved)
                }
                return SpeakerGuess(tokens: position..<position + 1, entity: nil, resolution: .named)
            }
            // "former Arkansas Gov. Mike Huckabee agreed": words describing the name before it.
            if view.isAny(position, Self.personDescribingWords) { continue }
            // ("Former Secretary of State Madeleine Albright": a title's "of" is no verb.)
            if view.tokens[position].kind == .word, !view.isCapitalized(position), !view.has(position, .determiner), !view.has(position, .functionWord),
                !(view.has(position, .connector) && view.isCapitalized(position - 1) && view.isCapitalized(position + 1))
            {
                return nil
            }
        }
        return nil
    }

    func isSpeakerType(_ entity: Int) -> Bool {
        switch entities[entity].type {
        case .person, .organization, .geopolitical, .norp: return true
        default: return false
        }
    }

    // MARK: - Resolution

    func isPerson(_ entity: Int) -> Bool { entities[entity].type == .person }

    /// A pronoun's entity: among the entities of this and the three sentences before it, the
    /// last speaker first, then a subject (the first entity of its sentence), then the latest.
    func resolvePronoun(at index: Int) -> SpeakerGuess {
        let wantsPerson = view.is(index, "he") || view.is(index, "she")
        let female = view.is(index, "she")
        let isI = view.is(index, "i") || view.is(index, "we")
        if isI { return SpeakerGuess(tokens: index..<index + 1, entity: nil, resolution: .unresolved) }
        let sentence = Int(sentenceOf[index])
        let earliest = sentences[max(0, sentence - 3)].lowerBound
        // Few candidates: a small list beats a dictionary on every keystroke.
        var scores: [(key: Int, value: Double)] = []
        let isIt = view.is(index, "it")
        var position = index - 1
        while position >= earliest {
            let entity = Int(entityAt[position])
            if entity >= 0, mentionStart[position] == Int32(position) {
                let type = entities[entity].type
                let compatible: Bool
                if wantsPerson {
                    compatible = type == .person && genderAgrees(entity, female: female)
                } else if isIt {
                    compatible = type == .organization || type == .geopolitical
                } else {
                    compatible = type == .organization || type == .geopolitical || type == .norp || type == .person
                }
                if compatible {
                    let distance = Double(index - position) / Double(max(1, index - earliest))
                    var score = 1.0 - distance * 0.5
                    let mentionSentence = sentences[Int(sentenceOf[position])]
                    if isSubject(position, in: mentionSentence) { score += 1 }
                    if isSpeakerAtCue(position) { score += 2 }
                    if let slot = scores.firstIndex(where: { $0.key == entity }) {
                        scores[slot].value = max(scores[slot].value, score)
                    } else {
                        scores.append((entity, score))
                    }
                }
            }
            position -= 1
        }
        // Ties keep the order found (the nearest first), so the choice never depends on hashing.
        let ranked = scores.enumerated().sorted { $0.element.value != $1.element.value ? $0.element.value > $1.element.value : $0.offset < $1.offset }.map(\.element)
        guard let best = ranked.first else {
            return SpeakerGuess(tokens: index..<index + 1, entity: nil, resolution: .unresolved)
        }
        var guess = SpeakerGuess(tokens: index..<index + 1, entity: best.key, resolution: .pronoun)
        if ranked.count > 1, ranked[1].value > best.value - 0.25, wantsPerson {
            guess.ambiguousWith = [best.key, ranked[1].key]
        }
        return guess
    }

    /// The first entity of its sentence, before any verb: a subject, roughly.
    func isSubject(_ position: Int, in sentence: Range<Int>) -> Bool {
        var index = sentence.lowerBound
        while index < sentence.upperBound {
            if index == position { return true }
            if entityAt[index] >= 0 {
                // "Kowalczyk and Nowak arrived": both halves of a joined subject are subjects.
                let after = Int(mentionEnd[index]) + 1
                guard view.is(after, "and"), after + 1 < sentence.upperBound, entityAt[after + 1] >= 0 else { return false }
                index = after + 1
                continue
            }
            if view.tokens[index].kind == .word, !view.isCapitalized(index), !view.has(index, .determiner), !view.has(index, .functionWord) {
                return false
            }
            index += 1
        }
        return false
    }

    /// Whether the mention at `position` is the speaker of a cue right next to it.
    func isSpeakerAtCue(_ position: Int) -> Bool {
        let last = Int(mentionEnd[position])
        if isCue(last + 1) { return true }
        return position > 0 && isCue(position - 1)
    }

    func genderAgrees(_ entity: Int, female: Bool) -> Bool {
        // The first word of the canonical (fullest) name decides, when the census knows it.
        var name = entities[entity].name
        let classes = name.withUTF8 { bytes in
            let end = bytes.firstIndex(of: UInt8(ascii: " ")) ?? bytes.count
            return view.lexicon.words.classes(of: UnsafeBufferPointer(rebasing: bytes[0..<end]))
        }
        if classes.contains(.maleName), !classes.contains(.femaleName) { return !female }
        if classes.contains(.femaleName), !classes.contains(.maleName) { return female }
        return true
    }

    /// A description's entity, through roles: "the Russian leader" → the person whose role
    /// says Russian; "the spokesman" → the one called spokesman; "the newspaper" → the latest
    /// news organisation.
    static let genericSpeakerHeads: Set<String> = [
        "source", "sources", "officials", "official", "analysts", "analyst", "experts", "expert", "critics",
        "witnesses", "residents", "people", "observers", "activists", "protesters", "doctors", "scientists",
        "researchers", "economists", "lawmakers", "diplomats", "investigators", "authorities", "police",
        "groups", "aides", "advisers", "organizers", "organisers",
    ]
    static let leaderWords = ["leader", "president", "premier", "chancellor", "minister", "king", "queen", "head", "chief"]
    static let organisationHeads: Set<String> = [
        "newspaper", "daily", "agency", "broadcaster", "network", "website", "paper", "company", "firm", "ministry",
        "government", "campaign", "union", "party", "court", "team", "office", "administration", "military", "army",
        "statement", "report",
    ]

    func resolveNominal(_ range: Range<Int>) -> SpeakerGuess {
        let head = range.upperBound - 1
        let headText = view.string(head).lowercased()
        let modifiers = range.dropLast().filter { !view.has($0, .determiner) && !view.is($0, "another") }
        let modifierTexts = modifiers.map { Array(view.string($0).lowercased().utf8) }
        // A nationality or a capitalised word among the modifiers must agree with the role.
        let identifying = modifiers.indices.filter { view.has(modifiers[$0], .demonym) || view.isCapitalized(modifiers[$0]) }.map { modifierTexts[$0] }
        let plural = headText.hasSuffix("s") && !["boss", "press", "news"].contains(headText)
        if plural || Self.genericSpeakerHeads.contains(headText) || view.is(range.lowerBound, "a") || view.is(range.lowerBound, "another") {
            return SpeakerGuess(tokens: range, entity: nil, resolution: .unresolved)
        }
        let isLeaderWord = Self.leaderWords.contains(headText)
        let organisationHead = Self.organisationHeads.contains(headText)
        let headBytes = Array(headText.utf8)
        let headWithSpace = headBytes + [0x20]
        let leaderBytes = Self.leaderWords.map { Array($0.utf8) }
        var best: (entity: Int, score: Int, position: Int)?
        let floor = max(0, range.lowerBound - 800)
        // Walk back over the window, meeting each candidate at its latest mention; the
        // candidate test is two array reads, so the walk costs little even on long articles.
        // Only an organisation can be "the newspaper"; only a person with a role anything else.
        var seen = Set<Int32>()
        var candidates: [(entity: Int, position: Int)] = []
        var walk = range.lowerBound - 1
        while walk >= floor {
            let entity = entityAt[walk]
            if entity >= 0, organisationHead || isDescriptionCandidate[Int(entity)], seen.insert(entity).inserted {
                candidates.append((Int(entity), walk))
            }
            walk -= 1
        }
        for (entity, position) in candidates {
            guard organisationHead || entities[entity].type == .person, !entities[entity].roles.isEmpty || organisationHead else { continue }
            do {
                let roles = lowercasedRoles[entity]
                var score = 0
                if roles.contains(where: { $0.hasSuffixBytes(headBytes) || $0.containsBytes(headWithSpace) }) { score += 2 }
                if isLeaderWord, roles.contains(where: { role in leaderBytes.contains { role.containsBytes($0) } }) { score += 1 }
                // "the Russian leader" is not the Chinese one.
                for modifier in identifying {
                    if roles.contains(where: { $0.containsBytes(modifier) }) { score += 3 } else if !roles.isEmpty { score -= 3 }
                }
                for modifier in modifierTexts where roles.contains(where: { $0.containsBytes(modifier) }) { score += 1 }
                if organisationHead, entities[entity].type == .organization { score += 1 }
                if !organisationHead, entities[entity].type != .person { score = 0 }
                // As a walk back from the description would: the higher score, and on a tie
                // the nearer mention.
                if score > 0, best == nil || score > best!.score || score == best!.score && position > best!.position {
                    best = (entity, score, position)
                }
            }
        }
        if let best {
            return SpeakerGuess(tokens: range, entity: best.entity, resolution: .role)
        }
        return SpeakerGuess(tokens: range, entity: nil, resolution: .unresolved)
    }
}

extension Array where Element == UInt8 {
    /// Whether `needle` occurs in these bytes (short texts: a plain scan).
    func containsBytes(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= count else { return false }
        for start in 0...(count - needle.count) where self[start] == needle[0] {
            var match = true
            for offset in 1..<needle.count where self[start + offset] != needle[offset] {
                match = false
                break
            }
            if match { return true }
        }
        return false
    }

    func hasSuffixBytes(_ suffix: [UInt8]) -> Bool {
        suffix.count <= count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}

/// People by upper-cased surname, built on first use: most articles have no transcript.
final class SurnameIndex: Sendable {
    // Locked: sentences are searched for reported speech on several threads at once.
    private let people = Locked<[String: Int]?>(nil)

    func person(withSurname surname: String, in entities: [Entity]) -> Int? {
        people.withLock { people in
            if people == nil {
                var built: [String: Int] = [:]
                for (index, entity) in entities.enumerated() where entity.type == .person {
                    let last = entity.name.utf8.split(separator: 0x20).last.map { String(decoding: $0, as: UTF8.self).uppercased() } ?? ""
                    if built[last] == nil { built[last] = index }
                }
                people = built
            }
            return people?[surname]
        }
    }
}

/// The reports found sentence by sentence in the last analysis, kept for the next: an edit
/// changes what the search of a sentence finds only if it falls among what that search
/// reads (see `QuotationFinder.keepReports`), and the entities it resolves speakers to are
/// the same (`ResolvedEntities`).
struct SentenceReports: Sendable {
    var sentences: [Range<Int>]
    var reports: [[QuotationFinder.Found]]
    var insideQuote: [Bool]
    var extraCues: Set<[UInt8]>

    static let lookBehind = 1_000
    static let lookAhead = 200

    /// The last analysis's reports and where the edit since then lies, in tokens.
    struct Reuse {
        var reports: SentenceReports
        var changedStart: Int
        var oldChangedEnd: Int
        var tokenShift: Int
        /// When the entities were clustered again: each old entity's number now (-1 for
        /// one that is gone). Nil when they are the same entities.
        var entityNumbers: [Int32]? = nil
    }
}

extension QuotationFinder.Found {
    func shifted(by shift: Int) -> Self {
        func move(_ range: Range<Int>) -> Range<Int> { (range.lowerBound + shift)..<(range.upperBound + shift) }
        var copy = self
        copy.content = move(content)
        if var attribution {
            attribution.cue = move(attribution.cue)
            attribution.speaker.tokens = move(attribution.speaker.tokens)
            copy.attribution = attribution
        }
        return copy
    }
}
