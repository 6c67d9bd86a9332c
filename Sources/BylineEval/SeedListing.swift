import BylineEngine
import Foundation

/// Lists every quotation Byline finds in the seed article, with its cue and speaker.
enum SeedListing {
    static func run(path: String) {
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("byline-eval: cannot read \(path)\n".utf8))
            exit(1)
        }
        let article = Article(text: IndexedText(decoding: [UInt8](data)))
        let annotations = Analyzer().analyze(article)
        for (number, quote) in annotations.quotes.enumerated() {
            let words = article.text.substring(quote.span.range).split(separator: " ").prefix(8).joined(separator: " ")
            let cue = quote.cue.map { article.text.substring($0.range) } ?? "—"
            let speaker = quote.speaker.map { speaker in
                let entity = speaker.entityIndex.map { " → \(annotations.entities[$0].name)" } ?? ""
                return "\(article.text.substring(speaker.span.range)) (\(speaker.resolution.rawValue))\(entity)"
            } ?? "none"
            print("\(number + 1). [\(quote.kind.rawValue)] \(words) … | cue: \(cue) | speaker: \(speaker)")
        }
        print("diagnostics: \(annotations.diagnostics.isEmpty ? "none" : annotations.diagnostics.map(\.code).joined(separator: ", "))")
    }
}
