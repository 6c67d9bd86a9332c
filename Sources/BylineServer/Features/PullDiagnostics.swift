import BylineEngine
import BylineJSON
import JSONRPC

/// `textDocument/diagnostic` and `workspace/diagnostic`: diagnostics on the client's
/// schedule, for clients that pull. The result id is the document's revision, so an
/// unchanged document is answered with `unchanged` and no payload.
extension LanguageServer {
    func documentDiagnostic(_ request: DocumentDiagnosticRequest, _ context: RequestContext) {
        answer(about: request.document.uri, context) { view in
            .success(self.diagnosticReport(view, previousResultID: request.previousResultID))
        }
    }

    func workspaceDiagnostic(_ request: WorkspaceDiagnosticRequest, _ context: RequestContext) {
        let open = documents.allDocuments()
        let (encoding, client) = session.withLock { ($0.positionEncoding, $0.clientCapabilities) }
        context.replyAsync(on: requestQueue) { context in
            var items: [JSON] = []
            for document in open {
                if context.isCancelled { return .failure(.cancelled) }
                let view = DocumentView(document: document, analysis: self.currentAnalysis(of: document), encoding: encoding, client: client)
                guard case .object(var report) = self.diagnosticReport(view, previousResultID: request.previousResultIDs[document.uri]) else { continue }
                report["uri"] = .string(document.uri)
                report["version"] = .int(document.version)
                items.append(.object(report))
            }
            return .success(["items": .array(items)])
        }
    }

    func diagnosticReport(_ view: DocumentView, previousResultID: String?) -> JSON {
        // Settings change what is shown without changing the text, so they are part of the id.
        let id = "\(view.analysis.revision)-\(settingsGeneration.load(ordering: .relaxed))"
        if previousResultID == id { return ["kind": "unchanged", "resultId": .string(id)] }
        return [
            "kind": "full", "resultId": .string(id),
            "items": .array(diagnosticsJSON(view.analysis, encoding: view.encoding, client: view.client)),
        ]
    }
}
