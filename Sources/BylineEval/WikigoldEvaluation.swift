import BylineEngine
import Foundation

/// P/R/F1 on wikigold for PER, ORG and LOC, exact span match, mapping PERSON→PER, ORG→ORG
/// and GPE/LOC/FAC→LOC; gold MISC and other predicted types are left out on both sides, as
/// the issue's comparison with spaCy does.
enum WikigoldEvaluation {
    static func map(_ type: EntityType) -> String? {
        switch type {
        case .person: return "PER"
        case .organization: return "ORG"
        case .geopolitical, .location, .facility: return "LOC"
        default: return nil
        }
    }

    struct Counts {
        var truePositives = 0
        var falsePositives = 0
        var falseNegatives = 0
        var precision: Double { truePositives + falsePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives) }
        var recall: Double { truePositives + falseNegatives == 0 ? 0 : Double(truePositives) / Double(truePositives + falseNegatives) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    static func run(path: String, errorsToShow: Int, spaced: Bool = false) {
        let documents = CoNLLReader.read(path, spaced: spaced)
        let analyzer = Analyzer()
        let started = ContinuousClock.now
        let score = score(documents, analyzer: analyzer, errorsToShow: errorsToShow)
        let elapsed = ContinuousClock.now - started
        print("wikigold: \(documents.count) documents, \(score.words) tokens")
        score.print()
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("  time \(format(seconds * 1000, 1)) ms, \(Int(Double(score.words) / seconds)) tokens/s")
    }

    /// Counts per type and the error breakdown over some documents.
    struct Score {
        var counts: [String: Counts] = [:]
        var breakdown = ErrorBreakdown()
        var words = 0

        var total: Counts {
            var total = Counts()
            for c in counts.values {
                total.truePositives += c.truePositives
                total.falsePositives += c.falsePositives
                total.falseNegatives += c.falseNegatives
            }
            return total
        }

        func print() {
            for type in ["PER", "ORG", "LOC"] {
                let c = counts[type] ?? Counts()
                Swift.print("  \(type)  P \(format(c.precision))  R \(format(c.recall))  F1 \(format(c.f1))  (tp \(c.truePositives), fp \(c.falsePositives), fn \(c.falseNegatives))")
            }
            if let misaligned = counts["?"] {
                Swift.print("  (\(misaligned.falsePositives) predicted spans do not start and end on corpus token boundaries)")
            }
            breakdown.print()
            let total = total
            Swift.print("  all  P \(format(total.precision))  R \(format(total.recall))  F1 \(format(total.f1))   (spaCy en_core_web_sm 3.8: F1 0.53)")
        }
    }

    static func score(_ documents: [CoNLLDocument], analyzer: Analyzer, errorsToShow: Int = 0) -> Score {
        var counts: [String: Counts] = [:]
        var breakdown = ErrorBreakdown()
        var shown = 0
        var words = 0
        for document in documents {
            words += document.tokens.count
            let article = Article(document.text)
            let annotations = analyzer.analyze(article)
            var startIndex: [Int: Int] = [:]
            var endIndex: [Int: Int] = [:]
            for (index, token) in document.tokens.enumerated() {
                startIndex[token.range.lowerBound] = index
                endIndex[token.range.upperBound] = index
            }
            var predicted: Set<String> = []
            var predictedList: [(Range<Int>, String)] = []
            for entity in annotations.entities {
                for mention in entity.mentions {
                    guard let type = map(mention.type), let first = startIndex[mention.span.start], let last = endIndex[mention.span.end] else {
                        if map(mention.type) != nil {
                            predicted.insert("misaligned:\(mention.span.start)")
                            if ProcessInfo.processInfo.environment["BYLINE_EVAL_DEBUG"] != nil {
                                let bytes = Array(document.text.utf8)
                                print("  misaligned \(String(decoding: bytes[mention.span.start..<mention.span.end], as: UTF8.self))")
                            }
                        }
                        continue
                    }
                    predicted.insert("\(first)-\(last + 1)-\(type)")
                    predictedList.append((first..<last + 1, type))
                }
            }
            let gold = document.goldSpans.filter { ["PER", "ORG", "LOC"].contains($0.type) }
            if ProcessInfo.processInfo.environment["BYLINE_EVAL_DOC"].map({ document.text.contains($0) }) == true {
                print(document.text.prefix(400))
                print("predicted:", predictedList.map { "\($0.0) \($0.1) \(document.tokens[$0.0].map(\.word).joined(separator: " "))" })
                print("gold:", gold.map { "\($0.tokens) \($0.type) \(document.tokens[$0.tokens].map(\.word).joined(separator: " "))" })
            }
            let goldKeys = Set(gold.map { "\($0.tokens.lowerBound)-\($0.tokens.upperBound)-\($0.type)" })
            breakdown.add(predicted: predictedList, gold: gold, misc: document.goldSpans.filter { $0.type == "MISC" }.map(\.tokens))
            for key in predicted {
                let type = key.hasPrefix("misaligned") ? "?" : String(key.split(separator: "-").last!)
                if goldKeys.contains(key) {
                    counts[type, default: Counts()].truePositives += 1
                } else {
                    counts[type, default: Counts()].falsePositives += 1
                }
            }
            for key in goldKeys where !predicted.contains(key) {
                counts[String(key.split(separator: "-").last!), default: Counts()].falseNegatives += 1
            }
            if shown < errorsToShow {
                func words(_ range: Range<Int>) -> String { document.tokens[range].map(\.word).joined(separator: " ") }
                for span in gold where !predicted.contains("\(span.tokens.lowerBound)-\(span.tokens.upperBound)-\(span.type)") && shown < errorsToShow {
                    let guess = predictedList.first { $0.0.overlaps(span.tokens) }
                    print("  missed \(span.type) \(words(span.tokens))\(guess.map { " (got \($0.1) \(words($0.0)))" } ?? "")")
                    shown += 1
                }
                for (range, type) in predictedList where !goldKeys.contains("\(range.lowerBound)-\(range.upperBound)-\(type)") && shown < errorsToShow {
                    if !gold.contains(where: { $0.tokens.overlaps(range) }) {
                        print("  spurious \(type) \(words(range))")
                        shown += 1
                    }
                }
            }
        }
        return Score(counts: counts, breakdown: breakdown, words: words)
    }

    /// Where the errors come from, so work goes to the largest group: a span found with the
    /// wrong type, a span of the right type with wrong edges, a gold span nothing touches, a
    /// prediction on a gold MISC span, and a prediction touching no gold span at all.
    struct ErrorBreakdown {
        var wrongType: [String: Int] = [:]
        var wrongEdges: [String: Int] = [:]
        var missed: [String: Int] = [:]
        var onMisc: [String: Int] = [:]
        var spurious: [String: Int] = [:]

        mutating func add(predicted: [(Range<Int>, String)], gold: [(tokens: Range<Int>, type: String)], misc: [Range<Int>]) {
            for span in gold {
                if predicted.contains(where: { $0.0 == span.tokens && $0.1 == span.type }) { continue }
                if let same = predicted.first(where: { $0.0 == span.tokens }) {
                    wrongType["\(span.type)→\(same.1)", default: 0] += 1
                } else if predicted.contains(where: { $0.0.overlaps(span.tokens) && $0.1 == span.type }) {
                    wrongEdges[span.type, default: 0] += 1
                } else if !predicted.contains(where: { $0.0.overlaps(span.tokens) }) {
                    missed[span.type, default: 0] += 1
                }
            }
            for (range, type) in predicted where !gold.contains(where: { $0.tokens.overlaps(range) }) {
                if misc.contains(where: { $0.overlaps(range) }) {
                    onMisc[type, default: 0] += 1
                } else {
                    spurious[type, default: 0] += 1
                }
            }
        }

        func print() {
            func line(_ name: String, _ counts: [String: Int]) {
                let parts = counts.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }
                Swift.print("  \(name): \(parts.joined(separator: ", "))")
            }
            line("wrong type (gold→predicted)", wrongType)
            line("wrong edges", wrongEdges)
            line("missed", missed)
            line("predicted on gold MISC", onMisc)
            line("spurious", spurious)
        }
    }

    static func format(_ value: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", value) }
}
