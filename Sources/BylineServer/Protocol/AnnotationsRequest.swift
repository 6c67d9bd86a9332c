import BylineJSON

/// `byline/annotations`: the CONTRACT.md annotation object for an open document, every span
/// carrying an LSP `range` in the negotiated encoding besides its code-point offsets.
struct AnnotationsRequest: DocumentRequest {
    static let method = "byline/annotations"
    var document: TextDocumentIdentifier
}
