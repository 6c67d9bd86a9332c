import BylineContract
import BylineJSON
import JSONRPC

/// `byline/annotations`: the annotation object of CONTRACT.md for an open document.
extension LanguageServer {
    func annotations(_ request: AnnotationsRequest, _ context: RequestContext) {
        // The snapshot is taken now, in message order, so the answer reflects every edit
        // received before the request and none after it.
        guard let document = documents.snapshot(request.document.uri) else {
            context.reply(.failure(.invalidParams("textDocument.uri: \(request.document.uri) is not open")))
            return
        }
        let encoding = session.withLock { $0.positionEncoding }
        context.replyAsync(on: requestQueue) { context in
            let analysis = self.currentAnalysis(of: document)
            if context.isCancelled { return .failure(.cancelled) }
            var result = AnnotationEncoder(text: analysis.article.text, positionEncoding: encoding)
                .encode(analysis.annotations)
            if case .object(var object) = result {
                object["uri"] = .string(document.uri)
                object["version"] = .int(document.version)
                result = .object(object)
            }
            return .success(result)
        }
    }
}
