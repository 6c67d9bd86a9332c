import BylineEngine
import BylineJSON
import BylineTestSupport
import Testing
@testable import BylineServer

@Suite struct TextSyncTests {
    let uri = "file:///story.txt"

    @Test(arguments: PositionEncoding.allCases)
    func appliesRangedEditsAfterEmojiCJKAndCombiningMarks(_ encoding: PositionEncoding) {
        let server = TestServer()
        server.initialize(encodings: [encoding.rawValue])
        let marked = MarkedText("Line 😀 中文 e\u{0301}1️⃣ one\r\nTwo 👩‍👩‍👧 2️⃣said\rThree")
        server.open(uri, marked.text)
        let start = marked.position("1️⃣", encoding)
        let end = marked.position("2️⃣", encoding)
        server.change(uri, version: 2, [["range": ["start": start.jsonValue, "end": end.jsonValue], "text": "—🇫🇷—"]])
        #expect(server.text(of: uri) == "Line 😀 中文 e\u{0301}—🇫🇷—said\rThree")
        #expect(server.server.documents.snapshot(uri)?.version == 2)
    }

    @Test func appliesSeveralChangesInOrderAndFullReplacements() {
        let server = TestServer()
        server.initialize()
        server.open(uri, "abc")
        server.change(uri, version: 2, [
            ["range": range((0, 3), (0, 3)), "text": "\nd"],
            ["range": range((1, 0), (1, 0)), "text": "😀"],
            ["range": range((1, 2), (1, 3)), "text": "e"],
        ])
        #expect(server.text(of: uri) == "abc\n😀e")
        server.change(uri, version: 3, [["text": "fresh"]])
        #expect(server.text(of: uri) == "fresh")
    }

    @Test func clampsAnEditOutsideTheDocumentAndLogsIt() {
        let server = TestServer()
        server.initialize()
        server.open(uri, "one\ntwo")
        server.change(uri, version: 2, [["range": range((1, 1), (40, 2)), "text": "X"]])
        #expect(server.text(of: uri) == "one\ntX")
        let logged = server.sink.waitFor { $0["method"] == "window/logMessage" }
        #expect(logged?["params"]?["message"]?.stringValue?.contains("outside the document") == true)
        // The server goes on serving.
        server.change(uri, version: 3, [["range": range((0, 0), (0, 0)), "text": ">"]])
        #expect(server.text(of: uri) == ">one\ntX")
    }

    @Test func reordersABackwardsRange() {
        let server = TestServer()
        server.initialize()
        server.open(uri, "abcdef")
        server.change(uri, version: 2, [["range": range((0, 4), (0, 1)), "text": ""]])
        #expect(server.text(of: uri) == "aef")
    }

    @Test func logsAndIgnoresAChangeToADocumentThatIsNotOpen() {
        let server = TestServer()
        server.initialize()
        server.change("file:///never.txt", version: 2, [["text": "x"]])
        #expect(server.text(of: "file:///never.txt") == nil)
        #expect(server.sink.waitFor { $0["params"]?["message"]?.stringValue?.contains("not open") == true } != nil)
    }

    @Test func ignoresAChangeWithInvalidParamsWithoutLosingTheDocument() {
        let server = TestServer()
        server.initialize()
        server.open(uri, "abc")
        server.change(uri, version: 2, [["range": ["start": ["line": -1, "character": 0]], "text": "x"]])
        server.notify("textDocument/didChange", ["textDocument": ["uri": .string(uri)]])
        #expect(server.text(of: uri) == "abc")
        #expect(server.sink.waitFor { $0["params"]?["message"]?.stringValue?.contains("contentChanges[0].range.start.line") == true } != nil)
    }

    @Test func closingForgetsTheDocumentAndClearsItsDiagnostics() {
        let server = TestServer()
        server.initialize()
        server.open(uri, "abc")
        server.notify("textDocument/didSave", ["textDocument": ["uri": .string(uri)]])
        server.notify("textDocument/didClose", ["textDocument": ["uri": .string(uri)]])
        #expect(server.text(of: uri) == nil)
        let cleared = server.sink.waitFor { $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["version"] == nil }
        #expect(cleared?["params"]?["diagnostics"] == [])
    }

    @Test func matchesAReferenceStringThroughThousandsOfRandomEdits() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", " ", "\n", "\r\n", "😀", "中", "e\u{0301}", "Putin", "\r", "🇫🇷"]
        for encoding in PositionEncoding.allCases {
            let server = TestServer()
            server.initialize(encodings: [encoding.rawValue])
            var reference = "date 2022-12-30\n\nStart"
            server.open(uri, reference)
            for version in 2..<700 {
                let scalars = Array(reference.unicodeScalars)
                func boundary(_ offset: Int) -> Int {
                    offset > 0 && offset < scalars.count && scalars[offset - 1] == "\r" && scalars[offset] == "\n" ? offset - 1 : offset
                }
                let a = boundary(Int.random(in: 0...scalars.count, using: &generator))
                let b = boundary(Int.random(in: a...min(scalars.count, a + 6), using: &generator))
                let insertion = (0..<Int.random(in: 0...3, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
                let indexed = IndexedText(reference)
                let start = indexed.position(ofByte: indexed.byteOffset(ofScalar: a), encoding: encoding)
                let end = indexed.position(ofByte: indexed.byteOffset(ofScalar: b), encoding: encoding)
                server.change(uri, version: version, [["range": ["start": start.jsonValue, "end": end.jsonValue], "text": .string(insertion)]])
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[0..<a])
                view.append(contentsOf: insertion.unicodeScalars)
                view.append(contentsOf: scalars[b...])
                reference = String(view)
            }
            #expect(server.text(of: uri) == reference, "\(encoding)")
        }
    }
}
