import BylineEngine
import BylineJSON

/// The parameters of the language features' requests, decoded with the failing field named.

/// A request about one place in a document (LSP's `TextDocumentPositionParams`).
protocol PositionRequest: LSPRequest {
    var at: TextDocumentPositionParams { get }
    init(at: TextDocumentPositionParams)
}

extension PositionRequest {
    init(params: JSONReader) throws(JSONShapeError) { self.init(at: try TextDocumentPositionParams(params)) }
}

/// A request about a whole document (only `textDocument`).
protocol DocumentRequest: LSPRequest {
    var document: TextDocumentIdentifier { get }
    init(document: TextDocumentIdentifier)
}

extension DocumentRequest {
    init(params: JSONReader) throws(JSONShapeError) { self.init(document: try TextDocumentIdentifier(params["textDocument"])) }
}

/// A request about a range of a document (`textDocument` and `range`).
protocol DocumentRangeRequest: LSPRequest {
    var document: TextDocumentIdentifier { get }
    var range: LSPRange { get }
    init(document: TextDocumentIdentifier, range: LSPRange)
}

extension DocumentRangeRequest {
    init(params: JSONReader) throws(JSONShapeError) {
        self.init(document: try TextDocumentIdentifier(params["textDocument"]), range: try LSPRange(params["range"]))
    }
}

struct SemanticTokensRequest: DocumentRequest {
    static let method = "textDocument/semanticTokens/full"
    var document: TextDocumentIdentifier
}

struct SemanticTokensDeltaRequest: LSPRequest {
    static let method = "textDocument/semanticTokens/full/delta"
    var document: TextDocumentIdentifier
    var previousResultID: String
    init(params: JSONReader) throws(JSONShapeError) {
        document = try TextDocumentIdentifier(params["textDocument"])
        previousResultID = try params["previousResultId"].string()
    }
}

struct SemanticTokensRangeRequest: DocumentRangeRequest {
    static let method = "textDocument/semanticTokens/range"
    var document: TextDocumentIdentifier
    var range: LSPRange
}

struct HoverRequest: PositionRequest {
    static let method = "textDocument/hover"
    var at: TextDocumentPositionParams
}

struct DefinitionRequest: PositionRequest {
    static let method = "textDocument/definition"
    var at: TextDocumentPositionParams
}

struct ReferencesRequest: LSPRequest {
    static let method = "textDocument/references"
    var at: TextDocumentPositionParams
    var includeDeclaration: Bool
    init(params: JSONReader) throws(JSONShapeError) {
        at = try TextDocumentPositionParams(params)
        includeDeclaration = try params["context"]["includeDeclaration"].optional { r throws(JSONShapeError) in try r.bool() } ?? true
    }
}

struct DocumentHighlightRequest: PositionRequest {
    static let method = "textDocument/documentHighlight"
    var at: TextDocumentPositionParams
}

struct PrepareRenameRequest: PositionRequest {
    static let method = "textDocument/prepareRename"
    var at: TextDocumentPositionParams
}

struct RenameRequest: LSPRequest {
    static let method = "textDocument/rename"
    var at: TextDocumentPositionParams
    var newName: String
    init(params: JSONReader) throws(JSONShapeError) {
        at = try TextDocumentPositionParams(params)
        newName = try params["newName"].string()
    }
}

struct DocumentSymbolRequest: DocumentRequest {
    static let method = "textDocument/documentSymbol"
    var document: TextDocumentIdentifier
}

struct WorkspaceSymbolRequest: LSPRequest {
    static let method = "workspace/symbol"
    var query: String
    init(params: JSONReader) throws(JSONShapeError) { query = try params["query"].string() }
}

struct InlayHintRequest: DocumentRangeRequest {
    static let method = "textDocument/inlayHint"
    var document: TextDocumentIdentifier
    var range: LSPRange
}

struct CodeActionRequest: LSPRequest {
    static let method = "textDocument/codeAction"
    var document: TextDocumentIdentifier
    var range: LSPRange
    /// `context.only`: the kinds the client asks for; nil means all.
    var only: [String]?
    init(params: JSONReader) throws(JSONShapeError) {
        document = try TextDocumentIdentifier(params["textDocument"])
        range = try LSPRange(params["range"])
        _ = try params["context"].object()
        only = try params["context"]["only"].optional { r throws(JSONShapeError) in
            var kinds: [String] = []
            for kind in try r.array() { kinds.append(try kind.string()) }
            return kinds
        }
    }
}

struct CompletionRequest: PositionRequest {
    static let method = "textDocument/completion"
    var at: TextDocumentPositionParams
}

struct DocumentDiagnosticRequest: LSPRequest {
    static let method = "textDocument/diagnostic"
    var document: TextDocumentIdentifier
    var previousResultID: String?
    init(params: JSONReader) throws(JSONShapeError) {
        document = try TextDocumentIdentifier(params["textDocument"])
        previousResultID = try params["previousResultId"].optional { r throws(JSONShapeError) in try r.string() }
    }
}

struct WorkspaceDiagnosticRequest: LSPRequest {
    static let method = "workspace/diagnostic"
    /// uri → the result id the client holds.
    var previousResultIDs: [String: String]
    init(params: JSONReader) throws(JSONShapeError) {
        previousResultIDs = [:]
        for entry in try params["previousResultIds"].optional({ r throws(JSONShapeError) in try r.array() }) ?? [] {
            previousResultIDs[try entry["uri"].string()] = try entry["value"].string()
        }
    }
}

struct DidChangeConfigurationNotification: LSPNotification {
    static let method = "workspace/didChangeConfiguration"
    var settings: JSON?
    init(params: JSONReader) throws(JSONShapeError) {
        _ = try params.object()
        settings = params["settings"].value
    }
}
