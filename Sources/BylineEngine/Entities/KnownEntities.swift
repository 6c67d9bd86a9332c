/// An entity a newsroom has described in its workspace (`byline.json`): its canonical name,
/// its type and the other ways articles write it.
public struct KnownEntity: Sendable, Hashable {
    public var name: String
    public var type: EntityType?
    public var aliases: [String]

    public init(name: String, type: EntityType? = nil, aliases: [String] = []) {
        self.name = name
        self.type = type
        self.aliases = aliases
    }
}

/// Folds the workspace's known entities into what the recogniser found: every place a known
/// name or alias is written (on word boundaries) becomes a mention, and every entity with
/// such a mention joins the known entity, under its canonical name.
struct KnownEntityMatcher {
    let bytes: UnsafeBufferPointer<UInt8>
    let known: [KnownEntity]

    func apply(to entities: inout [Entity]) {
        guard !known.isEmpty else { return }
        var owner: [Int: Int] = [:]  // entity index → known entity index
        var added: [Int: [Mention]] = [:]
        for (knownIndex, entry) in known.enumerated() {
            let forms = ([entry.name] + entry.aliases).filter { !$0.isEmpty }.sorted { $0.utf8.count > $1.utf8.count }
            var covered: [TextSpan] = []
            for form in forms {
                for span in occurrences(of: Array(form.utf8)) where !covered.contains(where: { $0.range.overlaps(span.range) }) {
                    covered.append(span)
                    if let entity = entities.firstIndex(where: { $0.mentions.contains { $0.span.range.overlaps(span.range) } }) {
                        if owner[entity] == nil { owner[entity] = knownIndex }
                    } else {
                        added[knownIndex, default: []].append(Mention(span: span, type: entry.type ?? .person))
                    }
                }
            }
        }
        guard !owner.isEmpty || !added.isEmpty else { return }
        var merged: [Entity] = []
        var targetOfKnown: [Int: Int] = [:]
        for (index, entity) in entities.enumerated() {
            guard let knownIndex = owner[index] else {
                merged.append(entity)
                continue
            }
            let entry = known[knownIndex]
            if let target = targetOfKnown[knownIndex] {
                merged[target].mentions += entity.mentions
                merged[target].roles += entity.roles.filter { !merged[target].roles.contains($0) }
            } else {
                var joined = entity
                joined.name = entry.name
                if let type = entry.type { joined.type = type }
                targetOfKnown[knownIndex] = merged.count
                merged.append(joined)
            }
        }
        for (knownIndex, mentions) in added.sorted(by: { $0.key < $1.key }) {
            if let target = targetOfKnown[knownIndex] {
                merged[target].mentions += mentions
            } else {
                targetOfKnown[knownIndex] = merged.count
                merged.append(Entity(id: "", name: known[knownIndex].name, type: known[knownIndex].type ?? .person, mentions: mentions))
            }
        }
        for index in merged.indices {
            let type = merged[index].type
            merged[index].mentions.sort { $0.span.start < $1.span.start }
            for mention in merged[index].mentions.indices where merged[index].mentions[mention].temporal == nil {
                merged[index].mentions[mention].type = type
            }
        }
        // Entities stay in order of first mention, with ids to match.
        merged.sort { ($0.mentions.first?.span.start ?? 0) < ($1.mentions.first?.span.start ?? 0) }
        for index in merged.indices { merged[index].id = "e\(index + 1)" }
        entities = merged
    }

    /// Where `form` is written with no letter or digit glued to either end.
    func occurrences(of form: [UInt8]) -> [TextSpan] {
        guard let first = form.first, form.count <= bytes.count else { return [] }
        var spans: [TextSpan] = []
        var index = 0
        let last = bytes.count - form.count
        while index <= last {
            if bytes[index] == first, isBoundary(before: index), isBoundary(after: index + form.count) {
                var same = true
                for offset in 1..<form.count where bytes[index + offset] != form[offset] {
                    same = false
                    break
                }
                if same {
                    spans.append(TextSpan(start: index, end: index + form.count))
                    index += form.count
                    continue
                }
            }
            index += 1
        }
        return spans
    }

    private func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z") || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private func isBoundary(before index: Int) -> Bool { index == 0 || !isWordByte(bytes[index - 1]) || bytes[index - 1] >= 0x80 && !isLetterScalarEnding(at: index) }
    private func isBoundary(after index: Int) -> Bool { index >= bytes.count || !isWordByte(bytes[index]) }

    /// Non-ASCII bytes before a match count as glued only when they are part of a letter;
    /// punctuation such as “ or — before a name is a boundary.
    private func isLetterScalarEnding(at index: Int) -> Bool {
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        var value = UInt32(0)
        let lead = bytes[start]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard start + length == index else { return true }
        value = UInt32(lead) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[start + offset] & 0x3F) }
        return Unicode.Scalar(value)?.properties.isAlphabetic ?? false
    }
}

/// `inconsistent-spelling`: a name written once or twice in a way that differs by a letter
/// or two from a name the article uses more often ("Xi Jingping" beside "Xi Jinping" ×3) is
/// most likely a misspelling of it.
struct SpellingChecker {
    let text: (TextSpan) -> String

    func check(_ entities: [Entity]) -> [ArticleDiagnostic] {
        var diagnostics: [ArticleDiagnostic] = []
        let candidates = entities.indices.filter {
            let type = entities[$0].type
            return (type == .person || type == .organization || type == .geopolitical) && entities[$0].name.unicodeScalars.count >= 5
        }
        for rare in candidates {
            for common in candidates where common != rare && entities[common].type == entities[rare].type {
                let rareName = entities[rare].name
                let commonName = entities[common].name
                guard entities[common].mentions.count > entities[rare].mentions.count, entities[rare].mentions.count <= 2,
                    Self.distance(Array(rareName.unicodeScalars), Array(commonName.unicodeScalars), limit: 2) <= (rareName.count >= 8 ? 2 : 1),
                    rareName.lowercased() != commonName.lowercased()
                else { continue }
                let usual = entities[common].mentions.first { text($0.span) == commonName } ?? entities[common].mentions[0]
                for mention in entities[rare].mentions where text(mention.span) == rareName {
                    diagnostics.append(ArticleDiagnostic(
                        span: mention.span, severity: .warning, code: "inconsistent-spelling",
                        message: "“\(rareName)” is spelt “\(commonName)” elsewhere in the article (\(entities[common].mentions.count) times). A misspelling?",
                        related: [RelatedSpan(span: usual.span, message: "spelt “\(commonName)” here")], replacement: commonName))
                }
                break
            }
        }
        return diagnostics
    }

    /// Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(1, a.count) where !a.isEmpty {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
