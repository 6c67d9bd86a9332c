/// Why a JSON value does not have the expected shape, naming the field by its path
/// (`textDocument.uri`, `contentChanges[0].range.start.line`) so that a client developer
/// can see at once which field was wrong.
public struct JSONShapeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { path.isEmpty ? reason : "\(path): \(reason)" }
}

/// Where a value sits in a JSON tree. Built as a chain and spelled out only when an error
/// needs it, so that reading a well-formed message costs no string formatting.
public indirect enum JSONPath: Sendable, CustomStringConvertible {
    case root
    case member(JSONPath, String)
    case element(JSONPath, Int)

    public var description: String {
        switch self {
        case .root: return ""
        case .member(let parent, let key):
            let prefix = parent.description
            return prefix.isEmpty ? key : "\(prefix).\(key)"
        case .element(let parent, let index):
            return "\(parent.description)[\(index)]"
        }
    }
}

/// Reads typed values out of a JSON tree while remembering where it is, so every failure
/// names its field. A missing member and an explicit `null` are both "absent".
public struct JSONReader: Sendable {
    public let value: JSON?
    public let location: JSONPath

    public init(_ value: JSON?, location: JSONPath = .root) {
        self.value = value
        self.location = location
    }

    /// The field's path, as `textDocument.uri` or `contentChanges[0].range`.
    public var path: String { location.description }

    public var isAbsent: Bool { value == nil || value == .null }

    public subscript(key: String) -> JSONReader {
        JSONReader(value?[key], location: .member(location, key))
    }

    private func mismatch(_ expected: String) -> JSONShapeError {
        guard let value, value != .null else { return JSONShapeError(path: path, reason: "missing (expected \(expected))") }
        return JSONShapeError(path: path, reason: "expected \(expected), found \(value.kindName)")
    }

    public func string() throws(JSONShapeError) -> String {
        guard let string = value?.stringValue else { throw mismatch("a string") }
        return string
    }

    public func int() throws(JSONShapeError) -> Int {
        guard let int = value?.intValue else { throw mismatch("an integer") }
        return int
    }

    /// A non-negative integer, as LSP's `uinteger`.
    public func uint() throws(JSONShapeError) -> Int {
        let int = try self.int()
        guard int >= 0 else { throw JSONShapeError(path: path, reason: "expected a non-negative integer, found \(int)") }
        return int
    }

    public func bool() throws(JSONShapeError) -> Bool {
        guard let bool = value?.boolValue else { throw mismatch("a boolean") }
        return bool
    }

    public func array() throws(JSONShapeError) -> [JSONReader] {
        guard let array = value?.arrayValue else { throw mismatch("an array") }
        return array.enumerated().map { JSONReader($0.element, location: .element(location, $0.offset)) }
    }

    public func object() throws(JSONShapeError) -> JSONObject {
        guard let object = value?.objectValue else { throw mismatch("an object") }
        return object
    }

    /// Reads the value with `read` when present, else nil; a present value of the wrong
    /// shape is still an error.
    public func optional<T>(_ read: (JSONReader) throws(JSONShapeError) -> T) throws(JSONShapeError) -> T? {
        if isAbsent { return nil }
        return try read(self)
    }
}
