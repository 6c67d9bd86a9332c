import BylineEngine
import BylineJSON
import BylineTestSupport
import Testing

/// definition, references, documentHighlight, prepareRename and rename against the spawned
/// server.
@Suite(.serialized) struct NavigationEndToEndTests {
    static let uri = "file:///tmp/byline-features/minister.txt"
    static let article = MarkedText("""
        🚢 港口 Belgian Transport Minister 1️⃣Luc Peeters2️⃣ welcomed the deal.

        “This is the most practical thing our ports have done together,” Mr. 3️⃣Peeters4️⃣ told reporters. 5️⃣He6️⃣ added that smaller ports could join later.
        """)

    func server() throws -> SpawnedServer {
        let server = try SpawnedServer()
        server.initialize(capabilities: FeatureFixtures.capabilities())
        server.open(Self.uri, Self.article.text)
        return server
    }

    @Test func definitionOfASurnameOrAPronounIsTheFirstFullName() throws {
        let server = try server()
        for marker in ["3️⃣", "5️⃣"] {
            let definition = try #require(server.call("textDocument/definition", SpawnedServer.at(Self.uri, Self.article, marker)))
            #expect(definition["uri"] == .string(Self.uri))
            #expect(definition["range"] == Self.article.range("1️⃣", "2️⃣"))
        }
    }

    @Test func referencesAndHighlightsCoverEveryMentionAndThePronoun() throws {
        let server = try server()
        var params = SpawnedServer.at(Self.uri, Self.article, "1️⃣")
        if case .object(var object) = params {
            object["context"] = ["includeDeclaration": true]
            params = .object(object)
        }
        let references = try #require(server.call("textDocument/references", params)?.arrayValue)
        #expect(references.compactMap { $0["range"] } == [
            Self.article.range("1️⃣", "2️⃣"), Self.article.range("3️⃣", "4️⃣"), Self.article.range("5️⃣", "6️⃣"),
        ])
        if case .object(var object) = params {
            object["context"] = ["includeDeclaration": false]
            params = .object(object)
        }
        #expect(server.call("textDocument/references", params)?.arrayValue?.count == 2)
        let highlights = try #require(server.call("textDocument/documentHighlight", SpawnedServer.at(Self.uri, Self.article, "3️⃣"))?.arrayValue)
        #expect(highlights.count == 3)
        #expect(highlights.allSatisfy { $0["kind"] == 1 })
    }

    @Test func renameRewritesEachFormOfTheName() throws {
        let server = try server()
        let prepared = try #require(server.call("textDocument/prepareRename", SpawnedServer.at(Self.uri, Self.article, "3️⃣")))
        #expect(prepared["range"] == Self.article.range("3️⃣", "4️⃣"))
        #expect(prepared["placeholder"] == "Luc Peeters")
        var params = SpawnedServer.at(Self.uri, Self.article, "3️⃣")
        if case .object(var object) = params {
            object["newName"] = "Luc Janssens"
            params = .object(object)
        }
        let edit = try #require(server.call("textDocument/rename", params))
        let edits = try #require(edit["changes"]?[Self.uri]?.arrayValue)
        #expect(edits == [
            ["range": Self.article.range("1️⃣", "2️⃣"), "newText": "Luc Janssens"],
            ["range": Self.article.range("3️⃣", "4️⃣"), "newText": "Janssens"],
        ])
    }

    @Test func refusesToRenameWhatIsNotAnEntity() throws {
        let server = try server()
        let response = server.response(to: server.request("textDocument/prepareRename", [
            "textDocument": ["uri": .string(Self.uri)], "position": ["line": 0, "character": 30],
        ]))
        #expect(response?["error"]?["code"] == -32803)
        let empty = server.response(to: server.request("textDocument/rename", [
            "textDocument": ["uri": .string(Self.uri)], "position": Self.article.position("3️⃣").jsonValue, "newName": " ",
        ]))
        #expect(empty?["error"]?["code"] == -32602)
    }
}
