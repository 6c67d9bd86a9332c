import BylineEngine
import BylineJSON
import JSONRPC

/// `textDocument/definition`, `references` and `documentHighlight`: an entity's mentions as
/// a programmer's editor treats a symbol's. A resolved speaker ("he" said) counts as a
/// mention of the entity it stands for.
extension LanguageServer {
    func definition(_ request: DefinitionRequest, _ context: RequestContext) {
        answer(about: request.at.document.uri, context) { view in
            guard let (entity, _) = view.entity(at: view.byteOffset(request.at.position)),
                let mention = view.definingMention(of: view.annotations.entities[entity])
            else { return .success(.null) }
            return .success(["uri": .string(view.uri), "range": view.range(mention.span).json])
        }
    }

    func references(_ request: ReferencesRequest, _ context: RequestContext) {
        answer(about: request.at.document.uri, context) { view in
            guard let (entity, _) = view.entity(at: view.byteOffset(request.at.position)) else { return .success(.null) }
            let declaration = view.definingMention(of: view.annotations.entities[entity])?.span
            let spans = Self.spans(of: entity, in: view).filter { request.includeDeclaration || $0 != declaration }
            return .success(.array(spans.map { ["uri": .string(view.uri), "range": view.range($0).json] }))
        }
    }

    func documentHighlight(_ request: DocumentHighlightRequest, _ context: RequestContext) {
        answer(about: request.at.document.uri, context) { view in
            guard let (entity, _) = view.entity(at: view.byteOffset(request.at.position)) else { return .success(.null) }
            // Kind 1 (text): an article's mentions are neither reads nor writes.
            return .success(.array(Self.spans(of: entity, in: view).map { ["range": view.range($0).json, "kind": 1] }))
        }
    }

    /// Every mention of an entity and every speaker resolved to it, in text order.
    static func spans(of entity: Int, in view: DocumentView) -> [TextSpan] {
        var spans = view.annotations.entities[entity].mentions.map(\.span)
        for quote in view.annotations.quotes {
            if let speaker = quote.speaker, speaker.entityIndex == entity, !spans.contains(where: { $0.range.overlaps(speaker.span.range) }) {
                spans.append(speaker.span)
            }
        }
        return spans.sorted { $0.start < $1.start }
    }
}

/// `textDocument/prepareRename` and `rename`: renaming an entity rewrites every mention,
/// each in its own form. The full name becomes the new full name; a surname alone ("Putin")
/// becomes the new surname, a given name alone the new given name; a form that is not made of
/// the name's words (an acronym, "the Russian leader", a pronoun) is left as written.
extension LanguageServer {
    func prepareRename(_ request: PrepareRenameRequest, _ context: RequestContext) {
        answer(about: request.at.document.uri, context) { view in
            let offset = view.byteOffset(request.at.position)
            guard let (entity, _) = view.entity(at: offset),
                let mention = view.annotations.entities[entity].mentions.first(where: { $0.span.start <= offset && offset <= $0.span.end })
            else {
                return .failure(ResponseError(code: ErrorCode.requestFailed, message: "Only a named entity can be renamed here"))
            }
            return .success(["range": view.range(mention.span).json, "placeholder": .string(view.annotations.entities[entity].name)])
        }
    }

    func rename(_ request: RenameRequest, _ context: RequestContext) {
        answer(about: request.at.document.uri, context) { view in
            let newName = request.newName.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !newName.isEmpty else { return .failure(.invalidParams("newName: a name cannot be empty")) }
            guard let (entityIndex, _) = view.entity(at: view.byteOffset(request.at.position)) else {
                return .failure(ResponseError(code: ErrorCode.requestFailed, message: "Only a named entity can be renamed here"))
            }
            let entity = view.annotations.entities[entityIndex]
            let edits: [JSON] = entity.mentions.compactMap { mention in
                let written = view.string(mention.span)
                guard let replacement = Self.renamed(written, canonical: entity.name, to: newName), replacement != written else { return nil }
                return ["range": view.range(mention.span).json, "newText": .string(replacement)]
            }
            return .success(["changes": [view.uri: .array(edits)]])
        }
    }

    /// The new spelling of one mention, or nil to leave it as written.
    static func renamed(_ written: String, canonical: String, to newName: String) -> String? {
        if written == canonical { return newName }
        let old = canonical.split(separator: " ")
        let new = newName.split(separator: " ")
        let words = written.split(separator: " ")
        guard !words.isEmpty, words.count < old.count else { return nil }
        if Array(old.suffix(words.count)) == words { return new.suffix(min(words.count, new.count)).joined(separator: " ") }
        if Array(old.prefix(words.count)) == words { return new.prefix(min(words.count, new.count)).joined(separator: " ") }
        return nil
    }
}
