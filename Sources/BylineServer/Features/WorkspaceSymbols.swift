import BylineEngine
import BylineJSON
import JSONRPC

/// `workspace/symbol`: entities across the open documents and the workspace's article
/// files, matched by a case-insensitive subsequence of the query, as editors' fuzzy pickers
/// expect ("vput" finds "Vladimir Putin").
extension LanguageServer {
    func workspaceSymbols(_ request: WorkspaceSymbolRequest, _ context: RequestContext) {
        let open = documents.allDocuments()
        let (encoding, folders) = session.withLock { ($0.positionEncoding, $0.workspaceFolders) }
        let options = analyzerOptions.withLock { $0 }
        context.replyAsync(on: requestQueue) { context in
            var sources: [(uri: String, text: IndexedText, entities: [Entity])] = []
            for document in open {
                let analysis = self.currentAnalysis(of: document)
                sources.append((document.uri, analysis.article.text, analysis.annotations.entities))
                if context.isCancelled { return .failure(.cancelled) }
            }
            for file in self.workspaceArticles.articles(in: folders, skipping: Set(open.map(\.uri)), options: options) {
                sources.append((file.uri, file.text, file.entities))
                if context.isCancelled { return .failure(.cancelled) }
            }
            let query = Array(request.query.lowercased())
            var symbols: [JSON] = []
            for source in sources {
                for entity in source.entities where Self.isSymbolType(entity.type) && Self.matches(query, entity.name) {
                    guard let mention = entity.mentions.first(where: { source.text.substring($0.span.range) == entity.name }) ?? entity.mentions.first
                    else { continue }
                    symbols.append([
                        "name": .string(entity.name),
                        "kind": .int(DocumentOutline.groups.first { $0.types.contains(entity.type) }?.kind ?? DocumentOutline.Kind.object),
                        "containerName": .string(entity.type.rawValue),
                        "location": ["uri": .string(source.uri), "range": LSPRange(mention.span, in: source.text, encoding: encoding).json],
                    ])
                    if symbols.count >= 1_000 { return .success(.array(symbols)) }
                }
            }
            return .success(.array(symbols))
        }
    }

    /// Names, not numbers: a workspace of articles holds thousands of dates and amounts.
    static func isSymbolType(_ type: EntityType) -> Bool {
        switch type {
        case .date, .time, .money, .percent, .quantity, .cardinal, .ordinal: return false
        default: return true
        }
    }

    static func matches(_ query: [Character], _ name: String) -> Bool {
        guard !query.isEmpty else { return true }
        var next = 0
        for character in name.lowercased() where character == query[next] {
            next += 1
            if next == query.count { return true }
        }
        return false
    }
}
