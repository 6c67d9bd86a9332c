import BylineJSON

/// `byline/annotations`: the CONTRACT.md annotation object for an open document, every span
/// carrying an LSP `range` in the negotiated encoding besides its code-point offsets.
struct AnnotationsRequest: LSPRequest {
    static let method = "byline/annotations"
    var document: TextDocumentIdentifier
    init(params: JSONReader) throws(JSONShapeError) { document = try TextDocumentIdentifier(params["textDocument"]) }
}
