/// Reads the metadata block at the top of an article.
///
/// Two forms are recognised. Plain-text articles open with `key value` lines, as the seed
/// article's ` date 2022-12-30 ` does; the keys are `date`, `title`, `source` and `byline`,
/// written in lower case (so that prose opening with "Title IX ..." is never taken for a
/// header), with an optional colon. Markdown articles open with YAML front matter between
/// `---` lines, of which the same keys are read (`author` is taken as the byline).
enum ArticleHeaderParser {
    struct Result {
        var metadata = ArticleMetadata()
        var bodyStart = 0
    }

    static func parse(_ bytes: [UInt8], format: ArticleFormat) -> Result {
        if let frontMatter = parseFrontMatter(bytes) { return frontMatter }
        return parseHeaderLines(bytes)
    }

    /// Splits the text into lines lazily: (content range, start of the next line).
    private static func nextLine(_ bytes: [UInt8], from start: Int) -> (content: Range<Int>, next: Int)? {
        guard start < bytes.count else { return nil }
        var index = start
        while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
        var next = index
        if next < bytes.count {
            next += (bytes[next] == 0x0D && next + 1 < bytes.count && bytes[next + 1] == 0x0A) ? 2 : 1
        }
        return (start..<index, next)
    }

    private static func trimmed(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    @inline(__always) private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0xA0
    }

    private static func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    private static let headerKeys: Set<String> = ["date", "title", "source", "byline"]

    private static func parseHeaderLines(_ bytes: [UInt8]) -> Result {
        var result = Result()
        var position = 0
        var sawHeader = false
        // Leading blank lines may precede the header; blank lines after it end it.
        while let line = nextLine(bytes, from: position) {
            let content = trimmed(bytes, line.content)
            if content.isEmpty {
                position = line.next
                if sawHeader { break }
                continue
            }
            var keyEnd = content.lowerBound
            while keyEnd < content.upperBound, bytes[keyEnd] >= UInt8(ascii: "a"), bytes[keyEnd] <= UInt8(ascii: "z") { keyEnd += 1 }
            let key = text(bytes, content.lowerBound..<keyEnd)
            var valueStart = keyEnd
            if valueStart < content.upperBound, bytes[valueStart] == UInt8(ascii: ":") { valueStart += 1 }
            guard headerKeys.contains(key), valueStart < content.upperBound, isSpace(bytes[valueStart]) else { break }
            let value = text(bytes, trimmed(bytes, valueStart..<content.upperBound))
            guard assign(key: key, value: value, to: &result.metadata) else { break }
            sawHeader = true
            position = line.next
        }
        // Blank lines that follow the header belong to it, so the body starts at the prose.
        while sawHeader, let line = nextLine(bytes, from: position), trimmed(bytes, line.content).isEmpty {
            position = line.next
        }
        result.bodyStart = sawHeader ? position : 0
        return result
    }

    /// Sets one field; a `date` that is not a valid YYYY-MM-DD makes the line prose, not header.
    private static func assign(key: String, value: String, to metadata: inout ArticleMetadata) -> Bool {
        switch key {
        case "date":
            guard let date = ArticleDate(iso: value) else { return false }
            metadata.date = date
        case "title": metadata.title = value
        case "source": metadata.source = value
        case "byline", "author": metadata.byline = value
        default: return false
        }
        return true
    }

    private static func parseFrontMatter(_ bytes: [UInt8]) -> Result? {
        guard let first = nextLine(bytes, from: 0), text(bytes, trimmed(bytes, first.content)) == "---" else { return nil }
        var result = Result()
        var position = first.next
        while let line = nextLine(bytes, from: position) {
            position = line.next
            let content = trimmed(bytes, line.content)
            let lineText = text(bytes, content)
            if lineText == "---" || lineText == "..." {
                result.bodyStart = position
                return result
            }
            guard let colon = bytes[content].firstIndex(of: UInt8(ascii: ":")) else { continue }
            let key = text(bytes, trimmed(bytes, content.lowerBound..<colon)).lowercased()
            var value = text(bytes, trimmed(bytes, (colon + 1)..<content.upperBound))
            if value.count >= 2, let open = value.first, open == "\"" || open == "'", value.last == open {
                value = String(value.dropFirst().dropLast())
            }
            if headerKeys.contains(key) || key == "author" {
                _ = assign(key: key, value: value, to: &result.metadata)
            }
        }
        return nil  // no closing line: not front matter after all
    }
}
