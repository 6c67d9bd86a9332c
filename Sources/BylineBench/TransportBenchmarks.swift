import BylineJSON
import Foundation
import JSONRPC
import Locking

/// Issue 2's figures: transport throughput in 1 KB didChange frames per second, and the
/// round trip of a trivial request, both against the real `byline lsp` process over pipes,
/// plus the in-process cost of framing and decoding alone.
enum TransportBenchmarks {
    static func run() {
        print("transport")
        inProcessDecoding()
        let server = BenchServer()
        server.initialize()
        didChangeThroughput(server)
        roundTrips(server)
        server.finish()
        coldStart()
    }

    /// A didChange frame of about 1 KB that replaces the first line of the document.
    static func didChangeFrame(version: Int) -> [UInt8] {
        let text = String(repeating: "Putin said 😀 in Moscow. ", count: 36)  // ~950 bytes
        let message: JSON = [
            "jsonrpc": "2.0", "method": "textDocument/didChange",
            "params": [
                "textDocument": ["uri": "file:///bench.txt", "version": .int(version)],
                "contentChanges": [[
                    "range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 1000]],
                    "text": .string(text),
                ]],
            ],
        ]
        return Connection.frame(message)
    }

    /// Runs `body` (which returns a rate) `rounds` times: the median is the figure reported,
    /// the best shows what the machine does when nothing else is running on it.
    static func rates(rounds: Int = 5, _ body: () -> Double) -> (median: Double, best: Double) {
        let samples = (0..<rounds).map { _ in body() }
        return (Measure.percentile(samples, 0.5), samples.max()!)
    }

    static func inProcessDecoding() {
        let count = 50_000
        var stream: [UInt8] = []
        for version in 0..<count { stream += didChangeFrame(version: version) }
        let rate = rates {
            var decoded = 0
            let seconds = Measure.seconds {
                var framer = MessageFramer()
                stream.withUnsafeBytes { framer.append($0) }
                framer.drain { event in
                    guard case .body(let body) = event, let json = try? JSON.parse(body),
                        case .notification = try? IncomingMessage(json: json)
                    else { return }
                    decoded += 1
                }
            }
            precondition(decoded == count)
            return Double(count) / seconds
        }
        Measure.report(
            "frame + parse + classify, in process",
            "\(Int(rate.median)) frames/s median, \(Int(rate.best)) best (\(Measure.format(rate.median * Double(stream.count / count) / 1e6, 0)) MB/s)")
    }

    static func didChangeThroughput(_ server: BenchServer) {
        server.open(uri: "file:///bench.txt", text: String(repeating: "Line of text with 中文 and 😀.\n", count: 200))
        let count = 50_000
        var version = 2
        let frameSize = didChangeFrame(version: 0).count
        let rate = rates {
            var frames: [UInt8] = []
            frames.reserveCapacity(count * (frameSize + 8))
            for _ in 0..<count {
                frames += didChangeFrame(version: version)
                version += 1
            }
            let seconds = Measure.seconds {
                server.write(frames)
                // A request queued behind every frame: its answer means all frames were handled.
                _ = server.call("byline/annotations", ["textDocument": ["uri": "file:///bench.txt"]])
            }
            return Double(count) / seconds
        }
        Measure.report(
            "didChange (\(frameSize) B frames) through byline lsp",
            "\(Int(rate.median)) frames/s median, \(Int(rate.best)) best", target: "≥ 50,000")
    }

    static func roundTrips(_ server: BenchServer) {
        server.open(uri: "file:///tiny.txt", text: "date 2022-12-30\n\nShort.")
        for (label, method, params) in [
            ("round trip, unknown method (error reply)", "byline/none", JSON.object([:])),
            ("round trip, byline/annotations, tiny doc", "byline/annotations", ["textDocument": ["uri": "file:///tiny.txt"]]),
        ] {
            var samples: [Double] = []
            for _ in 0..<200 { _ = server.call(method, params) }  // warm up
            for _ in 0..<3000 {
                samples.append(Measure.seconds { _ = server.call(method, params) } * 1000)
            }
            Measure.report(label, "p50 \(Measure.format(Measure.percentile(samples, 0.5), 3)) ms, p99 \(Measure.format(Measure.percentile(samples, 0.99), 3)) ms", target: "≤ 0.2 ms")
        }
    }

    static func coldStart() {
        var samples: [Double] = []
        for _ in 0..<20 {
            var server: BenchServer?
            samples.append(Measure.seconds {
                server = BenchServer()
                server!.initialize()
            } * 1000)
            server?.finish()
        }
        Measure.report("cold start → initialize result", "p50 \(Measure.format(Measure.percentile(samples, 0.5))) ms, max \(Measure.format(samples.max()!)) ms", target: "≤ 100 ms")
    }
}

/// A `byline lsp` child process with a blocking request/response client. A reader thread
/// keeps the server's stdout flowing, so large writes can never deadlock against it.
final class BenchServer: @unchecked Sendable {
    let process = Process()
    let input = Pipe()
    let output = Pipe()
    private let responses = Locked<[Int: JSON]>([:])
    private let arrived = DispatchSemaphore(value: 0)
    private var nextID = 1
    /// The newest document version whose diagnostics were published.
    let published = Locked(0)
    let publishedByURI = Locked<[String: Int]>([:])
    let publishedSignal = DispatchSemaphore(value: 0)

    init() {
        process.executableURL = bylineExecutable()
        process.arguments = ["lsp"]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { fatalError("cannot start \(bylineExecutable().path): \(error)") }
        let fd = output.fileHandleForReading.fileDescriptor
        Thread.detachNewThread { [self] in
            var framer = MessageFramer()
            let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
            while true {
                let count = read(fd, chunk.baseAddress, chunk.count)
                if count <= 0 { break }
                framer.append(UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
                framer.drain { event in
                    guard case .body(let body) = event, let json = try? JSON.parse(body) else { return }
                    if json["method"] == "textDocument/publishDiagnostics", let version = json["params"]?["version"]?.intValue {
                        let uri = json["params"]?["uri"]?.stringValue ?? ""
                        publishedByURI.withLock { $0[uri] = max($0[uri] ?? 0, version) }
                        published.withLock { $0 = max($0, version) }
                        publishedSignal.signal()
                        return
                    }
                    guard json["method"] == nil, let id = json["id"]?.intValue else { return }
                    responses.withLock { $0[id] = json }
                    arrived.signal()
                }
            }
            arrived.signal()
        }
    }

    func write(_ bytes: [UInt8]) {
        input.fileHandleForWriting.write(Data(bytes))
    }

    func send(_ message: JSON) {
        write(Connection.frame(message))
    }

    func call(_ method: String, _ params: JSON) -> JSON {
        let id = nextID
        nextID += 1
        send(["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params])
        while true {
            if let response = responses.withLock({ $0.removeValue(forKey: id) }) { return response }
            arrived.wait()
        }
    }

    func initialize() {
        _ = call("initialize", ["processId": nil, "capabilities": [:]])
        send(["jsonrpc": "2.0", "method": "initialized", "params": [:]])
    }

    func open(uri: String, text: String) {
        send(["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": [
            "textDocument": ["uri": .string(uri), "languageId": "plaintext", "version": 1, "text": .string(text)]
        ]])
    }

    /// Waits until the diagnostics of `version` (or a newer one) are published.
    func waitForPublished(version: Int) {
        while published.withLock({ $0 }) < version { publishedSignal.wait() }
    }

    func waitForPublishedVersion(uri: String, _ version: Int) {
        while publishedByURI.withLock({ $0[uri] ?? 0 }) < version { publishedSignal.wait() }
    }

    func notify(_ method: String, _ params: JSON) {
        send(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }

    func finish() {
        _ = call("shutdown", .null)
        send(["jsonrpc": "2.0", "method": "exit"])
        process.waitUntilExit()
    }
}
