import BylineEngine
import BylineJSON
import BylineTestSupport
import Foundation
import Testing

/// Spawns the built `byline lsp` and drives a whole session over real pipes and frames.
@Suite(.serialized) struct SessionTests {
    @Test func aWholeSessionWithManyEditsEndsCleanly() throws {
        let server = try SpawnedServer()
        let result = try #require(server.initialize())
        #expect(result["capabilities"]?["positionEncoding"] == "utf-16")
        #expect(result["serverInfo"]?["name"] == "byline")

        let uri = "file:///tmp/session.txt"
        var title = "Talks 😀 in 中文 café"
        var body = "First line.\r\nSecond 👩‍👩‍👧 line."
        func text() -> String { "title \(title)\ndate 2022-12-30\n\n\(body)" }
        server.notify("textDocument/didOpen", [
            "textDocument": ["uri": .string(uri), "languageId": "plaintext", "version": 1, "text": .string(text())]
        ])

        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "😀", "中", "e\u{0301}", "🇫🇷", "Z", "ß"]
        for version in 2...300 {
            // Edit inside the title (line 0, after "title ") through UTF-16 positions.
            let titleScalars = Array(title.unicodeScalars)
            let a = Int.random(in: 1...titleScalars.count, using: &generator)
            let b = Int.random(in: a...min(titleScalars.count, a + 3), using: &generator)
            let insertion = (0..<Int.random(in: 0...2, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let document = IndexedText(text())
            let lineStart = "title ".utf8.count
            let startByte = lineStart + String(String.UnicodeScalarView(titleScalars[0..<a])).utf8.count
            let endByte = lineStart + String(String.UnicodeScalarView(titleScalars[0..<b])).utf8.count
            let range: JSON = [
                "start": document.position(ofByte: startByte, encoding: .utf16).jsonValue,
                "end": document.position(ofByte: endByte, encoding: .utf16).jsonValue,
            ]
            var view = String.UnicodeScalarView()
            view.append(contentsOf: titleScalars[0..<a])
            view.append(contentsOf: insertion.unicodeScalars)
            view.append(contentsOf: titleScalars[b...])
            title = String(view)
            var changes: [JSON] = [["range": range, "text": .string(insertion)]]
            if version % 50 == 0 {
                // Now and then a whole-text replacement, as some clients send.
                body += " More 😀."
                changes.append(["text": .string(text())])
            }
            server.notify("textDocument/didChange", [
                "textDocument": ["uri": .string(uri), "version": .int(version)], "contentChanges": .array(changes),
            ])
        }
        let id = server.request("byline/annotations", ["textDocument": ["uri": .string(uri)]])
        let annotations = try #require(server.response(to: id)?["result"])
        #expect(annotations["metadata"]?["title"] == .string(title))
        #expect(annotations["date"] == "2022-12-30")
        #expect(annotations["version"] == 300)
        #expect(server.waitFor { $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["version"] == 300 } != nil)

        let shutdown = server.request("shutdown")
        #expect(server.response(to: shutdown)?["result"] == .null)
        server.notify("exit")
        #expect(server.waitForExit() == 0)
        #expect(!server.messages.contains { $0["error"] != nil })
    }

    @Test func negotiatesUTF8AndAnswersInIt() throws {
        let server = try SpawnedServer()
        #expect(server.initialize(encodings: ["utf-16", "utf-8"])?["capabilities"]?["positionEncoding"] == "utf-8")
        server.notify("exit")
        #expect(server.waitForExit() == 1)
    }

    @Test func endOfInputAfterShutdownExitsWithZero() throws {
        let server = try SpawnedServer()
        server.initialize()
        #expect(server.response(to: server.request("shutdown")) != nil)
        server.closeInput()
        #expect(server.waitForExit() == 0)
    }

    @Test func endOfInputWithoutShutdownExitsWithOne() throws {
        let server = try SpawnedServer()
        server.initialize()
        server.closeInput()
        #expect(server.waitForExit() == 1)
    }

    @Test func aClientThatVanishesMidFrameEndsTheServerCleanly() throws {
        let server = try SpawnedServer()
        server.initialize()
        server.sendRaw(Array("Content-Length: 500\r\n\r\n{\"jsonrpc\":\"2.0\",".utf8))
        server.closeInput()
        #expect(server.waitForExit() == 1)
        #expect(server.logs("ended inside a frame"))
    }
}

/// The engine's findings reach the editor: diagnostics with exact UTF-16 ranges.
@Suite struct PublishedDiagnosticsTests {
    @Test func publishesAnUnattributedQuoteWithItsUTF16Range() throws {
        let marked = MarkedText("date 2025-03-14\n\nTalks 😀 in 中文 ended. Nobody moved.\n\n1️⃣“We have heard promises like this before, and nothing changed.”2️⃣\n")
        let server = try SpawnedServer()
        server.initialize()
        server.notify("textDocument/didOpen", [
            "textDocument": ["uri": "file:///tmp/quote.txt", "languageId": "plaintext", "version": 1, "text": .string(marked.text)]
        ])
        let published = try #require(server.waitFor {
            $0["method"] == "textDocument/publishDiagnostics" && ($0["params"]?["diagnostics"]?.arrayValue?.isEmpty == false)
        })
        let diagnostic = try #require(published["params"]?["diagnostics"]?.arrayValue?.first)
        #expect(diagnostic["code"] == "unattributed-quote")
        #expect(diagnostic["severity"] == 2)
        #expect(diagnostic["range"] == ["start": marked.position("1️⃣").jsonValue, "end": marked.position("2️⃣").jsonValue])
        server.notify("exit")
        #expect(server.waitForExit() == 1)
    }
}

/// A stray `print` in the server must land in the log, never in the protocol stream: the
/// server points its file descriptor 1 at standard error once it has set the real stdout aside.
@Suite struct StdoutRedirectionTests {
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/fd"), "needs /proc"))
    func standardOutputPointsAtStandardErrorInServerMode() throws {
        let server = try SpawnedServer()
        #expect(server.initialize() != nil)  // the server is up, past its start-up
        let fds = "/proc/\(server.process.processIdentifier)/fd"
        let stdout = try FileManager.default.destinationOfSymbolicLink(atPath: fds + "/1")
        let stderr = try FileManager.default.destinationOfSymbolicLink(atPath: fds + "/2")
        #expect(stdout == stderr)
        server.notify("exit")
        #expect(server.waitForExit() == 1)
    }
}
