import BylineJSON
import Testing
@testable import BylineServer

@Suite struct CancellationTests {
    @Test func aRequestCancelledBeforeItRunsIsAnsweredWithRequestCancelled() {
        let server = TestServer()
        server.initialize()
        server.open("file:///a.txt", "Some text.")
        // Hold the request queue so the cancellation is certain to arrive first.
        server.server.requestQueue.suspend()
        let id = server.request("byline/annotations", ["textDocument": ["uri": "file:///a.txt"]])
        server.notify("$/cancelRequest", ["id": .int(id)])
        server.server.requestQueue.resume()
        #expect(errorCode(server.sink.response(to: id) ?? [:]) == -32800)
    }

    @Test func aRunningRequestSeesTheCancellation() {
        let server = TestServer(options: ServerOptions(requestDelay: .seconds(30)))
        server.initialize()
        server.open("file:///a.txt", "Some text.")
        let started = ContinuousClock.now
        let id = server.request("byline/annotations", ["textDocument": ["uri": "file:///a.txt"]])
        server.notify("$/cancelRequest", ["id": .int(id)])
        #expect(errorCode(server.sink.response(to: id) ?? [:]) == -32800)
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test func cancellingAnAnsweredOrUnknownRequestIsHarmless() {
        let server = TestServer()
        server.initialize()
        server.open("file:///a.txt", "Some text.")
        let response = server.call("byline/annotations", ["textDocument": ["uri": "file:///a.txt"]])
        #expect(response["result"] != nil)
        server.notify("$/cancelRequest", ["id": 999])
        server.notify("$/cancelRequest", ["id": "nope"])
        server.notify("$/cancelRequest", ["id": [1]])
        #expect(server.call("shutdown")["result"] == .null)
        #expect(server.server.requests.count == 0)
    }
}
