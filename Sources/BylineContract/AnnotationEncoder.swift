import BylineEngine
import BylineJSON

/// Builds the annotation object of CONTRACT.md from the engine's annotations.
///
/// The engine speaks UTF-8 byte offsets; the contract speaks Unicode code-point offsets,
/// and the LSP request adds a `range` in the negotiated position encoding. This is the one
/// place where that translation happens, so the CLI and the server cannot drift apart.
public struct AnnotationEncoder {
    public let text: IndexedText
    /// When set, every span also carries an LSP `range` in this encoding.
    public let positionEncoding: PositionEncoding?

    public init(text: IndexedText, positionEncoding: PositionEncoding? = nil) {
        self.text = text
        self.positionEncoding = positionEncoding
    }

    /// The whole annotation object. `id` and `path` are included only when given.
    public func encode(_ annotations: Annotations, id: JSON? = nil, path: String? = nil) -> JSON {
        var object = JSONObject()
        if let id { object["id"] = id }
        if let path { object["path"] = .string(path) }
        object["date"] = annotations.metadata.date.map { .string($0.description) } ?? .null
        let metadata = encodeMetadata(annotations.metadata)
        if metadata.count > 0 { object["metadata"] = .object(metadata) }
        object["entities"] = .array(annotations.entities.map(encode(entity:)))
        object["quotes"] = .array(annotations.quotes.map { encode(quote: $0, entities: annotations.entities) })
        object["diagnostics"] = .array(annotations.diagnostics.map(encode(diagnostic:)))
        return .object(object)
    }

    func encodeMetadata(_ metadata: ArticleMetadata) -> JSONObject {
        var object = JSONObject()
        if let title = metadata.title { object["title"] = .string(title) }
        if let source = metadata.source { object["source"] = .string(source) }
        if let byline = metadata.byline { object["byline"] = .string(byline) }
        return object
    }

    /// `start`, `end` (code points), `text`, and `range` when a position encoding is set.
    public func spanObject(_ span: TextSpan, includeText: Bool = true) -> JSONObject {
        var object: JSONObject = [
            "start": .int(text.scalarOffset(ofByte: span.start)),
            "end": .int(text.scalarOffset(ofByte: span.end)),
        ]
        if includeText { object["text"] = .string(text.substring(span.range)) }
        if let positionEncoding { object["range"] = lspRange(span, encoding: positionEncoding) }
        return object
    }

    public func lspRange(_ span: TextSpan, encoding: PositionEncoding) -> JSON {
        func position(_ offset: Int) -> JSON {
            let position = text.position(ofByte: offset, encoding: encoding)
            return ["line": .int(position.line), "character": .int(position.character)]
        }
        return ["start": position(span.start), "end": position(span.end)]
    }

    func encode(entity: Entity) -> JSON {
        let mentions: [JSON] = entity.mentions.map { mention in
            var object = spanObject(mention.span)
            object["type"] = .string(mention.type.rawValue)
            if let resolved = mention.resolved { object["resolved"] = .string(resolved) }
            return .object(object)
        }
        var object: JSONObject = [
            "id": .string(entity.id), "name": .string(entity.name), "type": .string(entity.type.rawValue),
            "mentions": .array(mentions),
        ]
        if !entity.roles.isEmpty { object["roles"] = .array(entity.roles.map { .string($0) }) }
        if !entity.facts.isEmpty {
            var facts = JSONObject()
            for fact in entity.facts { facts[fact.key] = .string(fact.value) }
            object["facts"] = .object(facts)
        }
        return .object(object)
    }

    func encode(quote: Quote, entities: [Entity]) -> JSON {
        var object = spanObject(quote.span)
        object["kind"] = .string(quote.kind.rawValue)
        if let speaker = quote.speaker {
            var speakerObject = spanObject(speaker.span)
            speakerObject["entity"] = speaker.entityIndex.map { .string(entities[$0].id) } ?? .null
            speakerObject["resolution"] = .string(speaker.resolution.rawValue)
            object["speaker"] = .object(speakerObject)
        } else {
            object["speaker"] = .null
        }
        object["cue"] = quote.cue.map { .object(spanObject($0)) } ?? .null
        return .object(object)
    }

    func encode(diagnostic: ArticleDiagnostic) -> JSON {
        var object = spanObject(diagnostic.span, includeText: false)
        object["severity"] = .string(diagnostic.severity.rawValue)
        object["code"] = .string(diagnostic.code)
        object["message"] = .string(diagnostic.message)
        if let replacement = diagnostic.replacement { object["replacement"] = .string(replacement) }
        if !diagnostic.related.isEmpty {
            object["related"] = .array(diagnostic.related.map { related in
                var item = spanObject(related.span, includeText: true)
                item["message"] = .string(related.message)
                return .object(item)
            })
        }
        return .object(object)
    }
}
