/// A pair of quotation marks (or an opening mark left unclosed) found in the text.
struct QuotedStretch: Sendable {
    /// The opening mark's token.
    var open: Int
    /// The closing mark's token, or nil when the quote is never closed.
    var close: Int?
    /// The last token inside the quote (the token before `close`, or the paragraph's last).
    var lastInside: Int
    /// 0 for an outermost quote, 1 inside another quote, and so on.
    var depth: Int
    /// Double marks (“ ” " « » „) rather than single ones (‘ ’ ').
    var isDouble: Bool
    /// It spans paragraphs, news style: each reopens with a mark, only the last closes.
    var spansParagraphs: Bool
}

/// Pairs quotation marks paragraph by paragraph.
///
/// Opening and closing marks come from the tokenizer, which decides for straight quotes and
/// apostrophes by what surrounds them. „ closes with “ or ” (German style). A double quote
/// still open at the end of a paragraph continues into the next one when that paragraph
/// opens with a double mark (the news convention for quotes over several paragraphs);
/// otherwise it is unclosed and runs to the end of its paragraph. An unpaired single mark
/// is taken for an apostrophe and left alone.
struct QuoteMarkPairer {
    let view: TokenView

    enum Family { case double, single }

    func family(_ index: Int) -> Family? {
        let token = view.tokens[index]
        guard token.kind == .quote else { return nil }
        let text = view.text(index)
        if text.count == 1 { return text[0] == UInt8(ascii: "'") ? .single : .double }
        // '' and `` stand for double marks. ‘ ’ ‚ ‛ ‹ › are single; “ ” „ ‟ « » 「 」 are double.
        if text.count == 3, text[0] == 0xE2, text[1] == 0x80 {
            switch text[2] {
            case 0x98, 0x99, 0x9A, 0x9B, 0xB9, 0xBA: return .single
            default: return .double
            }
        }
        return .double
    }

    func isLowDoubleOpening(_ index: Int) -> Bool {
        let text = view.text(index)
        return text.count == 3 && text[0] == 0xE2 && text[1] == 0x80 && text[2] == 0x9E  // „
    }

    func pair() -> [QuotedStretch] {
        var stretches: [QuotedStretch] = []
        var paragraphStart = 0
        var carried: QuotedStretch?  // a double quote continuing from the previous paragraph
        var index = 0
        while index <= view.count {
            let atEnd = index == view.count
            if atEnd || (index > paragraphStart && view.tokens[index].flags.contains(.startsParagraph)) {
                let (closed, stillOpen) = pairParagraph(paragraphStart..<index, carried: carried)
                stretches.append(contentsOf: closed)
                carried = nil
                if var open = stillOpen {
                    // Continues when the next paragraph opens with a double mark.
                    if !atEnd, family(index) == .double, view.tokens[index].flags.contains(.opening) || isLowDoubleOpening(index) {
                        open.spansParagraphs = true
                        carried = open
                    } else {
                        open.lastInside = index - 1
                        stretches.append(open)
                    }
                }
                paragraphStart = index
                if atEnd { break }
            }
            index += 1
        }
        return stretches.sorted { $0.open < $1.open }
    }

    /// Pairs the marks of one paragraph. Returns the closed or abandoned stretches, and the
    /// outermost double quote still open at the paragraph's end, if any.
    private func pairParagraph(_ range: Range<Int>, carried: QuotedStretch?) -> ([QuotedStretch], QuotedStretch?) {
        var result: [QuotedStretch] = []
        var stack: [(index: Int, family: Family, low: Bool)] = []
        var carriedOpen = carried
        var first = true
        for index in range {
            guard let family = family(index) else { continue }
            let token = view.tokens[index]
            let isReopening = first && carriedOpen != nil && family == .double
            first = false
            if isReopening { continue }  // the paragraph-opening mark of a continued quote
            let topIsLow = stack.last.map { $0.low && family == .double } ?? false
            var opens = token.flags.contains(.opening) && !topIsLow
            // A straight double quote with a double quote open before it closes it.
            let straight = view.text(index).count == 1 || view.text(index)[0] == UInt8(ascii: "'")  // " or ''
            if straight, family == .double, stack.contains(where: { $0.family == .double }) || carriedOpen != nil {
                opens = false
            }
            if opens {
                stack.append((index, family, isLowDoubleOpening(index)))
                continue
            }
            if let position = stack.lastIndex(where: { $0.family == family }) {
                let opening = stack[position]
                stack.removeSubrange(position...)
                result.append(QuotedStretch(open: opening.index, close: index, lastInside: index - 1, depth: position, isDouble: family == .double, spansParagraphs: false))
            } else if family == .double, var continued = carriedOpen {
                continued.close = index
                continued.lastInside = index - 1
                result.append(continued)
                carriedOpen = nil
            }
            // An unmatched single closing mark is an apostrophe; an unmatched double one is
            // stray punctuation. Neither is reported.
        }
        if let continued = carriedOpen {
            return (result, continued)
        }
        let openDouble = stack.first { $0.family == .double }
        let unclosed = openDouble.map {
            QuotedStretch(open: $0.index, close: nil, lastInside: range.upperBound - 1, depth: 0, isDouble: true, spansParagraphs: false)
        }
        return (result, unclosed)
    }
}
