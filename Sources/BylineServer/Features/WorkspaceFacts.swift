import BylineEngine
import BylineJSON
import Foundation
import JSONRPC

/// The workspace's own notes on entities, from `byline.json` at a workspace folder's root:
///
/// ```json
/// { "entities": [
///     { "name": "Xi Jinping", "type": "PERSON", "aliases": ["Xi", "President Xi"],
///       "description": "President of China since 2013", "style": "Xi on second reference",
///       "links": ["https://en.wikipedia.org/wiki/Xi_Jinping"] } ] }
/// ```
///
/// Hover shows the notes; the names and aliases feed recognition. A malformed file gets a
/// diagnostic on the file itself and changes nothing else. The file is read only from the
/// declared folders, at most `maximumBytes` long.
struct WorkspaceFacts: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var name: String
        var type: EntityType?
        var aliases: [String] = []
        var description: String?
        var style: String?
        var links: [String] = []
    }

    static let fileName = "byline.json"
    static let maximumBytes = 1 << 20
    static let maximumEntries = 10_000

    var entries: [Entry] = []

    var knownEntities: [KnownEntity] { entries.map { KnownEntity(name: $0.name, type: $0.type, aliases: $0.aliases) } }

    func entry(named name: String, spellings: [String]) -> Entry? {
        entries.first { $0.name == name } ?? entries.first { entry in spellings.contains(entry.name) || entry.aliases.contains(name) }
    }

    /// Parses the file; on any problem returns it with the byte offset it concerns, and no
    /// facts, so that a half-edited file never half-applies.
    static func parse(_ text: String) -> Result<WorkspaceFacts, FactsFileProblem> {
        guard text.utf8.count <= maximumBytes else {
            return .failure(FactsFileProblem(offset: 0, message: "\(fileName) is larger than \(maximumBytes / 1024) KB; it is ignored"))
        }
        let json: JSON
        do {
            json = try JSON.parse(Array(text.utf8))
        } catch {
            return .failure(FactsFileProblem(offset: error.offset, message: "\(fileName) is not valid JSON: \(error)"))
        }
        let reader = JSONReader(json)
        do throws(JSONShapeError) {
            var facts = WorkspaceFacts()
            let list = try reader["entities"].array()
            guard list.count <= maximumEntries else {
                return .failure(FactsFileProblem(offset: 0, message: "\(fileName) lists more than \(maximumEntries) entities"))
            }
            for item in list {
                var entry = Entry(name: try item["name"].string())
                if entry.name.trimmingCharacters(in: .whitespaces).isEmpty {
                    throw JSONShapeError(path: item["name"].path, reason: "a name cannot be empty")
                }
                if let type = try item["type"].optional({ r throws(JSONShapeError) in try r.string() }) {
                    guard let known = EntityType(rawValue: type) else {
                        throw JSONShapeError(path: item["type"].path, reason: "unknown type \"\(type)\"; expected an OntoNotes type such as PERSON, ORG or GPE")
                    }
                    entry.type = known
                }
                entry.aliases = try strings(item["aliases"])
                entry.description = try item["description"].optional { r throws(JSONShapeError) in try r.string() }
                entry.style = try item["style"].optional { r throws(JSONShapeError) in try r.string() }
                entry.links = try strings(item["links"])
                facts.entries.append(entry)
            }
            return .success(facts)
        } catch {
            return .failure(FactsFileProblem(offset: 0, message: "\(fileName): \(error)"))
        }
    }

    private static func strings(_ reader: JSONReader) throws(JSONShapeError) -> [String] {
        guard !reader.isAbsent else { return [] }
        var result: [String] = []
        for item in try reader.array() {
            let value = try item.string()
            if !value.isEmpty { result.append(value) }
        }
        return result
    }

    static func isFactsFile(_ uri: String) -> Bool { uri.hasSuffix("/" + fileName) }
}

struct FactsFileProblem: Error, Sendable {
    var offset: Int
    var message: String
}

extension LanguageServer {
    /// Reads `byline.json` from the first workspace folder that has one.
    func loadWorkspaceFacts() {
        let folders = session.withLock { $0.workspaceFolders }
        for folder in folders {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(WorkspaceFacts.fileName).path
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                attributes[.type] as? FileAttributeType == .typeRegular
            else { continue }
            if let size = attributes[.size] as? Int, size > WorkspaceFacts.maximumBytes {
                applyWorkspaceFacts(text: String(repeating: " ", count: WorkspaceFacts.maximumBytes + 1), uri: URL(fileURLWithPath: path).absoluteString)
                return
            }
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            applyWorkspaceFacts(text: String(decoding: data, as: UTF8.self), uri: URL(fileURLWithPath: path).absoluteString)
            return
        }
    }

    /// Takes a new text of the facts file: publishes its problems (or none) on the file, and
    /// when the facts change, re-analyses every open article.
    func applyWorkspaceFacts(text: String, uri: String) {
        let encoding = session.withLock { $0.positionEncoding }
        var diagnostics: [JSON] = []
        switch WorkspaceFacts.parse(text) {
        case .success(let facts):
            let changed = workspaceFacts.withLock { current -> Bool in
                defer { current = facts }
                return current != facts
            }
            if changed {
                analyzerOptions.withLock { $0.knownEntities = facts.knownEntities }
                reanalyseOpenDocuments()
            }
        case .failure(let problem):
            let indexed = IndexedText(text)
            let position = indexed.position(ofByte: min(problem.offset, indexed.utf8Count), encoding: encoding)
            diagnostics.append([
                "range": ["start": position.lspJSON, "end": position.lspJSON],
                "severity": 1, "code": "invalid-workspace-facts", "source": "byline", "message": .string(problem.message),
            ])
            log.log(.warning, problem.message)
        }
        connection.sendNotification("textDocument/publishDiagnostics", ["uri": .string(uri), "diagnostics": .array(diagnostics)])
    }
}
