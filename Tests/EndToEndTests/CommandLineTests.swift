import BylineJSON
import BylineTestSupport
import Foundation
import Testing

/// The `byline` commands, run as a user runs them.
@Suite struct CommandLineTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func run(_ arguments: [String], input: String = "") throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = bylineExecutableURL()
        process.arguments = arguments
        process.currentDirectoryURL = Self.packageRoot
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }

    @Test func annotatesTheSampleArticle() throws {
        let result = try run(["annotate", "--format", "json", "examples/harbour-talks.txt"])
        #expect(result.status == 0)
        let object = try JSON.parse(result.output)
        #expect(object["path"] == "examples/harbour-talks.txt")
        #expect(object["date"] == "2025-03-14")
    }

    @Test func batchModeStreamsLinesAndFailsAtTheEndOnABadOne() throws {
        let result = try run(["annotate", "--format", "jsonl"], input: "{\"id\":\"1\",\"text\":\"a\"}\n{oops\n{\"id\":\"2\",\"text\":\"b\"}\n")
        #expect(result.status == 1)
        let lines = result.output.split(separator: "\n").map { try? JSON.parse(String($0)) }
        #expect(lines.map { $0?["id"] } == ["1", JSON.null, "2"])
    }

    @Test func checkPrintsTheUnattributedQuoteOfTheSampleAndFails() throws {
        let result = try run(["check", "examples/harbour-talks.txt"])
        #expect(result.status == 1)
        #expect(result.output == "examples/harbour-talks.txt:11:28: warning: No one is credited with this quotation. Who said it? [unattributed-quote]\n")
    }

    @Test func printsTheVersion() throws {
        let result = try run(["--version"])
        #expect(result.status == 0)
        #expect(result.output == "byline 0.1.0\n")
    }

    @Test func theStdioSpellingStartsTheServer() throws {
        let server = try SpawnedServer(arguments: ["--stdio"])
        #expect(server.initialize()?["serverInfo"]?["name"] == "byline")
        server.notify("exit")
        #expect(server.waitForExit() == 1)
    }
}
