import BylineEngine
import BylineJSON
import JSONRPC

/// `textDocument/semanticTokens/full`, `/full/delta` and `/range`: entities, quotations,
/// speakers and cues as Byline's own token types.
///
/// Tokens never overlap, since most clients cannot draw overlapping tokens: a cue wins over a
/// speaker, a speaker over an entity mention, and an entity over the quotation around it, so
/// a quote is drawn as the pieces its speaker and names leave. Tokens that cross a line
/// break are cut at each line unless the client draws multi-line tokens.
enum SemanticTokenLegend {
    /// Index order is the wire format: never reorder, only append.
    static let types = ["person", "organization", "place", "nationality", "date", "time", "number", "quote", "speaker", "cue", "event", "work"]
    static let modifiers = ["declaration", "unattributed", "inferred", "direct", "indirect", "mixed"]

    static let person = 0, organization = 1, place = 2, nationality = 3, date = 4, time = 5, number = 6
    static let quote = 7, speaker = 8, cue = 9, event = 10, work = 11
    static let declaration = 1 << 0, unattributed = 1 << 1, inferred = 1 << 2
    static let direct = 1 << 3, indirect = 1 << 4, mixed = 1 << 5

    static func type(of entityType: EntityType) -> Int {
        switch entityType {
        case .person: return person
        case .organization: return organization
        case .geopolitical, .location, .facility: return place
        case .norp, .language: return nationality
        case .date: return date
        case .time: return time
        case .money, .percent, .quantity, .cardinal, .ordinal: return number
        case .event: return event
        case .product, .workOfArt, .law: return work
        }
    }

    static var json: JSON {
        ["tokenTypes": .array(types.map { .string($0) }), "tokenModifiers": .array(modifiers.map { .string($0) })]
    }
}

/// One token before encoding: a byte span on one line (or several, for multi-line clients).
struct SemanticToken: Equatable, Sendable {
    var span: TextSpan
    var type: Int
    var modifiers: Int
}

struct SemanticTokenBuilder {
    let view: DocumentView
    /// Token types the user wants drawn (the `byline.highlight` setting); nil means all.
    var enabledTypes: Set<Int>?

    private struct Layer {
        var span: TextSpan
        var type: Int
        var modifiers: Int
        var priority: Int
    }

    /// Every token of the document, in text order, cut per line as the client needs.
    func tokens() -> [SemanticToken] {
        var layers: [Layer] = []
        let annotations = view.annotations
        for entity in annotations.entities {
            let type = SemanticTokenLegend.type(of: entity.type)
            for (index, mention) in entity.mentions.enumerated() {
                layers.append(Layer(span: mention.span, type: type, modifiers: index == 0 ? SemanticTokenLegend.declaration : 0, priority: 1))
            }
        }
        for quote in annotations.quotes {
            var kind: Int
            switch quote.kind {
            case .direct: kind = SemanticTokenLegend.direct
            case .indirect: kind = SemanticTokenLegend.indirect
            case .mixed: kind = SemanticTokenLegend.mixed
            }
            if quote.speaker == nil { kind |= SemanticTokenLegend.unattributed }
            layers.append(Layer(span: quote.span, type: SemanticTokenLegend.quote, modifiers: kind, priority: 0))
            if let speaker = quote.speaker {
                let inferred = speaker.resolution == .named ? 0 : SemanticTokenLegend.inferred
                layers.append(Layer(span: speaker.span, type: SemanticTokenLegend.speaker, modifiers: inferred, priority: 2))
            }
            if let cue = quote.cue, cue != quote.speaker?.span {
                layers.append(Layer(span: cue, type: SemanticTokenLegend.cue, modifiers: 0, priority: 3))
            }
        }
        if let enabledTypes { layers.removeAll { !enabledTypes.contains($0.type) } }
        return cutPerLine(flatten(layers))
    }

    /// Paints the layers in priority order: each byte shows its highest layer; neighbouring
    /// bytes showing the same layer form one token.
    private func flatten(_ layers: [Layer]) -> [SemanticToken] {
        guard !layers.isEmpty else { return [] }
        var boundaries = Set<Int>()
        for layer in layers where layer.span.start < layer.span.end {
            boundaries.insert(layer.span.start)
            boundaries.insert(layer.span.end)
        }
        let points = boundaries.sorted()
        let ordered = layers.indices.sorted { layers[$0].span.start < layers[$1].span.start }
        var active: [Int] = []
        var next = 0
        var result: [SemanticToken] = []
        var lastLayer = -1
        for (position, start) in points.enumerated().dropLast() {
            let end = points[position + 1]
            while next < ordered.count, layers[ordered[next]].span.start <= start {
                active.append(ordered[next])
                next += 1
            }
            active.removeAll { layers[$0].span.end <= start }
            guard let top = active.max(by: { layers[$0].priority < layers[$1].priority }) else {
                lastLayer = -1
                continue
            }
            if top == lastLayer, let last = result.last, last.span.end == start {
                result[result.count - 1].span.end = end
            } else {
                result.append(SemanticToken(span: TextSpan(start: start, end: end), type: layers[top].type, modifiers: layers[top].modifiers))
            }
            lastLayer = top
        }
        return result.compactMap(trimmed)
    }

    /// Leading and trailing spaces are not part of what a token marks.
    private func trimmed(_ token: SemanticToken) -> SemanticToken? {
        var token = token
        let bytes = view.text.bytes
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        while token.span.start < token.span.end, isSpace(bytes[token.span.start]) { token.span.start += 1 }
        while token.span.end > token.span.start, isSpace(bytes[token.span.end - 1]) { token.span.end -= 1 }
        return token.span.start < token.span.end ? token : nil
    }

    private func cutPerLine(_ tokens: [SemanticToken]) -> [SemanticToken] {
        if view.client.multilineTokens { return tokens }
        let text = view.text
        var result: [SemanticToken] = []
        result.reserveCapacity(tokens.count)
        for token in tokens {
            let first = text.line(containingByte: token.span.start)
            let last = text.line(containingByte: max(token.span.start, token.span.end - 1))
            if first == last {
                result.append(token)
                continue
            }
            for line in first...last {
                let start = max(token.span.start, text.lineStarts[line])
                let end = min(token.span.end, text.lineContentEnds[line])
                if start < end { result.append(SemanticToken(span: TextSpan(start: start, end: end), type: token.type, modifiers: token.modifiers)) }
            }
        }
        return result
    }

    /// LSP's relative encoding: five integers per token, each position relative to the last.
    func encode(_ tokens: [SemanticToken]) -> [Int] {
        var data: [Int] = []
        data.reserveCapacity(tokens.count * 5)
        var previousLine = 0
        var previousCharacter = 0
        for token in tokens {
            let start = view.text.position(ofByte: token.span.start, encoding: view.encoding)
            let end = view.text.position(ofByte: token.span.end, encoding: view.encoding)
            let length: Int
            if end.line == start.line {
                length = end.character - start.character
            } else {
                // A multi-line token's length counts every unit up to its end, line breaks too.
                length = units(from: token.span.start, to: token.span.end)
            }
            data.append(start.line - previousLine)
            data.append(start.line == previousLine ? start.character - previousCharacter : start.character)
            data.append(length)
            data.append(token.type)
            data.append(token.modifiers)
            previousLine = start.line
            previousCharacter = start.character
        }
        return data
    }

    private func units(from start: Int, to end: Int) -> Int {
        switch view.encoding {
        case .utf8: return end - start
        case .utf16: return view.text.utf16Offset(ofByte: end) - view.text.utf16Offset(ofByte: start)
        case .utf32: return view.text.scalarOffset(ofByte: end) - view.text.scalarOffset(ofByte: start)
        }
    }
}

/// The last full result sent for each document, so that a delta request can be answered
/// with only what changed.
struct SemanticTokensResult: Sendable {
    var resultID: String
    var data: [Int]
}

extension LanguageServer {
    func semanticTokensFull(_ request: SemanticTokensRequest, _ context: RequestContext) {
        answer(about: request.document.uri, context) { view in
            let data = self.semanticTokenData(view)
            let id = self.rememberSemanticTokens(view.uri, data)
            return .success(["resultId": .string(id), "data": .array(data.map { .int($0) })])
        }
    }

    func semanticTokensDelta(_ request: SemanticTokensDeltaRequest, _ context: RequestContext) {
        answer(about: request.document.uri, context) { view in
            let data = self.semanticTokenData(view)
            let previous = self.semanticTokenResults.withLock { $0[view.uri] }
            let id = self.rememberSemanticTokens(view.uri, data)
            guard let previous, previous.resultID == request.previousResultID else {
                // An unknown or outdated result id: send everything, as the spec allows.
                return .success(["resultId": .string(id), "data": .array(data.map { .int($0) })])
            }
            let edit = Self.singleEdit(from: previous.data, to: data)
            let edits: [JSON] = edit.map {
                [["start": .int($0.start), "deleteCount": .int($0.deleteCount), "data": .array($0.data.map { .int($0) })]]
            } ?? []
            return .success(["resultId": .string(id), "edits": .array(edits)])
        }
    }

    func semanticTokensRange(_ request: SemanticTokensRangeRequest, _ context: RequestContext) {
        answer(about: request.document.uri, context) { view in
            let lower = view.byteOffset(request.range.start)
            let upper = view.byteOffset(request.range.end)
            var builder = SemanticTokenBuilder(view: view)
            builder.enabledTypes = self.settings.withLock { $0.highlightedTokenTypes }
            let tokens = builder.tokens().filter { $0.span.end > lower && $0.span.start < upper }
            return .success(["data": .array(builder.encode(tokens).map { .int($0) })])
        }
    }

    func semanticTokenData(_ view: DocumentView) -> [Int] {
        var builder = SemanticTokenBuilder(view: view)
        builder.enabledTypes = settings.withLock { $0.highlightedTokenTypes }
        return builder.encode(builder.tokens())
    }

    private func rememberSemanticTokens(_ uri: String, _ data: [Int]) -> String {
        semanticTokenResults.withLock { results in
            let id = String((Int(results[uri]?.resultID ?? "0") ?? 0) + 1)
            results[uri] = SemanticTokensResult(resultID: id, data: data)
            return id
        }
    }

    /// The smallest single edit turning `old` into `new`: the common prefix and suffix stay.
    static func singleEdit(from old: [Int], to new: [Int]) -> (start: Int, deleteCount: Int, data: [Int])? {
        if old == new { return nil }
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] {
            suffix += 1
        }
        return (prefix, old.count - prefix - suffix, Array(new[prefix..<(new.count - suffix)]))
    }
}
