/// Blanks out what in a Markdown article is not prose, keeping every byte offset.
///
/// The engine analyses a copy of the text in which fenced and indented code, HTML comments,
/// inline code, link targets, images and Markdown syntax (heading marks, block-quote marks,
/// list bullets, emphasis runs) are replaced by spaces. Offsets into the copy are offsets into
/// the original, so spans come back exactly where the user sees them; link text, headings,
/// list items and block quotes stay in and are analysed as prose.
public enum MarkdownMasker {
    public static func mask(_ bytes: [UInt8], from start: Int) -> [UInt8] {
        var output = bytes
        for index in 0..<min(start, output.count) where output[index] != 0x0A { output[index] = 0x20 }
        var lineStart = start
        var inFence: (marker: UInt8, length: Int)?
        var inComment = false
        var previousBlank = true
        var inList = false
        while lineStart < output.count {
            var lineEnd = lineStart
            while lineEnd < output.count, output[lineEnd] != 0x0A { lineEnd += 1 }
            let line = lineStart..<lineEnd
            var indent = 0
            var firstContent = lineStart
            while firstContent < lineEnd, output[firstContent] == 0x20 || output[firstContent] == 0x09 {
                indent += output[firstContent] == 0x09 ? 4 : 1
                firstContent += 1
            }
            let blank = firstContent >= lineEnd || (firstContent == lineEnd - 1 && output[firstContent] == 0x0D)
            if let fence = inFence {
                if fenceMarker(output, at: firstContent, lineEnd: lineEnd)?.marker == fence.marker,
                    (fenceMarker(output, at: firstContent, lineEnd: lineEnd)?.length ?? 0) >= fence.length
                {
                    inFence = nil
                }
                blankOut(&output, line)
            } else if indent <= 3, let fence = fenceMarker(output, at: firstContent, lineEnd: lineEnd) {
                inFence = fence
                blankOut(&output, line)
            } else if indent >= 4, previousBlank, !inList, !blank {
                blankOut(&output, line)  // indented code
                lineStart = lineEnd + 1
                continue  // stays "previousBlank" so following code lines are code too
            } else {
                maskInline(&output, firstContent..<lineEnd, inComment: &inComment, listItem: &inList, blank: blank)
            }
            if blank { inList = false }
            previousBlank = blank
            lineStart = lineEnd + 1
        }
        return output
    }

    static func blankOut(_ output: inout [UInt8], _ range: Range<Int>) {
        for index in range where output[index] != 0x0D { output[index] = 0x20 }
    }

    static func fenceMarker(_ bytes: [UInt8], at index: Int, lineEnd: Int) -> (marker: UInt8, length: Int)? {
        guard index < lineEnd, bytes[index] == UInt8(ascii: "`") || bytes[index] == UInt8(ascii: "~") else { return nil }
        var end = index
        while end < lineEnd, bytes[end] == bytes[index] { end += 1 }
        return end - index >= 3 ? (bytes[index], end - index) : nil
    }

    /// Block markers at the start of the line, then comments, code spans, links and emphasis.
    static func maskInline(_ output: inout [UInt8], _ line: Range<Int>, inComment: inout Bool, listItem: inout Bool, blank: Bool) {
        var index = line.lowerBound
        // Block quotes (possibly nested), headings, list bullets and numbers.
        while index < line.upperBound {
            if output[index] == UInt8(ascii: ">") {
                output[index] = 0x20
                index += 1
                while index < line.upperBound, output[index] == 0x20 { index += 1 }
                continue
            }
            break
        }
        if index < line.upperBound, output[index] == UInt8(ascii: "#") {
            while index < line.upperBound, output[index] == UInt8(ascii: "#") {
                output[index] = 0x20
                index += 1
            }
            // Closing hashes of an ATX heading.
            var end = line.upperBound
            while end > index, output[end - 1] == 0x20 || output[end - 1] == 0x0D { end -= 1 }
            while end > index, output[end - 1] == UInt8(ascii: "#") {
                output[end - 1] = 0x20
                end -= 1
            }
        } else if index + 1 < line.upperBound, [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+")].contains(output[index]),
            output[index + 1] == 0x20
        {
            output[index] = 0x20
            listItem = true
        } else {
            var digits = index
            while digits < line.upperBound, output[digits] &- UInt8(ascii: "0") < 10 { digits += 1 }
            if digits > index, digits - index <= 9, digits + 1 < line.upperBound,
                output[digits] == UInt8(ascii: ".") || output[digits] == UInt8(ascii: ")"), output[digits + 1] == 0x20
            {
                for position in index...digits { output[position] = 0x20 }
                listItem = true
            }
        }
        // A thematic break or a setext underline is no prose.
        let rest = output[index..<line.upperBound].filter { $0 != 0x20 && $0 != 0x0D }
        if !rest.isEmpty, rest.allSatisfy({ $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") }) {
            blankOut(&output, line)
            return
        }
        while index < line.upperBound {
            if inComment {
                if matches(output, index, "-->") {
                    for position in index..<index + 3 { output[position] = 0x20 }
                    index += 3
                    inComment = false
                } else {
                    if output[index] != 0x0D { output[index] = 0x20 }
                    index += 1
                }
                continue
            }
            let byte = output[index]
            if byte == UInt8(ascii: "<"), matches(output, index, "<!--") {
                inComment = true
                continue
            }
            if byte == UInt8(ascii: "<"), let close = output[index..<line.upperBound].firstIndex(of: UInt8(ascii: ">")),
                isTagOrAutolink(output, index + 1, close)
            {
                blankOut(&output, index..<close + 1)
                index = close + 1
                continue
            }
            if byte == UInt8(ascii: "`") {
                var run = index
                while run < line.upperBound, output[run] == UInt8(ascii: "`") { run += 1 }
                let ticks = run - index
                var search = run
                var closed: Int?
                while search < line.upperBound {
                    if output[search] == UInt8(ascii: "`") {
                        var end = search
                        while end < line.upperBound, output[end] == UInt8(ascii: "`") { end += 1 }
                        if end - search == ticks {
                            closed = end
                            break
                        }
                        search = end
                    } else {
                        search += 1
                    }
                }
                if let closed {
                    blankOut(&output, index..<closed)
                    index = closed
                } else {
                    index = run
                }
                continue
            }
            if byte == UInt8(ascii: "!"), index + 1 < line.upperBound, output[index + 1] == UInt8(ascii: "["),
                let end = linkEnd(output, index + 1, line.upperBound)
            {
                blankOut(&output, index..<end.end)  // images are not prose
                index = end.end
                continue
            }
            if byte == UInt8(ascii: "["), let end = linkEnd(output, index, line.upperBound) {
                output[index] = 0x20
                blankOut(&output, end.textEnd..<end.end)  // "](url)" or "][ref]"
                index += 1
                continue
            }
            if byte == UInt8(ascii: "*") || (byte == UInt8(ascii: "_") && (index == line.lowerBound || !isWordByte(output[index - 1]) || index + 1 >= line.upperBound || !isWordByte(output[index + 1]))) {
                output[index] = 0x20
            }
            index += 1
        }
        _ = blank
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 || byte >= 0x80
    }

    static func matches(_ bytes: [UInt8], _ index: Int, _ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != text.utf8Start[offset] { return false }
        return true
    }

    /// `<a href…>`, `</b>`, `<https://…>`: HTML tags and autolinks, not comparisons.
    static func isTagOrAutolink(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        guard start < end else { return false }
        let first = bytes[start]
        guard (first | 0x20) &- UInt8(ascii: "a") < 26 || first == UInt8(ascii: "/") else { return false }
        return !bytes[start..<end].contains(0x20) || (first | 0x20) &- UInt8(ascii: "a") < 26
    }

    /// For `[text](target)` or `[text][ref]` starting at `open`: where the text ends (the
    /// `]`) and where the whole link ends.
    static func linkEnd(_ bytes: [UInt8], _ open: Int, _ lineEnd: Int) -> (textEnd: Int, end: Int)? {
        var depth = 0
        var index = open
        while index < lineEnd {
            if bytes[index] == UInt8(ascii: "[") { depth += 1 }
            if bytes[index] == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { break }
            }
            index += 1
        }
        guard index < lineEnd, index + 1 < lineEnd else { return nil }
        let closer: UInt8
        switch bytes[index + 1] {
        case UInt8(ascii: "("): closer = UInt8(ascii: ")")
        case UInt8(ascii: "["): closer = UInt8(ascii: "]")
        default: return nil
        }
        guard let close = bytes[(index + 2)..<lineEnd].firstIndex(of: closer) else { return nil }
        return (index, close + 1)
    }
}
