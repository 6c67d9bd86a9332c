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
        var counts: [String: Counts] = [:]
        var shown = 0
        var words = 0
        let started = ContinuousClock.now
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
        let elapsed = ContinuousClock.now - started
        var total = Counts()
        print("wikigold: \(documents.count) documents, \(words) tokens")
        for type in ["PER", "ORG", "LOC"] {
            let c = counts[type] ?? Counts()
            total.truePositives += c.truePositives
            total.falsePositives += c.falsePositives
            total.falseNegatives += c.falseNegatives
            print("  \(type)  P \(format(c.precision))  R \(format(c.recall))  F1 \(format(c.f1))  (tp \(c.truePositives), fp \(c.falsePositives), fn \(c.falseNegatives))")
        }
        if let misaligned = counts["?"] {
            total.falsePositives += misaligned.falsePositives
            print("  (\(misaligned.falsePositives) predicted spans do not start and end on corpus token boundaries)")
        }
        print("  all  P \(format(total.precision))  R \(format(total.recall))  F1 \(format(total.f1))   (spaCy en_core_web_sm 3.8: F1 0.53)")
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("  time \(format(seconds * 1000, 1)) ms, \(Int(Double(words) / seconds)) tokens/s")
    }

    static func format(_ value: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", value) }
}
