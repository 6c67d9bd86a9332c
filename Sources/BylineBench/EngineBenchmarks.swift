import BylineEngine
import BylineJSON
import Foundation

/// Engine throughput and latency: words per second over the PolNeAR train texts (or
/// generated text when ../shared is absent), and the time for the seed article.
enum EngineBenchmarks {
    static func corpusTexts() -> (label: String, texts: [String]) {
        let path = FileManager.default.currentDirectoryPath + "/../shared/corpus/polnear-train.jsonl"
        if let data = FileManager.default.contents(atPath: path) {
            var texts: [String] = []
            for line in data.split(separator: UInt8(ascii: "\n")) {
                if let json = try? JSON.parse(Array(line)), let text = json["text"]?.stringValue { texts.append(text) }
            }
            return ("PolNeAR train (\(texts.count) articles)", texts)
        }
        return ("generated text (../shared absent)", (0..<400).map { generatedArticle(seed: $0) })
    }

    static func generatedArticle(seed: Int) -> String {
        let sentences = [
            "Russian President Vladimir Putin met Chinese leader Xi Jinping in Moscow on Tuesday, officials said.",
            "The talks, which lasted three hours, covered trade worth $3.5 billion and a 20% rise in exports.",
            "Mr. Putin said the partnership was growing, according to the Kremlin.",
            "He added that Beijing would host the next summit in the spring.",
            "Critics in Washington and Brussels warned that the deal could weaken sanctions imposed last year.",
        ]
        return (0..<40).map { sentences[($0 + seed) % sentences.count] }.joined(separator: " ")
    }

    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if !isSpace, !inWord { count += 1 }
            inWord = !isSpace
        }
        return count
    }

    static func run() {
        print("engine")
        // BYLINE_BENCH_QUICK=1: one round, for profiling under valgrind.
        let quick = ProcessInfo.processInfo.environment["BYLINE_BENCH_QUICK"] != nil
        let loadTime = Measure.seconds { _ = Lexicon.shared }
        let analyzer = Analyzer()
        Measure.report("gazetteers built (first use)", "\(Measure.format(loadTime * 1000)) ms", target: "≤ 20 ms")
        let (label, texts) = corpusTexts()
        let articles = texts.map { Article($0) }
        let words = texts.reduce(0) { $0 + wordCount($1) }
        print("  \(label): \(words) words (whitespace-separated)")
        if !quick { for article in articles.prefix(50) { _ = analyzer.analyze(article) } }  // warm up
        for (stage, target, run) in [
            ("entities only", "≥ 2,000,000", { (article: Article) in _ = analyzer.analyzeEntities(article) }),
            ("entities and quotations", "≥ 1,000,000", { (article: Article) in _ = analyzer.analyze(article) }),
        ] {
            var rates: [Double] = []
            for _ in 0..<(quick ? 1 : 5) {
                let seconds = Measure.seconds {
                    for article in articles { run(article) }
                }
                rates.append(Double(words) / seconds)
            }
            Measure.report("\(stage), \(label)", "\(Int(Measure.percentile(rates, 0.5))) words/s median, \(Int(rates.max()!)) best", target: target)
        }
        let seedPath = FileManager.default.currentDirectoryPath + "/../shared/corpus/seed-article.txt"
        if !quick, let data = FileManager.default.contents(atPath: seedPath) {
            let article = Article(text: IndexedText(decoding: [UInt8](data)))
            var samples: [Double] = []
            for _ in 0..<200 { _ = analyzer.analyze(article) }
            for _ in 0..<2000 { samples.append(Measure.seconds { _ = analyzer.analyze(article) } * 1000) }
            Measure.report("seed article (\(wordCount(String(decoding: data, as: UTF8.self))) words)", "p50 \(Measure.format(Measure.percentile(samples, 0.5), 3)) ms, p99 \(Measure.format(Measure.percentile(samples, 0.99), 3)) ms", target: "≤ 0.5 ms")
        }
        if !quick {
            let long = Article(FeatureBenchmarks.longArticle(words: 5_000))
            var samples: [Double] = []
            for _ in 0..<20 { _ = analyzer.analyze(long) }
            for _ in 0..<300 { samples.append(Measure.seconds { _ = analyzer.analyze(long) } * 1000) }
            Measure.report("a 5,000-word article, full analysis", "p50 \(Measure.format(Measure.percentile(samples, 0.5), 2)) ms, p99 \(Measure.format(Measure.percentile(samples, 0.99), 2)) ms")
            scaling(texts, analyzer)
        }
    }

    /// Time against size, from 10 KB to 10 MB of news text: linear means a flat time per MB.
    static func scaling(_ texts: [String], _ analyzer: Analyzer) {
        var pool = texts.joined(separator: "\n\n")
        if pool.utf8.count < 1 << 20 { pool = String(repeating: pool + "\n\n", count: (1 << 20) / max(1, pool.utf8.count) + 1) }
        for size in [10_000, 100_000, 1_000_000, 10_000_000] {
            var text = "date 2016-10-12\n\n"
            while text.utf8.count < size { text += pool.prefix(size - text.utf8.count) }
            let article = Article(text)
            let rounds = size >= 10_000_000 ? 3 : size >= 1_000_000 ? 5 : 20
            var samples: [Double] = []
            for _ in 0..<rounds { samples.append(Measure.seconds { _ = analyzer.analyze(article) }) }
            let best = samples.min()!
            let megabytes = Double(text.utf8.count) / 1_000_000
            Measure.report(
                "scaling: \(size >= 1_000_000 ? "\(size / 1_000_000) MB" : "\(size / 1000) KB") document",
                "\(Measure.format(best * 1000, 1)) ms best of \(rounds), \(Measure.format(best * 1000 / megabytes, 0)) ms per MB",
                target: size == 10_000_000 ? "≤ 1 s" : nil)
        }
    }
}
