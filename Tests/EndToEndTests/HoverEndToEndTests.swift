import BylineEngine
import BylineJSON
import BylineTestSupport
import Foundation
import Testing

/// textDocument/hover against the spawned server.
@Suite(.serialized) struct HoverEndToEndTests {
    @Test func showsWhatIsKnownAboutAPerson() throws {
        let server = try FeatureFixtures.serverWithHarbour()
        let marked = FeatureFixtures.harbour
        let hover = try #require(server.call("textDocument/hover", SpawnedServer.at(FeatureFixtures.uri, marked, "1️⃣")))
        let value = try #require(hover["contents"]?["value"]?.stringValue)
        #expect(hover["contents"]?["kind"] == "markdown")
        #expect(value.hasPrefix("**Marieke de Vries** · person (PERSON)"))
        #expect(value.contains("2 quotations:"))
        #expect(value.contains("Joint inspections will cut waiting times"))
        #expect(hover["range"] == marked.range("1️⃣", "2️⃣"))
    }

    @Test func showsTheBundledFactsOfAPlace() throws {
        let server = try FeatureFixtures.serverWithHarbour()
        let hover = try #require(server.call("textDocument/hover", SpawnedServer.at(FeatureFixtures.uri, FeatureFixtures.harbour, "3️⃣")))
        let value = try #require(hover["contents"]?["value"]?.stringValue)
        #expect(value.contains("**Rotterdam**"))
        #expect(value.contains("Country: The Netherlands"))
        #expect(value.contains("GeoNames (CC BY 4.0)"))
    }

    @Test func explainsHowAQuotationsSpeakerWasFound() throws {
        let server = try FeatureFixtures.serverWithHarbour()
        let marked = FeatureFixtures.harbour
        // On the pronoun: the entity it stands for.
        let pronoun = try #require(server.call("textDocument/hover", SpawnedServer.at(FeatureFixtures.uri, marked, "7️⃣"))?["contents"]?["value"]?.stringValue)
        #expect(pronoun.hasPrefix("**Marieke de Vries**"))
        // On the quotation's words: the kind, the speaker and the cue.
        let quote = try #require(server.call("textDocument/hover", SpawnedServer.at(FeatureFixtures.uri, marked, "5️⃣"))?["contents"]?["value"]?.stringValue)
        #expect(quote == "**Direct quotation**\n\nSaid by **Marieke de Vries**, named at the cue\n\nCue: “said”")
        let unattributed = try #require(server.call("textDocument/hover", SpawnedServer.at(FeatureFixtures.uri, marked, "9️⃣"))?["contents"]?["value"]?.stringValue)
        #expect(unattributed.contains("No one is credited"))
    }

    @Test func speaksPlainTextToClientsThatShowNoMarkdown() throws {
        let server = try FeatureFixtures.serverWithHarbour(markdown: false)
        let hover = try #require(server.call("textDocument/hover", SpawnedServer.at(FeatureFixtures.uri, FeatureFixtures.harbour, "1️⃣")))
        #expect(hover["contents"]?["kind"] == "plaintext")
        #expect(hover["contents"]?["value"]?.stringValue?.hasPrefix("Marieke de Vries · person") == true)
    }

    @Test func answersNullAwayFromEverything() throws {
        let server = try FeatureFixtures.serverWithHarbour()
        let result = server.response(to: server.request("textDocument/hover", [
            "textDocument": FeatureFixtures.document, "position": ["line": 0, "character": 0],
        ]))
        #expect(result?["result"] == .null)
    }
}

/// The seed article, read from ../shared and never copied into the repository.
let seedArticlePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus/seed-article.txt").path

@Suite(.serialized, .enabled(if: FileManager.default.fileExists(atPath: seedArticlePath), "../shared/corpus is absent"))
struct SeedArticleFeatureTests {
    let text: String
    let indexed: IndexedText
    let server: SpawnedServer
    let uri = "file:///tmp/byline-features/seed-article.txt"

    init() throws {
        text = String(decoding: try #require(FileManager.default.contents(atPath: seedArticlePath)), as: UTF8.self)
        indexed = IndexedText(text)
        server = try SpawnedServer()
        server.initialize(capabilities: FeatureFixtures.capabilities())
        server.open(uri, text)
    }

    /// The LSP range of the `occurrence`-th (0-based) place `phrase` is written.
    func range(of phrase: String, occurrence: Int = 0) throws -> JSON {
        var searchStart = text.startIndex
        var found: Range<String.Index>?
        for _ in 0...occurrence {
            found = text.range(of: phrase, range: searchStart..<text.endIndex)
            searchStart = try #require(found).upperBound
        }
        let match = try #require(found)
        let start = text.utf8.distance(from: text.startIndex, to: match.lowerBound)
        let end = text.utf8.distance(from: text.startIndex, to: match.upperBound)
        return ["start": indexed.position(ofByte: start, encoding: .utf16).jsonValue, "end": indexed.position(ofByte: end, encoding: .utf16).jsonValue]
    }

    func at(_ phrase: String, occurrence: Int = 0) throws -> JSON {
        ["textDocument": ["uri": .string(uri)], "position": try #require(range(of: phrase, occurrence: occurrence)["start"])]
    }

    @Test func hoverOnASurnameNamesTheWholePersonAndTheirRole() throws {
        let hover = try #require(server.call("textDocument/hover", try at("said Putin")))
        // The cursor is on "said": the quotation. Step onto the name itself.
        #expect(hover["contents"]?["value"]?.stringValue?.contains("Vladimir Putin") == true)
        let name = try #require(server.call("textDocument/hover", try at("Putin", occurrence: 0)))
        let value = try #require(name["contents"]?["value"]?.stringValue)
        #expect(value.hasPrefix("**Vladimir Putin** · person (PERSON)"))
        #expect(value.contains("Russian President"))
        #expect(name["range"] == (try range(of: "Vladimir Putin")))
    }

    @Test func definitionOfAnyAliasIsTheFirstFullName() throws {
        for alias in ["Mr Putin", "Mr. Xi"] {
            let name = String(alias.split(separator: " ").last!)
            var position = try at(alias)
            if case .object(var object) = position, let start = object["position"], case .object(var point) = start {
                point["character"] = .int((start["character"]?.intValue ?? 0) + alias.utf16.count - name.utf16.count)
                object["position"] = .object(point)
                position = .object(object)
            }
            let definition = try #require(server.call("textDocument/definition", position))
            let full = name == "Putin" ? "Vladimir Putin" : "Xi Jinping"
            #expect(definition["range"] == (try range(of: full)), "\(alias)")
        }
    }

    @Test func referencesOfXiListEveryMentionAndPronoun() throws {
        let start = try #require(range(of: "Xi Jinping")["start"])
        let references = try #require(server.call("textDocument/references", [
            "textDocument": ["uri": .string(uri)], "position": start, "context": ["includeDeclaration": true],
        ])?.arrayValue)
        let ranges = references.compactMap { $0["range"] }
        #expect(ranges.contains(try range(of: "Xi Jinping")))
        #expect(ranges.contains(try range(of: "Xi", occurrence: 2)))
        #expect(ranges.count >= 4)
    }
}
