import BylineEngine
import Foundation

/// One article to annotate: where it came from and its bytes.
struct ArticleInput {
    /// The path as given, or nil for standard input.
    var path: String?
    var bytes: [UInt8]

    var displayPath: String { path ?? "<stdin>" }

    /// Reads each FILE (`-` is standard input). A file that cannot be read is reported
    /// through `failed` and the rest go on.
    static func read(_ paths: [String], io: CommandIO, failed: (String, String) -> Void) -> [ArticleInput] {
        var inputs: [ArticleInput] = []
        for path in paths {
            if path == "-" {
                inputs.append(ArticleInput(path: nil, bytes: io.readAllInput()))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                failed(path, "no such file")
                continue
            }
            guard !isDirectory.boolValue else {
                failed(path, "is a directory")
                continue
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                failed(path, "cannot be read")
                continue
            }
            inputs.append(ArticleInput(path: path, bytes: [UInt8](data)))
        }
        return inputs
    }

    /// The article, with invalid UTF-8 repaired so that offsets stay consistent.
    func article(dateOverride: ArticleDate?) -> Article {
        Article(
            text: IndexedText(decoding: bytes), format: ArticleFormat.guess(path: path), dateOverride: dateOverride)
    }
}
