import BylineEngine
import BylineJSON
import JSONRPC

/// What every request about one open document shares: the document is looked up in message
/// order (so the answer reflects every edit received before the request and none after it),
/// and the work runs off the message thread on the document's current analysis.
extension LanguageServer {
    func answer(
        about uri: String, _ context: RequestContext,
        _ work: @escaping @Sendable (DocumentView) -> Result<JSON, ResponseError>
    ) {
        guard let document = documents.snapshot(uri) else {
            context.reply(.failure(.invalidParams("textDocument.uri: \(uri) is not open")))
            return
        }
        let (encoding, client) = session.withLock { ($0.positionEncoding, $0.clientCapabilities) }
        context.replyAsync(on: requestQueue) { context in
            let analysis = self.currentAnalysis(of: document)
            if context.isCancelled { return .failure(.cancelled) }
            let started = ContinuousClock.now
            let result = work(DocumentView(document: document, analysis: analysis, encoding: encoding, client: client))
            self.trace("Computed '\(context.method)' for \(uri)", started: started)
            return result
        }
    }
}

/// One analysed document as a request sees it: its annotations, and conversions between the
/// engine's byte offsets and the client's positions.
struct DocumentView: Sendable {
    let document: OpenDocument
    let analysis: DocumentAnalysis
    let encoding: PositionEncoding
    let client: ClientCapabilities

    var uri: String { document.uri }
    var text: IndexedText { analysis.article.text }
    var annotations: Annotations { analysis.annotations }

    func byteOffset(_ position: TextPosition) -> Int { text.byteOffset(of: position, encoding: encoding).offset }
    func range(_ span: TextSpan) -> LSPRange { LSPRange(span, in: text, encoding: encoding) }
    func string(_ span: TextSpan) -> String { text.substring(span.range) }

    /// The entity at a byte offset: a mention of it, or a speaker resolved to it ("he" said).
    /// A cursor just after a name still points at it, as editors place it after a word.
    func entity(at offset: Int) -> (entity: Int, span: TextSpan)? {
        for (index, entity) in annotations.entities.enumerated() {
            for mention in entity.mentions where mention.span.start <= offset && offset <= mention.span.end {
                return (index, mention.span)
            }
        }
        for quote in annotations.quotes {
            if let speaker = quote.speaker, let entity = speaker.entityIndex, speaker.span.start <= offset, offset <= speaker.span.end {
                return (entity, speaker.span)
            }
        }
        return nil
    }

    /// The index of the quotation whose content, speaker or cue holds a byte offset.
    func quote(at offset: Int) -> Int? {
        annotations.quotes.firstIndex { quote in
            quote.span.start <= offset && offset < quote.span.end
                || quote.speaker.map { $0.span.start <= offset && offset < $0.span.end } == true
                || quote.cue.map { $0.start <= offset && offset < $0.end } == true
        }
    }

    /// The mention an entity is best known by: its first full mention, spelled as its
    /// canonical name, or else its first mention.
    func definingMention(of entity: Entity) -> Mention? {
        entity.mentions.first { string($0.span) == entity.name } ?? entity.mentions.first
    }

    /// The quotations credited to an entity, in text order.
    func quotes(by entity: Int) -> [Quote] {
        annotations.quotes.filter { $0.speaker?.entityIndex == entity }
    }
}

/// LSP's `TextDocumentPositionParams`, the parameters of most requests about one place.
struct TextDocumentPositionParams: Sendable {
    var document: TextDocumentIdentifier
    var position: TextPosition
    init(_ params: JSONReader) throws(JSONShapeError) {
        document = try TextDocumentIdentifier(params["textDocument"])
        position = try TextPosition(lsp: params["position"])
    }
}
