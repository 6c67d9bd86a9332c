import BylineEngine
import Foundation
import Locking

/// The article files under the workspace folders the client declared, analysed on demand
/// for workspace-wide requests and cached by modification time.
///
/// Only regular files named *.txt, *.md or *.markdown are read, at most `maximumFiles` of
/// them and none larger than `maximumBytes`; hidden folders are skipped and symbolic links
/// are never followed, so nothing outside the declared folders is read.
final class WorkspaceArticles: Sendable {
    struct Indexed: Sendable {
        var uri: String
        var modified: Date
        var text: IndexedText
        var entities: [Entity]
    }

    static let maximumFiles = 2_000
    static let maximumBytes = 2 << 20
    static let extensions: Set<String> = ["txt", "md", "markdown"]

    private let cache = Locked<[String: Indexed]>([:])

    /// Every article file's entities, skipping the URIs in `skipping` (open documents, whose
    /// editor text is newer than the file).
    func articles(in folders: [String], skipping: Set<String>, options: AnalyzerOptions) -> [Indexed] {
        var result: [Indexed] = []
        for path in Self.articlePaths(in: folders) {
            let uri = URL(fileURLWithPath: path).absoluteString
            guard !skipping.contains(uri) else { continue }
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                let modified = attributes[.modificationDate] as? Date
            else { continue }
            if let cached = cache.withLock({ $0[uri] }), cached.modified == modified {
                result.append(cached)
                continue
            }
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let text = IndexedText(decoding: [UInt8](data))
            let article = Article(text: text, format: ArticleFormat.guess(path: path))
            let indexed = Indexed(uri: uri, modified: modified, text: text, entities: Analyzer(options: options).analyzeEntities(article))
            cache.withLock { $0[uri] = indexed }
            result.append(indexed)
        }
        return result
    }

    static func articlePaths(in folders: [String]) -> [String] {
        var paths: [String] = []
        let manager = FileManager.default
        for folder in folders {
            guard let enumerator = manager.enumerator(
                at: URL(fileURLWithPath: folder), includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey, .fileSizeKey],
                options: [.skipsHiddenFiles, .skipsPackageDescendants])
            else { continue }
            for case let url as URL in enumerator {
                if url.lastPathComponent == "node_modules" || url.lastPathComponent == ".build" {
                    enumerator.skipDescendants()
                    continue
                }
                guard extensions.contains(url.pathExtension.lowercased()),
                    let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey, .fileSizeKey]),
                    values.isRegularFile == true, values.isSymbolicLink != true, (values.fileSize ?? 0) <= maximumBytes
                else { continue }
                paths.append(url.path)
                if paths.count >= maximumFiles { return paths }
            }
        }
        return paths.sorted()
    }
}
