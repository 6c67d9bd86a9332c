/// How an article's text is written, which decides what parts of it are prose.
public enum ArticleFormat: String, Sendable {
    case plainText = "plaintext"
    case markdown = "markdown"

    /// The format for an LSP language id or a file name; Markdown by its usual extensions.
    public static func guess(languageID: String? = nil, path: String? = nil) -> ArticleFormat {
        if let languageID, languageID.lowercased() == "markdown" { return .markdown }
        if let path {
            let lower = path.lowercased()
            for suffix in [".md", ".markdown", ".mdown", ".mkd"] where lower.hasSuffix(suffix) { return .markdown }
        }
        return .plainText
    }
}

/// What an article says about itself: its date and the other header fields.
public struct ArticleMetadata: Sendable, Equatable {
    public var date: ArticleDate?
    public var title: String?
    public var source: String?
    public var byline: String?

    public init(date: ArticleDate? = nil, title: String? = nil, source: String? = nil, byline: String? = nil) {
        self.date = date
        self.title = title
        self.source = source
        self.byline = byline
    }
}

/// An article ready for analysis: its indexed text, format, metadata, and where the body
/// (the prose to analyse) begins, after any header lines or front matter.
public struct Article: Sendable {
    public let text: IndexedText
    public let format: ArticleFormat
    public let metadata: ArticleMetadata
    /// The byte offset of the first byte after the header lines or front matter.
    public let bodyStart: Int

    /// Reads the metadata from the text itself. `dateOverride`, when given, replaces the
    /// header's date: a caller that knows the publication date knows best.
    public init(text: IndexedText, format: ArticleFormat = .plainText, dateOverride: ArticleDate? = nil) {
        self.text = text
        self.format = format
        var header = ArticleHeaderParser.parse(text.bytes, format: format)
        if let dateOverride { header.metadata.date = dateOverride }
        self.metadata = header.metadata
        self.bodyStart = header.bodyStart
    }

    public init(_ string: String, format: ArticleFormat = .plainText, dateOverride: ArticleDate? = nil) {
        self.init(text: IndexedText(string), format: format, dateOverride: dateOverride)
    }
}
