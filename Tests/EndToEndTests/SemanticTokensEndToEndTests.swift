import BylineEngine
import BylineJSON
import BylineTestSupport
import Testing

/// textDocument/semanticTokens/full, /full/delta and /range against the spawned server.
@Suite(.serialized) struct SemanticTokensEndToEndTests {
    @Test func colorsEntitiesQuotesSpeakersAndCuesAtExactUTF16Columns() throws {
        let server = try SpawnedServer()
        let legend = try #require(server.initialize(capabilities: FeatureFixtures.capabilities())?["capabilities"]?["semanticTokensProvider"]?["legend"])
        let marked = FeatureFixtures.harbour
        server.open(FeatureFixtures.uri, marked.text)
        let result = try #require(server.call("textDocument/semanticTokens/full", ["textDocument": FeatureFixtures.document]))
        let tokens = FeatureFixtures.decode(try #require(result["data"]?.arrayValue), legend: legend)
        let person = marked.position("1️⃣")
        // 😀 is two UTF-16 units: "😀 中文 " is 6 units before the name.
        #expect(person.character == 6)
        #expect(tokens.contains(FeatureFixtures.Token(
            line: person.line, character: person.character, length: "Marieke de Vries".utf16.count, type: "person", modifiers: ["declaration"])))
        let place = marked.position("3️⃣")
        #expect(tokens.contains { $0.line == place.line && $0.character == place.character && $0.type == "place" && $0.length == 9 })
        // The quotation is drawn, and its pronoun speaker is marked as inferred.
        let quote = marked.position("5️⃣")
        #expect(tokens.contains { $0.line == quote.line && $0.character == quote.character && $0.type == "quote" && $0.modifiers.contains("direct") })
        let pronoun = marked.position("7️⃣")
        #expect(tokens.contains { $0.line == pronoun.line && $0.character == pronoun.character && $0.type == "speaker" && $0.modifiers == ["inferred"] })
        #expect(tokens.contains { $0.type == "cue" && $0.length == 4 })
        let unattributed = marked.position("9️⃣")
        #expect(tokens.contains { $0.line == unattributed.line && $0.type == "quote" && $0.modifiers.contains("unattributed") })
        // No two tokens overlap.
        for (a, b) in zip(tokens, tokens.dropFirst()) where a.line == b.line {
            #expect(a.character + a.length <= b.character, "\(a) overlaps \(b)")
        }
    }

    @Test func splitsAMultiLineQuotationPerLineUnlessTheClientDrawsMultiLineTokens() throws {
        let text = "“We will finish the work we started,\nand we will finish it on our own,” said Anna Kowalczyk."
        for multiline in [false, true] {
            let server = try SpawnedServer()
            let legend = try #require(server.initialize(capabilities: FeatureFixtures.capabilities(multiline: multiline))?["capabilities"]?["semanticTokensProvider"]?["legend"])
            server.open(FeatureFixtures.uri, text)
            let data = try #require(server.call("textDocument/semanticTokens/full", ["textDocument": FeatureFixtures.document])?["data"]?.arrayValue)
            let quotes = FeatureFixtures.decode(data, legend: legend).filter { $0.type == "quote" }
            if multiline {
                #expect(quotes.count == 1)
                #expect(quotes.first?.length == text.utf16.count - " said Anna Kowalczyk.".utf16.count)
            } else {
                #expect(quotes.map(\.line) == [0, 1])
            }
        }
    }

    @Test func answersADeltaThatTurnsTheOldTokensIntoTheNewOnes() throws {
        let server = try FeatureFixtures.serverWithHarbour()
        let first = try #require(server.call("textDocument/semanticTokens/full", ["textDocument": FeatureFixtures.document]))
        let old = try #require(FeatureFixtures.integers(first["data"]))
        // Insert a new sentence naming a person at the start of the body.
        server.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(FeatureFixtures.uri), "version": 2],
            "contentChanges": [["range": ["start": ["line": 2, "character": 0], "end": ["line": 2, "character": 0]], "text": "Jan Smit met officials. "]],
        ])
        let previous = try #require(first["resultId"]?.stringValue)
        let delta = try #require(server.call("textDocument/semanticTokens/full/delta", [
            "textDocument": FeatureFixtures.document, "previousResultId": .string(previous),
        ]))
        let edits = try #require(delta["edits"]?.arrayValue)
        var patched = old
        for edit in edits.reversed() {
            let start = try #require(edit["start"]?.intValue)
            let count = try #require(edit["deleteCount"]?.intValue)
            patched.replaceSubrange(start..<start + count, with: FeatureFixtures.integers(edit["data"]) ?? [])
        }
        let full = try #require(FeatureFixtures.integers(server.call("textDocument/semanticTokens/full", ["textDocument": FeatureFixtures.document])?["data"]))
        #expect(patched == full)
        #expect(patched != old)
        // An unknown result id gets the whole data instead.
        let fallback = server.call("textDocument/semanticTokens/full/delta", ["textDocument": FeatureFixtures.document, "previousResultId": "nope"])
        #expect(FeatureFixtures.integers(fallback?["data"]) == full)
    }

    @Test func limitsARangeRequestToTheLinesAsked() throws {
        let server = try SpawnedServer()
        let legend = try #require(server.initialize(capabilities: FeatureFixtures.capabilities())?["capabilities"]?["semanticTokensProvider"]?["legend"])
        server.open(FeatureFixtures.uri, FeatureFixtures.harbour.text)
        let data = try #require(server.call("textDocument/semanticTokens/range", [
            "textDocument": FeatureFixtures.document, "range": ["start": ["line": 2, "character": 0], "end": ["line": 3, "character": 0]],
        ])?["data"]?.arrayValue)
        let tokens = FeatureFixtures.decode(data, legend: legend)
        #expect(Set(tokens.map(\.line)) == [2])
        #expect(tokens.map(\.type) == ["person", "place"])
    }
}
