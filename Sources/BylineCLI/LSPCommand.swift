#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BylineServer
import JSONRPC

/// `byline lsp` (and `byline --stdio`): the language server on standard input and output.
enum LSPCommand {
    static func run(_ arguments: [String], io: CommandIO) -> Int32 {
        if let unknown = arguments.first(where: { $0 != "--stdio" }) {
            io.writeError("byline lsp: unknown option '\(unknown)'\n")
            return 2
        }
        // Set the real stdout aside for the protocol and point fd 1 at stderr, so that a stray
        // print anywhere in the process lands in the log instead of corrupting a frame.
        let protocolOutput = dup(1)
        guard protocolOutput >= 0, dup2(2, 1) >= 0 else {
            io.writeError("byline lsp: cannot set up standard output\n")
            return 1
        }
        // A client that closes the pipe must not kill the server with SIGPIPE mid-write;
        // the write fails instead and the server stops writing.
        signal(SIGPIPE, SIG_IGN)
        let log = StandardErrorLog(threshold: LSPCommand.logLevel(io.environment("BYLINE_LOG")))
        // Output goes through a writer thread with a bounded queue: a client that stops
        // reading slows the server down but never blocks its threads on a write or grows
        // its memory without bound.
        let queueLimit = io.environment("BYLINE_OUTPUT_QUEUE_BYTES").flatMap(Int.init).map { max(4096, $0) } ?? 64 << 20
        let output = QueuedFrameSink(target: FileDescriptorSink(fileDescriptor: protocolOutput), limit: queueLimit)
        let connection = Connection(sink: output, log: log)
        var options = ServerOptions()
        if let delay = io.environment("BYLINE_DEBUG_REQUEST_DELAY_MS").flatMap(Int.init), delay > 0 {
            options.requestDelay = .milliseconds(delay)
            log.log(.warning, "holding every request \(delay) ms (BYLINE_DEBUG_REQUEST_DELAY_MS)")
        }
        let server = LanguageServer(connection: connection, options: options) { status in
            // What is queued (the shutdown response among it) goes out first, unless the
            // client has stopped reading for good.
            if !output.flush(timeout: .seconds(2)) {
                log.log(.warning, "exiting with \(output.pendingBytes) bytes of output the client did not read")
            }
            exit(status)
        }
        server.run(reading: 0)
        return 0  // not reached: run ends the process through the exit handler
    }

    static func logLevel(_ name: String?) -> StandardErrorLog.Level {
        switch name?.lowercased() {
        case "error": return .error
        case "warning": return .warning
        case "debug", "trace": return .debug
        default: return .info
        }
    }
}
