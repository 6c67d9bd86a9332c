import BylineContract
import BylineJSON
import JSONRPC

/// `byline/annotations`: the annotation object of CONTRACT.md for an open document.
extension LanguageServer {
    func annotations(_ request: AnnotationsRequest, _ context: RequestContext) {
        answer(about: request.document.uri, context) { view in
            var result = AnnotationEncoder(text: view.text, positionEncoding: view.encoding).encode(view.annotations)
            if case .object(var object) = result {
                object["uri"] = .string(view.uri)
                object["version"] = .int(view.document.version)
                result = .object(object)
            }
            return .success(result)
        }
    }
}
