import BylineJSON

/// A request the server answers. Its method name and its parameter decoding live on the
/// type, sourcekit-lsp style, so dispatch is typed rather than a tangle of string checks.
protocol LSPRequest: Sendable {
    static var method: String { get }
    init(params: JSONReader) throws(JSONShapeError)
}

/// A notification the server acts on.
protocol LSPNotification: Sendable {
    static var method: String { get }
    init(params: JSONReader) throws(JSONShapeError)
}

/// A request with no parameters worth reading.
protocol ParameterlessRequest: LSPRequest { init() }
extension ParameterlessRequest {
    init(params: JSONReader) throws(JSONShapeError) { self.init() }
}

protocol ParameterlessNotification: LSPNotification { init() }
extension ParameterlessNotification {
    init(params: JSONReader) throws(JSONShapeError) { self.init() }
}
