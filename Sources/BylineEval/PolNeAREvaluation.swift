import BylineEngine
import BylineJSON
import Foundation

/// Quotation scores on PolNeAR (dev split by default), as issue 4 defines them:
///
/// - direct quotes: gold attributions whose content holds a double quotation mark, against
///   predicted quotes whose text holds one; a match overlaps by at least half the longer
///   span, both trimmed of quotation marks, spaces and punctuation at each end;
/// - speaker accuracy on matched direct quotes: the predicted speaker overlaps the gold source;
/// - direct plus reported: gold attributions whose cue is a speech verb, "according to", a
///   colon or a dash, against every predicted quote.
enum PolNeAREvaluation {
    struct Span {
        var start: Int
        var end: Int
        var length: Int { end - start }
        func overlap(_ other: Span) -> Int { max(0, min(end, other.end) - max(start, other.start)) }
    }

    struct Gold {
        var content: Span
        var sources: [Span]
        var isDirect: Bool
        var isSpeech: Bool
        var cue = ""
    }

    struct Predicted {
        var content: Span
        var speaker: Span?
        var isDirect: Bool
        var cue = ""
    }

    static let doubleQuotes: Set<Character> = ["\"", "“", "”", "«", "»", "„"]
    static let speechCues: Set<String> = [
        "say", "says", "said", "saying", "tell", "tells", "told", "add", "adds", "added", "note", "notes", "noted",
        "state", "states", "stated", "argue", "argues", "argued", "claim", "claims", "claimed", "insist", "insists",
        "insisted", "warn", "warns", "warned", "explain", "explains", "explained", "announce", "announces",
        "announced", "write", "writes", "wrote", "written", "report", "reports", "reported", "tweet", "tweets",
        "tweeted", "ask", "asks", "asked", "reply", "replied", "respond", "responded", "declare", "declared",
        "acknowledge", "acknowledged", "admit", "admitted", "confirm", "confirmed", "deny", "denied", "suggest",
        "suggested", "point", "pointed", "stress", "stressed", "emphasize", "emphasized", "urge", "urged",
        "predict", "predicted", "promise", "promised", "vow", "vowed", "pledge", "pledged", "recall", "recalled",
        "observe", "observed", "remark", "remarked", "comment", "commented", "mention", "mentioned", "contend",
        "contended", "maintain", "maintained", "assert", "asserted", "allege", "alleged", "complain", "complained",
        "concede", "conceded", "counter", "countered", "testify", "testified", "reveal", "revealed", "according",
    ]

    /// Trims quotation marks, spaces and punctuation from both ends of a span of `scalars`.
    static func trimmed(_ span: Span, _ scalars: [Unicode.Scalar]) -> Span {
        var result = span
        func isTrimmable(_ scalar: Unicode.Scalar) -> Bool {
            let punctuation: Bool
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                .finalPunctuation, .otherPunctuation:
                punctuation = true
            default:
                punctuation = false
            }
            return scalar.properties.isWhitespace || punctuation || doubleQuotes.contains(Character(scalar))
                || scalar == "'" || scalar == "’" || scalar == "‘"
        }
        while result.start < result.end, isTrimmable(scalars[result.start]) { result.start += 1 }
        while result.end > result.start, isTrimmable(scalars[result.end - 1]) { result.end -= 1 }
        return result
    }

    static func matches(_ a: Span, _ b: Span) -> Bool {
        let longer = max(a.length, b.length)
        return longer > 0 && Double(a.overlap(b)) >= 0.5 * Double(longer)
    }

    static func run(path: String, showErrors: Int) {
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("byline-eval: cannot read \(path)\n".utf8))
            exit(1)
        }
        let analyzer = Analyzer()
        var directTP = 0, directFP = 0, directFN = 0
        var speakerRight = 0, speakerMatched = 0
        var allTP = 0, allFP = 0, allFN = 0
        var shown = 0
        var articles = 0
        // Where direct-quote errors come from: a span that overlaps the right quotation but
        // not by half (its extent), one on an attribution without quotation marks, or nothing.
        var fpExtent = 0, fpOnOtherAttribution = 0, fpAlone = 0, fnExtent = 0, fnAlone = 0
        // The warnings a newsroom would see: how many, and how many sit on a quote the
        // annotators credit to a source (those are Byline's misses, not unsourced quotes).
        var unattributed = 0, unattributedOnCredited = 0, unclosed = 0, ambiguous = 0, spelling = 0
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard let json = try? JSON.parse(Array(line)), let text = json["text"]?.stringValue else { continue }
            articles += 1
            let scalars = Array(text.unicodeScalars)
            func spans(_ value: JSON?) -> [Span] {
                (value?.arrayValue ?? []).compactMap { pair in
                    guard let bounds = pair.arrayValue, bounds.count == 2, let s = bounds[0].intValue, let e = bounds[1].intValue else { return nil }
                    return Span(start: s, end: e)
                }
            }
            var golds: [Gold] = []
            for attribution in json["attributions"]?.arrayValue ?? [] {
                let contents = spans(attribution["content"])
                guard let first = contents.min(by: { $0.start < $1.start }), let last = contents.max(by: { $0.end < $1.end }) else { continue }
                let content = Span(start: first.start, end: last.end)
                let contentText = contents.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }.joined()
                let cueText = spans(attribution["cue"]).map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }.joined(separator: " ").lowercased()
                let cueWords = cueText.split(whereSeparator: { !$0.isLetter })
                let isSpeech = cueWords.contains { speechCues.contains(String($0)) } || cueText.contains(":") || cueText.contains("—") || cueText.contains("–") || cueText == "-"
                golds.append(Gold(
                    content: trimmed(content, scalars), sources: spans(attribution["source"]),
                    isDirect: contentText.contains { doubleQuotes.contains($0) }, isSpeech: isSpeech, cue: cueText))
            }
            let date = json["date"]?.stringValue.flatMap { ArticleDate(iso: $0) }
            let article = Article(text, dateOverride: date)
            let annotations = analyzer.analyze(article)
            for diagnostic in annotations.diagnostics {
                switch diagnostic.code {
                case "unattributed-quote":
                    unattributed += 1
                    let span = Span(start: article.text.scalarOffset(ofByte: diagnostic.span.start), end: article.text.scalarOffset(ofByte: diagnostic.span.end))
                    let credited = golds.first { !$0.sources.isEmpty && $0.content.overlap(span) > 0 }
                    if credited != nil { unattributedOnCredited += 1 }
                    if ProcessInfo.processInfo.environment["BYLINE_EVAL_WARNINGS"] != nil {
                        let source = credited.map { $0.sources.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }.joined(separator: "+") } ?? "-"
                        let context = String(String.UnicodeScalarView(scalars[max(0, span.start - 150)..<min(scalars.count, span.end)]))
                        print("  warning [gold source: \(source)]: \(context.replacingOccurrences(of: "\n", with: " ⏎ ").suffix(320))")
                    }
                case "unclosed-quote": unclosed += 1
                case "ambiguous-speaker": ambiguous += 1
                case "inconsistent-spelling": spelling += 1
                default: break
                }
            }
            let predicted: [Predicted] = annotations.quotes.map { quote in
                let start = article.text.scalarOffset(ofByte: quote.span.start)
                let end = article.text.scalarOffset(ofByte: quote.span.end)
                let speaker = quote.speaker.map {
                    Span(start: article.text.scalarOffset(ofByte: $0.span.start), end: article.text.scalarOffset(ofByte: $0.span.end))
                }
                let quoted = String(String.UnicodeScalarView(scalars[start..<end]))
                let cue = quote.cue.map { String(String.UnicodeScalarView(scalars[article.text.scalarOffset(ofByte: $0.start)..<article.text.scalarOffset(ofByte: $0.end)])) } ?? ""
                return Predicted(
                    content: trimmed(Span(start: start, end: end), scalars), speaker: speaker, isDirect: quoted.contains { doubleQuotes.contains($0) }, cue: cue)
            }
            // Direct quotes, matched one to one.
            let goldDirect = golds.filter(\.isDirect)
            var usedGold = Set<Int>()
            for prediction in predicted where prediction.isDirect {
                if let index = goldDirect.indices.first(where: { !usedGold.contains($0) && matches(goldDirect[$0].content, prediction.content) }) {
                    usedGold.insert(index)
                    directTP += 1
                    speakerMatched += 1
                    if let speaker = prediction.speaker, goldDirect[index].sources.contains(where: { $0.overlap(speaker) > 0 }) {
                        speakerRight += 1
                    } else if shown < showErrors, ProcessInfo.processInfo.environment["BYLINE_EVAL_SPEAKERS"] != nil {
                        let said = prediction.speaker.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) } ?? "none"
                        let gold = goldDirect[index].sources.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
                        let context = String(String.UnicodeScalarView(scalars[max(0, prediction.content.start - 60)..<min(scalars.count, prediction.content.end + 60)]))
                        print("  speaker \(said) ≠ \(gold): \(context.replacingOccurrences(of: "\n", with: " "))")
                        shown += 1
                    }
                } else {
                    directFP += 1
                    if let gold = goldDirect.first(where: { $0.content.overlap(prediction.content) > 0 }) {
                        fpExtent += 1
                        if ProcessInfo.processInfo.environment["BYLINE_EVAL_EXTENT"] != nil {
                            func text(_ span: Span) -> String {
                                String(String.UnicodeScalarView(scalars[span.start..<span.end])).replacingOccurrences(of: "\n", with: " ⏎ ")
                            }
                            print("  extent\n    predicted: \(text(prediction.content).prefix(300))\n    gold:      \(text(gold.content).prefix(300))")
                        }
                    } else if golds.contains(where: { $0.content.overlap(prediction.content) > 0 }) {
                        fpOnOtherAttribution += 1
                    } else {
                        fpAlone += 1
                        if ProcessInfo.processInfo.environment["BYLINE_EVAL_ALONE"] != nil {
                            let context = String(String.UnicodeScalarView(scalars[max(0, prediction.content.start - 80)..<min(scalars.count, prediction.content.end + 40)]))
                            print("  no attribution [\(prediction.cue)]: \(context.replacingOccurrences(of: "\n", with: " ⏎ "))")
                        }
                    }
                    if shown < showErrors {
                        print("  spurious direct: \(String(String.UnicodeScalarView(scalars[prediction.content.start..<prediction.content.end])).prefix(100))")
                        shown += 1
                    }
                }
            }
            directFN += goldDirect.count - usedGold.count
            for (index, gold) in goldDirect.enumerated() where !usedGold.contains(index) {
                if predicted.contains(where: { $0.isDirect && $0.content.overlap(gold.content) > 0 }) { fnExtent += 1 } else { fnAlone += 1 }
            }
            if shown < showErrors {
                for (index, gold) in goldDirect.enumerated() where !usedGold.contains(index) && shown < showErrors {
                    print("  missed direct: \(String(String.UnicodeScalarView(scalars[gold.content.start..<gold.content.end])).prefix(100))")
                    shown += 1
                }
            }
            // Direct plus reported speech.
            let goldSpeech = golds.filter(\.isSpeech)
            var usedSpeech = Set<Int>()
            for prediction in predicted {
                if let index = goldSpeech.indices.first(where: { !usedSpeech.contains($0) && matches(goldSpeech[$0].content, prediction.content) }) {
                    usedSpeech.insert(index)
                    allTP += 1
                } else {
                    allFP += 1
                    if ProcessInfo.processInfo.environment["BYLINE_EVAL_REPORTED"] != nil, shown < showErrors {
                        print("  spurious speech [\(prediction.cue)]: \(String(String.UnicodeScalarView(scalars[prediction.content.start..<prediction.content.end])).prefix(110))")
                        // The gold report it overlaps, if any: an extent that differs, not a report the annotators lack.
                        if let gold = goldSpeech.first(where: { $0.content.overlap(prediction.content) > 0 }) {
                            print("      gold: \(String(String.UnicodeScalarView(scalars[gold.content.start..<gold.content.end])).prefix(110))")
                        }
                        shown += 1
                    }
                }
            }
            allFN += goldSpeech.count - usedSpeech.count
            if ProcessInfo.processInfo.environment["BYLINE_EVAL_REPORTED"] != nil {
                for (index, gold) in goldSpeech.enumerated() where !usedSpeech.contains(index) && shown < showErrors {
                    let source = gold.sources.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }.joined(separator: "+")
                    print("  missed speech [\(source)] [\(gold.cue)]: \(String(String.UnicodeScalarView(scalars[gold.content.start..<gold.content.end])).prefix(110))")
                    shown += 1
                }
            }
        }
        func report(_ label: String, _ tp: Int, _ fp: Int, _ fn: Int, _ anchor: String) {
            let precision = tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp)
            let recall = tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            print("  \(label)  P \(format(precision))  R \(format(recall))  F1 \(format(f1))  (tp \(tp), fp \(fp), fn \(fn))   \(anchor)")
        }
        print("PolNeAR \(URL(fileURLWithPath: path).lastPathComponent): \(articles) articles")
        report("direct quotes      ", directTP, directFP, directFN, "(target F1 ≥ 0.85; textacy 0.41, regex 0.56)")
        print("    false positives: \(fpExtent) wrong extent, \(fpOnOtherAttribution) on an attribution without quotation marks, \(fpAlone) on no attribution; misses: \(fnExtent) wrong extent, \(fnAlone) not found")
        let accuracy = speakerMatched == 0 ? 0 : Double(speakerRight) / Double(speakerMatched)
        print("  speaker accuracy on matched direct quotes  \(format(accuracy))  (\(speakerRight)/\(speakerMatched))   (target ≥ 0.92; textacy 0.85)")
        report("direct + reported  ", allTP, allFP, allFN, "(target F1 ≥ 0.75; textacy 0.29)")
        print("  warnings: unattributed-quote \(unattributed) (\(unattributedOnCredited) on quotes the annotators credit), unclosed-quote \(unclosed), ambiguous-speaker \(ambiguous), inconsistent-spelling \(spelling)")
    }

    static func format(_ value: Double) -> String { String(format: "%.3f", value) }
}
