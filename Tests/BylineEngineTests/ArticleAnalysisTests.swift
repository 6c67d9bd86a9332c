import Foundation
import Testing
@testable import BylineEngine
import Locking

let sharedCorpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus").path
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// The seed article is read from ../shared and never copied into the repository.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: sharedCorpus + "/seed-article.txt"), "../shared/corpus is absent"))
struct SeedArticleTests {
    let article: Article
    let annotations: Annotations

    init() throws {
        let data = try #require(FileManager.default.contents(atPath: sharedCorpus + "/seed-article.txt"))
        article = Article(text: IndexedText(decoding: [UInt8](data)))
        annotations = Analyzer().analyze(article)
    }

    func entity(named name: String) -> Entity? { annotations.entities.first { $0.name == name } }
    func spellings(_ entity: Entity) -> Set<String> { Set(entity.mentions.map { article.text.substring($0.span.range) }) }

    @Test func groupsEveryFormOfPutinsName() throws {
        let putin = try #require(entity(named: "Vladimir Putin"))
        #expect(putin.type == .person)
        // "Mr. Putin" and "Mr Putin" are mentions of "Putin": the honorific is not the name.
        #expect(spellings(putin) == ["Vladimir Putin", "Putin"])
        #expect(putin.mentions.count >= 7)
        #expect(putin.roles.contains("Russian President"))
        #expect(annotations.entities.filter { $0.type == .person && $0.name.contains("Putin") }.count == 1)
    }

    @Test func groupsEveryFormOfXisName() throws {
        let xi = try #require(entity(named: "Xi Jinping"))
        #expect(xi.type == .person)
        #expect(spellings(xi) == ["Xi Jinping", "Xi"])
        #expect(annotations.entities.filter { $0.type == .person }.count == 2)
    }

    @Test func typesEveryPersonOrganisationAndPlace() {
        let expected: [String: EntityType] = [
            "Moscow": .geopolitical, "Beijing": .geopolitical, "Ukraine": .geopolitical, "Russia": .geopolitical,
            "China": .geopolitical, "United States": .geopolitical, "Taiwan": .geopolitical, "Kremlin": .organization,
            "CCTV": .organization, "NATO": .organization, "East China Sea": .location, "Russian": .norp, "Chinese": .norp,
        ]
        for (name, type) in expected {
            #expect(entity(named: name)?.type == type, "\(name)")
        }
        #expect(entity(named: "CCTV")?.roles == ["state broadcaster"])
    }

    /// Issue 4: all seven attributions, each with the right speaker, and no warning.
    @Test func findsAllSevenAttributionsWithTheirSpeakers() {
        let expected: [(cue: String, speakerText: String, entity: String)] = [
            ("said", "Putin", "Vladimir Putin"), ("said", "The Russian leader", "Vladimir Putin"), ("said", "he", "Vladimir Putin"),
            ("said", "Putin", "Vladimir Putin"), ("said", "He", "Vladimir Putin"), ("said", "Xi", "Xi Jinping"),
            ("pointed out", "Xi Jinping", "Xi Jinping"),
        ]
        let found = annotations.quotes.map { quote in
            (article.text.substring(quote.cue!.range), article.text.substring(quote.speaker!.span.range),
             quote.speaker!.entityIndex.map { annotations.entities[$0].name } ?? "")
        }
        #expect(found.count == expected.count)
        for (got, want) in zip(found, expected) {
            #expect(got.0 == want.cue && got.1 == want.speakerText && got.2 == want.entity, "\(got) ≠ \(want)")
        }
        #expect(annotations.quotes.allSatisfy { $0.kind == .indirect })
        #expect(annotations.diagnostics.isEmpty)
    }

    @Test func anchorsItsDatesToTheHeader() {
        let resolved = Set(annotations.entities.flatMap(\.mentions).compactMap(\.resolved))
        #expect(resolved.isSuperset(of: ["2022-12-30", "2022-02-24", "2022-W51", "2023-SP"]))
    }
}

@Suite struct SampleArticleTests {
    @Test func findsThePeoplePlacesAndOrganisationsOfTheSample() throws {
        let data = try #require(FileManager.default.contents(atPath: packageRoot + "/examples/harbour-talks.txt"))
        let annotations = Analyzer().analyze(Article(text: IndexedText(decoding: [UInt8](data))))
        let byName = Dictionary(annotations.entities.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
        #expect(byName["Marieke de Vries"] == .person)
        #expect(byName["Luc Peeters"] == .person)
        #expect(byName["Rotterdam"] == .geopolitical)
        #expect(byName["Brussels"] == .geopolitical)
        #expect(byName["European Commission"] == .organization)
        #expect(annotations.metadata.date?.description == "2025-03-14")
    }

    @Test func attributesTheSampleQuotesAndWarnsAboutTheUnattributedOne() throws {
        let data = try #require(FileManager.default.contents(atPath: packageRoot + "/examples/harbour-talks.txt"))
        let article = Article(text: IndexedText(decoding: [UInt8](data)))
        let annotations = Analyzer().analyze(article)
        let summary = annotations.quotes.map { quote -> String in
            let speaker = quote.speaker.map { article.text.substring($0.span.range) } ?? "none"
            let entity = quote.speaker?.entityIndex.map { annotations.entities[$0].name } ?? "none"
            return "\(quote.kind.rawValue) \(speaker) \(entity)"
        }
        #expect(summary == [
            "indirect figures from the European Commission European Commission",  // "according to" a source that is no person
            "indirect Marieke de Vries Marieke de Vries",  // …, said Marieke de Vries (no quotation marks)
            "indirect She Marieke de Vries",  // a pronoun speaker
            "direct Peeters Luc Peeters",  // a direct quote
            "indirect He Luc Peeters",
            "direct none none",  // the unattributed quote
            "indirect Shipping groups none",
        ])
        #expect(annotations.diagnostics.map(\.code) == ["unattributed-quote"])
    }
}

@Suite struct BadInputTests {
    let analyzer = Analyzer()

    @Test func annotatesTheEmptyText() {
        #expect(analyzer.analyze(Article("")).entities.isEmpty)
    }

    @Test func annotatesTenMegabytes() {
        let paragraph = "Russian President Vladimir Putin met officials in Moscow on Tuesday, and the talks cost $3 billion.\n\n"
        let text = String(repeating: paragraph, count: 10_000_000 / paragraph.utf8.count)
        let annotations = analyzer.analyze(Article(text))
        #expect(annotations.entities.first { $0.name == "Vladimir Putin" }?.mentions.count == 10_000_000 / paragraph.utf8.count)
    }

    @Test func annotatesASingleMegabyteLine() {
        let text = String(repeating: "Officials in Moscow said the deal with NATO was close, ", count: 1_000_000 / 56)
        #expect(!analyzer.analyze(Article(text)).entities.isEmpty)
    }

    @Test func annotatesBinaryGarbage() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<200_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let article = Article(text: IndexedText(decoding: bytes))
        let annotations = analyzer.analyze(article)
        for mention in annotations.entities.flatMap(\.mentions) {
            #expect(mention.span.start < mention.span.end && mention.span.end <= article.text.utf8Count)
        }
    }

    @Test func repairsInvalidUTF8AndKeepsOffsetsConsistent() {
        let bytes: [UInt8] = Array("Talks in ".utf8) + [0xFF, 0xFE] + Array(" Moscow ended.".utf8)
        let article = Article(text: IndexedText(decoding: bytes))
        let moscow = analyzer.analyze(article).entities.first { $0.name == "Moscow" }
        let span = moscow?.mentions.first?.span
        #expect(span.map { article.text.substring($0.range) } == "Moscow")
        #expect(span.map { article.text.scalarOffset(ofByte: $0.start) } == 12)
    }

    @Test func annotatesAllUppercaseText() {
        let text = String(repeating: "RUSSIAN PRESIDENT VLADIMIR PUTIN MET OFFICIALS IN MOSCOW AND BEIJING ON TUESDAY. ", count: 2000)
        let annotations = analyzer.analyze(Article(text))
        #expect(annotations.entities.contains { $0.name == "MOSCOW" && $0.type == .geopolitical })
    }
}

@Suite struct MarkdownTests {
    @Test func analysesProseAndSkipsCodeCommentsAndLinkTargets() {
        let text = """
            ---
            title: Ports
            date: 2025-03-14
            ---
            # Talks in Rotterdam

            > Officials in Antwerp agreed, [said Luc Peeters](https://example.com/Paris).

            ```
            Moscow is in this code block.
            ```

                Berlin is indented code.

            <!-- Madrid is in a comment -->
            - A list item about `Tokyo` and Brussels.
            """
        let article = Article(text, format: .markdown)
        let names = Set(Analyzer().analyze(article).entities.map(\.name))
        #expect(names.isSuperset(of: ["Rotterdam", "Antwerp", "Luc Peeters", "Brussels"]))
        #expect(names.isDisjoint(with: ["Paris", "Moscow", "Berlin", "Madrid", "Tokyo"]))
        #expect(article.metadata.date?.description == "2025-03-14")
    }

    @Test func keepsOffsetsOfTheOriginalText() {
        let text = "## Putin in **Moscow**\n"
        let article = Article(text, format: .markdown)
        let moscow = Analyzer().analyze(article).entities.first { $0.name == "Moscow" }
        #expect(moscow.map { article.text.substring($0.mentions[0].span.range) } == "Moscow")
    }
}

@Suite struct RandomArticleTests {
    /// Thousands of random articles built from the pieces that stress quotation pairing and
    /// attribution: every span stays inside the text and nothing traps.
    @Test func analysesRandomQuoteHeavyTextWithoutTrapping() {
        let pieces = [
            "“", "”", "\"", "‘", "’", "'", "«", "»", "„", ": ", ", ", ". ", "? ", "! ", " — ", "\n\n", "\n", " said ", " told ",
            " pointed out ", " according to ", "He", " he ", "she", " Putin ", "Mr. Xi", " the Russian leader ", " officials ",
            "Moscow", " CCTV ", " that ", " We will win ", " 30%", " $3 billion ", " on Monday ", "(", ")", "😀", "中文", " ",
            "WALLACE:", "Said ", "saying, ", " ― ",
        ]
        var generator = SystemRandomNumberGenerator()
        let analyzer = Analyzer()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...60, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let article = Article(text)
            let annotations = analyzer.analyze(article)
            let limit = article.text.utf8Count
            for quote in annotations.quotes {
                #expect(quote.span.start <= quote.span.end && quote.span.end <= limit, "\(text.debugDescription)")
                if let speaker = quote.speaker { #expect(speaker.span.end <= limit && speaker.entityIndex.map { $0 < annotations.entities.count } ?? true) }
            }
            for diagnostic in annotations.diagnostics { #expect(diagnostic.span.end <= limit) }
        }
    }
}

@Suite struct OtherCoreTests {
    /// Each piece of side work runs exactly once, on whichever thread takes it up first,
    /// and its result can be collected more than once.
    @Test func runsEachPieceOfWorkOnceAndHandsItsResultToTheCaller() {
        let runs = Locked(0)
        let pieces = (0..<200).map { number in
            OtherCore { () -> Int in
                runs.withLock { $0 += 1 }
                return number * 2
            }
        }
        #expect(pieces.enumerated().allSatisfy { $0.element.result() == $0.offset * 2 })
        #expect(pieces.enumerated().allSatisfy { $0.element.result() == $0.offset * 2 })
        #expect(runs.withLock { $0 } == 200)
    }

    /// With every worker thread of the pool blocked, the caller does the work itself rather
    /// than wait on a pool that cannot run it (libdispatch on Linux stops at 255 threads).
    @Test func theCallerDoesTheWorkWhenNoThreadTakesItUp() {
        let release = DispatchSemaphore(value: 0)
        let blockers = 320
        for _ in 0..<blockers {
            DispatchQueue.global(qos: .userInitiated).async { release.wait() }
        }
        let answered = DispatchSemaphore(value: 0)
        let answer = Locked<Int?>(nil)
        let caller = Thread {
            let piece = OtherCore { 42 }
            answer.withLock { $0 = piece.result() }
            answered.signal()
        }
        caller.start()
        let timedOut = answered.wait(timeout: .now() + 20) == .timedOut
        for _ in 0..<blockers { release.signal() }
        #expect(!timedOut)
        #expect(answer.withLock { $0 } == 42)
    }
}
