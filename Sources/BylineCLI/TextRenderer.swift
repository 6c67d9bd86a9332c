import BylineEngine

/// `--format text`: the article with its entities, quotes and speakers marked, then a legend
/// and a summary.
///
/// On a terminal the marks are ANSI colours. Without colour (NO_COLOR, or output to a pipe
/// or file) they are brackets, so that the output still shows every span: `[Putin|PERSON]`
/// for a mention and `«…»` around a quotation's content.
struct TextRenderer {
    let colour: Bool

    /// A span to mark, and how. Spans may nest (a mention inside a quote).
    private struct Mark {
        var span: TextSpan
        var style: Style
    }

    private enum Style: Hashable {
        case entity(EntityType)
        case quote
        case speaker
        case cue
    }

    func heading(_ title: String) -> String {
        colour ? "\u{1B}[1m== \(title) ==\u{1B}[0m\n" : "== \(title) ==\n"
    }

    func render(_ article: Article, _ annotations: Annotations, path: String = "<stdin>") -> String {
        var marks: [Mark] = []
        for entity in annotations.entities {
            for mention in entity.mentions { marks.append(Mark(span: mention.span, style: .entity(mention.type))) }
        }
        for quote in annotations.quotes {
            marks.append(Mark(span: quote.span, style: .quote))
            if let speaker = quote.speaker { marks.append(Mark(span: speaker.span, style: .speaker)) }
            if let cue = quote.cue { marks.append(Mark(span: cue, style: .cue)) }
        }
        var output = body(article.text, marks: marks)
        if !output.hasSuffix("\n") { output += "\n" }
        output += "\n" + summary(article, annotations, path: path)
        return output
    }

    private func body(_ text: IndexedText, marks: [Mark]) -> String {
        // Walk the boundaries in order; at each one, close and reopen what is active. This
        // handles nesting and overlap alike.
        var boundaries = Set<Int>([0, text.utf8Count])
        for mark in marks {
            boundaries.insert(mark.span.start)
            boundaries.insert(mark.span.end)
        }
        let points = boundaries.sorted()
        var output = ""
        // Brackets nest: at one offset the longer span opens first and the shorter one closes
        // first ("«[Tupac Amaru|ORG] rebels …»", never "[«Tupac Amaru|ORG] …»").
        let numbered = Array(marks.enumerated())
        func closing(at offset: Int) -> [Mark] {
            numbered.filter { $0.element.span.end == offset && $0.element.span.start < offset }
                .sorted { ($0.element.span.start, $0.offset) > ($1.element.span.start, $1.offset) }.map(\.element)
        }
        for (lower, upper) in zip(points, points.dropFirst()) {
            if !colour {
                for mark in closing(at: lower) { output += closeBracket(mark.style) }
                let opening = numbered.filter { $0.element.span.start == lower && $0.element.span.end > lower }
                    .sorted { ($1.element.span.end, $0.offset) < ($0.element.span.end, $1.offset) }.map(\.element)
                for mark in opening { output += openBracket(mark.style) }
            }
            let segment = text.substring(lower..<upper)
            if colour {
                let active = marks.filter { $0.span.start <= lower && $0.span.end >= upper }.map(\.style)
                output += active.isEmpty ? segment : sgr(active) + segment + "\u{1B}[0m"
            } else {
                output += segment
            }
        }
        if !colour {
            for mark in closing(at: text.utf8Count) { output += closeBracket(mark.style) }
        }
        return output
    }

    private func openBracket(_ style: Style) -> String {
        switch style {
        case .entity: return "["
        case .quote: return "«"
        case .speaker, .cue: return ""
        }
    }

    private func closeBracket(_ style: Style) -> String {
        switch style {
        case .entity(let type): return "|\(type.rawValue)]"
        case .quote: return "»"
        case .speaker, .cue: return ""
        }
    }

    private func sgr(_ styles: [Style]) -> String {
        var codes: [String] = []
        for style in styles {
            switch style {
            case .entity(let type): codes.append(Self.colourCode(type))
            case .quote: codes.append("3")  // italic
            case .speaker: codes.append("1")  // bold
            case .cue: codes.append("4")  // underline
            }
        }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    static func colourCode(_ type: EntityType) -> String {
        switch type {
        case .person: return "36"
        case .organization: return "35"
        case .geopolitical, .location, .facility: return "32"
        case .norp: return "33"
        case .date, .time: return "34"
        case .money, .percent, .quantity, .cardinal, .ordinal: return "94"
        default: return "95"
        }
    }

    private func summary(_ article: Article, _ annotations: Annotations, path: String) -> String {
        var lines: [String] = []
        lines.append("date: \(article.metadata.date?.description ?? "unknown")")
        if annotations.entities.isEmpty {
            lines.append("entities: none")
        } else {
            let types = Set(annotations.entities.map(\.type)).sorted { $0.rawValue < $1.rawValue }
            let legend = types.map { type in
                colour ? "\u{1B}[\(Self.colourCode(type))m\(type.rawValue)\u{1B}[0m" : type.rawValue
            }
            lines.append("legend: " + legend.joined(separator: " ") + (colour ? "  \u{1B}[3mquote\u{1B}[0m \u{1B}[1mspeaker\u{1B}[0m \u{1B}[4mcue\u{1B}[0m" : ""))
            lines.append("entities:")
            for entity in annotations.entities {
                lines.append("  \(entity.name) (\(entity.type.rawValue)), \(entity.mentions.count) mention\(entity.mentions.count == 1 ? "" : "s")")
            }
        }
        if annotations.quotes.isEmpty {
            lines.append("quotes: none")
        } else {
            lines.append("quotes:")
            for quote in annotations.quotes {
                let speaker = quote.speaker.map { speaker -> String in
                    let said = article.text.substring(speaker.span.range)
                    guard let entity = speaker.entityIndex.map({ annotations.entities[$0].name }), entity != said else { return said }
                    return "\(said) (→ \(entity))"
                } ?? "no speaker"
                let content = article.text.substring(quote.span.range)
                let preview = content.unicodeScalars.count > 60 ? String(String.UnicodeScalarView(content.unicodeScalars.prefix(60))) + "…" : content
                lines.append("  \(quote.kind.rawValue) — \(speaker): \(preview)")
            }
        }
        if !annotations.diagnostics.isEmpty {
            lines.append("diagnostics:")
            for diagnostic in annotations.diagnostics {
                lines.append("  " + CheckCommand.format(diagnostic, path: path, text: article.text))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
