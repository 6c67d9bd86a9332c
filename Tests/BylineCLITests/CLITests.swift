import BylineJSON
import BylineTestSupport
import Foundation
import Testing
@testable import BylineCLI

/// Standard streams in memory.
final class MemoryIO: CommandIO {
    var input: [UInt8]
    var output: [UInt8] = []
    var errors = ""
    var outputIsTerminal: Bool
    var variables: [String: String]

    init(input: String = "", terminal: Bool = false, environment: [String: String] = [:]) {
        self.input = Array(input.utf8)
        self.outputIsTerminal = terminal
        self.variables = environment
    }

    func readAllInput() -> [UInt8] { input }
    func forEachInputLine(_ body: ([UInt8]) -> Void) {
        for line in input.split(separator: 0x0A, omittingEmptySubsequences: false) { body(Array(line)) }
    }
    func write(_ bytes: [UInt8]) { output.append(contentsOf: bytes) }
    func writeError(_ text: String) { errors += text }
    func flush() {}
    func environment(_ name: String) -> String? { variables[name] }

    var outputText: String { String(decoding: output, as: UTF8.self) }
    var outputLines: [JSON] { outputText.split(separator: "\n").map { try! JSON.parse(String($0)) } }
}

/// A temporary file holding `text`, removed when the test ends.
func temporaryFile(_ bytes: [UInt8], suffix: String = ".txt") throws -> String {
    let path = NSTemporaryDirectory() + "byline-\(UUID().uuidString)\(suffix)"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
}

@Suite struct AnnotateCommandTests {
    @Test func annotatesAFileAsJSONWithCodePointOffsetsAndThePath() throws {
        let marked = MarkedText(" date 2022-12-30 \n\n😀 中文 Talks in 1️⃣Moscow2️⃣ ended.")
        let path = try temporaryFile(Array(marked.text.utf8))
        let io = MemoryIO()
        #expect(BylineCommand.main(["annotate", "--format", "json", path], io: io) == 0)
        let object = try JSON.parse(io.output)
        #expect(object["path"] == .string(path))
        #expect(object["date"] == "2022-12-30")
        #expect(object["quotes"] == [])
        let moscow = try #require(object["entities"]?.arrayValue?.first { $0["name"] == "Moscow" })
        #expect(moscow["type"] == "GPE")
        #expect(moscow["mentions"] == [[
            "start": .int(marked.scalarOffset("1️⃣")), "end": .int(marked.scalarOffset("2️⃣")), "text": "Moscow", "type": "GPE",
        ]])
        #expect(moscow["facts"]?["country"] == "Russia")
    }

    @Test func defaultsToJSONWhenOutputIsNotATerminal() throws {
        let io = MemoryIO(input: "date 2023-01-05\n\nText")
        #expect(BylineCommand.main(["annotate"], io: io) == 0)
        #expect(try JSON.parse(io.output)["date"] == "2023-01-05")
    }

    @Test func theDateOptionOverridesTheHeader() throws {
        let io = MemoryIO(input: "date 2023-01-05\n\nText")
        #expect(BylineCommand.main(["annotate", "--format=json", "--date", "2020-02-29", "-"], io: io) == 0)
        #expect(try JSON.parse(io.output)["date"] == "2020-02-29")
    }

    @Test func writesAnArrayForSeveralFilesAndReportsAnUnreadableOne() throws {
        let first = try temporaryFile(Array("a".utf8))
        let io = MemoryIO()
        #expect(BylineCommand.main(["annotate", "--format", "json", first, "/nonexistent/story.txt"], io: io) == 1)
        let array = try JSON.parse(io.output).arrayValue ?? []
        #expect(array.count == 2)
        #expect(array.last?["error"] == "no such file")
        #expect(io.errors.contains("/nonexistent/story.txt"))
    }

    @Test func writesOneLinePerFileInJSONL() throws {
        let first = try temporaryFile(Array("date 2022-01-01\n\na".utf8))
        let second = try temporaryFile(Array("b".utf8), suffix: ".md")
        let io = MemoryIO()
        #expect(BylineCommand.main(["annotate", "--format", "jsonl", first, second], io: io) == 0)
        #expect(io.outputLines.map { $0["date"] } == ["2022-01-01", JSON.null])
    }

    @Test func repairsInvalidUTF8AndKeepsOffsetsConsistent() throws {
        let path = try temporaryFile([0x61, 0xFF, 0x62, 0x0A])
        let io = MemoryIO()
        #expect(BylineCommand.main(["annotate", "--format", "json", path], io: io) == 0)
        #expect(try JSON.parse(io.output)["entities"] == [])
    }

    @Test(arguments: [
        ["annotate", "--format", "xml"], ["annotate", "--date", "2022-02-30"], ["annotate", "--date"],
        ["annotate", "--colour"], ["check", "--strict"], ["frobnicate"],
    ])
    func rejectsBadUsageWithStatusTwo(_ arguments: [String]) {
        let io = MemoryIO()
        #expect(BylineCommand.main(arguments, io: io) == 2)
        #expect(!io.errors.isEmpty)
        #expect(io.output.isEmpty)
    }

    @Test func rendersTextWithoutColourWhenNotATerminal() throws {
        let io = MemoryIO(input: "date 2022-12-30\n\nSome text.", terminal: false)
        #expect(BylineCommand.main(["annotate", "--format", "text"], io: io) == 0)
        #expect(!io.outputText.contains("\u{1B}["))
        #expect(io.outputText.contains("Some text."))
        #expect(io.outputText.contains("date: 2022-12-30"))
    }

    @Test func respectsNoColourOnATerminal() throws {
        let coloured = MemoryIO(input: "Text", terminal: true)
        #expect(BylineCommand.main(["annotate"], io: coloured) == 0)
        #expect(coloured.outputText.contains("date: unknown"))
        let plain = MemoryIO(input: "Text", terminal: true, environment: ["NO_COLOR": "1"])
        #expect(BylineCommand.main(["annotate"], io: plain) == 0)
        #expect(!plain.outputText.contains("\u{1B}["))
    }
}

@Suite struct BatchModeTests {
    @Test func annotatesEachLineInOrderAndReportsBadLinesWithoutStopping() {
        let input = [
            #"{"id": "a", "text": "date 2022-12-30\n\nOne.", "date": null}"#,
            #"not json"#,
            #"{"id": "b", "text": "Two.", "date": "2021-06-01"}"#,
            "",
            #"{"id": "c"}"#,
            #"{"id": 4, "text": "Four."}"#,
            #"{"id": "e", "text": "Five.", "date": "June 1"}"#,
            #"[1]"#,
            #"{"text": "no id"}"#,
            "{\"id\": \"f\", \"text\": \"Six.\"}\r",
        ].joined(separator: "\n")
        let io = MemoryIO(input: input)
        #expect(BylineCommand.main(["annotate", "--format", "jsonl"], io: io) == 1)
        let lines = io.outputLines
        #expect(lines.map { $0["id"] } == ["a", JSON.null, "b", "c", 4, "e", JSON.null, JSON.null, "f"])
        #expect(lines.map { $0["error"] == nil } == [true, false, true, false, true, false, false, false, true])
        #expect(lines[0]["date"] == "2022-12-30")
        #expect(lines[2]["date"] == "2021-06-01")
        #expect(lines[1]["error"]?.stringValue?.hasPrefix("line 2:") == true)
    }

    @Test func exitsZeroWhenEveryLineIsGood() {
        let io = MemoryIO(input: #"{"id": "a", "text": "One."}"# + "\n")
        #expect(BylineCommand.main(["annotate", "--format", "jsonl", "--date", "2020-01-01"], io: io) == 0)
        #expect(io.outputLines.first?["date"] == "2020-01-01")
        #expect(io.outputLines.first?.objectValue?.keys.first == "id")
    }
}

@Suite struct CheckAndHelpTests {
    @Test func checkPrintsNothingAndSucceedsForACleanArticle() throws {
        let path = try temporaryFile(Array("date 2022-12-30\n\nA calm day.".utf8))
        let io = MemoryIO()
        #expect(BylineCommand.main(["check", path], io: io) == 0)
        #expect(io.output.isEmpty)
    }

    @Test func checkReportsAnUnreadableFileAsAnError() {
        let io = MemoryIO()
        #expect(BylineCommand.main(["check", "/nonexistent/x.txt"], io: io) == 1)
        #expect(io.outputText == "/nonexistent/x.txt:1:1: error: no such file [unreadable-file]\n")
    }

    @Test func printsVersionAndHelp() {
        let version = MemoryIO()
        #expect(BylineCommand.main(["--version"], io: version) == 0)
        #expect(version.outputText == "byline 0.1.0\n")
        let help = MemoryIO()
        #expect(BylineCommand.main(["help"], io: help) == 0)
        #expect(help.outputText.contains("byline annotate"))
        #expect(help.outputText.contains("byline lsp"))
    }
}
