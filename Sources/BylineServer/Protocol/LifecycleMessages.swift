import BylineEngine
import BylineJSON
import Foundation

/// `initialize`: the client's first request, carrying its capabilities; the answer carries
/// the server's, computed from them.
struct InitializeRequest: LSPRequest {
    static let method = "initialize"
    var processID: Int?
    var clientName: String?
    var capabilities: ClientCapabilities
    var initializationOptions: JSON?
    var trace: TraceLevel?
    /// The workspace folders as file paths: `workspaceFolders`, else `rootUri`, else
    /// `rootPath`. Folders that are not `file:` URIs are left out.
    var workspaceFolders: [String] = []

    init(params: JSONReader) throws(JSONShapeError) {
        processID = try params["processId"].optional { r throws(JSONShapeError) in try r.int() }
        clientName = try params["clientInfo"]["name"].optional { r throws(JSONShapeError) in try r.string() }
        capabilities = try ClientCapabilities(params["capabilities"])
        initializationOptions = params["initializationOptions"].value
        trace = try params["trace"].optional { r throws(JSONShapeError) in try TraceLevel(r) }
        if let folders = try params["workspaceFolders"].optional({ r throws(JSONShapeError) in try r.array() }) {
            for folder in folders {
                if let path = Self.path(ofFileURI: try folder["uri"].string()) { workspaceFolders.append(path) }
            }
        } else if let root = try params["rootUri"].optional({ r throws(JSONShapeError) in try r.string() }) {
            if let path = Self.path(ofFileURI: root) { workspaceFolders.append(path) }
        } else if let root = try params["rootPath"].optional({ r throws(JSONShapeError) in try r.string() }) {
            workspaceFolders.append(root)
        }
    }

    static func path(ofFileURI uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.standardizedFileURL.path
    }
}

/// `initialized`: the client has read the initialize result.
struct InitializedNotification: ParameterlessNotification {
    static let method = "initialized"
}

/// `shutdown`: stop work; only `exit` is expected afterwards.
struct ShutdownRequest: ParameterlessRequest {
    static let method = "shutdown"
}

/// `exit`: end the process, with status 0 only if `shutdown` came first.
struct ExitNotification: ParameterlessNotification {
    static let method = "exit"
}

/// The parts of the client's capabilities that change what the server does.
struct ClientCapabilities: Sendable, Equatable {
    /// `general.positionEncodings`; absent means UTF-16 only.
    var positionEncodings: [String] = []
    /// `textDocument.semanticTokens.multilineTokenSupport`: a token may span lines.
    var multilineTokens = false
    /// `textDocument.hover.contentFormat` lists `markdown`.
    var markdownHover = false
    /// `textDocument.diagnostic` is present: the client pulls diagnostics.
    var pullDiagnostics = false
    /// `textDocument.publishDiagnostics.relatedInformation`.
    var relatedInformation = false
    /// `workspace.configuration`: the server may ask for settings.
    var configurationRequests = false
    /// `workspace.semanticTokens.refreshSupport`, `workspace.inlayHint.refreshSupport`,
    /// `workspace.diagnostics.refreshSupport`: the server may ask the client to re-request.
    var refreshSemanticTokens = false
    var refreshInlayHints = false
    var refreshDiagnostics = false

    init() {}

    init(_ reader: JSONReader) throws(JSONShapeError) {
        if reader.isAbsent { return }
        _ = try reader.object()
        if let encodings = try reader["general"]["positionEncodings"].optional({ r throws(JSONShapeError) in try r.array() }) {
            positionEncodings = []
            for encoding in encodings { positionEncodings.append(try encoding.string()) }
        }
        let document = reader["textDocument"]
        multilineTokens = try document["semanticTokens"]["multilineTokenSupport"].optional { r throws(JSONShapeError) in try r.bool() } ?? false
        if let formats = try document["hover"]["contentFormat"].optional({ r throws(JSONShapeError) in try r.array() }) {
            for format in formats where try format.string() == "markdown" { markdownHover = true }
        }
        pullDiagnostics = !document["diagnostic"].isAbsent
        relatedInformation = try document["publishDiagnostics"]["relatedInformation"].optional { r throws(JSONShapeError) in try r.bool() } ?? false
        let workspace = reader["workspace"]
        configurationRequests = try workspace["configuration"].optional { r throws(JSONShapeError) in try r.bool() } ?? false
        refreshSemanticTokens = try workspace["semanticTokens"]["refreshSupport"].optional { r throws(JSONShapeError) in try r.bool() } ?? false
        refreshInlayHints = try workspace["inlayHint"]["refreshSupport"].optional { r throws(JSONShapeError) in try r.bool() } ?? false
        refreshDiagnostics = try workspace["diagnostics"]["refreshSupport"].optional { r throws(JSONShapeError) in try r.bool() } ?? false
    }
}

/// `$/setTrace` and the `trace` member of initialize: how much the server reports through
/// `$/logTrace`.
enum TraceLevel: String, Sendable {
    case off, messages, verbose

    init(_ reader: JSONReader) throws(JSONShapeError) {
        let value = try reader.string()
        guard let level = TraceLevel(rawValue: value) else {
            throw JSONShapeError(path: reader.path, reason: "expected \"off\", \"messages\" or \"verbose\", found \"\(value)\"")
        }
        self = level
    }
}

struct SetTraceNotification: LSPNotification {
    static let method = "$/setTrace"
    var value: TraceLevel
    init(params: JSONReader) throws(JSONShapeError) { value = try TraceLevel(params["value"]) }
}

/// `$/cancelRequest`: the client no longer wants the answer to request `id`.
struct CancelRequestNotification: LSPNotification {
    static let method = "$/cancelRequest"
    var id: JSON
    init(params: JSONReader) throws(JSONShapeError) {
        guard let id = params["id"].value, id.stringValue != nil || id.intValue != nil else {
            throw JSONShapeError(path: params["id"].path, reason: "expected an integer or a string")
        }
        self.id = id
    }
}
