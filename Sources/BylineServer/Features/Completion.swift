import BylineEngine
import BylineJSON
import JSONRPC

/// `textDocument/completion`: while a capitalised word is being typed, the names of entities
/// in this document, the other open documents and the workspace's notes, each with its type.
extension LanguageServer {
    func completion(_ request: CompletionRequest, _ context: RequestContext) {
        let others = documents.allDocuments().filter { $0.uri != request.at.document.uri }
        let notes = workspaceFacts.withLock { $0 }
        answer(about: request.at.document.uri, context) { view in
            let offset = view.byteOffset(request.at.position)
            guard let prefixStart = Self.wordStart(before: offset, in: view.text.bytes) else {
                return .success(["isIncomplete": false, "items": []])
            }
            let prefix = view.text.substring(prefixStart..<offset)
            guard let first = prefix.unicodeScalars.first, first.properties.isUppercase else {
                return .success(["isIncomplete": false, "items": []])
            }
            var seen = Set<String>()
            var items: [JSON] = []
            func offer(_ name: String, _ detail: String, _ kind: Int, _ documentation: String? = nil) {
                guard name.hasPrefix(prefix) || name.lowercased().hasPrefix(prefix.lowercased()), name != prefix, seen.insert(name).inserted else { return }
                var item: JSONObject = [
                    "label": .string(name), "kind": .int(kind), "detail": .string(detail),
                    "textEdit": ["range": view.range(TextSpan(start: prefixStart, end: offset)).json, "newText": .string(name)],
                ]
                if let documentation { item["documentation"] = .string(documentation) }
                items.append(.object(item))
            }
            // LSP CompletionItemKind: 6 variable (a person or group), 9 module (an organisation), 7 class (others).
            func kind(_ type: EntityType) -> Int { type == .person ? 6 : type == .organization ? 9 : 7 }
            for entity in view.annotations.entities where Self.isSymbolType(entity.type) {
                offer(entity.name, "\(entity.type.rawValue) · this article", kind(entity.type))
            }
            for note in notes.entries {
                offer(note.name, "\(note.type?.rawValue ?? "entity") · byline.json", 7, note.description)
                for alias in note.aliases { offer(alias, "alias of \(note.name) · byline.json", 7, note.description) }
            }
            for document in others {
                if let analysis = self.documents.currentAnalysis(document.uri) {
                    for entity in analysis.annotations.entities where Self.isSymbolType(entity.type) {
                        offer(entity.name, "\(entity.type.rawValue) · \(document.uri.split(separator: "/").last ?? "")", kind(entity.type))
                    }
                }
            }
            return .success(["isIncomplete": false, "items": .array(items)])
        }
    }

    /// The start of the word ending at `offset` (letters, apostrophes, hyphens and periods of
    /// initials), or nil when the cursor does not follow a word.
    static func wordStart(before offset: Int, in bytes: [UInt8]) -> Int? {
        var start = offset
        while start > 0 {
            let byte = bytes[start - 1]
            let isWordByte = byte >= 0x80 || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: ".")
            guard isWordByte else { break }
            // Stop at a space that is not ASCII (no-break space and the like).
            if byte >= 0x80, start >= 2, bytes[start - 2] == 0xC2, byte == 0xA0 { break }
            start -= 1
        }
        while start < offset, bytes[start] & 0xC0 == 0x80 { start += 1 }
        return start < offset ? start : nil
    }
}
