import BylineEngine
import BylineJSON
import JSONRPC

/// `textDocument/hover`: what Byline knows about the entity or quotation under the cursor.
///
/// On an entity: its canonical name and type, the roles this article gives it, its other
/// spellings and mention count, the quotations credited to it, the bundled place facts, the
/// workspace's own notes, and for a date what it resolves to. On a quotation: who said it,
/// how Byline decided that, the cue and the kind. Markdown when the client renders it.
extension LanguageServer {
    func hover(_ request: HoverRequest, _ context: RequestContext) {
        answer(about: request.at.document.uri, context) { view in
            let offset = view.byteOffset(request.at.position)
            let notes = self.workspaceFacts.withLock { $0 }
            if let (entityIndex, span) = view.entity(at: offset) {
                let text = HoverText(markdown: view.client.markdownHover).entity(entityIndex, in: view, notes: notes)
                return .success(Self.hoverJSON(text, span, view))
            }
            if let quoteIndex = view.quote(at: offset) {
                let quote = view.annotations.quotes[quoteIndex]
                let text = HoverText(markdown: view.client.markdownHover).quote(quote, in: view)
                return .success(Self.hoverJSON(text, quote.span, view))
            }
            return .success(.null)
        }
    }

    static func hoverJSON(_ text: String, _ span: TextSpan, _ view: DocumentView) -> JSON {
        [
            "contents": ["kind": .string(view.client.markdownHover ? "markdown" : "plaintext"), "value": .string(text)],
            "range": view.range(span).json,
        ]
    }
}

/// Hover text, in Markdown or, for clients that show only plain text, without its marks.
struct HoverText {
    let markdown: Bool

    func bold(_ text: String) -> String { markdown ? "**\(escape(text))**" : text }
    func escape(_ text: String) -> String {
        guard markdown else { return text }
        var result = ""
        for character in text {
            if "\\`*_[]<>#|".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
    var rule: String { markdown ? "\n\n---\n\n" : "\n\n" }
    var lineBreak: String { markdown ? "  \n" : "\n" }

    static func typeName(_ type: EntityType) -> String {
        switch type {
        case .person: return "person"
        case .organization: return "organisation"
        case .geopolitical: return "country, city or state"
        case .location: return "place"
        case .facility: return "building or facility"
        case .norp: return "nationality or group"
        case .date: return "date"
        case .time: return "time"
        case .money: return "money"
        case .percent: return "percentage"
        case .quantity: return "quantity"
        case .cardinal: return "number"
        case .ordinal: return "ordinal"
        case .event: return "event"
        case .product: return "product"
        case .workOfArt: return "title of a work"
        case .law: return "law"
        case .language: return "language"
        }
    }

    func entity(_ index: Int, in view: DocumentView, notes: WorkspaceFacts) -> String {
        let entity = view.annotations.entities[index]
        var lines: [String] = []
        lines.append("\(bold(entity.name)) · \(Self.typeName(entity.type)) (\(entity.type.rawValue))")
        if !entity.roles.isEmpty {
            lines.append("Roles here: \(entity.roles.map(escape).joined(separator: "; "))")
        }
        var spellings: [String] = []
        for mention in entity.mentions {
            let spelled = view.string(mention.span)
            if spelled != entity.name, !spellings.contains(spelled) { spellings.append(spelled) }
        }
        let count = entity.mentions.count
        let mentions = count == 1 ? "1 mention" : "\(count) mentions"
        lines.append(spellings.isEmpty ? mentions : "\(mentions); also written \(spellings.prefix(8).map { "“\(escape($0))”" }.joined(separator: ", "))")
        if let resolved = entity.mentions.compactMap(\.resolved).first {
            lines.append("Resolves to \(bold(resolved)) (from the article's date)")
        }
        let quotes = view.quotes(by: index)
        if !quotes.isEmpty {
            var block = quotes.count == 1 ? "1 quotation:" : "\(quotes.count) quotations:"
            for quote in quotes.prefix(5) { block += "\(lineBreak)\(markdown ? "- " : "  ")“\(escape(Self.firstWords(view.string(quote.span), 10)))”" }
            if quotes.count > 5 { block += "\(lineBreak)\(markdown ? "- " : "  ")… and \(quotes.count - 5) more" }
            lines.append(block)
        }
        var text = lines.joined(separator: "\n\n")
        if !entity.facts.isEmpty {
            text += rule + entity.facts.map { "\(Self.factName($0.key)): \(escape(Self.factValue($0)))" }.joined(separator: lineBreak)
            text += lineBreak + (markdown ? "_Facts: GeoNames (CC BY 4.0)_" : "Facts: GeoNames (CC BY 4.0)")
        }
        if let note = notes.entry(named: entity.name, spellings: spellings) {
            var block: [String] = []
            if let description = note.description { block.append(escape(description)) }
            if let style = note.style { block.append("Style: \(escape(style))") }
            for link in note.links { block.append(markdown ? "<\(link)>" : link) }
            if !block.isEmpty { text += rule + (markdown ? "_Workspace notes (byline.json)_" : "Workspace notes (byline.json)") + lineBreak + block.joined(separator: lineBreak) }
        }
        return text
    }

    func quote(_ quote: Quote, in view: DocumentView) -> String {
        var lines: [String] = []
        let kind: String
        switch quote.kind {
        case .direct: kind = "Direct quotation"
        case .indirect: kind = "Reported speech"
        case .mixed: kind = "Mixed quotation"
        }
        lines.append(bold(kind))
        if let speaker = quote.speaker {
            let written = view.string(speaker.span)
            let name = speaker.entityIndex.map { view.annotations.entities[$0].name }
            let who = name.map(bold) ?? bold(written)
            switch speaker.resolution {
            case .named: lines.append("Said by \(who), named at the cue")
            case .pronoun: lines.append("Said by \(who): the pronoun “\(escape(written))” refers to \(name.map(escape) ?? "no one Byline knows")")
            case .role: lines.append("Said by \(who): “\(escape(written))” is a role the article gives \(name.map(escape) ?? "no one Byline knows")")
            case .carried: lines.append("Said by \(who), carried over from the quotation before")
            case .unresolved: lines.append("Said by “\(escape(written))”, who is not tied to anyone named in the article")
            }
        } else {
            lines.append("No one is credited with this quotation.")
        }
        if let cue = quote.cue { lines.append("Cue: “\(escape(view.string(cue)))”") }
        return lines.joined(separator: "\n\n")
    }

    static func firstWords(_ text: String, _ count: Int) -> String {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" })
        let trimmed = words.prefix(count).joined(separator: " ").trimmingCharacters(in: ["“", "”", "\"", "«", "»", "„", ",", " "])
        return words.count > count ? trimmed + " …" : trimmed
    }

    static func factName(_ key: String) -> String {
        switch key {
        case "capital": return "Capital"
        case "population": return "Population"
        case "areaKm2": return "Area"
        case "currency": return "Currency"
        case "region": return "Region"
        case "country": return "Country"
        case "coordinates": return "Coordinates"
        case "kind": return "Kind"
        default: return key.prefix(1).uppercased() + key.dropFirst()
        }
    }

    static func factValue(_ fact: Fact) -> String {
        switch fact.key {
        case "population": return Int(fact.value).map(grouped) ?? fact.value
        case "areaKm2": return Int(fact.value).map { grouped($0) + " km²" } ?? fact.value
        case "capital" where fact.value == "yes": return "yes (national capital)"
        default: return fact.value
        }
    }

    static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }
}
