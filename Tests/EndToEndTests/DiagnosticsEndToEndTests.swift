import BylineEngine
import BylineJSON
import BylineTestSupport
import Testing

/// Pulled diagnostics (textDocument/diagnostic, workspace/diagnostic) and related
/// information, against the spawned server.
@Suite(.serialized) struct DiagnosticsEndToEndTests {
    @Test func answersAPullWithTheDiagnosticsThenWithUnchanged() throws {
        let server = try FeatureFixtures.serverWithHarbour()
        let first = try #require(server.call("textDocument/diagnostic", ["textDocument": FeatureFixtures.document]))
        #expect(first["kind"] == "full")
        let items = try #require(first["items"]?.arrayValue)
        #expect(items.compactMap { $0["code"]?.stringValue } == ["unattributed-quote"])
        #expect(items.first?["range"]?["start"] == FeatureFixtures.harbour.position("9️⃣").jsonValue)
        let id = try #require(first["resultId"]?.stringValue)
        let second = server.call("textDocument/diagnostic", ["textDocument": FeatureFixtures.document, "previousResultId": .string(id)])
        #expect(second == ["kind": "unchanged", "resultId": .string(id)])
        // After an edit the id no longer matches.
        server.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(FeatureFixtures.uri), "version": 2],
            "contentChanges": [["range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]], "text": " "]],
        ])
        let third = server.call("textDocument/diagnostic", ["textDocument": FeatureFixtures.document, "previousResultId": .string(id)])
        #expect(third?["kind"] == "full")
    }

    @Test func reportsEveryOpenDocumentToAWorkspacePull() throws {
        let server = try FeatureFixtures.serverWithHarbour()
        server.open("file:///tmp/byline-features/clean.txt", "Marieke de Vries said the port would reopen.")
        let report = try #require(server.call("workspace/diagnostic", ["previousResultIds": []]))
        let items = try #require(report["items"]?.arrayValue)
        #expect(Set(items.compactMap { $0["uri"]?.stringValue }) == [FeatureFixtures.uri, "file:///tmp/byline-features/clean.txt"])
        #expect(items.allSatisfy { $0["kind"] == "full" && $0["version"] == 1 })
    }

    @Test func pointsAnAmbiguousSpeakerAtTheCandidates() throws {
        let text = "Anna Kowalczyk and Maria Nowak arrived in Warsaw on Monday. She said the talks had gone well."
        let server = try SpawnedServer()
        server.initialize(capabilities: FeatureFixtures.capabilities())
        server.open(FeatureFixtures.uri, text)
        let published = try #require(server.waitFor { $0["method"] == "textDocument/publishDiagnostics" })
        let diagnostics = published["params"]?["diagnostics"]?.arrayValue ?? []
        if let ambiguous = diagnostics.first(where: { $0["code"] == "ambiguous-speaker" }) {
            let related = try #require(ambiguous["relatedInformation"]?.arrayValue)
            #expect(related.count == 2)
            #expect(related.allSatisfy { $0["location"]?["uri"] == .string(FeatureFixtures.uri) })
        } else {
            Issue.record("no ambiguous-speaker diagnostic in \(diagnostics)")
        }
    }
}

/// The `byline` settings: initializationOptions, workspace/didChangeConfiguration and a
/// pulled workspace/configuration.
@Suite(.serialized) struct ConfigurationEndToEndTests {
    func published(_ server: SpawnedServer, after count: Int) -> [String]? {
        let message = server.waitFor {
            $0["method"] == "textDocument/publishDiagnostics" && server.messages.filter { $0["method"] == "textDocument/publishDiagnostics" }.count > count
        }
        guard message != nil else { return nil }
        let all = server.messages.filter { $0["method"] == "textDocument/publishDiagnostics" }
        return all.last?["params"]?["diagnostics"]?.arrayValue?.compactMap { $0["code"]?.stringValue }
    }

    @Test func switchesACheckOffAndOnAgain() throws {
        let server = try SpawnedServer()
        server.initialize(capabilities: FeatureFixtures.capabilities(), options: ["diagnostics": ["unattributed-quote": false]])
        server.open(FeatureFixtures.uri, FeatureFixtures.harbour.text)
        #expect(published(server, after: 0) == [])
        server.notify("workspace/didChangeConfiguration", ["settings": ["byline": ["diagnostics": ["unattributed-quote": "information"]]]])
        #expect(published(server, after: 1) == ["unattributed-quote"])
        let severity = server.messages.last { $0["method"] == "textDocument/publishDiagnostics" }?["params"]?["diagnostics"]?.arrayValue?.first?["severity"]
        #expect(severity == 3)
    }

    @Test func pullsTheSettingsFromAClientThatOffersThem() throws {
        let server = try SpawnedServer()
        server.initialize(capabilities: FeatureFixtures.capabilities(configuration: true))
        let request = try #require(server.waitFor { $0["method"] == "workspace/configuration" })
        #expect(request["params"]?["items"]?.arrayValue?.first?["section"] == "byline")
        server.send(["jsonrpc": "2.0", "id": try #require(request["id"]), "result": [["speechVerbs": ["drawled"]]]])
        let marked = MarkedText("“The harbour never sleeps, and neither do we,” drawled 1️⃣Jan Smit2️⃣.")
        server.open(FeatureFixtures.uri, marked.text)
        let result = try #require(server.call("byline/annotations", ["textDocument": FeatureFixtures.document]))
        let quote = result["quotes"]?.arrayValue?.first
        #expect(quote?["speaker"]?["text"] == "Jan Smit")
        #expect(quote?["cue"]?["text"] == "drawled")
    }

    @Test func asksClientsThatCanToRefreshAfterASettingsChange() throws {
        let server = try SpawnedServer()
        var capabilities = FeatureFixtures.capabilities()
        if case .object(var object) = capabilities {
            object["workspace"] = ["semanticTokens": ["refreshSupport": true], "inlayHint": ["refreshSupport": true], "diagnostics": ["refreshSupport": true]]
            capabilities = .object(object)
        }
        server.initialize(capabilities: capabilities)
        server.open(FeatureFixtures.uri, FeatureFixtures.harbour.text)
        server.notify("workspace/didChangeConfiguration", ["settings": ["byline": ["highlight": ["person"]]]])
        for method in ["workspace/semanticTokens/refresh", "workspace/inlayHint/refresh", "workspace/diagnostic/refresh"] {
            let request = server.waitFor { $0["method"] == .string(method) }
            #expect(request?["id"]?.stringValue?.hasPrefix("byline-") == true, "\(method)")
            #expect(request?["params"] == nil, "\(method)")
        }
    }

    @Test func logsAMalformedSettingAndKeepsTheRest() throws {
        let server = try SpawnedServer()
        let initialized = server.initialize(capabilities: FeatureFixtures.capabilities(), options: ["highlight": ["person", "colour"], "inlayHints": "yes"])
        let legend = try #require(initialized?["capabilities"]?["semanticTokensProvider"]?["legend"])
        let warning = server.waitFor { $0["method"] == "window/logMessage" && $0["params"]?["message"]?.stringValue?.contains("colour") == true }
        #expect(warning != nil)
        server.open(FeatureFixtures.uri, FeatureFixtures.harbour.text)
        let data = try #require(server.call("textDocument/semanticTokens/full", ["textDocument": FeatureFixtures.document])?["data"]?.arrayValue)
        #expect(Set(FeatureFixtures.decode(data, legend: legend).map(\.type)) == ["person"])
    }
}

