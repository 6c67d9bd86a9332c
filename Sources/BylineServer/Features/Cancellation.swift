import BylineJSON
import JSONRPC

/// `$/cancelRequest`: flags the request's token. Work that has not started is answered with
/// -32800 without running; work that is running checks the flag and is answered -32800.
extension LanguageServer {
    func cancelRequest(_ notification: CancelRequestNotification) {
        guard let id = RequestID(json: notification.id) else { return }
        if !requests.cancel(id) {
            log.log(.debug, "cancel for request \(id), which is already answered")
        }
    }
}
