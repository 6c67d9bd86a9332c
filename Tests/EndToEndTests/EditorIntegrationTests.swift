import BylineJSON
import BylineTestSupport
import Foundation
import Testing

/// The integrations under editors/: manifests checked against what the server advertises
/// and reads, and the Neovim and Emacs ones driven in the real editors when installed.
let editorsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("editors")

/// The path of a program on the PATH, or nil.
func installed(_ program: String) -> String? {
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
        let path = "\(folder)/\(program)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}

/// Runs a program to its end (at most `timeout`), returning its status and output.
func run(_ program: String, _ arguments: [String], environment: [String: String] = [:], in folder: URL? = nil, timeout: TimeInterval = 90) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    if let folder { process.currentDirectoryURL = folder }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let collected = LockedBox(Data())
    let reader = Thread {
        while true {
            let data = pipe.fileHandleForReading.availableData
            if data.isEmpty { break }
            collected.withLock { $0.append(data) }
        }
    }
    reader.start()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
    Thread.sleep(forTimeInterval: 0.05)
    return (process.terminationStatus, String(decoding: collected.withLock { $0 }, as: UTF8.self))
}

/// An article with a person on line 2 and an unattributed quote on line 4.
func writeCheckArticle() throws -> URL {
    let folder = try FeatureFixtures.temporaryFolder()
    let article = folder.appendingPathComponent("article.txt")
    try "date 2025-03-14\n\nMarieke de Vries said the port would reopen in May.\n\nNot everyone agreed. “The whole plan will fail before the first ship arrives.”\n"
        .write(to: article, atomically: true, encoding: .utf8)
    return article
}

@Suite(.serialized) struct VSCodeExtensionTests {
    func manifest() throws -> JSON {
        let data = try #require(FileManager.default.contents(atPath: editorsFolder.appendingPathComponent("vscode/package.json").path))
        return try JSON.parse(Array(data))
    }

    @Test func contributesExactlyTheTokenTypesAndModifiersTheServerAdvertises() throws {
        let manifest = try manifest()
        let server = try SpawnedServer()
        let legend = try #require(server.initialize(capabilities: FeatureFixtures.capabilities())?["capabilities"]?["semanticTokensProvider"]?["legend"])
        let types = manifest["contributes"]?["semanticTokenTypes"]?.arrayValue?.compactMap { $0["id"]?.stringValue }
        #expect(types == legend["tokenTypes"]?.arrayValue?.compactMap(\.stringValue))
        let modifiers = manifest["contributes"]?["semanticTokenModifiers"]?.arrayValue?.compactMap { $0["id"]?.stringValue }
        #expect(modifiers == legend["tokenModifiers"]?.arrayValue?.compactMap(\.stringValue))
        let highlight = manifest["contributes"]?["configuration"]?["properties"]?["byline.highlight"]?["items"]?["enum"]?.arrayValue?.compactMap(\.stringValue)
        #expect(highlight == legend["tokenTypes"]?.arrayValue?.compactMap(\.stringValue))
        // Every type has a scope for themes that colour TextMate scopes only.
        let scopes = manifest["contributes"]?["semanticTokenScopes"]?.arrayValue?.first?["scopes"]?.objectValue?.keys ?? []
        for type in types ?? [] { #expect(scopes.contains(type), "\(type) has no scope") }
    }

    @Test func offersExactlyTheSettingsTheServerReads() throws {
        let properties = try #require(try manifest()["contributes"]?["configuration"]?["properties"]?.objectValue)
        let clientOnly: Set<String> = ["path", "enableEverywhere", "trace.server"]
        let serverKeys = Set(properties.keys.map { String($0.dropFirst("byline.".count)) }).subtracting(clientOnly)
        // protocol.md's settings table lists what the server reads.
        let protocolText = try String(contentsOf: editorsFolder.deletingLastPathComponent().appendingPathComponent("protocol.md"), encoding: .utf8)
        let section = try #require(protocolText.components(separatedBy: "## Settings: the `byline` section").last?.components(separatedBy: "\n## ").first)
        let documented = Set(section.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `") else { return nil }
            return line.dropFirst(3).split(separator: "`").first.map { String($0.split(separator: ".").first ?? $0) }
        })
        #expect(serverKeys == documented)
        // The server takes each of them without complaint, and complains about others.
        var options: JSONObject = [:]
        for key in serverKeys { options[key] = properties["byline." + key]?["default"] ?? .null }
        options["enableEverywhere"] = true
        options["notASetting"] = true
        let server = try SpawnedServer()
        server.initialize(capabilities: FeatureFixtures.capabilities(), options: .object(options))
        let complaint = try #require(server.waitFor { $0["method"] == "window/logMessage" })
        #expect(complaint["params"]?["message"]?.stringValue?.contains("byline.notASetting: unknown setting") == true)
        _ = server.call("shutdown", .null)
        let logs = server.messages.filter { $0["method"] == "window/logMessage" }.compactMap { $0["params"]?["message"]?.stringValue }
        #expect(logs.count == 1, "\(logs)")
    }

    @Test(.enabled(if: installed("node") != nil, "Node.js is not installed, so extension.js was not parsed (skipped)"))
    func extensionParses() throws {
        let result = try run(installed("node")!, ["--check", editorsFolder.appendingPathComponent("vscode/extension.js").path])
        #expect(result.status == 0, "\(result.output)")
    }
}

@Suite(.serialized) struct OtherEditorFileTests {
    @Test func settingsFilesAreWellFormedAndStartTheServer() throws {
        for path in ["sublime/LSP-byline.sublime-settings", "kate/lspclient.json", "zed/settings.json"] {
            let text = try String(contentsOf: editorsFolder.appendingPathComponent(path), encoding: .utf8)
            // Sublime allows // comments; the rest is JSON.
            let json = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }.joined(separator: "\n")
            #expect((try? JSON.parse(json)) != nil, "\(path) is not JSON")
            #expect(text.contains("\"byline\""), "\(path)")
            #expect(text.contains("\"lsp\""), "\(path) does not pass lsp")
        }
        let helix = try String(contentsOf: editorsFolder.appendingPathComponent("helix/languages.toml"), encoding: .utf8)
        #expect(helix.contains("[language-server.byline]\ncommand = \"byline\"\nargs = [\"lsp\"]"))
        let zed = try String(contentsOf: editorsFolder.appendingPathComponent("zed/extension.toml"), encoding: .utf8)
        #expect(zed.contains("[language_servers.byline]"))
    }
}

@Suite(.serialized) struct RealEditorTests {
    @Test(.enabled(if: installed("nvim") != nil, "Neovim is not installed (apt-get install neovim), so the real-client test did not run (skipped)"))
    func neovimShowsTheDiagnosticAndTheHover() throws {
        let article = try writeCheckArticle()
        defer { try? FileManager.default.removeItem(at: article.deletingLastPathComponent()) }
        let out = article.deletingLastPathComponent().appendingPathComponent("result.json")
        let result = try run(installed("nvim")!, [
            "--headless", "-u", "NONE", "-c", "set rtp+=\(editorsFolder.appendingPathComponent("neovim").path)",
            "-c", "luafile \(editorsFolder.appendingPathComponent("neovim/test/headless_check.lua").path)",
        ], environment: [
            "BYLINE": bylineExecutableURL().path, "ARTICLE": article.path, "OUT": out.path, "HOVER_LINE": "2", "HOVER_CHARACTER": "2",
        ])
        let data = try #require(FileManager.default.contents(atPath: out.path), "no result; nvim said: \(result.output)")
        let seen = try JSON.parse(Array(data))
        #expect(seen["error"] == nil || seen["error"] == .null, "\(seen)")
        #expect(seen["diagnostics"]?.arrayValue?.contains { $0["code"] == "unattributed-quote" } == true, "\(seen)")
        #expect(seen["hover"]?.stringValue?.contains("Marieke de Vries") == true, "\(seen)")
    }

    static var emacsWithEglot: Bool {
        guard let emacs = installed("emacs") else { return false }
        return (try? run(emacs, ["--batch", "--eval", "(kill-emacs (if (require 'eglot nil t) 0 1))"], timeout: 30).status) == 0
    }

    @Test(.enabled(if: emacsWithEglot, "Emacs with eglot is not installed (apt-get install emacs-nox elpa-eglot), so the real-client test did not run (skipped)"))
    func emacsWithEglotShowsTheDiagnosticAndTheHover() throws {
        let article = try writeCheckArticle()
        defer { try? FileManager.default.removeItem(at: article.deletingLastPathComponent()) }
        let out = article.deletingLastPathComponent().appendingPathComponent("result.el")
        let result = try run(installed("emacs")!, [
            "--batch", "-l", editorsFolder.appendingPathComponent("emacs/byline.el").path,
            "-l", editorsFolder.appendingPathComponent("emacs/test/batch-check.el").path,
        ], environment: [
            "BYLINE": bylineExecutableURL().path, "ARTICLE": article.path, "OUT": out.path, "HOVER_LINE": "2", "HOVER_CHARACTER": "2",
        ])
        let seen = try #require(try? String(contentsOf: out, encoding: .utf8), "no result; emacs said: \(result.output)")
        #expect(seen.contains(":error nil"), "\(seen)")
        #expect(seen.contains("[unattributed-quote]"), "\(seen)")
        #expect(seen.contains(":hover \"Marieke de Vries"), "\(seen)")
    }
}
