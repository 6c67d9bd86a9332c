import BylineEngine
import BylineJSON
import BylineTestSupport
import Foundation

/// Articles the feature tests share. Emoji and CJK stand before the entities, so that UTF-16
/// columns differ from code points and bytes.
enum FeatureFixtures {
    static let uri = "file:///tmp/byline-features/harbour.txt"

    static let harbour = MarkedText("""
        date 2025-03-14

        😀 中文 1️⃣Marieke de Vries2️⃣ chairs the port board in 3️⃣Rotterdam4️⃣.

        5️⃣“Joint inspections will cut waiting times for inland barges by a third,”6️⃣ said Marieke de Vries. 7️⃣She8️⃣ said the first shared terminal would open in the autumn.

        Not everyone is convinced. 9️⃣“We have heard promises like this before, and the queues never got shorter.”
        """)

    /// The LSP `initialize` capabilities of a modern client.
    static func capabilities(markdown: Bool = true, multiline: Bool = false, related: Bool = true, configuration: Bool = false) -> JSON {
        [
            "general": ["positionEncodings": ["utf-16"]],
            "textDocument": [
                "hover": ["contentFormat": markdown ? ["markdown", "plaintext"] : ["plaintext"]],
                "semanticTokens": ["multilineTokenSupport": .bool(multiline)],
                "publishDiagnostics": ["relatedInformation": .bool(related)],
                "diagnostic": ["dynamicRegistration": false],
            ],
            "workspace": ["configuration": .bool(configuration)],
        ]
    }

    /// A server with `harbour` open, its first diagnostics published.
    static func serverWithHarbour(markdown: Bool = true, multiline: Bool = false) throws -> SpawnedServer {
        let server = try SpawnedServer()
        server.initialize(capabilities: capabilities(markdown: markdown, multiline: multiline))
        server.open(uri, harbour.text)
        _ = server.waitFor { $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"] == .string(uri) }
        return server
    }

    static var document: JSON { ["uri": .string(uri)] }

    /// Decoded semantic tokens: (line, character, length, type name, modifier names).
    struct Token: Equatable, CustomStringConvertible {
        var line: Int
        var character: Int
        var length: Int
        var type: String
        var modifiers: [String]
        var description: String { "\(line):\(character)+\(length) \(type)\(modifiers.isEmpty ? "" : " " + modifiers.joined(separator: ","))" }
    }

    static func decode(_ data: [JSON], legend: JSON) -> [Token] {
        let types = legend["tokenTypes"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let modifiers = legend["tokenModifiers"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let numbers = data.compactMap(\.intValue)
        var tokens: [Token] = []
        var line = 0
        var character = 0
        for start in stride(from: 0, to: numbers.count - 4, by: 5) {
            line += numbers[start]
            character = numbers[start] == 0 ? character + numbers[start + 1] : numbers[start + 1]
            let bits = numbers[start + 4]
            tokens.append(Token(
                line: line, character: character, length: numbers[start + 2], type: types[numbers[start + 3]],
                modifiers: modifiers.indices.filter { bits & (1 << $0) != 0 }.map { modifiers[$0] }))
        }
        return tokens
    }

    static func integers(_ json: JSON?) -> [Int]? { json?.arrayValue?.compactMap { $0.intValue } }

    /// A fresh folder under the temporary directory, for workspace tests.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("byline-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
