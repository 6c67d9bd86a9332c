import BylineEngine
import BylineJSON

/// Analysis after every open and edit, and `textDocument/publishDiagnostics` with its results.
///
/// Edits mark their document; when the messages of one read from the client are all
/// handled, each marked document gets an analysis run, so a burst of frames that arrived
/// together costs one analysis, and a lone keystroke is analysed at once. One run per
/// document is in flight at a time; it loops until the newest revision is analysed. A result
/// whose revision is no longer current is dropped, never published.
extension LanguageServer {
    func scheduleAnalysis(of uri: String) {
        pendingAnalyses.withLock { _ = $0.insert(uri) }
    }

    func startPendingAnalyses() {
        let uris = pendingAnalyses.withLock { pending -> Set<String> in
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
        for uri in uris where documents.requestAnalysis(uri) {
            analysisQueue.async { self.runAnalysis(of: uri) }
        }
    }

    private func runAnalysis(of uri: String) {
        while let (document, cached) = documents.nextAnalysisSnapshot(uri) {
            let started = ContinuousClock.now
            let analysis = cached ?? analyze(document)
            let analysed = ContinuousClock.now
            guard documents.store(analysis) else { continue }  // stale: the loop takes the newer text
            if publishDiagnostics(analysis) {
                documents.markPublished(uri, revision: analysis.revision)
                trace("Published diagnostics for \(uri) version \(document.version) (analysis \(Self.format(analysed - started)) ms)", started: started)
            }
        }
    }

    func analyze(_ document: OpenDocument) -> DocumentAnalysis {
        let article = Article(text: document.text, format: document.format)
        let analyzer = Analyzer(options: analyzerOptions.withLock { $0 })
        let (annotations, cache) = analyzer.analyze(article, reusing: documents.tokenCache(document.uri))
        documents.keepTokenCache(document.uri, cache)
        return DocumentAnalysis(
            uri: document.uri, version: document.version, revision: document.revision, article: article,
            annotations: annotations)
    }

    /// The analysis of the document's current text, from the cache when it is fresh.
    func currentAnalysis(of document: OpenDocument) -> DocumentAnalysis {
        if let cached = documents.currentAnalysis(document.uri), cached.revision == document.revision { return cached }
        let analysis = analyze(document)
        _ = documents.store(analysis)
        return analysis
    }

    /// Publishes unless the document changed meanwhile; returns whether it did.
    private func publishDiagnostics(_ analysis: DocumentAnalysis) -> Bool {
        let (encoding, client) = session.withLock { ($0.positionEncoding, $0.clientCapabilities) }
        let diagnostics = diagnosticsJSON(analysis, encoding: encoding, client: client)
        guard documents.isCurrent(analysis.uri, revision: analysis.revision) else { return false }
        connection.sendNotification(
            "textDocument/publishDiagnostics",
            ["uri": .string(analysis.uri), "version": .int(analysis.version), "diagnostics": .array(diagnostics)],
            delivery: .replaceable(key: analysis.uri))
        return true
    }

    /// The diagnostics the user sees, as LSP `Diagnostic`s: settings applied, and the
    /// candidate speakers of an ambiguous one as related information.
    func diagnosticsJSON(_ analysis: DocumentAnalysis, encoding: PositionEncoding, client: ClientCapabilities) -> [JSON] {
        let text = analysis.article.text
        let shown = settings.withLock { $0 }.apply(to: analysis.annotations.diagnostics)
        return shown.map { diagnostic in
            var object: JSONObject = [
                "range": LSPRange(diagnostic.span, in: text, encoding: encoding).json,
                "severity": .int(Self.lspSeverity(diagnostic.severity)),
                "code": .string(diagnostic.code),
                "source": "byline",
                "message": .string(diagnostic.message),
            ]
            if client.relatedInformation, !diagnostic.related.isEmpty {
                object["relatedInformation"] = .array(diagnostic.related.map { related in
                    [
                        "location": ["uri": .string(analysis.uri), "range": LSPRange(related.span, in: text, encoding: encoding).json],
                        "message": .string(related.message),
                    ]
                })
            }
            if let replacement = diagnostic.replacement { object["data"] = ["replacement": .string(replacement)] }
            return .object(object)
        }
    }

    static func lspSeverity(_ severity: DiagnosticSeverity) -> Int {
        switch severity {
        case .error: return 1
        case .warning: return 2
        case .information: return 3
        case .hint: return 4
        }
    }
}
