/// The analysis pipeline: an article in, its annotations out. Pure and thread-safe, so the
/// server may run it for several documents at once and the CLI for a whole archive.
///
/// The pipeline so far reads the article's metadata. Entity recognition (issue 3) and
/// quotation attribution (issue 4) add their stages here; until they land, the entity,
/// quote and diagnostic lists are honestly empty rather than guessed.
public struct Analyzer: Sendable {
    public init() {}

    public func analyze(_ article: Article) -> Annotations {
        Annotations(metadata: article.metadata)
    }
}
