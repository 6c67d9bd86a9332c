import BylineJSON
import BylineTestSupport
import Foundation
import Testing

/// A client that stops reading the server's output: the server must neither block its
/// threads on the full pipe (it still reads, analyses and exits) nor queue without bound,
/// and once the client reads again, every response arrives in order.
@Suite(.serialized) struct SlowClientTests {
    static let article = """
        date 2024-05-02

        Marta Kowalczyk said the port would reopen in June. “We will not wait for the ministry to act on its own,” she said.
        “Nobody told the fishermen anything at all,” one of them wrote on a board by the quay.
        """

    func residentKilobytes(_ pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
        return line.flatMap { Int($0.split(separator: " ").dropFirst().first { !$0.isEmpty } ?? "") }
    }

    @Test func keepsServingAndBoundsItsQueueWhileTheClientDoesNotRead() throws {
        // A small queue bound (256 KB), so that the test reaches it quickly.
        let server = try SpawnedServer(environment: ["BYLINE_OUTPUT_QUEUE_BYTES": "262144"], readingOutput: false)
        let uri = "file:///tmp/slow-client.txt"
        _ = server.request("initialize", ["processId": nil, "rootUri": nil, "capabilities": [:]])
        server.notify("initialized", [:])
        server.open(uri, Self.article)
        // Far more output than the pipe (64 KB) and the queue (256 KB) hold: each answer is
        // a few KB, and every edit brings new diagnostics.
        var ids: [Int] = []
        for version in 2...400 {
            server.notify("textDocument/didChange", [
                "textDocument": ["uri": .string(uri), "version": .int(version)],
                "contentChanges": [["text": .string(Self.article + "\n“Edit number \(version) is here, unquoted by anyone at all.”")]],
            ])
            ids.append(server.request("byline/annotations", ["textDocument": ["uri": .string(uri)]]))
        }
        Thread.sleep(forTimeInterval: 1.0)
        #expect(server.process.isRunning)
        let pid = server.process.processIdentifier
        let rss = try #require(residentKilobytes(pid))
        #expect(rss < 200_000, "resident \(rss) KB while the client was not reading")

        server.startReading()
        // Every answer must come, in one generous allowance for them all: with the whole
        // test suite running on two cores, the debug server can take well over 30 s to work
        // through 399 edits and requests (seen once in a full run); how fast it answers is
        // for the benchmarks to say.
        let deadline = ContinuousClock.now + .seconds(180)
        for id in ids {
            let left = max(.zero, deadline - ContinuousClock.now)
            #expect(server.response(to: id, timeout: left)?["result"]?["entities"] != nil, "response \(id)")
        }
        // Each answered exactly once (in any order: requests run concurrently).
        let answered = server.messages.compactMap { message -> Int? in
            if case .int(let id)? = message["id"], message["method"] == nil, ids.contains(id) { return id }
            return nil
        }
        #expect(answered.sorted() == ids)
        // The diagnostics that arrive last are the last version's.
        let diagnostics = try #require(server.waitFor { $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["version"] == 400 })
        #expect(diagnostics["params"]?["uri"] == .string(uri))
        let shutdown = server.request("shutdown")
        #expect(server.response(to: shutdown) != nil)
        server.notify("exit")
        #expect(server.waitForExit() == 0)
    }

    @Test func exitsWhenToldEvenIfTheClientNeverReadsAgain() throws {
        let server = try SpawnedServer(readingOutput: false)
        _ = server.request("initialize", ["processId": nil, "rootUri": nil, "capabilities": [:]])
        server.notify("initialized", [:])
        let uri = "file:///tmp/never-read.txt"
        server.open(uri, Self.article)
        for _ in 0..<300 { server.request("byline/annotations", ["textDocument": ["uri": .string(uri)]]) }
        Thread.sleep(forTimeInterval: 0.5)
        server.notify("exit")
        // Exit without shutdown is status 1; it waits at most a few seconds for the output.
        #expect(server.waitForExit(timeout: .seconds(20)) == 1)
    }
}
