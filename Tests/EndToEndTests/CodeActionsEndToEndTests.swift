import BylineEngine
import BylineJSON
import BylineTestSupport
import Testing

/// textDocument/codeAction (and the inconsistent-spelling diagnostic behind one of them)
/// against the spawned server.
@Suite(.serialized) struct CodeActionsEndToEndTests {
    func actions(_ server: SpawnedServer, _ marked: MarkedText, _ from: String, _ to: String, only: [String]? = nil) throws -> [JSON] {
        var context: JSONObject = ["diagnostics": []]
        if let only { context["only"] = .array(only.map { .string($0) }) }
        return try #require(server.call("textDocument/codeAction", [
            "textDocument": FeatureFixtures.document, "range": marked.range(from, to), "context": .object(context),
        ])?.arrayValue)
    }

    @Test func offersAnAttributionTemplateForAnUnattributedQuote() throws {
        let server = try FeatureFixtures.serverWithHarbour()
        let marked = FeatureFixtures.harbour
        let found = try actions(server, marked, "9️⃣", "9️⃣", only: ["quickfix"])
        let action = try #require(found.first)
        #expect(action["kind"] == "quickfix")
        #expect(action["isPreferred"] == true)
        #expect(action["diagnostics"]?.arrayValue?.first?["code"] == "unattributed-quote")
        let edit = try #require(action["edit"]?["changes"]?[FeatureFixtures.uri]?.arrayValue?.first)
        // The full stop moves out of the quotation: “… shorter,” [Who] said.
        #expect(edit["newText"] == ",” [Who] said.")
        let end = marked.text.components(separatedBy: "\n").last!.utf16.count
        #expect(edit["range"] == ["start": ["line": 6, "character": .int(end - 2)], "end": ["line": 6, "character": .int(end)]])
    }

    @Test func turnsStraightQuotesCurly() throws {
        let marked = MarkedText("1️⃣\"We will not back down,\" Anna Kowalczyk said.\n\nShe left. \"It's ours,\" Jan Smit said.2️⃣")
        let server = try SpawnedServer()
        server.initialize(capabilities: FeatureFixtures.capabilities())
        server.open(FeatureFixtures.uri, marked.text)
        let found = try actions(server, marked, "1️⃣", "1️⃣", only: ["refactor.rewrite"])
        let edits = try #require(found.first?["edit"]?["changes"]?[FeatureFixtures.uri]?.arrayValue)
        #expect(edits.compactMap { $0["newText"]?.stringValue } == ["“", "”"])
        let whole = try actions(server, marked, "1️⃣", "1️⃣", only: ["source.fixAll.byline.curlyQuotes"])
        let all = try #require(whole.first?["edit"]?["changes"]?[FeatureFixtures.uri]?.arrayValue)
        #expect(all.compactMap { $0["newText"]?.stringValue } == ["“", "”", "“", "’", "”"])
    }

    @Test func offersTheUsualSpellingOfAMisspeltName() throws {
        let marked = MarkedText("""
            Xi Jinping met the delegation on Monday. Xi Jinping spoke first, and Xi Jinping closed the meeting.

            Later, 1️⃣Xi Jingping2️⃣ left for the airport.
            """)
        let server = try SpawnedServer()
        server.initialize(capabilities: FeatureFixtures.capabilities())
        server.open(FeatureFixtures.uri, marked.text)
        let published = try #require(server.waitFor { $0["method"] == "textDocument/publishDiagnostics" })
        let diagnostic = try #require(published["params"]?["diagnostics"]?.arrayValue?.first { $0["code"] == "inconsistent-spelling" })
        #expect(diagnostic["range"] == marked.range("1️⃣", "2️⃣"))
        #expect(diagnostic["relatedInformation"]?.arrayValue?.count == 1)
        let fix = try #require(try actions(server, marked, "1️⃣", "2️⃣", only: ["quickfix"]).first)
        #expect(fix["title"] == "Change to “Xi Jinping”")
        #expect(fix["edit"]?["changes"]?[FeatureFixtures.uri] == [["range": marked.range("1️⃣", "2️⃣"), "newText": "Xi Jinping"]])
    }
}

/// textDocument/completion against the spawned server.
@Suite(.serialized) struct CompletionEndToEndTests {
    @Test func completesACapitalisedWordWithTheArticlesEntities() throws {
        let marked = MarkedText("😀 Marieke de Vries chairs the board in Rotterdam.\n\nLater 1️⃣Ma2️⃣")
        let server = try SpawnedServer()
        server.initialize(capabilities: FeatureFixtures.capabilities())
        server.open(FeatureFixtures.uri, marked.text)
        let result = try #require(server.call("textDocument/completion", SpawnedServer.at(FeatureFixtures.uri, marked, "2️⃣")))
        let items = try #require(result["items"]?.arrayValue)
        let item = try #require(items.first { $0["label"] == "Marieke de Vries" })
        #expect(item["textEdit"] == ["range": marked.range("1️⃣", "2️⃣"), "newText": "Marieke de Vries"])
        #expect(!items.contains { $0["label"] == "Rotterdam" })
    }

    @Test func staysQuietInsideLowerCaseWords() throws {
        let marked = MarkedText("Marieke de Vries spoke. the bo1️⃣")
        let server = try SpawnedServer()
        server.initialize(capabilities: FeatureFixtures.capabilities())
        server.open(FeatureFixtures.uri, marked.text)
        let result = try #require(server.call("textDocument/completion", SpawnedServer.at(FeatureFixtures.uri, marked, "1️⃣")))
        #expect(result["items"] == [])
    }
}
