import BylineContract
import BylineEngine
import BylineJSON

/// The server's half of `initialize`: what it offers, computed from what the client can take.
enum ServerCapabilities {
    /// CONTRACT.md: UTF-16 unless the client offers UTF-8 or UTF-32. UTF-8 is preferred when
    /// offered because it is the engine's own unit, then UTF-32.
    static func positionEncoding(offered: [String]) -> PositionEncoding {
        if offered.contains(PositionEncoding.utf8.rawValue) { return .utf8 }
        if offered.contains(PositionEncoding.utf32.rawValue) { return .utf32 }
        return .utf16
    }

    static func json(for client: ClientCapabilities, encoding: PositionEncoding) -> JSON {
        [
            "positionEncoding": .string(encoding.rawValue),
            "textDocumentSync": [
                "openClose": true,
                "change": 2,  // incremental; full-text changes (no range) are accepted too
                "save": ["includeText": false],
            ],
            "semanticTokensProvider": [
                "legend": SemanticTokenLegend.json,
                "full": ["delta": true],
                "range": true,
            ],
            "hoverProvider": true,
            "definitionProvider": true,
            "referencesProvider": true,
            "documentHighlightProvider": true,
            "renameProvider": ["prepareProvider": true],
            "documentSymbolProvider": ["label": "Byline"],
            "workspaceSymbolProvider": true,
            "inlayHintProvider": true,
            "codeActionProvider": [
                "codeActionKinds": [
                    .string(LanguageServer.quickFix), .string(LanguageServer.rewrite), .string(LanguageServer.sourceCurlyQuotes),
                ]
            ],
            "completionProvider": ["triggerCharacters": [], "resolveProvider": false],
            "diagnosticProvider": ["identifier": "byline", "interFileDependencies": false, "workspaceDiagnostics": true],
            "workspace": ["workspaceFolders": ["supported": true, "changeNotifications": false]],
            "experimental": [
                "bylineAnnotations": true
            ],
        ]
    }

    static var serverInfo: JSON {
        ["name": .string(BylineVersion.name), "version": .string(BylineVersion.version)]
    }
}
