import BylineJSON
import Testing
@testable import BylineServer

@Suite struct LifecycleTests {
    @Test func initializeAnswersWithTheWholeExpectedResult() {
        let server = TestServer()
        let response = server.initialize()
        // The whole result, so that any accidental protocol change fails here.
        let expected: JSON = [
            "capabilities": [
                "positionEncoding": "utf-16",
                "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
                "semanticTokensProvider": [
                    "legend": [
                        "tokenTypes": ["person", "organization", "place", "nationality", "date", "time", "number", "quote", "speaker", "cue", "event", "work"],
                        "tokenModifiers": ["declaration", "unattributed", "inferred", "direct", "indirect", "mixed"],
                    ],
                    "full": ["delta": true], "range": true,
                ],
                "hoverProvider": true,
                "definitionProvider": true,
                "referencesProvider": true,
                "documentHighlightProvider": true,
                "renameProvider": ["prepareProvider": true],
                "documentSymbolProvider": ["label": "Byline"],
                "workspaceSymbolProvider": true,
                "inlayHintProvider": true,
                "codeActionProvider": ["codeActionKinds": ["quickfix", "refactor.rewrite", "source.fixAll.byline.curlyQuotes"]],
                "completionProvider": ["triggerCharacters": [], "resolveProvider": false],
                "diagnosticProvider": ["identifier": "byline", "interFileDependencies": false, "workspaceDiagnostics": true],
                "workspace": ["workspaceFolders": ["supported": true, "changeNotifications": false]],
                "experimental": ["bylineAnnotations": true],
            ],
            "serverInfo": ["name": "byline", "version": "0.1.0"],
        ]
        #expect(response["result"] == expected)
    }

    @Test(arguments: [
        ([String]?.none, "utf-16"), (["utf-16"], "utf-16"), (["utf-32", "utf-16"], "utf-32"),
        (["utf-16", "utf-32", "utf-8"], "utf-8"), (["utf-8"], "utf-8"), ([], "utf-16"),
    ])
    func negotiatesThePositionEncoding(_ offered: [String]?, _ chosen: String) {
        let server = TestServer()
        let response = server.initialize(encodings: offered)
        #expect(response["result"]?["capabilities"]?["positionEncoding"] == .string(chosen))
    }

    @Test func refusesRequestsBeforeInitialize() {
        let server = TestServer()
        #expect(errorCode(server.call("byline/annotations", ["textDocument": ["uri": "file:///a"]])) == -32002)
        #expect(errorCode(server.call("shutdown")) == -32002)
    }

    @Test func dropsNotificationsBeforeInitialize() {
        let server = TestServer()
        server.open("file:///a.txt", "text")
        server.initialize()
        #expect(server.text(of: "file:///a.txt") == nil)
    }

    @Test func refusesASecondInitialize() {
        let server = TestServer()
        server.initialize()
        #expect(errorCode(server.call("initialize", ["capabilities": [:]])) == -32600)
    }

    @Test func namesTheWrongFieldInInvalidParams() {
        let server = TestServer()
        let response = server.call("initialize", ["processId": "seven", "capabilities": [:]])
        #expect(errorCode(response) == -32602)
        #expect(response["error"]?["message"]?.stringValue?.contains("processId") == true)
    }

    @Test func answersUnknownMethodsWithMethodNotFound() {
        let server = TestServer()
        server.initialize()
        #expect(errorCode(server.call("textDocument/unheardOf")) == -32601)
        #expect(errorCode(server.call("$/unheardOf")) == -32601)
    }

    @Test func ignoresUnknownNotifications() {
        let server = TestServer()
        server.initialize()
        let before = server.sink.messages.count
        server.notify("$/unheardOf", [:])
        server.notify("workspace/unheardOf", [:])
        #expect(server.call("shutdown")["result"] == .null)
        #expect(server.sink.messages.count == before + 1)
    }

    @Test func refusesEveryRequestAfterShutdown() {
        let server = TestServer()
        server.initialize()
        #expect(server.call("shutdown")["result"] == .null)
        #expect(errorCode(server.call("byline/annotations", ["textDocument": ["uri": "file:///a"]])) == -32600)
        #expect(errorCode(server.call("shutdown")) == -32600)
        #expect(errorCode(server.call("initialize", ["capabilities": [:]])) == -32600)
    }

    @Test func exitsWithZeroAfterShutdownAndOneOtherwise() {
        let clean = TestServer()
        clean.initialize()
        _ = clean.call("shutdown")
        clean.notify("exit")
        #expect(clean.exitCode == 0)

        let abrupt = TestServer()
        abrupt.initialize()
        abrupt.notify("exit")
        #expect(abrupt.exitCode == 1)

        let early = TestServer()
        early.notify("exit")
        #expect(early.exitCode == 1)
    }

    @Test func endOfInputExitsWithTheSameRule() {
        let clean = TestServer()
        clean.initialize()
        _ = clean.call("shutdown")
        clean.server.inputEnded(cleanly: true)
        #expect(clean.exitCode == 0)

        let abrupt = TestServer()
        abrupt.initialize()
        abrupt.server.inputEnded(cleanly: false)
        #expect(abrupt.exitCode == 1)
    }
}
