import BylineTestSupport
import Testing
@testable import BylineEngine

/// Re-tokenising only the edited paragraphs must give exactly what a fresh analysis gives.
@Suite struct IncrementalAnalysisTests {
    static let paragraphs = [
        "date 2022-12-30",
        "MOSCOW (Reuters) — Russian President Vladimir Putin met Chinese leader Xi Jinping on Friday.",
        "“We will finish what we started,” Mr. Putin said. He added that the U.S. was “wrong”.",
        "Officials said talks would resume in the spring, according to the Kremlin. Visit https://example.org or mail press@example.org.",
        "😀 中文 café: Anna Kowalczyk, 45, told reporters the deal was worth $3.5 billion — a 20% rise.",
        "“The harbour never sleeps,\r\nand neither do we.”",
        "O'Brien's team won 2-1. #vote @byline ... It's done.",
    ]
    static let pieces = ["a", " ", "\n", "\n\n", "“", "”", "\"", "'", ".", "Putin", "said", "😀", "é", "-", "\r\n", "Mr.", "U.S.", ""]

    func fresh(_ text: String, markdown: Bool = false) -> ([String], Annotations) {
        let article = Article(text, format: markdown ? .markdown : .plainText)
        let (annotations, cache) = Analyzer().analyze(article, reusing: nil)
        return (cache.tokens.map(describe), annotations)
    }

    /// `text` with up to `deleting` scalars taken out at a random place and up to two of
    /// `pieces` put in.
    static func randomlyEdited(_ text: String, deleting: Int, using generator: inout SeededGenerator) -> String {
        let scalars = Array(text.unicodeScalars)
        let start = Int.random(in: 0...scalars.count, using: &generator)
        let end = min(scalars.count, start + Int.random(in: 0...deleting, using: &generator))
        let insertion = (0..<Int.random(in: 0...2, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[0..<start])
        view.append(contentsOf: insertion.unicodeScalars)
        view.append(contentsOf: scalars[end...])
        return String(view)
    }

    func describe(_ token: Token) -> String { "\(token.start)-\(token.end)-\(token.kind)-\(token.flags.rawValue)" }

    func expectSame(_ a: Annotations, _ b: Annotations, _ context: String) {
        #expect(a.entities == b.entities, "\(context)")
        #expect(a.quotes == b.quotes, "\(context)")
        #expect(a.diagnostics == b.diagnostics, "\(context)")
    }

    @Test(arguments: [false, true])
    func randomEditsGiveWhatAFreshAnalysisGives(markdown: Bool) {
        var generator = SeededGenerator(seed: markdown ? 7 : 3)
        var text = Self.paragraphs.joined(separator: "\n\n")
        var cache: TokenCache? = nil
        var roundsThatKeptEntities = 0
        for round in 0..<400 {
            text = Self.randomlyEdited(text, deleting: 6, using: &generator)
            let article = Article(text, format: markdown ? .markdown : .plainText)
            let (incremental, next) = Analyzer().analyze(article, reusing: cache)
            cache = next
            if next.keptEntities { roundsThatKeptEntities += 1 }
            let (tokens, expected) = fresh(text, markdown: markdown)
            #expect(next.tokens.map(describe) == tokens, "round \(round)")
            #expect(next.classes == Analyzer().analyze(article, reusing: nil).cache.classes, "round \(round)")
            expectSame(incremental, expected, "round \(round)")
            if next.tokens.map(describe) != tokens { break }
        }
        // Both ways of finding the entities were checked against a fresh analysis.
        #expect(roundsThatKeptEntities >= 20 && roundsThatKeptEntities <= 380, "\(roundsThatKeptEntities) rounds kept the entities")
    }

    /// On a long article most sentences are out of an edit's reach, and their reported
    /// speech is kept from the last analysis: random edits must still give what a fresh
    /// analysis gives.
    @Test func randomEditsToALongArticleGiveWhatAFreshAnalysisGives() {
        var generator = SeededGenerator(seed: 11)
        let speakers = ["Anna Kowalczyk", "Vladimir Putin", "Maria Lopez", "the ministry", "officials"]
        var paragraphs: [String] = []
        for number in 0..<60 {
            let speaker = speakers[number % speakers.count]
            paragraphs.append(Self.paragraphs[1 + number % (Self.paragraphs.count - 1)])
            paragraphs.append("\(speaker) said the plan for district \(number) was ready, adding that costs would fall. He said so again.")
            paragraphs.append("“We are not done,” she told reporters. It was, according to the agency, a long week.")
        }
        var text = paragraphs.joined(separator: "\n\n")
        var cache: TokenCache? = Analyzer().analyze(Article(text), reusing: nil).cache
        var keptSome = 0
        for round in 0..<40 {
            text = Self.randomlyEdited(text, deleting: 4, using: &generator)
            let (incremental, next) = Analyzer().analyze(Article(text), reusing: cache)
            cache = next
            if next.keptReports > 0 { keptSome += 1 }
            expectSame(incremental, fresh(text).1, "round \(round)")
        }
        #expect(keptSome >= 10, "\(keptSome) rounds kept reports")
    }

    /// An edit inside a name clusters the entities again; the reported speech far from it is
    /// kept, its speakers renumbered, only when every entity away from the edit is as it
    /// was. Edits inside names, a transcript's surname lookup (which reads every entity) and
    /// names that join or split entities must all give what a fresh analysis gives.
    @Test func editsInsideNamesGiveWhatAFreshAnalysisGives() {
        var paragraphs: [String] = []
        let speakers = ["Anna Kowalczyk", "Vladimir Putin", "Maria Lopez", "Tom Berg", "officials"]
        for number in 0..<50 {
            let speaker = speakers[number % speakers.count]
            paragraphs.append("\(speaker) said the plan for district \(number) was ready, adding that costs would fall. He said so again.")
            paragraphs.append("“We are not done,” she told reporters. It was, according to the agency, a long week.")
            if number % 10 == 5 { paragraphs.append("LOPEZ: We will vote on Tuesday and we will win this fight for the district.") }
        }
        let base = paragraphs.joined(separator: "\n\n")
        var generator = SeededGenerator(seed: 23)
        var (_, cache) = Analyzer().analyze(Article(base), reusing: nil)
        var keptSome = 0
        // Fixed edits: a new person; a name that joins another's entity; a first Lopez, whom
        // the transcript's "LOPEZ:" now means.
        var edits = [
            base.replacingOccurrences(of: "Tom Berg said the plan for district 33", with: "Tom Borg said the plan for district 33"),
            base.replacingOccurrences(of: "Anna Kowalczyk said the plan for district 40", with: "Maria Kowalczyk said the plan for district 40"),
            base.replacingOccurrences(of: "Anna Kowalczyk said the plan for district 0 ", with: "Ed Lopez said the plan for district 0 "),
            base.replacingOccurrences(of: "Vladimir Putin said the plan for district 1 ", with: "Vladimir Putin said the plan for district 1 "),
        ]
        // And random letters changed inside names.
        let scalars = Array(base.unicodeScalars)
        for _ in 0..<24 {
            let name = speakers[Int.random(in: 0..<4, using: &generator)]
            let starts = base.ranges(of: name).map { base.unicodeScalars.distance(from: base.unicodeScalars.startIndex, to: $0.lowerBound) }
            let at = starts.randomElement(using: &generator)! + Int.random(in: 0..<name.count, using: &generator)
            var edited = String.UnicodeScalarView()
            edited.append(contentsOf: scalars[0..<at])
            edited.append(contentsOf: ["x", "a", "-", " ", "."].randomElement(using: &generator)!.unicodeScalars)
            edited.append(contentsOf: scalars[(at + 1)...])
            edits.append(String(edited))
        }
        for (number, text) in edits.enumerated() {
            (_, cache) = Analyzer().analyze(Article(base), reusing: cache)
            let (annotations, next) = Analyzer().analyze(Article(text), reusing: cache)
            if !next.keptEntities, next.keptReports > 0 { keptSome += 1 }
            expectSame(annotations, fresh(text).1, "edit \(number)")
        }
        #expect(keptSome >= 10, "\(keptSome) edits inside names kept reports")
    }

    @Test func keepsTheEntitiesWhenAnEditLeavesEveryNameAlone() {
        // The last paragraph misspells a name: the kept spelling warning must move too.
        // The one before it has a pronoun whose antecedent is three sentences back: one
        // more sentence between them changes who speaks, though every name stays.
        let base = (Self.paragraphs + [
            "Tom Berg arrived at noon. The hall was full. The crowd sat down. He said the plan was ready.",
            "Vladimir Putin spoke. Vladimir Putin left. Vladimir Puttin returned.",
        ]).joined(separator: "\n\n")
        #expect(Analyzer().analyze(Article(base)).diagnostics.contains { $0.code == "inconsistent-spelling" })
        var (_, cache) = Analyzer().analyze(Article(base), reusing: nil)
        // Each edit from the text before: (text, whether the entities can be kept).
        let edits: [(String, Bool)] = [
            (base.replacingOccurrences(of: "talks would resume", with: "talks will resume"), true),
            (base.replacingOccurrences(of: "talks would resume", with: "talks would resume"), true),
            (base.replacingOccurrences(of: "met Chinese leader", with: "met the Chinese leader"), true),
            (base.replacingOccurrences(of: "Xi Jinping", with: "Xi Jinpin"), false),
            (base.replacingOccurrences(of: "the spring", with: "the summer"), false),  // a date changed
            (base.replacingOccurrences(of: "the Kremlin", with: "the Kremlim"), false),
            (base.replacingOccurrences(of: "Mr. Putin said", with: "Mr. Putin says"), true),
            (base.replacingOccurrences(of: "It's done.", with: "It's done. Then Ms. Lee spoke."), false),
            (base.replacingOccurrences(of: "The harbour never sleeps", with: "The harbour never rests"), true),
            (base.replacingOccurrences(of: "The hall was full.", with: "The hall was full. It rained."), true),
        ]
        for (number, (text, kept)) in edits.enumerated() {
            // Each edit starts from the base text's analysis.
            (_, cache) = Analyzer().analyze(Article(base), reusing: cache)
            let (annotations, next) = Analyzer().analyze(Article(text), reusing: cache)
            #expect(next.keptEntities == kept, "edit \(number)")
            expectSame(annotations, fresh(text).1, "edit \(number)")
        }
    }

    @Test func recognisesAgainTheParagraphNextToAnEdit() {
        // "Zelenko" followed by a speech verb is a person; the verb opens the next paragraph,
        // so an edit there changes what the paragraph before it holds.
        var cache: TokenCache? = nil
        for word in ["said", "and", "told", "the"] {
            let text = "The port reopened.\n\nOfficials met.\n\nZelenko\n\n\(word) the terminal would open in May.\n\nThe end."
            let (annotations, next) = Analyzer().analyze(Article(text), reusing: cache)
            cache = next
            expectSame(annotations, fresh(text).1, word)
        }
        // And the other way: "in" ending a paragraph makes the next one's name a place.
        for word in ["in", "with", "in", "near"] {
            let text = "Intro.\n\nThe ship docked first \(word)\n\nZyxburg yesterday.\n\nThe end."
            let (annotations, next) = Analyzer().analyze(Article(text), reusing: cache)
            cache = next
            expectSame(annotations, fresh(text).1, word)
        }
    }

    /// A single line break next to a long line ends a paragraph, so an edit that makes a
    /// line longer or shorter than a hard wrap's moves the paragraph starts around it. Lines
    /// near that length, joined by single line breaks, are edited at random.
    @Test func editsAroundLongLinesGiveWhatAFreshAnalysisGives() {
        var generator = SeededGenerator(seed: 5)
        let lines = [
            "“We will finish what we started, whatever it costs us,” Mr. Putin said on Friday in Moscow today.",
            "He added that the U.S. was “wrong” about the talks, which would resume in the spring.",
            "Anna Kowalczyk, 45, told reporters the deal was worth $3.5 billion — a 20% rise on last year's.",
            "“The harbour never sleeps, and neither do we,” she said. “Nor will we,” Maria Lopez said.",
        ]
        var text = (0..<12).map { lines[$0 % lines.count] }.joined(separator: "\n")
        var cache: TokenCache? = nil
        for round in 0..<300 {
            text = Self.randomlyEdited(text, deleting: 8, using: &generator)
            let (incremental, next) = Analyzer().analyze(Article(text), reusing: cache)
            cache = next
            let (tokens, expected) = fresh(text)
            #expect(next.tokens.map(describe) == tokens, "round \(round)")
            expectSame(incremental, expected, "round \(round)")
            if next.tokens.map(describe) != tokens { break }
        }
    }

    /// Caps lines are kept for the paragraphs an edit leaves alone: after random edits to an
    /// article with headlines in capitals, they are what a fresh analysis finds.
    @Test func capsLinesAfterEditsAreWhatAFreshAnalysisFinds() {
        var generator = SeededGenerator(seed: 9)
        let paragraphs = [
            "RUSSIA AND CHINA PLEDGE CLOSER TIES", "Vladimir Putin met Xi Jinping on Friday in Moscow.",
            "EASTERN DIVISION", "W L PCT GB", "Boston 40 20 .667 -", "MARKETS RALLY AS RATES HOLD", "Officials said the talks would go on.",
        ]
        var text = (0..<6).flatMap { _ in paragraphs }.joined(separator: "\n\n")
        var cache: TokenCache? = nil
        for round in 0..<200 {
            text = Self.randomlyEdited(text, deleting: 5, using: &generator)
            let (incremental, next) = Analyzer().analyze(Article(text), reusing: cache)
            cache = next
            let (_, fresh) = Analyzer().analyze(Article(text), reusing: nil)
            #expect(next.recognized?.capsLines == fresh.recognized?.capsLines, "round \(round)")
            expectSame(incremental, self.fresh(text).1, "round \(round)")
            if next.recognized?.capsLines != fresh.recognized?.capsLines { break }
        }
    }

    @Test func neverLetsANameRunAcrossAParagraphBreak() {
        // Found by fuzz-edits: "Mr.al" ending a paragraph let a name run on, over the
        // connector "al", into the next paragraph, so an edit elsewhere changed it.
        let before = "da'-1\"30\n\nMr.al \n\n Mr. P'tin sPutin\nHe met Xi J\n\ning in Moscow\n\n\"\r\n"
        let after = "da'-1\"30\n\nMr.al \n\n Mr. P'tin sPutin\nHe met Xi J\n\ning in MoscowMr.\r\n"
        let (_, cache) = Analyzer().analyze(Article(before), reusing: nil)
        let (incremental, _) = Analyzer().analyze(Article(after), reusing: cache)
        expectSame(incremental, fresh(after).1, "after the edit")
        #expect(incremental.entities.contains { $0.name == "P'tin" })
    }

    @Test func keepsTheTokensOfUntouchedParagraphs() {
        let text = Self.paragraphs.joined(separator: "\n\n")
        let (_, first) = Analyzer().analyze(Article(text), reusing: nil)
        let edited = text.replacingOccurrences(of: "Officials said", with: "Officials have said")
        let (_, second) = Analyzer().analyze(Article(edited), reusing: first)
        #expect(second.tokens.map(describe) == fresh(edited).0)
        #expect(second.tokens.count == first.tokens.count + 1)
    }
}
