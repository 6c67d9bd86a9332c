import BylineEngine
import BylineJSON

struct DidOpenTextDocumentNotification: LSPNotification {
    static let method = "textDocument/didOpen"
    var uri: String
    var languageID: String
    var version: Int
    var text: String

    init(params: JSONReader) throws(JSONShapeError) {
        let document = params["textDocument"]
        uri = try document["uri"].string()
        languageID = try document["languageId"].string()
        version = try document["version"].int()
        text = try document["text"].string()
    }
}

/// One entry of `contentChanges`: a ranged edit, or the whole new text when `range` is absent.
struct TextDocumentContentChange: Sendable {
    var range: LSPRange?
    var text: String

    init(_ reader: JSONReader) throws(JSONShapeError) {
        range = try reader["range"].optional { r throws(JSONShapeError) in try LSPRange(r) }
        text = try reader["text"].string()
    }
}

struct DidChangeTextDocumentNotification: LSPNotification {
    static let method = "textDocument/didChange"
    var document: VersionedTextDocumentIdentifier
    var changes: [TextDocumentContentChange]

    init(params: JSONReader) throws(JSONShapeError) {
        document = try VersionedTextDocumentIdentifier(params["textDocument"])
        changes = []
        for change in try params["contentChanges"].array() {
            changes.append(try TextDocumentContentChange(change))
        }
    }
}

struct DidCloseTextDocumentNotification: LSPNotification {
    static let method = "textDocument/didClose"
    var document: TextDocumentIdentifier
    init(params: JSONReader) throws(JSONShapeError) { document = try TextDocumentIdentifier(params["textDocument"]) }
}

struct DidSaveTextDocumentNotification: LSPNotification {
    static let method = "textDocument/didSave"
    var document: TextDocumentIdentifier
    var text: String?
    init(params: JSONReader) throws(JSONShapeError) {
        document = try TextDocumentIdentifier(params["textDocument"])
        text = try params["text"].optional { r throws(JSONShapeError) in try r.string() }
    }
}
