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
        // Every place a name or alias is written, found in one pass over the text (forms are
        // looked up by their first word), the longest form winning where two overlap: this
        // runs on every keystroke, with however many entities the workspace lists.
        var matches = occurrences()
        matches.sort { $0.span.start != $1.span.start ? $0.span.start < $1.span.start : $0.span.end > $1.span.end }
        // The recogniser's mentions in text order, to find the one a match overlaps.
        var mentions: [(span: TextSpan, entity: Int, mention: Int)] = []
        for (entityIndex, entity) in entities.enumerated() {
            for (mentionIndex, mention) in entity.mentions.enumerated() { mentions.append((mention.span, entityIndex, mentionIndex)) }
        }
        mentions.sort { $0.span.start < $1.span.start }
        func overlapping(_ span: TextSpan) -> (entity: Int, mention: Int)? {
            var low = 0
            var high = mentions.count
            while low < high {
                let middle = (low + high) / 2
                if mentions[middle].span.end <= span.start { low = middle + 1 } else { high = middle }
            }
            // Mentions do not overlap each other, so ends ascend with starts.
            guard low < mentions.count, mentions[low].span.start < span.end else { return nil }
            return (mentions[low].entity, mentions[low].mention)
        }
        var coveredUntil = -1
        for match in matches where match.span.start >= coveredUntil {
            coveredUntil = match.span.end
            let entry = known[match.known]
            if let (entity, mention) = overlapping(match.span) {
                if owner[entity] == nil { owner[entity] = match.known }
                // "The Port of Rotterdam Authority": the workspace spells the name, so an
                // article the recogniser took in with it is left out of the mention.
                let span = entities[entity].mentions[mention].span
                if span.start < match.span.start, span.end == match.span.end, isArticle(TextSpan(start: span.start, end: match.span.start)) {
                    entities[entity].mentions[mention].span = match.span
                }
            } else {
                added[match.known, default: []].append(Mention(span: match.span, type: entry.type ?? .person))
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

    /// Where each known name or alias is written, with no letter or digit glued to either end.
    func occurrences() -> [(span: TextSpan, known: Int)] {
        var byFirstWord: [[UInt8]: [(form: [UInt8], known: Int)]] = [:]
        for (knownIndex, entry) in known.enumerated() {
            for form in [entry.name] + entry.aliases where !form.isEmpty {
                let bytes = Array(form.utf8)
                // The first word as the scan below reads words (ASCII here; names with
                // accents keep their non-ASCII letters in it too).
                var firstWord: [UInt8] = []
                var position = 0
                while position < bytes.count {
                    let byte = bytes[position]
                    if byte < 0x80 {
                        guard isWordByte(byte) else { break }
                        firstWord.append(byte)
                        position += 1
                    } else {
                        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                        let scalar = String(decoding: bytes[position..<min(bytes.count, position + length)], as: UTF8.self).unicodeScalars.first
                        guard scalar?.properties.isAlphabetic == true else { break }
                        firstWord.append(contentsOf: bytes[position..<min(bytes.count, position + length)])
                        position += length
                    }
                }
                byFirstWord[firstWord, default: []].append((bytes, knownIndex))
            }
        }
        // A word is a run of ASCII letters and digits and of non-ASCII letters; punctuation
        // such as “ around a name is not part of it.
        func isWordScalar(at position: Int) -> Bool {
            bytes[position] < 0x80 ? isWordByte(bytes[position]) : bytes[position] & 0xC0 != 0x80 && isLetter(at: position)
        }
        func scalarLength(at position: Int) -> Int {
            let lead = bytes[position]
            return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        }
        var found: [(span: TextSpan, known: Int)] = []
        var index = 0
        while index < bytes.count {
            guard isWordScalar(at: index), isBoundary(before: index) else {
                index += max(1, scalarLength(at: index))
                continue
            }
            var wordEnd = index
            while wordEnd < bytes.count, isWordScalar(at: wordEnd) { wordEnd += scalarLength(at: wordEnd) }
            wordEnd = min(wordEnd, bytes.count)
            if let candidates = byFirstWord[Array(bytes[index..<wordEnd])] {
                for candidate in candidates where index + candidate.form.count <= bytes.count && isBoundary(after: index + candidate.form.count) {
                    var same = true
                    for offset in 0..<candidate.form.count where bytes[index + offset] != candidate.form[offset] {
                        same = false
                        break
                    }
                    if same { found.append((TextSpan(start: index, end: index + candidate.form.count), candidate.known)) }
                }
            }
            index = wordEnd
        }
        return found
    }

    /// Whether a span reads "The " or "the ".
    private func isArticle(_ span: TextSpan) -> Bool {
        guard span.end - span.start == 4 else { return false }
        return bytes[span.start] | 0x20 == UInt8(ascii: "t") && bytes[span.start + 1] == UInt8(ascii: "h")
            && bytes[span.start + 2] == UInt8(ascii: "e") && bytes[span.start + 3] == 0x20
    }

    private func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z") || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    // Non-ASCII bytes next to a match count as glued only when they are part of a letter:
    // punctuation such as “ or — around a name is a boundary.
    private func isBoundary(before index: Int) -> Bool {
        guard index > 0 else { return true }
        if bytes[index - 1] < 0x80 { return !isWordByte(bytes[index - 1]) }
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return !isLetter(at: start)
    }

    private func isBoundary(after index: Int) -> Bool {
        guard index < bytes.count else { return true }
        return bytes[index] < 0x80 ? !isWordByte(bytes[index]) : !isLetter(at: index)
    }

    /// Whether the scalar whose lead byte is at `start` is a letter.
    private func isLetter(at start: Int) -> Bool {
        let lead = bytes[start]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, start + length <= bytes.count else { return false }
        var value = UInt32(lead) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[start + offset] & 0x3F) }
        return Unicode.Scalar(value)?.properties.isAlphabetic ?? false
    }
}

/// `inconsistent-spelling`: a person's name written once or twice with one word a letter or
/// two off from a name the article uses more often ("Rahm Emanual" beside "Rahm Emanuel" ×3)
/// is most likely a misspelling of it.
///
/// Only people's names, and only one word of them: places and organisations differ by a
/// letter on purpose (North and South Carolina, Democrat and Democratic). A word that is the
/// start of the other (Pete and Peter, Trump and Trump’s) is a nickname or an ending, and
/// punctuation alone (George W Bush) is a matter of style, not spelling.
struct SpellingChecker {
    let text: (TextSpan) -> String

    func check(_ entities: [Entity]) -> [ArticleDiagnostic] {
        var diagnostics: [ArticleDiagnostic] = []
        let people = entities.indices.filter { entities[$0].type == .person }
        guard people.count >= 2 else { return [] }
        // Names that differ in one word share a key with that word blanked out, so only
        // those pairs are compared: linear in the number of people, not quadratic.
        // Keys are hashes: of each word of the name but the blank one, and of its position.
        func wordHashes(_ name: String) -> [UInt64] {
            var hashes: [UInt64] = []
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in name.utf8 {
                if byte == 0x20 {
                    hashes.append(hash)
                    hash = 0xcbf2_9ce4_8422_2325
                } else {
                    hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                }
            }
            hashes.append(hash)
            return hashes
        }
        func key(_ hashes: [UInt64], blank: Int) -> UInt64 {
            var key = UInt64(truncatingIfNeeded: blank &+ 1) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(hashes.count)
            for (index, hash) in hashes.enumerated() where index != blank {
                key = (key ^ hash) &* 0x0000_0100_0000_01B3
                key ^= key >> 29
            }
            return key
        }
        // A one-word name blanked leaves nothing, and every one-word name would share that
        // bucket (quadratic on a long article): those are keyed by their first two and last
        // two letters instead, one of which a slip of a letter or two leaves in place.
        func keys(_ name: String) -> [UInt64] {
            let hashes = wordHashes(name)
            if hashes.count > 1 { return hashes.indices.map { key(hashes, blank: $0) } }
            let bytes = Array(name.utf8)
            guard bytes.count >= 2 else { return [] }
            let head = UInt64(bytes[0]) << 8 | UInt64(bytes[1])
            let tail = UInt64(bytes[bytes.count - 2]) << 8 | UInt64(bytes[bytes.count - 1])
            return [(head | 1 << 40) &* 0x9E37_79B9_7F4A_7C15, (tail | 2 << 40) &* 0x9E37_79B9_7F4A_7C15]
        }
        // Each bucket's people, appended in place (a bucket of a long article's one-word names
        // holds hundreds).
        var bucketOf = HashKeyedMap<Int>(capacity: people.count * 2)
        var buckets: [[Int]] = []
        var keysOf = [[UInt64]](repeating: [], count: entities.count)
        for person in people {
            let personKeys = keys(entities[person].name)
            keysOf[person] = personKeys
            for key in personKeys {
                if let bucket = bucketOf[key] {
                    buckets[bucket].append(person)
                } else {
                    bucketOf[key] = buckets.count
                    buckets.append([person])
                }
            }
        }
        var comparer = MisspellingComparer()
        var flagged = Set<Int>()
        for rare in people where entities[rare].mentions.count <= 2 && !flagged.contains(rare) {
            var best: Int?
            for key in keysOf[rare] {
                guard let bucket = bucketOf[key] else { continue }
                for common in buckets[bucket] where common != rare {
                    guard entities[common].mentions.count > entities[rare].mentions.count,
                        abs(entities[common].name.utf8.count - entities[rare].name.utf8.count) <= 2,
                        comparer.isLikelyMisspelling(entities[rare].name, of: entities[common].name)
                    else { continue }
                    // The most used of the candidates, then the first in the article.
                    if best == nil || entities[common].mentions.count > entities[best!].mentions.count { best = common }
                }
            }
            guard let common = best else { continue }
            flagged.insert(rare)
            let rareName = entities[rare].name
            let commonName = entities[common].name
            let usual = entities[common].mentions.first { text($0.span) == commonName } ?? entities[common].mentions[0]
            for mention in entities[rare].mentions where text(mention.span) == rareName {
                diagnostics.append(ArticleDiagnostic(
                    span: mention.span, severity: .warning, code: "inconsistent-spelling",
                    message: "“\(rareName)” is spelt “\(commonName)” elsewhere in the article (\(entities[common].mentions.count) times). A misspelling?",
                    related: [RelatedSpan(span: usual.span, message: "spelt “\(commonName)” here")], replacement: commonName))
            }
        }
        return diagnostics
    }

    /// Same words but one, and that one a letter or two off (two only in long words), both
    /// spelt with letters only.
    static func isLikelyMisspelling(_ rare: String, of common: String) -> Bool {
        let rareWords = rare.split(separator: " ")
        let commonWords = common.split(separator: " ")
        guard rareWords.count == commonWords.count else { return false }
        let different = rareWords.indices.filter { rareWords[$0] != commonWords[$0] }
        guard different.count == 1 else { return false }
        let a = rareWords[different[0]]
        let b = commonWords[different[0]]
        // Letters only: ASCII letters, or any non-ASCII scalar (names' accented letters); no
        // Character properties, which cost a table lookup each on every keystroke.
        func isWordOfLetters(_ word: Substring) -> Bool {
            word.utf8.allSatisfy { $0 >= 0x80 || ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }
        }
        guard a.utf8.count >= 4, b.utf8.count >= 4, isWordOfLetters(a), isWordOfLetters(b),
            !a.hasPrefix(b), !b.hasPrefix(a), a.lowercased() != b.lowercased()
        else { return false }
        let limit = min(a.count, b.count) >= 7 ? 2 : 1
        return distance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: limit) <= limit
    }

    /// Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`.
    /// (Generic, so that the ASCII comparer runs it on bytes with the same code.)
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        var previous: [Int] = []
        var current: [Int] = []
        return distance(a, b, limit: limit, rows: &previous, &current)
    }

    static func distance<Word: RandomAccessCollection>(
        _ a: Word, _ b: Word, limit: Int, rows previous: inout [Int], _ current: inout [Int]
    ) -> Int where Word.Element: Equatable, Word.Index == Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        previous.removeAll(keepingCapacity: true)
        previous.append(contentsOf: 0...b.count)
        current.removeAll(keepingCapacity: true)
        current.append(contentsOf: repeatElement(0, count: b.count + 1))
        let a0 = a.startIndex
        let b0 = b.startIndex
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[a0 + i - 1] == b[b0 + j - 1] ? 0 : 1))
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// `SpellingChecker.isLikelyMisspelling` without a `String` made per comparison: on ASCII
/// names (nearly all of them) it compares bytes, reusing its buffers; other names take the
/// general path. A long article compares thousands of pairs after each keystroke.
struct MisspellingComparer {
    private var rareBytes: [UInt8] = []
    private var commonBytes: [UInt8] = []
    private var previousRow: [Int] = []
    private var currentRow: [Int] = []

    mutating func isLikelyMisspelling(_ rare: String, of common: String) -> Bool {
        rareBytes.removeAll(keepingCapacity: true)
        rareBytes.append(contentsOf: rare.utf8)
        commonBytes.removeAll(keepingCapacity: true)
        commonBytes.append(contentsOf: common.utf8)
        guard rareBytes.allSatisfy({ $0 < 0x80 }), commonBytes.allSatisfy({ $0 < 0x80 }) else {
            return SpellingChecker.isLikelyMisspelling(rare, of: common)
        }
        // The words, as `split(separator: " ")` makes them (runs of spaces make no empty word).
        func words(_ bytes: [UInt8]) -> [Range<Int>] {
            var words: [Range<Int>] = []
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x20 {
                if index > start { words.append(start..<index) }
                start = index + 1
            }
            return words
        }
        let rareWords = words(rareBytes)
        let commonWords = words(commonBytes)
        guard rareWords.count == commonWords.count else { return false }
        var different = -1
        for index in rareWords.indices where !rareBytes[rareWords[index]].elementsEqual(commonBytes[commonWords[index]]) {
            guard different < 0 else { return false }
            different = index
        }
        guard different >= 0 else { return false }
        let a = rareBytes[rareWords[different]]
        let b = commonBytes[commonWords[different]]
        func isWordOfLetters(_ word: ArraySlice<UInt8>) -> Bool {
            word.allSatisfy { ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }
        }
        guard a.count >= 4, b.count >= 4, isWordOfLetters(a), isWordOfLetters(b), !a.starts(with: b), !b.starts(with: a),
            !a.elementsEqual(b, by: { $0 | 0x20 == $1 | 0x20 })
        else { return false }
        let limit = min(a.count, b.count) >= 7 ? 2 : 1
        return SpellingChecker.distance(a, b, limit: limit, rows: &previousRow, &currentRow) <= limit
    }
}
