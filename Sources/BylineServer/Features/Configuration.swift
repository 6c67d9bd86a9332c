import BylineEngine
import BylineJSON
import JSONRPC

/// The `byline` settings section, from `initializationOptions`,
/// `workspace/didChangeConfiguration`, or pulled with `workspace/configuration`:
///
/// ```json
/// { "diagnostics": { "unattributed-quote": true, "ambiguous-speaker": "hint" },
///   "highlight": ["person", "organization", "place", "quote"],
///   "speechVerbs": ["quipped", "mused"],
///   "inlayHints": true }
/// ```
///
/// A diagnostic code maps to `false` (off), `true` (on, default severity) or a severity name.
struct ServerSettings: Sendable, Equatable {
    /// Every key of the section; editor integrations must offer exactly these.
    static let keys: Set<String> = ["diagnostics", "highlight", "speechVerbs", "inlayHints"]
    /// Keys editor integrations keep in the same section for themselves (the VS Code
    /// extension's `byline.path`, say); clients that sync the whole section send them too.
    static let clientKeys: Set<String> = ["path", "enableEverywhere", "trace"]

    var disabledCodes: Set<String> = []
    var severities: [String: DiagnosticSeverity] = [:]
    /// Token type indexes to draw; nil draws every type.
    var highlightedTokenTypes: Set<Int>?
    var extraSpeechVerbs: [String] = []
    var inlayHints = true

    /// Reads the section, keeping the defaults for anything absent and collecting a problem
    /// line for anything malformed rather than rejecting the whole section.
    static func read(_ json: JSON?) -> (settings: ServerSettings, problems: [String]) {
        var settings = ServerSettings()
        var problems: [String] = []
        // Clients send either the section itself or an object holding it under "byline".
        guard var section = json?.objectValue else { return (settings, problems) }
        if let nested = section["byline"]?.objectValue { section = nested }
        for key in section.keys where !keys.contains(key) && !clientKeys.contains(key) {
            problems.append("byline.\(key): unknown setting; known: \(keys.sorted().joined(separator: ", "))")
        }
        if let diagnostics = section["diagnostics"] {
            if let object = diagnostics.objectValue {
                for member in object {
                    switch member.value {
                    case .bool(let on): if !on { settings.disabledCodes.insert(member.key) }
                    case .string(let name):
                        if let severity = DiagnosticSeverity(rawValue: name) {
                            settings.severities[member.key] = severity
                        } else if name == "off" {
                            settings.disabledCodes.insert(member.key)
                        } else {
                            problems.append("byline.diagnostics.\(member.key): expected true, false, \"off\", \"error\", \"warning\", \"information\" or \"hint\", found \"\(name)\"")
                        }
                    default: problems.append("byline.diagnostics.\(member.key): expected a boolean or a severity name")
                    }
                }
            } else {
                problems.append("byline.diagnostics: expected an object")
            }
        }
        if let highlight = section["highlight"] {
            if let names = highlight.arrayValue {
                var types = Set<Int>()
                for name in names {
                    if let string = name.stringValue, let index = SemanticTokenLegend.types.firstIndex(of: string) {
                        types.insert(index)
                    } else {
                        problems.append("byline.highlight: unknown token type \(name); known: \(SemanticTokenLegend.types.joined(separator: ", "))")
                    }
                }
                settings.highlightedTokenTypes = types
            } else {
                problems.append("byline.highlight: expected an array of token type names")
            }
        }
        if let verbs = section["speechVerbs"] {
            if let list = verbs.arrayValue {
                settings.extraSpeechVerbs = list.compactMap(\.stringValue).filter { !$0.isEmpty }
            } else {
                problems.append("byline.speechVerbs: expected an array of words")
            }
        }
        if let hints = section["inlayHints"] {
            if let on = hints.boolValue { settings.inlayHints = on } else { problems.append("byline.inlayHints: expected a boolean") }
        }
        return (settings, problems)
    }

    /// The diagnostics a user sees: switched-off codes removed, severities overridden.
    func apply(to diagnostics: [ArticleDiagnostic]) -> [ArticleDiagnostic] {
        diagnostics.compactMap { diagnostic in
            guard !disabledCodes.contains(diagnostic.code) else { return nil }
            var shown = diagnostic
            if let severity = severities[diagnostic.code] { shown.severity = severity }
            return shown
        }
    }
}

extension LanguageServer {
    /// Takes new settings; if they change what is shown, every open document is re-analysed
    /// and its diagnostics re-published.
    func updateSettings(_ json: JSON?, from origin: String) {
        let (settings, problems) = ServerSettings.read(json)
        for problem in problems { logToClient(.warning, "Byline settings (\(origin)): \(problem)") }
        let changed = self.settings.withLock { current -> Bool in
            defer { current = settings }
            return current != settings
        }
        guard changed else { return }
        settingsGeneration.add(1, ordering: .relaxed)
        analyzerOptions.withLock { $0.extraSpeechVerbs = settings.extraSpeechVerbs }
        reanalyseOpenDocuments()
    }

    /// After a change of settings or workspace facts: every open article is analysed and
    /// published again, and clients that can be asked to re-request colours, hints and
    /// pulled diagnostics are asked.
    func reanalyseOpenDocuments() {
        documents.invalidateAll()
        for uri in documents.openURIs where !WorkspaceFacts.isFactsFile(uri) { scheduleAnalysis(of: uri) }
        let client = session.withLock { $0.clientCapabilities }
        let ignore: OutgoingRequests.Handler = { _, _ in }
        if client.refreshSemanticTokens { sendRequest("workspace/semanticTokens/refresh", .null, ignore) }
        if client.refreshInlayHints { sendRequest("workspace/inlayHint/refresh", .null, ignore) }
        if client.refreshDiagnostics { sendRequest("workspace/diagnostic/refresh", .null, ignore) }
    }

    func didChangeConfiguration(_ notification: DidChangeConfigurationNotification) {
        // Clients that pull settings send an empty notification as a signal to pull again.
        let (pulls, hasSettings) = session.withLock { ($0.clientCapabilities.configurationRequests, (notification.settings?.objectValue?.count ?? 0) > 0) }
        if hasSettings {
            updateSettings(notification.settings, from: "workspace/didChangeConfiguration")
        } else if pulls {
            pullConfiguration()
        }
    }

    /// Asks the client for the `byline` section (`workspace/configuration`).
    func pullConfiguration() {
        sendRequest("workspace/configuration", ["items": [["section": "byline"]]]) { server, result in
            switch result {
            case .success(let value):
                server.updateSettings(value.arrayValue?.first, from: "workspace/configuration")
            case .failure(let error):
                server.log.log(.info, "workspace/configuration failed: \(error.message)")
            }
        }
    }
}
