import BylineEngine
import Foundation

/// A CoNLL-style NER document rebuilt as running text, with every token's place in it.
struct CoNLLDocument {
    var text = ""
    /// Per token: its range in `text` (code units of the UTF-8 view) and its gold tag.
    var tokens: [(range: Range<Int>, tag: String, word: String)] = []

    /// Gold entity spans as token ranges, from IOB1 or IOB2 tags, with their type.
    var goldSpans: [(tokens: Range<Int>, type: String)] {
        var spans: [(Range<Int>, String)] = []
        var start: Int?
        var type = ""
        for (index, token) in tokens.enumerated() {
            let parts = token.tag.split(separator: "-", maxSplits: 1)
            let prefix = parts.first.map(String.init) ?? "O"
            let tagType = parts.count > 1 ? String(parts[1]) : ""
            let continues = prefix == "I" && start != nil && tagType == type
            if !continues {
                if let s = start { spans.append((s..<index, type)) }
                start = prefix == "O" ? nil : index
                type = tagType
            }
        }
        if let s = start { spans.append((s..<tokens.count, type)) }
        return spans
    }
}

enum CoNLLReader {
    /// Tokens that attach to the one before them when the text is rebuilt.
    static let attachLeft: Set<String> = [",", ".", ";", ":", "!", "?", ")", "]", "}", "'s", "'", "n't", "%", "'re", "'ve", "'ll", "'d", "'m"]
    static let attachRight: Set<String> = ["(", "[", "{", "$"]

    /// `spaced`: every token apart ("Japan 's win ."), as CoNLL text is often joined;
    /// otherwise punctuation and clitics attach as in running text.
    static func read(_ path: String, spaced: Bool = false) -> [CoNLLDocument] {
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("byline-eval: cannot read \(path)\n".utf8))
            exit(1)
        }
        var documents: [CoNLLDocument] = []
        var current = CoNLLDocument()
        var utf8Count = 0
        var sentenceStart = true
        var quoteOpen = false
        func finish() {
            if !current.tokens.isEmpty { documents.append(current) }
            current = CoNLLDocument()
            utf8Count = 0
            sentenceStart = true
        }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            let fields = line.split(separator: " ")
            if fields.isEmpty {
                sentenceStart = true
                continue
            }
            let word = String(fields[0])
            let tag = String(fields[fields.count - 1])
            if word == "-DOCSTART-" {
                finish()
                continue
            }
            var separator = " "
            if current.tokens.isEmpty {
                separator = ""
            } else if sentenceStart {
                separator = "\n"
            } else if spaced {
                separator = " "
            } else if attachLeft.contains(word) || (word == "\"" && quoteOpen) {
                separator = ""
            } else if let last = current.tokens.last, attachRight.contains(last.word) || (last.word == "\"" && quoteOpen) {
                separator = ""
            }
            if word == "\"" { quoteOpen.toggle() }
            current.text += separator
            utf8Count += separator.utf8.count
            let start = utf8Count
            current.text += word
            utf8Count += word.utf8.count
            current.tokens.append((start..<utf8Count, tag, word))
            sentenceStart = false
        }
        finish()
        return documents
    }
}
