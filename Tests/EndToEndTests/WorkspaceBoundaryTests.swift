import BylineJSON
import BylineTestSupport
import Foundation
import Testing

/// The server reads only inside the workspace folders the client declared: no symbolic link
/// (to a file, a folder or the facts file) takes it outside, and hidden folders are skipped.
@Suite(.serialized) struct WorkspaceBoundaryTests {
    @Test func readsNothingOutsideTheDeclaredFolders() throws {
        let workspace = try FeatureFixtures.temporaryFolder()
        let outside = try FeatureFixtures.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: workspace)
            try? FileManager.default.removeItem(at: outside)
        }
        let manager = FileManager.default
        func write(_ text: String, _ url: URL) throws { try text.write(to: url, atomically: true, encoding: .utf8) }
        try write("Chidi Okonjo said the harbour would reopen.", workspace.appendingPathComponent("local.txt"))
        try write("Pieter Verhaegen said the harbour would close.", outside.appendingPathComponent("elsewhere.txt"))
        try manager.createSymbolicLink(at: workspace.appendingPathComponent("linked-file.txt"), withDestinationURL: outside.appendingPathComponent("elsewhere.txt"))
        let far = outside.appendingPathComponent("far")
        try manager.createDirectory(at: far, withIntermediateDirectories: true)
        try write("Ingrid Lindqvist said nothing at all.", far.appendingPathComponent("far.txt"))
        try manager.createSymbolicLink(at: workspace.appendingPathComponent("linked-folder"), withDestinationURL: far)
        let hidden = workspace.appendingPathComponent(".private")
        try manager.createDirectory(at: hidden, withIntermediateDirectories: true)
        try write("Miriam Castellano said the plan was secret.", hidden.appendingPathComponent("secret.txt"))
        // A facts file outside, linked in: malformed, so reading it would raise a diagnostic.
        try write("{ \"entities\": [ { \"name\": \"X\", \"type\": \"PLANET\" } ] }", outside.appendingPathComponent("byline.json"))
        try manager.createSymbolicLink(at: workspace.appendingPathComponent("byline.json"), withDestinationURL: outside.appendingPathComponent("byline.json"))

        let server = try SpawnedServer()
        server.initialize(capabilities: FeatureFixtures.capabilities(), rootURI: workspace.absoluteString)
        let local = try #require(server.call("workspace/symbol", ["query": "okonjo"])?.arrayValue)
        #expect(local.contains { $0["name"] == "Chidi Okonjo" })
        for name in ["verhaegen", "lindqvist", "castellano"] {
            let found = try #require(server.call("workspace/symbol", ["query": .string(name)])?.arrayValue)
            #expect(found.isEmpty, "\(name) was read from outside the workspace or a hidden folder")
        }
        Thread.sleep(forTimeInterval: 0.3)
        #expect(!server.messages.contains { $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.stringValue?.hasSuffix("byline.json") == true })
    }

    @Test func aFactsFileOverItsSizeLimitIsRefusedWithADiagnostic() throws {
        let workspace = try FeatureFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let huge = "{ \"entities\": [" + String(repeating: " ", count: 3 << 20) + "] }"
        try huge.write(to: workspace.appendingPathComponent("byline.json"), atomically: true, encoding: .utf8)
        let server = try SpawnedServer()
        server.initialize(capabilities: FeatureFixtures.capabilities(), rootURI: workspace.absoluteString)
        let published = try #require(server.waitFor {
            $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.stringValue?.hasSuffix("byline.json") == true
        })
        #expect(published["params"]?["diagnostics"]?.arrayValue?.first?["code"] == "invalid-workspace-facts")
    }
}
