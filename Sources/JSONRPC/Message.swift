import BylineJSON

/// A JSON-RPC request id: an integer or a string, echoed unchanged in the response.
public enum RequestID: Hashable, Sendable, CustomStringConvertible {
    case int(Int)
    case string(String)

    public init?(json: JSON) {
        switch json {
        case .string(let s): self = .string(s)
        default:
            guard let int = json.intValue else { return nil }
            self = .int(int)
        }
    }

    public var json: JSON {
        switch self {
        case .int(let i): return .int(i)
        case .string(let s): return .string(s)
        }
    }

    public var description: String {
        switch self {
        case .int(let i): return String(i)
        case .string(let s): return "\"\(s)\""
        }
    }
}

/// The JSON-RPC and LSP error codes Byline sends.
public enum ErrorCode {
    public static let parseError = -32700
    public static let invalidRequest = -32600
    public static let methodNotFound = -32601
    public static let invalidParams = -32602
    public static let internalError = -32603
    public static let serverNotInitialized = -32002
    public static let requestFailed = -32803
    public static let requestCancelled = -32800
    public static let contentModified = -32801
}

/// An error response's `error` member.
public struct ResponseError: Error, Sendable, Equatable {
    public var code: Int
    public var message: String
    public var data: JSON?

    public init(code: Int, message: String, data: JSON? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    public static func invalidParams(_ message: String) -> ResponseError { .init(code: ErrorCode.invalidParams, message: message) }
    public static func invalidRequest(_ message: String) -> ResponseError { .init(code: ErrorCode.invalidRequest, message: message) }
    public static func methodNotFound(_ method: String) -> ResponseError {
        .init(code: ErrorCode.methodNotFound, message: "Unhandled method \(method)")
    }
    public static let cancelled = ResponseError(code: ErrorCode.requestCancelled, message: "Request cancelled")
    public static let notInitialized = ResponseError(code: ErrorCode.serverNotInitialized, message: "The server has not been initialized")

    public var json: JSON {
        var object: JSONObject = ["code": .int(code), "message": .string(message)]
        if let data { object["data"] = data }
        return .object(object)
    }
}

/// A message received from the peer, already checked against JSON-RPC 2.0's shapes.
public enum IncomingMessage: Sendable {
    case request(id: RequestID, method: String, params: JSON?)
    case notification(method: String, params: JSON?)
    case response(id: RequestID, result: Result<JSON, ResponseError>)
}

/// Why a well-formed JSON body is not a JSON-RPC message, and the id to answer with if known.
public struct InvalidMessage: Error, Sendable {
    public var id: RequestID?
    public var error: ResponseError
}

extension IncomingMessage {
    /// Classifies a parsed body as a request, a notification or a response.
    public init(json: JSON) throws(InvalidMessage) {
        guard case .object(let object) = json else {
            let what = json.arrayValue != nil ? "a batch (LSP does not use JSON-RPC batches)" : json.kindName
            throw InvalidMessage(id: nil, error: .invalidRequest("Expected a JSON-RPC message object, found \(what)"))
        }
        let idValue = object["id"]
        let id = idValue.flatMap(RequestID.init(json:))
        guard object["jsonrpc"] == .string("2.0") else {
            throw InvalidMessage(id: id, error: .invalidRequest("The member \"jsonrpc\" must be \"2.0\""))
        }
        if let idValue, idValue != .null, id == nil {
            throw InvalidMessage(id: nil, error: .invalidRequest("The member \"id\" must be an integer or a string"))
        }
        let params = object["params"]
        if let params {
            switch params {
            case .object, .array, .null: break
            default:
                throw InvalidMessage(id: id, error: .invalidParams("params: expected an object or an array, found \(params.kindName)"))
            }
        }
        if let methodValue = object["method"] {
            guard case .string(let method) = methodValue else {
                throw InvalidMessage(id: id, error: .invalidRequest("The member \"method\" must be a string"))
            }
            if let id {
                self = .request(id: id, method: method, params: params)
            } else if idValue == .null {
                throw InvalidMessage(id: nil, error: .invalidRequest("A request's \"id\" must not be null"))
            } else {
                self = .notification(method: method, params: params)
            }
            return
        }
        guard let id else {
            throw InvalidMessage(id: nil, error: .invalidRequest("Expected a request, a notification or a response"))
        }
        if let error = object["error"], case .object(let errorObject) = error {
            let code = errorObject["code"]?.intValue ?? ErrorCode.internalError
            let message = errorObject["message"]?.stringValue ?? ""
            self = .response(id: id, result: .failure(ResponseError(code: code, message: message, data: errorObject["data"])))
        } else if let result = object["result"] {
            self = .response(id: id, result: .success(result))
        } else {
            throw InvalidMessage(id: id, error: .invalidRequest("A response needs \"result\" or \"error\""))
        }
    }
}

/// Builders for the messages Byline sends.
public enum OutgoingMessage {
    public static func response(id: RequestID?, result: JSON) -> JSON {
        ["jsonrpc": "2.0", "id": id?.json ?? .null, "result": result]
    }

    public static func error(id: RequestID?, _ error: ResponseError) -> JSON {
        ["jsonrpc": "2.0", "id": id?.json ?? .null, "error": error.json]
    }

    public static func notification(method: String, params: JSON) -> JSON {
        ["jsonrpc": "2.0", "method": .string(method), "params": params]
    }

    public static func request(id: RequestID, method: String, params: JSON) -> JSON {
        ["jsonrpc": "2.0", "id": id.json, "method": .string(method), "params": params]
    }
}
