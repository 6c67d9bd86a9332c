import BylineEngine
import BylineJSON
import Dispatch
import Foundation
import JSONRPC
import Locking
import Synchronization

/// Byline's language server.
///
/// Messages arrive in order on one thread (the connection's reader) and are handled there
/// up to the point where they may take time: state changes, edits and parameter checks
/// happen in arrival order, so messages about one document apply strictly in order.
/// Analysis and request work then run on concurrent queues, keyed per document, so
/// different documents proceed independently and `$/cancelRequest`, which is handled in
/// order like everything else, can still reach work that is running.
public final class LanguageServer: Sendable {
    let connection: Connection
    var log: StandardErrorLog { connection.log }
    let documents = DocumentStore()
    let requests = RequestRegistry()
    let session = Locked(SessionState())
    /// The user's `byline` settings, and the engine options they imply.
    let settings = Locked(ServerSettings())
    let analyzerOptions = Locked(AnalyzerOptions())
    /// Bumped on every settings change, so pulled diagnostics know to refresh.
    let settingsGeneration = Atomic<Int>(0)
    /// The last full semantic tokens sent per document, for delta requests.
    let semanticTokenResults = Locked<[String: SemanticTokensResult]>([:])
    /// Requests sent to the client and awaiting its answer.
    let outgoing = OutgoingRequests()
    /// Entity names in the workspace's `byline.json`, and what it says about them.
    let workspaceFacts = Locked(WorkspaceFacts())
    /// The article files under the workspace folders, for workspace-wide requests.
    let workspaceArticles = WorkspaceArticles()
    /// Documents changed by messages whose batch has not ended yet.
    let pendingAnalyses = Locked<Set<String>>([])
    let requestQueue = DispatchQueue(label: "byline.requests", qos: .userInitiated, attributes: .concurrent)
    let analysisQueue = DispatchQueue(label: "byline.analysis", qos: .userInitiated, attributes: .concurrent)
    let exitHandler: @Sendable (Int32) -> Void
    let options: ServerOptions

    /// - Parameter exitHandler: ends the process with a status; tests record it instead.
    public init(
        connection: Connection, options: ServerOptions = ServerOptions(),
        exitHandler: @escaping @Sendable (Int32) -> Void
    ) {
        self.connection = connection
        self.options = options
        self.exitHandler = exitHandler
        // The gazetteers take some milliseconds to build: do it while the client starts up,
        // not before answering `initialize`.
        Lexicon.prepare()
    }

    /// Handles one message, then starts the analyses it calls for. Must be called from one
    /// thread, in arrival order.
    public func handle(_ message: IncomingMessage) {
        receive(message)
        startPendingAnalyses()
    }

    /// Handles one message but leaves the analyses it calls for pending, so that a burst of
    /// messages that arrived together is analysed once, after the last of them.
    func receive(_ message: IncomingMessage) {
        switch message {
        case .request(let id, let method, let params):
            handleRequest(id: id, method: method, params: params)
        case .notification(let method, let params):
            handleNotification(method: method, params: params)
        case .response(let id, let result):
            receiveResponse(id: id, result: result)
        }
    }

    /// Reads framed messages from `fileDescriptor` until it closes, then ends the session.
    public func run(reading fileDescriptor: Int32) {
        let clean = connection.run(reading: fileDescriptor, handler: receive, batchEnded: startPendingAnalyses)
        inputEnded(cleanly: clean)
    }

    /// The input closed: let queued work finish writing, then exit with the status LSP
    /// gives a session that ends without `exit`.
    public func inputEnded(cleanly: Bool) {
        requestQueue.sync(flags: .barrier) {}
        analysisQueue.sync(flags: .barrier) {}
        let shutDown = session.withLock { $0.phase == .shutDown }
        log.log(shutDown ? .info : .warning, "the input closed \(shutDown ? "after" : "without") shutdown; exiting")
        exitHandler(shutDown ? 0 : 1)
    }

    // MARK: - Dispatch

    private func handleRequest(id: RequestID, method: String, params: JSON?) {
        let phase = session.withLock { $0.phase }
        switch phase {
        case .uninitialized where method != InitializeRequest.method:
            connection.sendError(id: id, .notInitialized)
            return
        case .shutDown:
            connection.sendError(id: id, .invalidRequest("The server is shutting down; only exit is accepted"))
            return
        default:
            break
        }
        guard let handler = Self.requestHandlers[method] else {
            connection.sendError(id: id, .methodNotFound(method))
            return
        }
        let context = RequestContext(
            id: id, method: method, token: requests.register(id), received: .now, server: self)
        handler(self, JSONReader(params), context)
    }

    private func handleNotification(method: String, params: JSON?) {
        let phase = session.withLock { $0.phase }
        if phase == .uninitialized, method != ExitNotification.method {
            log.log(.info, "dropping notification \(method) received before initialize")
            return
        }
        guard let handler = Self.notificationHandlers[method] else {
            // LSP: `$/` notifications may be ignored silently; others are worth a line.
            if !method.hasPrefix("$/") { log.log(.info, "ignoring unknown notification \(method)") }
            return
        }
        let started = ContinuousClock.now
        handler(self, JSONReader(params))
        trace("Received notification '\(method)'", started: started)
    }

    typealias RequestHandler = @Sendable (LanguageServer, JSONReader, RequestContext) -> Void
    typealias NotificationHandler = @Sendable (LanguageServer, JSONReader) -> Void

    /// Decodes the request's params, answering -32602 (naming the field) when they are wrong.
    static func request<R: LSPRequest>(
        _ type: R.Type, _ body: @escaping @Sendable (LanguageServer, R, RequestContext) -> Void
    ) -> (String, RequestHandler) {
        (R.method, { server, params, context in
            let request: R
            do {
                request = try R(params: params)
            } catch {
                context.reply(.failure(.invalidParams("Invalid params for \(R.method): \(error)")))
                return
            }
            body(server, request, context)
        })
    }

    /// Decodes the notification's params, logging (there is no one to answer) when wrong.
    static func notification<N: LSPNotification>(
        _ type: N.Type, _ body: @escaping @Sendable (LanguageServer, N) -> Void
    ) -> (String, NotificationHandler) {
        (N.method, { server, params in
            let notification: N
            do {
                notification = try N(params: params)
            } catch {
                server.logToClient(.warning, "Ignoring \(N.method) with invalid params: \(error)")
                return
            }
            body(server, notification)
        })
    }

    static let requestHandlers: [String: RequestHandler] = Dictionary(
        uniqueKeysWithValues: [
            request(InitializeRequest.self) { $0.initialize($1, $2) },
            request(ShutdownRequest.self) { $0.shutdown($1, $2) },
            request(AnnotationsRequest.self) { $0.annotations($1, $2) },
            request(SemanticTokensRequest.self) { $0.semanticTokensFull($1, $2) },
            request(SemanticTokensDeltaRequest.self) { $0.semanticTokensDelta($1, $2) },
            request(SemanticTokensRangeRequest.self) { $0.semanticTokensRange($1, $2) },
            request(HoverRequest.self) { $0.hover($1, $2) },
            request(DefinitionRequest.self) { $0.definition($1, $2) },
            request(ReferencesRequest.self) { $0.references($1, $2) },
            request(DocumentHighlightRequest.self) { $0.documentHighlight($1, $2) },
            request(PrepareRenameRequest.self) { $0.prepareRename($1, $2) },
            request(RenameRequest.self) { $0.rename($1, $2) },
            request(DocumentSymbolRequest.self) { $0.documentSymbols($1, $2) },
            request(WorkspaceSymbolRequest.self) { $0.workspaceSymbols($1, $2) },
            request(InlayHintRequest.self) { $0.inlayHints($1, $2) },
            request(CodeActionRequest.self) { $0.codeActions($1, $2) },
            request(CompletionRequest.self) { $0.completion($1, $2) },
            request(DocumentDiagnosticRequest.self) { $0.documentDiagnostic($1, $2) },
            request(WorkspaceDiagnosticRequest.self) { $0.workspaceDiagnostic($1, $2) },
        ])

    static let notificationHandlers: [String: NotificationHandler] = Dictionary(
        uniqueKeysWithValues: [
            notification(InitializedNotification.self) { $0.initialized($1) },
            notification(ExitNotification.self) { $0.exit($1) },
            notification(DidOpenTextDocumentNotification.self) { $0.didOpen($1) },
            notification(DidChangeTextDocumentNotification.self) { $0.didChange($1) },
            notification(DidCloseTextDocumentNotification.self) { $0.didClose($1) },
            notification(DidSaveTextDocumentNotification.self) { $0.didSave($1) },
            notification(CancelRequestNotification.self) { $0.cancelRequest($1) },
            notification(SetTraceNotification.self) { $0.setTrace($1) },
            notification(DidChangeConfigurationNotification.self) { $0.didChangeConfiguration($1) },
        ])
}

/// Settings fixed when the process starts.
public struct ServerOptions: Sendable {
    /// Holds every asynchronous request this long before it starts, still honouring
    /// `$/cancelRequest` meanwhile. A debugging aid (`BYLINE_DEBUG_REQUEST_DELAY_MS`) that
    /// lets client developers, and Byline's own end-to-end tests, exercise cancellation
    /// deterministically against requests that are otherwise too fast to catch.
    public var requestDelay: Duration

    public init(requestDelay: Duration = .zero) {
        self.requestDelay = requestDelay
    }
}

/// What the server knows about the session with its client.
struct SessionState: Sendable {
    enum Phase: Sendable { case uninitialized, initialized, shutDown }
    var phase = Phase.uninitialized
    var positionEncoding = PositionEncoding.utf16
    var clientCapabilities = ClientCapabilities()
    var clientName: String?
    var trace = TraceLevel.off
    /// Folders the client declared (`workspaceFolders`, else `rootUri`), as file paths.
    var workspaceFolders: [String] = []
}

/// One request being answered: its id, its cancellation token, and when it arrived.
struct RequestContext: Sendable {
    let id: RequestID
    let method: String
    let token: CancellationToken
    let received: ContinuousClock.Instant
    let server: LanguageServer

    var isCancelled: Bool { token.isCancelled }

    /// Sends the answer, or -32800 if the request was cancelled meanwhile. Exactly once.
    func reply(_ result: Result<JSON, ResponseError>) {
        server.requests.finish(id)
        if token.isCancelled {
            server.connection.sendError(id: id, .cancelled)
        } else {
            switch result {
            case .success(let value): server.connection.sendResponse(id: id, result: value)
            case .failure(let error): server.connection.sendError(id: id, error)
            }
        }
        server.trace("Sending response '\(method) - (\(id))'", started: received)
    }

    /// Runs `work` off the message thread, unless the request is cancelled before it starts.
    func replyAsync(on queue: DispatchQueue, _ work: @escaping @Sendable (RequestContext) -> Result<JSON, ResponseError>) {
        let delay = server.options.requestDelay
        queue.async {
            if delay > .zero { self.waitUnlessCancelled(delay) }
            if self.isCancelled {
                self.reply(.failure(.cancelled))
                return
            }
            self.reply(work(self))
        }
    }

    private func waitUnlessCancelled(_ delay: Duration) {
        let deadline = ContinuousClock.now + delay
        while !isCancelled, ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.001)
        }
    }
}
