import BylineEngine
import BylineJSON

/// didOpen, didChange, didClose and didSave. Edits are applied here, in arrival order; the
/// analysis they trigger runs elsewhere (see PublishDiagnostics.swift).
extension LanguageServer {
    func didOpen(_ notification: DidOpenTextDocumentNotification) {
        let reopened = documents.open(
            uri: notification.uri, languageID: notification.languageID, version: notification.version,
            text: notification.text)
        if reopened { log.log(.info, "\(notification.uri) was opened again; its text is replaced") }
        // The workspace's notes file is checked and applied, not analysed as an article.
        if WorkspaceFacts.isFactsFile(notification.uri) {
            applyWorkspaceFacts(text: notification.text, uri: notification.uri)
            return
        }
        scheduleAnalysis(of: notification.uri)
    }

    func didChange(_ notification: DidChangeTextDocumentNotification) {
        let uri = notification.document.uri
        let encoding = session.withLock { $0.positionEncoding }
        switch documents.applyChanges(
            uri: uri, version: notification.document.version, changes: notification.changes, encoding: encoding)
        {
        case .notOpen:
            logToClient(.warning, "Ignoring a change to \(uri), which is not open")
        case .applied(let problems):
            for problem in problems { logToClient(.warning, "Edit to \(uri): \(problem)") }
            if WorkspaceFacts.isFactsFile(uri), let text = documents.snapshot(uri)?.text.string {
                applyWorkspaceFacts(text: text, uri: uri)
                return
            }
            scheduleAnalysis(of: uri)
        }
    }

    func didClose(_ notification: DidCloseTextDocumentNotification) {
        let uri = notification.document.uri
        guard documents.close(uri: uri) else {
            logToClient(.warning, "Ignoring didClose for \(uri), which is not open")
            return
        }
        semanticTokenResults.withLock { _ = $0.removeValue(forKey: uri) }
        // Clear what the editor shows for the closed document.
        connection.sendNotification("textDocument/publishDiagnostics", ["uri": .string(uri), "diagnostics": []])
    }

    func didSave(_ notification: DidSaveTextDocumentNotification) {
        if documents.snapshot(notification.document.uri) == nil {
            log.log(.info, "didSave for \(notification.document.uri), which is not open")
        }
    }
}
