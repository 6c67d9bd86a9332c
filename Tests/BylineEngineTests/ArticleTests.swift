import Foundation
import Testing
@testable import BylineEngine

@Suite struct ArticleDateTests {
    @Test func parsesAndValidatesISODates() {
        #expect(ArticleDate(iso: "2022-12-30")?.description == "2022-12-30")
        #expect(ArticleDate(iso: "2024-02-29") != nil)
        #expect(ArticleDate(iso: "2023-02-29") == nil)
        #expect(ArticleDate(iso: "2022-13-01") == nil)
        #expect(ArticleDate(iso: "2022-1-01") == nil)
        #expect(ArticleDate(iso: "2022-12-30T08:00:00Z")?.description == "2022-12-30")
        #expect(ArticleDate(iso: "2022-12-30x") == nil)
    }
}

@Suite struct ArticleHeaderTests {
    @Test func readsADateHeaderWithSurroundingSpaceAndBlankLines() {
        let text = " date 2022-12-30 \n\n\n\nFirst paragraph."
        let article = Article(text)
        #expect(article.metadata.date == ArticleDate(year: 2022, month: 12, day: 30))
        #expect(article.text.substring(article.bodyStart..<article.text.utf8Count) == "First paragraph.")
    }

    @Test func readsSeveralHeaderLinesInAnyOrder() {
        let article = Article("title Ports agree\r\nsource Harbour Post\r\ndate: 2025-03-14\r\nbyline Ann Lee\r\n\r\nBody.")
        #expect(article.metadata == ArticleMetadata(
            date: ArticleDate(iso: "2025-03-14"), title: "Ports agree", source: "Harbour Post", byline: "Ann Lee"))
        #expect(article.text.substring(article.bodyStart..<article.text.utf8Count) == "Body.")
    }

    @Test func doesNotMistakeProseForAHeader() {
        for text in ["Title IX funding was cut.", "date night is popular", "The date 2022-12-30 was chosen."] {
            let article = Article(text)
            #expect(article.metadata == ArticleMetadata())
            #expect(article.bodyStart == 0)
        }
    }

    @Test func readsMarkdownFrontMatter() {
        let text = "---\ntitle: \"Ports agree\"\ndate: 2025-03-14\nauthor: Ann Lee\ntags: [a, b]\n---\n# Heading\n"
        let article = Article(text, format: .markdown)
        #expect(article.metadata.title == "Ports agree")
        #expect(article.metadata.byline == "Ann Lee")
        #expect(article.metadata.date?.description == "2025-03-14")
        #expect(article.text.substring(article.bodyStart..<article.text.utf8Count) == "# Heading\n")
    }

    @Test func ignoresAnUnclosedFrontMatterBlock() {
        let article = Article("---\ntitle: x\nno end", format: .markdown)
        #expect(article.metadata.title == nil)
        #expect(article.bodyStart == 0)
    }

    @Test func letsACallerOverrideTheDate() {
        let article = Article("date 2022-12-30\n\nText", dateOverride: ArticleDate(iso: "2023-01-02"))
        #expect(article.metadata.date?.description == "2023-01-02")
    }

    @Test func guessesMarkdownFromLanguageAndPath() {
        #expect(ArticleFormat.guess(languageID: "markdown") == .markdown)
        #expect(ArticleFormat.guess(path: "/x/story.MD") == .markdown)
        #expect(ArticleFormat.guess(languageID: "plaintext", path: "story.txt") == .plainText)
    }

    static let seedPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus/seed-article.txt").path

    @Test(.enabled(if: FileManager.default.fileExists(atPath: seedPath), "../shared/corpus is absent"))
    func readsTheSeedArticleDate() throws {
        let data = try #require(FileManager.default.contents(atPath: Self.seedPath))
        let article = Article(text: IndexedText(decoding: [UInt8](data)))
        #expect(article.metadata.date?.description == "2022-12-30")
        #expect(article.text.substring(article.bodyStart..<(article.bodyStart + 7)) == "Russian")
    }
}
