import BylineEngine
import BylineJSON
import Foundation
import JSONRPC
import Locking
import Synchronization

/// The built `byline` executable, beside the test bundle in the build products folder.
public func bylineExecutableURL() -> URL {
    let testBinary = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        ?? CommandLine.arguments[0])
    var folder = testBinary.deletingLastPathComponent()
    // On Linux the runner is `.../debug/BylinePackageTests.xctest`; on macOS it sits inside a bundle.
    while !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("byline").path), folder.path != "/" {
        folder = folder.deletingLastPathComponent()
    }
    return folder.appendingPathComponent("byline")
}

/// A `byline lsp` process with a client that speaks real framed JSON-RPC to it.
public final class SpawnedServer: @unchecked Sendable {
    public let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errors = Pipe()
    private let received = LockedBox<[JSON]>([])
    private let stderrText = LockedBox<String>("")
    private let nextID = Atomic<Int>(1)
    private let readerDone = DispatchSemaphore(value: 0)
    private let reading = Atomic<Bool>(false)

    /// `readingOutput: false` plays a client that does not read the server's output until
    /// `startReading()`.
    public init(arguments: [String] = ["lsp"], environment: [String: String] = [:], readingOutput: Bool = true) throws {
        process.executableURL = bylineExecutableURL()
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        if readingOutput { startReading() }
        let errorHandle = errors.fileHandleForReading
        let stderrText = self.stderrText
        Thread.detachNewThread {
            while true {
                let data = errorHandle.availableData
                if data.isEmpty { break }
                stderrText.withLock { $0 += String(decoding: data, as: UTF8.self) }
            }
        }
    }

    /// Starts reading the server's output (done at once unless `readingOutput` was false).
    public func startReading() {
        reading.store(true, ordering: .relaxed)
        let outputHandle = output.fileHandleForReading
        let received = self.received
        let readerDone = self.readerDone
        Thread.detachNewThread {
            var framer = MessageFramer()
            while true {
                let data = outputHandle.availableData
                if data.isEmpty { break }
                framer.append([UInt8](data))
                framer.drain { event in
                    if case .body(let body) = event, let json = try? JSON.parse(body) {
                        received.withLock { $0.append(json) }
                    }
                }
            }
            readerDone.signal()
        }
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    public var messages: [JSON] { received.withLock { $0 } }
    public var standardError: String { stderrText.withLock { $0 } }

    /// Whether the server's stderr says `text` within `timeout`: its log comes down another
    /// pipe than its answers, so a line may still be on its way when an answer has arrived.
    public func logs(_ text: String, timeout: Duration = .seconds(10)) -> Bool {
        poll(timeout: timeout) { standardError.contains(text) ? true : nil } ?? false
    }

    /// Forgets the messages received so far.
    public func clearMessages() { received.withLock { $0.removeAll() } }

    public func sendRaw(_ bytes: [UInt8]) {
        try? input.fileHandleForWriting.write(contentsOf: Data(bytes))
    }

    public func send(_ message: JSON) {
        sendRaw(Connection.frame(message))
    }

    /// Sends a request and returns its id.
    @discardableResult
    public func request(_ method: String, _ params: JSON? = nil) -> Int {
        let id = nextID.add(1, ordering: .relaxed).oldValue
        var message: JSONObject = ["jsonrpc": "2.0", "id": .int(id), "method": .string(method)]
        if let params { message["params"] = params }
        send(.object(message))
        return id
    }

    public func notify(_ method: String, _ params: JSON? = nil) {
        var message: JSONObject = ["jsonrpc": "2.0", "method": .string(method)]
        if let params { message["params"] = params }
        send(.object(message))
    }

    public func waitFor(timeout: Duration = .seconds(20), _ predicate: (JSON) -> Bool) -> JSON? {
        poll(timeout: timeout) { messages.first(where: predicate) }
    }

    public func response(to id: Int, timeout: Duration = .seconds(20)) -> JSON? {
        waitFor(timeout: timeout) { $0["id"] == .int(id) && $0["method"] == nil }
    }

    /// Sends `initialize` (offering `encodings`) and `initialized`, and returns the result.
    @discardableResult
    public func initialize(encodings: [String]? = nil) -> JSON? {
        var capabilities: JSONObject = [:]
        if let encodings { capabilities["general"] = ["positionEncodings": .array(encodings.map { .string($0) })] }
        let id = request("initialize", ["processId": nil, "rootUri": nil, "capabilities": .object(capabilities)])
        let result = response(to: id)?["result"]
        notify("initialized", [:])
        return result
    }

    /// Sends `initialize` with the given client capabilities and root, then `initialized`.
    @discardableResult
    public func initialize(capabilities: JSON, rootURI: String? = nil, options: JSON? = nil) -> JSON? {
        var params: JSONObject = ["processId": nil, "rootUri": rootURI.map { .string($0) } ?? nil, "capabilities": capabilities]
        if let options { params["initializationOptions"] = options }
        let id = request("initialize", .object(params))
        let result = response(to: id)?["result"]
        notify("initialized", [:])
        return result
    }

    /// Sends a request and waits for its answer's `result` (nil on an error or a timeout).
    public func call(_ method: String, _ params: JSON) -> JSON? {
        response(to: request(method, params))?["result"]
    }

    public func open(_ uri: String, _ text: String, language: String = "plaintext", version: Int = 1) {
        notify("textDocument/didOpen", [
            "textDocument": ["uri": .string(uri), "languageId": .string(language), "version": .int(version), "text": .string(text)]
        ])
    }

    /// `textDocument` and `position` parameters for a marker of a marked text.
    public static func at(_ uri: String, _ marked: MarkedText, _ marker: String, _ encoding: PositionEncoding = .utf16) -> JSON {
        ["textDocument": ["uri": .string(uri)], "position": marked.position(marker, encoding).jsonValue]
    }

    public func closeInput() {
        try? input.fileHandleForWriting.close()
    }

    /// Waits for the process to end and returns its status, or nil after `timeout`.
    public func waitForExit(timeout: Duration = .seconds(20)) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.005) }
        if process.isRunning { return nil }
        if reading.load(ordering: .relaxed) { _ = readerDone.wait(timeout: .now() + 5) }
        return process.terminationStatus
    }
}

/// A value behind a lock, as a class so that threads can share it.
public final class LockedBox<Value: Sendable>: Sendable {
    private let mutex: Locked<Value>
    public init(_ value: Value) { mutex = Locked(value) }
    public func withLock<R>(_ body: (inout Value) -> R) -> R { mutex.withLock { body(&$0) } }
}
