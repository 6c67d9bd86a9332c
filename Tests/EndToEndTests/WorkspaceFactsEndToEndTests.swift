import BylineEngine
import BylineJSON
import BylineTestSupport
import Foundation
import Testing

/// The workspace's `byline.json`: hover shows its notes, its aliases feed recognition, and a
/// malformed file gets a diagnostic of its own.
@Suite(.serialized) struct WorkspaceFactsEndToEndTests {
    static let facts = """
        { "entities": [
            { "name": "Port of Rotterdam Authority", "type": "ORG", "aliases": ["the port authority", "Havenbedrijf"],
              "description": "Runs Europe's largest port.", "style": "“the port authority” on second reference",
              "links": ["https://www.portofrotterdam.com"] } ] }
        """

    @Test func hoverShowsTheNotesAndAliasesJoinTheEntity() throws {
        let folder = try FeatureFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.facts.write(to: folder.appendingPathComponent("byline.json"), atomically: true, encoding: .utf8)
        let server = try SpawnedServer()
        server.initialize(capabilities: FeatureFixtures.capabilities(), rootURI: folder.absoluteString)
        let marked = MarkedText("😀 The 1️⃣Port of Rotterdam Authority2️⃣ raised its fees. Later 3️⃣Havenbedrijf4️⃣ said more ships were coming.")
        let uri = folder.appendingPathComponent("fees.txt").absoluteString
        server.open(uri, marked.text)
        let hover = try #require(server.call("textDocument/hover", SpawnedServer.at(uri, marked, "3️⃣")))
        let value = try #require(hover["contents"]?["value"]?.stringValue)
        #expect(value.hasPrefix("**Port of Rotterdam Authority** · organisation (ORG)"))
        #expect(value.contains("Runs Europe's largest port."))
        #expect(value.contains("Style: “the port authority” on second reference"))
        #expect(value.contains("<https://www.portofrotterdam.com>"))
        let references = try #require(server.call("textDocument/references", [
            "textDocument": ["uri": .string(uri)], "position": marked.position("3️⃣").jsonValue, "context": ["includeDeclaration": true],
        ])?.arrayValue)
        #expect(references.compactMap { $0["range"] } == [marked.range("1️⃣", "2️⃣"), marked.range("3️⃣", "4️⃣")])
    }

    @Test func aMalformedFileGetsADiagnosticAndBreaksNothing() throws {
        let folder = try FeatureFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{ \"entities\": [ { \"name\": \"X\", \"type\": \"PLANET\" } ] }".write(
            to: folder.appendingPathComponent("byline.json"), atomically: true, encoding: .utf8)
        let server = try SpawnedServer()
        server.initialize(capabilities: FeatureFixtures.capabilities(), rootURI: folder.absoluteString)
        let factsURI = folder.appendingPathComponent("byline.json").absoluteString
        let published = try #require(server.waitFor {
            $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"] == .string(factsURI)
        })
        let diagnostic = try #require(published["params"]?["diagnostics"]?.arrayValue?.first)
        #expect(diagnostic["code"] == "invalid-workspace-facts")
        #expect(diagnostic["message"]?.stringValue?.contains("PLANET") == true)
        // Articles are still served.
        server.open(FeatureFixtures.uri, FeatureFixtures.harbour.text)
        #expect(server.call("textDocument/hover", SpawnedServer.at(FeatureFixtures.uri, FeatureFixtures.harbour, "1️⃣")) != nil)
        // Editing the file in the editor fixes it, and the diagnostic is cleared.
        server.open(factsURI, Self.facts, language: "json")
        let cleared = server.waitFor {
            $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"] == .string(factsURI)
                && $0["params"]?["diagnostics"] == []
        }
        #expect(cleared != nil)
        // Broken JSON points at where it breaks.
        server.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(factsURI), "version": 2], "contentChanges": [["text": "{\n  \"entities\": [ oops"]],
        ])
        let broken = server.waitFor {
            $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"] == .string(factsURI)
                && $0["params"]?["diagnostics"]?.arrayValue?.first?["range"]?["start"]?["line"] == 1
        }
        #expect(broken != nil)
    }
}
