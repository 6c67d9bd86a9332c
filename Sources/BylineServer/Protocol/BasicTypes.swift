import BylineEngine
import BylineJSON

/// LSP's `TextDocumentIdentifier`.
struct TextDocumentIdentifier: Sendable {
    var uri: String
    init(_ reader: JSONReader) throws(JSONShapeError) {
        uri = try reader["uri"].string()
    }
}

/// LSP's `VersionedTextDocumentIdentifier`.
struct VersionedTextDocumentIdentifier: Sendable {
    var uri: String
    var version: Int
    init(_ reader: JSONReader) throws(JSONShapeError) {
        uri = try reader["uri"].string()
        version = try reader["version"].int()
    }
}

extension TextPosition {
    /// Reads an LSP `Position`: two non-negative integers.
    init(lsp reader: JSONReader) throws(JSONShapeError) {
        self.init(line: try reader["line"].uint(), character: try reader["character"].uint())
    }

    var lspJSON: JSON { ["line": .int(line), "character": .int(character)] }
}

/// LSP's `Range`, still in the client's position encoding.
struct LSPRange: Sendable {
    var start: TextPosition
    var end: TextPosition

    init(start: TextPosition, end: TextPosition) {
        self.start = start
        self.end = end
    }

    init(_ reader: JSONReader) throws(JSONShapeError) {
        start = try TextPosition(lsp: reader["start"])
        end = try TextPosition(lsp: reader["end"])
    }

    /// The range of a byte span of `text`, in `encoding`.
    init(_ span: TextSpan, in text: IndexedText, encoding: PositionEncoding) {
        start = text.position(ofByte: span.start, encoding: encoding)
        end = text.position(ofByte: span.end, encoding: encoding)
    }

    var json: JSON { ["start": start.lspJSON, "end": end.lspJSON] }
}
