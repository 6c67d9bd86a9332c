import BylineEngine
import BylineJSON
import BylineTestSupport
import Testing
@testable import BylineServer

/// Ten thousand random edits through the server, with analyses running between them (and
/// so reusing each other's tokens), must end in exactly the annotations of a fresh open of
/// the final text.
@Suite struct ConsistencyTests {
    static let start = """
        date 2022-12-30

        MOSCOW (Reuters) — Russian President Vladimir Putin met Chinese leader Xi Jinping on Friday.

        “We will finish what we started,” Mr. Putin said. He added that the U.S. was “wrong”.

        Officials said talks would resume in the spring, according to the Kremlin.

        😀 中文 café: Anna Kowalczyk, 45, told reporters the deal was worth $3.5 billion — a 20% rise.\r\n\r\n“The harbour never sleeps,\r\nand neither do we.”
        """
    static let pieces = ["a", " ", "\n", "\n\n", "“", "”", "\"", "'", ".", "Putin", " said", "😀", "é", "-", "\r\n", "Mr.", "Xi", "e\u{301}", ""]

    @Test func tenThousandEditsEndWhereAFreshOpenStarts() throws {
        let server = TestServer()
        server.initialize()
        let uri = "file:///consistency.txt"
        server.open(uri, Self.start)
        var text = Self.start
        var generator = SeededGenerator(seed: 42)
        // The first 300 edits wait for their diagnostics, so that each analysis reuses the
        // one before it across a single edit; the next ten thousand come as fast as they can.
        let paced = 300
        for version in 2...(paced + 10_001) {
            let indexed = IndexedText(text)
            let scalars = Array(text.unicodeScalars)
            // Edits at the edges as well as inside.
            var start = version <= paced ? Int.random(in: 0...scalars.count, using: &generator)
                : [0, scalars.count, Int.random(in: 0...scalars.count, using: &generator)].randomElement(using: &generator)!
            var end = min(scalars.count, start + Int.random(in: 0...5, using: &generator))
            // LSP has no position between the CR and the LF of a line break.
            func insideCRLF(_ index: Int) -> Bool { index > 0 && index < scalars.count && scalars[index - 1] == "\r" && scalars[index] == "\n" }
            if insideCRLF(start) { start -= 1 }
            if insideCRLF(end) { end -= 1 }
            let insertion = (0..<Int.random(in: 0...2, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let startByte = indexed.byteOffset(ofScalar: start)
            let endByte = indexed.byteOffset(ofScalar: end)
            let range: JSON = [
                "start": indexed.position(ofByte: startByte, encoding: .utf16).jsonValue,
                "end": indexed.position(ofByte: endByte, encoding: .utf16).jsonValue,
            ]
            server.change(uri, version: version, [["range": range, "text": .string(insertion)]])
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[0..<start])
            view.append(contentsOf: insertion.unicodeScalars)
            view.append(contentsOf: scalars[end...])
            text = String(view)
            if version <= paced {
                let published = server.sink.waitFor { $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["version"] == .int(version) }
                #expect(published != nil, "no diagnostics for version \(version)")
            }
            if version == paced { try expectSameAsFresh(server, uri, text, "after the paced edits") }
            // Every 500 edits, and at the end, the annotations must be a fresh open's.
            if version % 500 == 1 {
                try expectSameAsFresh(server, uri, text, "after \(version - 1) edits")
                // Keep the article an article: restore paragraphs that random edits wore away.
                if text.components(separatedBy: "\n\n").count < 4 {
                    let whole = IndexedText(text)
                    let end = whole.position(ofByte: whole.utf8Count, encoding: .utf16).jsonValue
                    server.change(uri, version: version, [["range": ["start": end, "end": end], "text": .string("\n\n" + Self.start)]])
                    text += "\n\n" + Self.start
                }
            }
        }
        #expect(server.text(of: uri) == text)
    }

    func expectSameAsFresh(_ server: TestServer, _ uri: String, _ text: String, _ when: String) throws {
        #expect(server.text(of: uri) == text, "\(when)")
        var edited = try #require(server.call("byline/annotations", ["textDocument": ["uri": .string(uri)]])["result"]?.objectValue)
        let freshURI = "file:///fresh-\(when.hashValue).txt"
        server.open(freshURI, text)
        var fresh = try #require(server.call("byline/annotations", ["textDocument": ["uri": .string(freshURI)]])["result"]?.objectValue)
        server.notify("textDocument/didClose", ["textDocument": ["uri": .string(freshURI)]])
        for key in ["uri", "version"] {
            edited[key] = nil
            fresh[key] = nil
        }
        #expect(JSON.object(edited) == JSON.object(fresh), "\(when)")
    }
}
