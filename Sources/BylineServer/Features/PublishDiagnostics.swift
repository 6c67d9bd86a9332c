import BylineEngine
import BylineJSON

/// Analysis after every open and edit, and `textDocument/publishDiagnostics` with its results.
///
/// One run per document is in flight at a time; it loops until the newest revision is
/// analysed, so a burst of keystrokes costs one analysis per run rather than one per edit.
/// A result whose revision is no longer current is dropped, never published.
extension LanguageServer {
    func scheduleAnalysis(of uri: String) {
        guard documents.requestAnalysis(uri) else { return }
        analysisQueue.async { self.runAnalysis(of: uri) }
    }

    private func runAnalysis(of uri: String) {
        while let document = documents.nextAnalysisSnapshot(uri) {
            let analysis = analyze(document)
            guard documents.store(analysis) else { continue }  // stale: the loop takes the newer text
            publishDiagnostics(analysis)
        }
    }

    func analyze(_ document: OpenDocument) -> DocumentAnalysis {
        let article = Article(text: document.text, format: document.format)
        return DocumentAnalysis(
            uri: document.uri, version: document.version, revision: document.revision, article: article,
            annotations: analyzer.analyze(article))
    }

    /// The analysis of the document's current text, from the cache when it is fresh.
    func currentAnalysis(of document: OpenDocument) -> DocumentAnalysis {
        if let cached = documents.currentAnalysis(document.uri), cached.revision == document.revision { return cached }
        let analysis = analyze(document)
        _ = documents.store(analysis)
        return analysis
    }

    private func publishDiagnostics(_ analysis: DocumentAnalysis) {
        let encoding = session.withLock { $0.positionEncoding }
        let text = analysis.article.text
        let diagnostics: [JSON] = analysis.annotations.diagnostics.map { diagnostic in
            [
                "range": LSPRange(diagnostic.span, in: text, encoding: encoding).json,
                "severity": .int(Self.lspSeverity(diagnostic.severity)),
                "code": .string(diagnostic.code),
                "source": "byline",
                "message": .string(diagnostic.message),
            ]
        }
        guard documents.isCurrent(analysis.uri, revision: analysis.revision) else { return }
        connection.sendNotification(
            "textDocument/publishDiagnostics",
            ["uri": .string(analysis.uri), "version": .int(analysis.version), "diagnostics": .array(diagnostics)])
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
