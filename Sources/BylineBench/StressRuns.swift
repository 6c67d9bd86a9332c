import BylineJSON
import Foundation
import JSONRPC

/// Stress runs against the release `byline lsp`, with checks that fail the run: 100 MB of
/// didChange traffic, then a 50 MB document opened, edited and hovered. Each reports its
/// time and the server's peak resident memory. (Too slow for the debug build `swift test`
/// spawns; CI runs them on the release build.)
enum StressRuns {
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("byline-bench stress: FAILED: \(message)\n".utf8))
        exit(1)
    }

    static func run() {
        print("stress")
        didChangeTraffic(megabytes: 100)
        largeDocument(megabytes: 50)
    }

    /// Whole-text replacements of a ~10 KB article, alternating with ranged edits, until
    /// `megabytes` of frames have gone through; then the final text's annotations must equal
    /// those of a fresh open of the same text.
    static func didChangeTraffic(megabytes: Int) {
        let server = BenchServer()
        server.initialize()
        let uri = "file:///stress/traffic.txt"
        let base = FeatureBenchmarks.longArticle(words: 1_600)
        server.open(uri: uri, text: base)
        var sent = 0
        var version = 1
        var text = base
        let started = ContinuousClock.now
        while sent < megabytes << 20 {
            version += 1
            let frame: [UInt8]
            if version % 2 == 0 {
                text = base + "\n\n“Version \(version) of this paragraph, 😀 中文, said nobody at all,” the editor wrote."
                frame = Connection.frame(["jsonrpc": "2.0", "method": "textDocument/didChange", "params": [
                    "textDocument": ["uri": .string(uri), "version": .int(version)],
                    "contentChanges": [["text": .string(text)]],
                ]])
            } else {
                // Insert at the very start: a ranged edit in UTF-16 positions.
                let insertion = "Édition \(version). "
                text = insertion + text
                frame = Connection.frame(["jsonrpc": "2.0", "method": "textDocument/didChange", "params": [
                    "textDocument": ["uri": .string(uri), "version": .int(version)],
                    "contentChanges": [[
                        "range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]],
                        "text": .string(insertion),
                    ]],
                ]])
            }
            server.write(frame)
            sent += frame.count
            if version % 1000 == 0 {
                // A request in the middle of the storm is still answered.
                let hover = server.call("textDocument/hover", ["textDocument": ["uri": .string(uri)], "position": ["line": 2, "character": 3]])
                if hover["error"] != nil { fail("hover during the storm: \(hover)") }
            }
        }
        server.waitForPublishedVersion(uri: uri, version)
        let seconds = seconds(ContinuousClock.now - started)
        let edited = server.call("byline/annotations", ["textDocument": ["uri": .string(uri)]])
        let freshURI = "file:///stress/fresh.txt"
        server.open(uri: freshURI, text: text)
        let fresh = server.call("byline/annotations", ["textDocument": ["uri": .string(freshURI)]])
        guard let editedResult = edited["result"], let freshResult = fresh["result"] else { fail("no annotations: \(edited) \(fresh)") }
        if stripped(editedResult) != stripped(freshResult) {
            var a: [UInt8] = [], b: [UInt8] = []
            stripped(editedResult).write(to: &a)
            stripped(freshResult).write(to: &b)
            _ = FileManager.default.createFile(atPath: "/tmp/byline-stress-edited.json", contents: Data(a))
            _ = FileManager.default.createFile(atPath: "/tmp/byline-stress-fresh.json", contents: Data(b))
            fail("after \(version) edits the annotations differ from a fresh open (both in /tmp/byline-stress-*.json)")
        }
        Measure.report("\(sent >> 20) MB of didChange (\(version - 1) frames) through byline lsp",
                       "\(Measure.format(seconds, 1)) s, \(Measure.format(Double(sent) / 1_048_576 / seconds, 0)) MB/s, peak RSS \(FeatureBenchmarks.peakRSS(server)) MB")
        server.finish()
        if server.process.terminationStatus != 0 { fail("exit status \(server.process.terminationStatus) after shutdown") }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The annotation object without what names the document (its path) or its version.
    static func stripped(_ result: JSON) -> JSON {
        guard case .object(var object) = result else { return result }
        object["path"] = nil
        object["uri"] = nil
        object["version"] = nil
        return .object(object)
    }

    /// Opens a `megabytes` document, edits its middle, and hovers.
    static func largeDocument(megabytes: Int) {
        let server = BenchServer()
        server.initialize()
        let uri = "file:///stress/large.txt"
        let paragraph = FeatureBenchmarks.longArticle(words: 20_000).dropFirst("date 2016-10-12\n\n".count)
        var text = "date 2016-10-12\n\n"
        while text.utf8.count < megabytes << 20 { text += paragraph + "\n\n" }
        let lines = text.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        var started = ContinuousClock.now
        server.open(uri: uri, text: text)
        server.waitForPublishedVersion(uri: uri, 1)
        let opened = ContinuousClock.now - started
        started = ContinuousClock.now
        server.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(uri), "version": 2],
            "contentChanges": [["range": ["start": ["line": .int(lines / 2), "character": 0], "end": ["line": .int(lines / 2), "character": 0]], "text": "Mr. Okafor said so. "]],
        ])
        server.waitForPublishedVersion(uri: uri, 2)
        let edited = ContinuousClock.now - started
        let hover = server.call("textDocument/hover", ["textDocument": ["uri": .string(uri)], "position": ["line": .int(lines / 2), "character": 6]])
        if hover["result"]?["contents"] == nil { fail("no hover on the edited line of the large document: \(hover)") }
        Measure.report("\(text.utf8.count >> 20) MB document: open → diagnostics",
                       "\(Measure.format(seconds(opened), 1)) s, then an edit → diagnostics \(Measure.format(seconds(edited), 1)) s, peak RSS \(FeatureBenchmarks.peakRSS(server)) MB")
        server.finish()
        if server.process.terminationStatus != 0 { fail("exit status \(server.process.terminationStatus) after shutdown") }
    }
}
