import BylineEngine
import BylineJSON
import BylineTestSupport
import Foundation
import Testing

/// textDocument/documentSymbol and workspace/symbol against the spawned server.
@Suite(.serialized) struct SymbolsEndToEndTests {
    @Test func outlinesEntitiesByTypeAndQuotationsBySpeaker() throws {
        let server = try FeatureFixtures.serverWithHarbour()
        let symbols = try #require(server.call("textDocument/documentSymbol", ["textDocument": FeatureFixtures.document])?.arrayValue)
        let names = symbols.compactMap { $0["name"]?.stringValue }
        #expect(names.first == "People")
        #expect(names.contains("Places"))
        #expect(names.last == "Quotations")
        let person = try #require(symbols.first?["children"]?.arrayValue?.first)
        #expect(person["name"] == "Marieke de Vries")
        #expect(person["selectionRange"] == FeatureFixtures.harbour.range("1️⃣", "2️⃣"))
        #expect(person["children"]?.arrayValue?.count == 2)
        let speakers = try #require(symbols.last?["children"]?.arrayValue)
        #expect(speakers.compactMap { $0["name"]?.stringValue } == ["Marieke de Vries", "Unattributed"])
        #expect(speakers.first?["children"]?.arrayValue?.count == 2)
        // Every child lies inside its parent, as LSP requires.
        func check(_ symbol: JSON) {
            for child in symbol["children"]?.arrayValue ?? [] {
                #expect(contains(symbol["range"], child["range"]), "\(child["name"] ?? .null) outside \(symbol["name"] ?? .null)")
                check(child)
            }
            #expect(contains(symbol["range"], symbol["selectionRange"]))
        }
        for symbol in symbols { check(symbol) }
    }

    func contains(_ outer: JSON?, _ inner: JSON?) -> Bool {
        func point(_ json: JSON?) -> (Int, Int) { (json?["line"]?.intValue ?? -1, json?["character"]?.intValue ?? -1) }
        let (a, b, c, d) = (point(outer?["start"]), point(outer?["end"]), point(inner?["start"]), point(inner?["end"]))
        return a <= c && d <= b
    }

    @Test func findsEntitiesInOpenDocumentsAndInTheWorkspacesArticleFiles() throws {
        let folder = try FeatureFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "date 2025-01-02\n\nMayor Ahmed Aboutaleb opened the new bridge in Rotterdam.\n".write(
            to: folder.appendingPathComponent("bridge.txt"), atomically: true, encoding: .utf8)
        try "not an article".write(to: folder.appendingPathComponent("notes.json"), atomically: true, encoding: .utf8)
        let server = try SpawnedServer()
        server.initialize(capabilities: FeatureFixtures.capabilities(), rootURI: folder.absoluteString)
        server.open(FeatureFixtures.uri, FeatureFixtures.harbour.text)
        let found = try #require(server.call("workspace/symbol", ["query": "abtal"])?.arrayValue)
        #expect(found.compactMap { $0["name"]?.stringValue } == ["Ahmed Aboutaleb"])
        #expect(found.first?["location"]?["uri"]?.stringValue?.hasSuffix("/bridge.txt") == true)
        #expect(found.first?["containerName"] == "PERSON")
        let open = try #require(server.call("workspace/symbol", ["query": "marieke"])?.arrayValue)
        #expect(open.first?["location"]?["uri"] == .string(FeatureFixtures.uri))
        #expect(open.first?["location"]?["range"] == FeatureFixtures.harbour.range("1️⃣", "2️⃣"))
    }
}
