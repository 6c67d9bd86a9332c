import BylineEngine
import BylineJSON
import BylineTestSupport
import Testing

/// textDocument/inlayHint against the spawned server.
@Suite(.serialized) struct InlayHintsEndToEndTests {
    @Test func namesTheSpeakerAfterAQuotationCreditedToAPronoun() throws {
        let marked = MarkedText("""
            😀 Belgian Transport Minister Luc Peeters welcomed the deal. “This is the most practical thing our ports have done,” Mr. Peeters told reporters. He said that smaller ports could join later1️⃣.
            """)
        let server = try SpawnedServer()
        server.initialize(capabilities: FeatureFixtures.capabilities())
        server.open(FeatureFixtures.uri, marked.text)
        let hints = try #require(server.call("textDocument/inlayHint", [
            "textDocument": FeatureFixtures.document, "range": ["start": ["line": 0, "character": 0], "end": ["line": 1, "character": 0]],
        ])?.arrayValue)
        // The direct quotation names its speaker next to it: no hint. The pronoun's does.
        #expect(hints.count == 1)
        #expect(hints.first?["label"] == "— Luc Peeters")
        #expect(hints.first?["position"] == marked.position("1️⃣").jsonValue)
        #expect(hints.first?["paddingLeft"] == true)
    }

    @Test func canBeSwitchedOff() throws {
        let server = try SpawnedServer()
        server.initialize(capabilities: FeatureFixtures.capabilities(), options: ["inlayHints": false])
        server.open(FeatureFixtures.uri, FeatureFixtures.harbour.text)
        let hints = server.call("textDocument/inlayHint", [
            "textDocument": FeatureFixtures.document, "range": ["start": ["line": 0, "character": 0], "end": ["line": 9, "character": 0]],
        ])
        #expect(hints == [])
    }
}
