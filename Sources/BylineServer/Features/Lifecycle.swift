import BylineJSON
import JSONRPC

/// initialize, initialized, shutdown and exit.
extension LanguageServer {
    func initialize(_ request: InitializeRequest, _ context: RequestContext) {
        let encoding = ServerCapabilities.positionEncoding(offered: request.capabilities.positionEncodings)
        let alreadyInitialized = session.withLock { state -> Bool in
            guard state.phase == .uninitialized else { return true }
            state.phase = .initialized
            state.positionEncoding = encoding
            state.clientCapabilities = request.capabilities
            state.clientName = request.clientName
            state.workspaceFolders = request.workspaceFolders
            if let trace = request.trace { state.trace = trace }
            return false
        }
        if alreadyInitialized {
            context.reply(.failure(.invalidRequest("initialize may be sent only once")))
            return
        }
        if let options = request.initializationOptions { updateSettings(options, from: "initializationOptions") }
        log.log(.info, "initialized by \(request.clientName ?? "an unnamed client"); positions in \(encoding.rawValue)")
        context.reply(.success([
            "capabilities": ServerCapabilities.json(for: request.capabilities, encoding: encoding),
            "serverInfo": ServerCapabilities.serverInfo,
        ]))
    }

    /// The client is ready to take requests: read the workspace's notes and ask for settings.
    func initialized(_ notification: InitializedNotification) {
        loadWorkspaceFacts()
        if session.withLock({ $0.clientCapabilities.configurationRequests }) { pullConfiguration() }
    }

    func shutdown(_ request: ShutdownRequest, _ context: RequestContext) {
        session.withLock { $0.phase = .shutDown }
        // Let running work answer first, so that nothing is written after the shutdown reply.
        requestQueue.async(flags: .barrier) {
            context.reply(.success(.null))
        }
    }

    func exit(_ notification: ExitNotification) {
        let shutDown = session.withLock { $0.phase == .shutDown }
        // Work still queued is of no use to a client that said exit: cancelled, it ends at
        // once. Answers already under way reach the wire whole before the process ends.
        requests.cancelAll()
        requestQueue.sync(flags: .barrier) {}
        analysisQueue.sync(flags: .barrier) {}
        exitHandler(shutDown ? 0 : 1)
    }
}
