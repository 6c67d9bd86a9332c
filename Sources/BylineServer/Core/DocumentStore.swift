import BylineEngine
import Locking
import Synchronization

/// An open document as the client last described it.
struct OpenDocument: Sendable {
    let uri: String
    let languageID: String
    var version: Int
    var text: IndexedText
    /// Bumped on every open and edit, across all documents, so that a result computed for
    /// an older text is recognised as stale even when a closed and reopened document
    /// repeats a version number.
    var revision: UInt64
    var format: ArticleFormat { ArticleFormat.guess(languageID: languageID, path: uri) }
}

/// The engine's results for one revision of a document.
struct DocumentAnalysis: Sendable {
    let uri: String
    let version: Int
    let revision: UInt64
    let article: Article
    let annotations: Annotations
}

/// What became of an edit.
enum EditOutcome: Sendable {
    case notOpen
    /// Applied; `problems` lists each range that had to be clamped or reordered.
    case applied(problems: [String])
}

/// The open documents. Only the message thread changes texts, so an edit is computed
/// outside the lock and stored back; readers on other threads take snapshots.
final class DocumentStore: Sendable {
    private struct Entry: Sendable {
        var document: OpenDocument
        /// The newest analysis, whether made for publishing or for a request.
        var analysis: DocumentAnalysis?
        /// The revision whose diagnostics were last published.
        var publishedRevision: UInt64?
        /// An analysis run for this document is queued or running. The run loops until the
        /// newest revision is published, so edits made meanwhile need no second run.
        var analysisInFlight = false
        /// The tokens of the last text analysed, whatever its revision: the next analysis
        /// re-tokenises only the paragraphs that differ from it.
        var tokenCache: TokenCache?
    }

    private let entries = Locked<[String: Entry]>([:])
    private let revisions = Atomic<UInt64>(0)

    private func nextRevision() -> UInt64 { revisions.add(1, ordering: .relaxed).newValue }

    /// Opens (or reopens, replacing) a document. Returns true if it was already open.
    @discardableResult
    func open(uri: String, languageID: String, version: Int, text: String) -> Bool {
        let document = OpenDocument(
            uri: uri, languageID: languageID, version: version, text: IndexedText(text), revision: nextRevision())
        return entries.withLock { entries in
            let wasOpen = entries[uri] != nil
            var entry = Entry(document: document)
            entry.analysisInFlight = entries[uri]?.analysisInFlight ?? false
            entry.tokenCache = entries[uri]?.tokenCache
            entries[uri] = entry
            return wasOpen
        }
    }

    func close(uri: String) -> Bool {
        entries.withLock { $0.removeValue(forKey: uri) != nil }
    }

    func snapshot(_ uri: String) -> OpenDocument? {
        entries.withLock { $0[uri]?.document }
    }

    /// Applies LSP content changes in order, clamping any range that falls outside the text.
    func applyChanges(
        uri: String, version: Int, changes: [TextDocumentContentChange], encoding: PositionEncoding
    ) -> EditOutcome {
        guard var document = snapshot(uri) else { return .notOpen }
        var problems: [String] = []
        for change in changes {
            guard let range = change.range else {
                document.text = IndexedText(change.text)
                continue
            }
            let start = document.text.byteOffset(of: range.start, encoding: encoding)
            let end = document.text.byteOffset(of: range.end, encoding: encoding)
            var lower = start.offset
            var upper = end.offset
            if start.outOfRange || end.outOfRange {
                problems.append("range \(range.start)-\(range.end) lies outside the document (\(document.text.lineCount) lines); clamped")
            }
            if lower > upper {
                problems.append("range \(range.start)-\(range.end) ends before it starts; reordered")
                swap(&lower, &upper)
            }
            document.text = document.text.replacing(lower..<upper, with: change.text)
        }
        document.version = version
        document.revision = nextRevision()
        let stored = entries.withLock { entries -> Bool in
            guard entries[uri] != nil else { return false }
            entries[uri]!.document = document
            return true
        }
        return stored ? .applied(problems: problems) : .notOpen
    }

    // MARK: - Analysis bookkeeping

    /// Marks that `uri` needs analysing. Returns true when the caller must start a run;
    /// false when one is already queued or running and will pick up the new text.
    func requestAnalysis(_ uri: String) -> Bool {
        entries.withLock { entries in
            guard let entry = entries[uri], !entry.analysisInFlight else { return false }
            entries[uri]!.analysisInFlight = true
            return true
        }
    }

    /// The document to publish next for a run in flight, with its analysis if one is already
    /// cached, or nil when the run should end (the document is closed, or the diagnostics
    /// of its newest revision are published).
    func nextAnalysisSnapshot(_ uri: String) -> (document: OpenDocument, cached: DocumentAnalysis?)? {
        entries.withLock { entries in
            guard let entry = entries[uri] else { return nil }
            if entry.publishedRevision == entry.document.revision {
                entries[uri]!.analysisInFlight = false
                return nil
            }
            let cached = entry.analysis?.revision == entry.document.revision ? entry.analysis : nil
            return (entry.document, cached)
        }
    }

    /// Records that the diagnostics of `revision` were published.
    func markPublished(_ uri: String, revision: UInt64) {
        entries.withLock { entries in
            guard entries[uri] != nil else { return }
            entries[uri]!.publishedRevision = revision
        }
    }

    /// Keeps `analysis` if it is for the current revision; returns false (stale) otherwise.
    func store(_ analysis: DocumentAnalysis) -> Bool {
        entries.withLock { entries in
            guard let entry = entries[analysis.uri], entry.document.revision == analysis.revision else { return false }
            entries[analysis.uri]!.analysis = analysis
            return true
        }
    }

    /// The cached analysis of the document's current revision, if any.
    func currentAnalysis(_ uri: String) -> DocumentAnalysis? {
        entries.withLock { entries in
            guard let entry = entries[uri], let analysis = entry.analysis,
                analysis.revision == entry.document.revision
            else { return nil }
            return analysis
        }
    }

    /// Forgets every cached analysis and published revision, so that each open document is
    /// analysed and published again (after a settings change).
    ///
    /// Each document takes a new revision, as an edit would: an analysis already under way
    /// is then stale, and a run that publishes it cannot mark the new revision published
    /// (clearing `publishedRevision` instead lost that race to a run finishing meanwhile).
    func invalidateAll() {
        entries.withLock { entries in
            for uri in entries.keys {
                entries[uri]!.analysis = nil
                entries[uri]!.document.revision = nextRevision()
            }
        }
    }

    var openURIs: [String] { entries.withLock { Array($0.keys).sorted() } }

    /// Every open document, for workspace-wide requests.
    func allDocuments() -> [OpenDocument] {
        entries.withLock { $0.values.map(\.document) }.sorted { $0.uri < $1.uri }
    }

    func tokenCache(_ uri: String) -> TokenCache? {
        entries.withLock { $0[uri]?.tokenCache }
    }

    func keepTokenCache(_ uri: String, _ cache: TokenCache) {
        entries.withLock { entries in
            guard entries[uri] != nil else { return }
            entries[uri]!.tokenCache = cache
        }
    }

    /// True if `revision` is still the newest text of `uri`.
    func isCurrent(_ uri: String, revision: UInt64) -> Bool {
        entries.withLock { $0[uri]?.document.revision == revision }
    }
}
