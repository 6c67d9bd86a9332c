import BylineEngine
import BylineJSON
import JSONRPC

/// `textDocument/documentSymbol`: the article's outline. Entities are grouped by type
/// ("People", "Organisations", …), each with its mentions; quotations are grouped by
/// speaker, with the unattributed ones last.
extension LanguageServer {
    func documentSymbols(_ request: DocumentSymbolRequest, _ context: RequestContext) {
        answer(about: request.document.uri, context) { view in .success(.array(DocumentOutline(view: view).symbols())) }
    }
}

struct DocumentOutline {
    let view: DocumentView

    /// LSP `SymbolKind`s, chosen for the icons editors draw.
    enum Kind {
        static let namespace = 3, `class` = 5, field = 8, constant = 14, string = 15, number = 16, object = 19
        static let event = 24, variable = 13, module = 2, `struct` = 23, enumMember = 22
    }

    static let groups: [(title: String, types: [EntityType], kind: Int)] = [
        ("People", [.person], Kind.class),
        ("Organisations", [.organization], Kind.module),
        ("Places", [.geopolitical, .location, .facility], Kind.struct),
        ("Nationalities and groups", [.norp, .language], Kind.enumMember),
        ("Dates and times", [.date, .time], Kind.constant),
        ("Events", [.event], Kind.event),
        ("Works, products and laws", [.workOfArt, .product, .law], Kind.object),
        ("Numbers", [.money, .percent, .quantity, .cardinal, .ordinal], Kind.number),
    ]

    func symbols() -> [JSON] {
        var result: [JSON] = []
        let entities = view.annotations.entities
        for group in Self.groups {
            let members = entities.indices.filter { group.types.contains(entities[$0].type) && !entities[$0].mentions.isEmpty }
            guard !members.isEmpty else { continue }
            let children: [(TextSpan, JSON)] = members.map { index in
                let entity = entities[index]
                let spans = entity.mentions.map(\.span)
                let mentionSymbols: [JSON] = spans.map { span in
                    symbol(name: view.string(span), detail: nil, kind: Kind.field, range: span, selection: span, children: [])
                }
                let selection = view.definingMention(of: entity)?.span ?? spans[0]
                let range = cover(spans)
                let detail = ([entity.type.rawValue] + entity.roles.prefix(2)).joined(separator: " · ")
                return (range, symbol(name: entity.name, detail: detail, kind: group.kind, range: range, selection: selection, children: mentionSymbols))
            }
            let range = cover(children.map(\.0))
            result.append(symbol(name: group.title, detail: "\(members.count)", kind: Kind.namespace, range: range, selection: range, children: children.map(\.1)))
        }
        let quotes = view.annotations.quotes
        if !quotes.isEmpty {
            // Speakers in order of first quotation; quotes whose speaker is not an entity are
            // grouped by the words that credit them ("officials").
            var order: [String] = []
            var bySpeaker: [String: [Quote]] = [:]
            for quote in quotes {
                let key: String
                if let speaker = quote.speaker {
                    key = speaker.entityIndex.map { entities[$0].name } ?? view.string(speaker.span)
                } else {
                    key = "Unattributed"
                }
                if bySpeaker[key] == nil { order.append(key) }
                bySpeaker[key, default: []].append(quote)
            }
            if let index = order.firstIndex(of: "Unattributed") { order.append(order.remove(at: index)) }
            var speakerSymbols: [(TextSpan, JSON)] = []
            for key in order {
                let items = bySpeaker[key]!
                let quoteSymbols: [JSON] = items.map { quote in
                    symbol(name: "“\(HoverText.firstWords(view.string(quote.span), 8))”", detail: quote.kind.rawValue, kind: Kind.string,
                           range: quote.span, selection: quote.span, children: [])
                }
                let range = cover(items.map(\.span))
                speakerSymbols.append((range, symbol(name: key, detail: items.count == 1 ? "1 quotation" : "\(items.count) quotations",
                                                     kind: Kind.variable, range: range, selection: items[0].span, children: quoteSymbols)))
            }
            let range = cover(speakerSymbols.map(\.0))
            result.append(symbol(name: "Quotations", detail: "\(quotes.count)", kind: Kind.namespace, range: range, selection: range,
                                 children: speakerSymbols.map(\.1)))
        }
        return result
    }

    func cover(_ spans: [TextSpan]) -> TextSpan {
        TextSpan(start: spans.map(\.start).min() ?? 0, end: spans.map(\.end).max() ?? 0)
    }

    func symbol(name: String, detail: String?, kind: Int, range: TextSpan, selection: TextSpan, children: [JSON]) -> JSON {
        var object: JSONObject = [
            "name": .string(name.isEmpty ? "(empty)" : name), "kind": .int(kind),
            "range": view.range(range).json, "selectionRange": view.range(selection).json,
        ]
        if let detail { object["detail"] = .string(detail) }
        if !children.isEmpty { object["children"] = .array(children) }
        return .object(object)
    }
}
