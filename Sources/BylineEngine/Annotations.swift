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
    /// For dates and times: what the words say, before anchoring.
    public var temporal: TemporalExpression?
    /// For dates and times: the value anchored to the article's date, as TIMEX3 writes it
    /// ("2022-12-30", "2022-W51", "2023-SP"); nil for durations or without an article date.
    public var resolved: String?

    public init(span: TextSpan, type: EntityType, temporal: TemporalExpression? = nil, resolved: String? = nil) {
        self.span = span
        self.type = type
        self.temporal = temporal
        self.resolved = resolved
    }
}

/// A fact about an entity from the bundled data ("capital" → "Moscow").
public struct Fact: Sendable, Hashable {
    public var key: String
    public var value: String

    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}

/// An entity: every mention of one person, organisation, place or value in the article.
public struct Entity: Sendable, Hashable {
    public var id: String
    public var name: String
    public var type: EntityType
    public var mentions: [Mention]
    /// Roles and titles the article gives it: "Russian President", "state broadcaster".
    public var roles: [String]
    /// Bundled facts: for a country its capital, population, area, currency and region; for a
    /// city its country, region, population and coordinates; for a nationality its country.
    public var facts: [Fact]

    public init(id: String, name: String, type: EntityType, mentions: [Mention], roles: [String] = [], facts: [Fact] = []) {
        self.id = id
        self.name = name
        self.type = type
        self.mentions = mentions
        self.roles = roles
        self.facts = facts
    }
}

/// How a quotation is written.
public enum QuoteKind: String, Sendable {
    case direct, indirect, mixed
}

/// How a speaker was tied to an entity.
public enum SpeakerResolution: String, Sendable {
    /// The speaker is named at the cue: "…, said Putin".
    case named
    /// A pronoun at the cue, resolved to an earlier entity: "…, he said".
    case pronoun
    /// A description at the cue, resolved through the roles the article gives: "the Russian
    /// leader said".
    case role
    /// No cue of its own: the speaker of the quotation before it, in the paragraph before.
    case carried
    /// A speaker with no entity behind it: "officials said".
    case unresolved
}

/// Who a quotation is credited to; `entityIndex` points into `Annotations.entities`.
public struct Speaker: Sendable, Hashable {
    public var span: TextSpan
    public var entityIndex: Int?
    public var resolution: SpeakerResolution

    public init(span: TextSpan, entityIndex: Int?, resolution: SpeakerResolution = .named) {
        self.span = span
        self.entityIndex = entityIndex
        self.resolution = resolution
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
    /// Other places that explain it: the candidate speakers of an ambiguous one, the usual
    /// spelling of a misspelt name.
    public var related: [RelatedSpan]
    /// The text that would fix it, where there is one ("Xi Jinping" for "Xi Jingping").
    public var replacement: String?

    public init(
        span: TextSpan, severity: DiagnosticSeverity, code: String, message: String, related: [RelatedSpan] = [],
        replacement: String? = nil
    ) {
        self.span = span
        self.severity = severity
        self.code = code
        self.message = message
        self.related = related
        self.replacement = replacement
    }
}

/// A place a diagnostic points to, with a word on why.
public struct RelatedSpan: Sendable, Hashable {
    public var span: TextSpan
    public var message: String

    public init(span: TextSpan, message: String) {
        self.span = span
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
