import BylineTestSupport
import Foundation
import Testing

/// Every input in Fuzz/corpus (the seeds, and each crash the fuzzers found, kept as a
/// regression test) replayed through the fuzz targets' checks.
@Suite struct FuzzCorpusTests {
    @Test(arguments: ["engine", "transport", "edits"])
    func replaysTheCorpus(_ target: String) throws {
        let binary = bylineExecutableURL().deletingLastPathComponent().appendingPathComponent("fuzz-\(target)")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "fuzz-\(target) is not built")
        let corpus = editorsFolder.deletingLastPathComponent().appendingPathComponent("Fuzz/corpus/\(target)")
        let result = try run(binary.path, [corpus.path], timeout: 120)
        #expect(result.status == 0, "\(result.output.suffix(2000))")
        #expect(result.output.contains("replayed"))
    }
}
