/// A half-open range of UTF-8 byte offsets into an article's text.
public struct TextSpan: Sendable, Hashable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public var range: Range<Int> { start..<end }
}

/// The OntoNotes entity types, named as spaCy and CONTRACT.md name them.
public enum EntityType: String, Sendable, CaseIterable {
    case person = "PERSON"
    case norp = "NORP"
    case facility = "FAC"
    case organization = "ORG"
    case geopolitical = "GPE"
    case location = "LOC"
    case product = "PRODUCT"
    case event = "EVENT"
    case workOfArt = "WORK_OF_ART"
    case law = "LAW"
    case language = "LANGUAGE"
    case date = "DATE"
    case time = "TIME"
    case percent = "PERCENT"
    case money = "MONEY"
    case quantity = "QUANTITY"
    case ordinal = "ORDINAL"
    case cardinal = "CARDINAL"
}

/// One place in the text where an entity is named.
public struct Mention: Sendable, Hashable {
    public var span: TextSpan
    public var type: EntityType

    public init(span: TextSpan, type: EntityType) {
        self.span = span
        self.type = type
    }
}

/// An entity: every mention of one person, organisation, place or value in the article.
public struct Entity: Sendable, Hashable {
    public var id: String
    public var name: String
    public var type: EntityType
    public var mentions: [Mention]

    public init(id: String, name: String, type: EntityType, mentions: [Mention]) {
        self.id = id
        self.name = name
        self.type = type
        self.mentions = mentions
    }
}

/// How a quotation is written.
public enum QuoteKind: String, Sendable {
    case direct, indirect, mixed
}

/// Who a quotation is credited to; `entityIndex` points into `Annotations.entities`.
public struct Speaker: Sendable, Hashable {
    public var span: TextSpan
    public var entityIndex: Int?

    public init(span: TextSpan, entityIndex: Int?) {
        self.span = span
        self.entityIndex = entityIndex
    }
}

/// A quotation: its content, its kind, its speaker (nil when no one is credited) and its cue.
public struct Quote: Sendable, Hashable {
    public var span: TextSpan
    public var kind: QuoteKind
    public var speaker: Speaker?
    public var cue: TextSpan?

    public init(span: TextSpan, kind: QuoteKind, speaker: Speaker?, cue: TextSpan?) {
        self.span = span
        self.kind = kind
        self.speaker = speaker
        self.cue = cue
    }
}

public enum DiagnosticSeverity: String, Sendable {
    case error, warning, information, hint
}

/// A finding about the article, with a stable code that users can switch off.
public struct ArticleDiagnostic: Sendable, Hashable {
    public var span: TextSpan
    public var severity: DiagnosticSeverity
    public var code: String
    public var message: String

    public init(span: TextSpan, severity: DiagnosticSeverity, code: String, message: String) {
        self.span = span
        self.severity = severity
        self.code = code
        self.message = message
    }
}

/// Everything the engine found in one article. Spans are UTF-8 byte offsets into
/// `Article.text`; the CLI and the server convert them to code points or LSP positions.
public struct Annotations: Sendable {
    public var metadata: ArticleMetadata
    public var entities: [Entity]
    public var quotes: [Quote]
    public var diagnostics: [ArticleDiagnostic]

    public init(metadata: ArticleMetadata, entities: [Entity] = [], quotes: [Quote] = [], diagnostics: [ArticleDiagnostic] = []) {
        self.metadata = metadata
        self.entities = entities
        self.quotes = quotes
        self.diagnostics = diagnostics
    }
}
