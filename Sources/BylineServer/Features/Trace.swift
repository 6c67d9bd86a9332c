import BylineJSON
import JSONRPC

/// `$/setTrace`, `$/logTrace` and `window/logMessage`.
extension LanguageServer {
    func setTrace(_ notification: SetTraceNotification) {
        session.withLock { $0.trace = notification.value }
    }

    /// Sends `$/logTrace` with the time since `started`, when the client asked for traces.
    /// Server-side timings reach the client's trace output this way.
    func trace(_ message: @autoclosure () -> String, started: ContinuousClock.Instant) {
        let level = session.withLock { $0.trace }
        guard level != .off else { return }
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        var params: JSONObject = ["message": .string("\(message()) in \(Self.format(milliseconds)) ms")]
        if level == .verbose { params["verbose"] = .string("thread-independent timing, measured in the server") }
        connection.sendNotification("$/logTrace", .object(params), delivery: .droppable)
    }

    static func format(_ duration: Duration) -> String {
        format(Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000)
    }

    static func format(_ milliseconds: Double) -> String {
        let hundredths = Int((milliseconds * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    enum MessageType: Int { case error = 1, warning, info, log }

    /// Logs to standard error and, as `window/logMessage`, to the client's log.
    func logToClient(_ type: MessageType, _ message: String) {
        log.log(type == .error ? .error : type == .warning ? .warning : .info, message)
        connection.sendNotification("window/logMessage", ["type": .int(type.rawValue), "message": .string(message)], delivery: .droppable)
    }
}
