import BylineEngine
import BylineJSON
import Foundation

/// Language features as an editor meets them, through a `byline lsp` process: hover and full
/// semantic tokens on the seed article, and the time from a keystroke (`didChange`) to its
/// `publishDiagnostics` on a 5,000-word article. Client-observed round trips, so the pipe
/// and JSON costs are included.
enum FeatureBenchmarks {
    static func seedText() -> (label: String, text: String) {
        let path = FileManager.default.currentDirectoryPath + "/../shared/corpus/seed-article.txt"
        if let data = FileManager.default.contents(atPath: path) { return ("seed article", String(decoding: data, as: UTF8.self)) }
        return ("generated 450-word article (../shared absent)", "date 2022-12-30\n\n" + EngineBenchmarks.generatedArticle(seed: 1).split(separator: " ").prefix(450).joined(separator: " "))
    }

    /// About `words` words of news prose in paragraphs, from the corpus when it is there.
    static func longArticle(words: Int) -> String {
        let (_, texts) = EngineBenchmarks.corpusTexts()
        var paragraphs: [String] = []
        var count = 0
        for text in texts {
            for paragraph in text.components(separatedBy: "\n\n") where !paragraph.isEmpty {
                paragraphs.append(paragraph)
                count += EngineBenchmarks.wordCount(paragraph)
                if count >= words { return "date 2016-10-12\n\n" + paragraphs.joined(separator: "\n\n") }
            }
        }
        return "date 2016-10-12\n\n" + paragraphs.joined(separator: "\n\n")
    }

    static func run() {
        print("features (client round trips through byline lsp)")
        let server = BenchServer()
        server.initialize()
        let (label, seed) = seedText()
        let seedURI = "file:///bench/seed.txt"
        server.open(uri: seedURI, text: seed)
        // The first person the article names: its first capitalised word after the header.
        let lines = seed.components(separatedBy: "\n")
        let line = lines.firstIndex { $0.count > 80 } ?? 0
        let character = lines[line].utf16.count / 3
        let position: JSON = ["line": .int(line), "character": .int(character)]
        for (name, method, params) in [
            ("hover, \(label)", "textDocument/hover", ["textDocument": ["uri": .string(seedURI)], "position": position] as JSON),
            ("semanticTokens/full, \(label)", "textDocument/semanticTokens/full", ["textDocument": ["uri": .string(seedURI)]] as JSON),
            ("documentSymbol, \(label)", "textDocument/documentSymbol", ["textDocument": ["uri": .string(seedURI)]] as JSON),
        ] {
            for _ in 0..<100 { _ = server.call(method, params) }
            var samples: [Double] = []
            for _ in 0..<2000 { samples.append(Measure.seconds { _ = server.call(method, params) } * 1000) }
            Measure.report(name, "p50 \(Measure.format(Measure.percentile(samples, 0.5), 3)) ms, p99 \(Measure.format(Measure.percentile(samples, 0.99), 3)) ms", target: method == "textDocument/documentSymbol" ? nil : "≤ 1 ms")
        }

        let long = longArticle(words: 5_000)
        let longURI = "file:///bench/long.txt"
        server.open(uri: longURI, text: long)
        server.waitForPublished(version: 1)
        let indexed = IndexedText(long)
        var version = 1
        func keystroke(_ insertion: String) {
            version += 1
            // Type at the end of the text's middle line.
            let middle = indexed.lineCount / 2
            let end = indexed.position(ofByte: indexed.lineContentEnds[middle], encoding: .utf16)
            let range: JSON = ["start": ["line": .int(end.line), "character": .int(end.character)], "end": ["line": .int(end.line), "character": .int(end.character)]]
            server.notify("textDocument/didChange", [
                "textDocument": ["uri": .string(longURI), "version": .int(version)],
                "contentChanges": [["range": range, "text": .string(insertion)]],
            ])
        }
        var samples: [Double] = []
        for round in 0..<400 {
            // Insert, then delete, so the text stays the same length.
            let seconds = Measure.seconds {
                keystroke(round % 2 == 0 ? "x" : "")
                server.waitForPublished(version: version)
            }
            if round >= 20 { samples.append(seconds * 1000) }
        }
        let article = Article(long)
        var analysis: [Double] = []
        for _ in 0..<200 { analysis.append(Measure.seconds { _ = Analyzer().analyze(article) } * 1000) }
        // The server's path: an edit in one paragraph re-tokenises that paragraph only.
        let edited = Article(String(long.prefix(long.count / 2)) + "x" + String(long.dropFirst(long.count / 2)))
        let (_, cache) = Analyzer().analyze(article, reusing: nil)
        var incremental: [Double] = []
        for round in 0..<200 {
            let target = round % 2 == 0 ? edited : article
            incremental.append(Measure.seconds { _ = Analyzer().analyze(target, reusing: cache) } * 1000)
        }
        Measure.report("  analysis after a one-letter edit, in process",
                       "p50 \(Measure.format(Measure.percentile(incremental, 0.5), 2)) ms, p99 \(Measure.format(Measure.percentile(incremental, 0.99), 2)) ms")
        Measure.report("  full analysis of the article, in process",
                       "p50 \(Measure.format(Measure.percentile(analysis, 0.5), 2)) ms, p99 \(Measure.format(Measure.percentile(analysis, 0.99), 2)) ms")
        Measure.report("didChange → publishDiagnostics as fast as possible, \(EngineBenchmarks.wordCount(long))-word article",
                       "p50 \(Measure.format(Measure.percentile(samples, 0.5), 2)) ms, p99 \(Measure.format(Measure.percentile(samples, 0.99), 2)) ms", target: "p99 ≤ 5 ms")
        // At typing speed: a keystroke every 100 ms, as an editor sends them.
        var typing: [Double] = []
        for round in 0..<60 {
            Thread.sleep(forTimeInterval: 0.1)
            typing.append(Measure.seconds {
                keystroke(round % 2 == 0 ? "x" : "")
                server.waitForPublished(version: version)
            } * 1000)
        }
        Measure.report("didChange → publishDiagnostics at typing speed (10/s), same article",
                       "p50 \(Measure.format(Measure.percentile(typing, 0.5), 2)) ms, p99 \(Measure.format(Measure.percentile(typing, 0.99), 2)) ms", target: "p99 ≤ 5 ms")

        // Peak memory with the gazetteers and every fact table in use: hover a country and
        // a city so that their facts are built.
        for probe in ["China", "Moscow", "Russian"] {
            if let line = seed.components(separatedBy: "\n").firstIndex(where: { $0.contains(probe) }) {
                let text = seed.components(separatedBy: "\n")[line]
                let column = text.components(separatedBy: probe)[0].utf16.count
                _ = server.call("textDocument/hover", ["textDocument": ["uri": .string(seedURI)], "position": ["line": .int(line), "character": .int(column)]])
            }
        }
        Measure.report("peak RSS of byline lsp, seed and 5,000-word articles open, facts in use", "\(peakRSS(server)) MB", target: "≤ 60 MB")

        // A 1 MB article: an edit re-analyses it, re-tokenising one paragraph.
        let megabyte = longArticle(words: 170_000)
        incrementalInProcess(megabyte)
        let bigURI = "file:///bench/big.txt"
        server.open(uri: bigURI, text: megabyte)
        let bigIndexed = IndexedText(megabyte)
        var bigVersion = 1
        server.waitForPublishedVersion(uri: bigURI, bigVersion)
        // Typing a letter and taking it out again, at two places: at the end of a line of
        // text in the middle (not on a blank line, which would join two paragraphs), and
        // inside the first name after the middle, which changes the article's entities.
        var middle = bigIndexed.lineCount / 2
        while middle + 1 < bigIndexed.lineCount, bigIndexed.lineContentEnds[middle] == bigIndexed.lineStarts[middle] { middle += 1 }
        let names = Analyzer().analyze(Article(megabyte)).entities.filter { $0.type == .person }.flatMap(\.mentions)
        let nameByte = names.map(\.span.start).filter { $0 > bigIndexed.lineStarts[middle] }.min() ?? bigIndexed.lineContentEnds[middle]
        for (label, byte) in [("typing in a line of text", bigIndexed.lineContentEnds[middle]), ("typing in a name", nameByte + 1)] {
            let place = bigIndexed.position(ofByte: byte, encoding: .utf16)
            func at(_ character: Int) -> JSON { ["line": .int(place.line), "character": .int(character)] }
            var big: [Double] = []
            for round in 0..<30 {
                bigVersion += 1
                let typed = round % 2 == 0
                let range: JSON = ["start": at(place.character), "end": at(typed ? place.character : place.character + 1)]
                big.append(Measure.seconds {
                    server.notify("textDocument/didChange", [
                        "textDocument": ["uri": .string(bigURI), "version": .int(bigVersion)],
                        "contentChanges": [["range": range, "text": .string(typed ? "x" : "")]],
                    ])
                    server.waitForPublishedVersion(uri: bigURI, bigVersion)
                } * 1000)
            }
            Measure.report("didChange → diagnostics, \(megabyte.utf8.count / 1000) KB, \(label)",
                           "p50 \(Measure.format(Measure.percentile(big, 0.5), 1)) ms, p99 \(Measure.format(Measure.percentile(big, 0.99), 1)) ms", target: "p99 ≤ 50 ms")
        }

        Measure.report("peak RSS of byline lsp, with the 1 MB article open too", "\(peakRSS(server)) MB")
        server.finish()
    }

    /// The engine alone on the 1 MB article: a one-letter edit, re-analysed with the
    /// previous analysis's state. Two places: inside an ordinary word, where the entities
    /// stay as they were and are kept, and inside a name, where they are clustered again.
    static func incrementalInProcess(_ text: String) {
        let original = Article(text)
        var (annotations, cache) = Analyzer().analyze(original, reusing: nil)
        let bytes = Array(text.utf8)
        let middle = bytes.count / 2
        // The same name the LSP round trips type into: the first person's after the middle line.
        let indexed = IndexedText(text)
        var middleLine = indexed.lineCount / 2
        while middleLine + 1 < indexed.lineCount, indexed.lineContentEnds[middleLine] == indexed.lineStarts[middleLine] { middleLine += 1 }
        let names = annotations.entities.filter { $0.type == .person }.flatMap(\.mentions)
        let nameEdit = (names.map(\.span.start).filter { $0 > indexed.lineStarts[middleLine] }.min() ?? middle) + 1
        // " the " in the running text, away from any name: "txhe" names nothing.
        var wordEdit = middle
        while wordEdit + 5 < bytes.count, !(bytes[wordEdit..<wordEdit + 5].elementsEqual(" the ".utf8)) { wordEdit += 1 }
        wordEdit += 2
        func inserting(at offset: Int) -> Article {
            Article(String(decoding: bytes[..<offset], as: UTF8.self) + "x" + String(decoding: bytes[offset...], as: UTF8.self))
        }
        let rounds = ProcessInfo.processInfo.environment["BYLINE_BENCH_ROUNDS"].flatMap(Int.init) ?? 20
        // BYLINE_BENCH_EDIT=word or =name runs one kind of edit alone (for profiling one path).
        let only = ProcessInfo.processInfo.environment["BYLINE_BENCH_EDIT"]
        let edits = [("word", "inside a word", wordEdit), ("name", "inside a name", nameEdit)].filter { only == nil || only == $0.0 }
        for (_, label, offset) in edits {
            let edited = inserting(at: offset)
            var samples: [Double] = []
            for round in 0..<rounds {
                let target = round % 2 == 0 ? edited : original
                samples.append(Measure.seconds { (annotations, cache) = Analyzer().analyze(target, reusing: cache) } * 1000)
            }
            Measure.report("  1 MB article, one-letter edit \(label), in process",
                           "p50 \(Measure.format(Measure.percentile(samples, 0.5), 1)) ms, p99 \(Measure.format(Measure.percentile(samples, 0.99), 1)) ms"
                               + " (kept: entities \(cache.keptEntities ? "yes" : "no"), reported speech of \(cache.keptReports) sentences)")
        }
    }

    /// The server's peak resident memory so far, in MB (Linux: VmHWM).
    static func peakRSS(_ server: BenchServer) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(server.process.processIdentifier)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return -1 }
        return (Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
    }
}
