/// Turns recognised mentions into entities: the same person, organisation or place named
/// several ways ("Vladimir Putin", "Mr. Putin", "Putin"; "North Atlantic Treaty
/// Organization", "NATO"; "China", "China’s") becomes one entity with a canonical name and
/// the roles the article gives it.
///
/// Names are compared by 64-bit hashes of their bytes, so clustering makes no `String` per
/// mention; strings are made only for what the annotations show (canonical names, roles).
struct EntityResolver {
    let view: TokenView

    /// Makes the article's use of a name consistent: once "Putin" is a person anywhere,
    /// every "Putin" is, and a name left untyped takes the type the article gives it.
    func harmonize(_ mentions: inout [RawMention], capsLines: [Bool]) {
        var strongTypes = HashKeyedMap<(type: EntityType, strength: Int)>(capacity: mentions.count)
        var personTokens = HashKeyedSet(capacity: mentions.count * 2)
        // The last words of full names: "General Manuel Belgrano" makes every later "Belgrano"
        // the general, though a town has that name too.
        var surnames = HashKeyedSet(capacity: mentions.count)
        // Each name's key, hashed once for both passes below (0 for numbers, which keep their type).
        let keys = mentions.map { isName($0.type) || $0.strength == 0 ? view.hash($0.tokens) : 0 }
        for (index, mention) in mentions.enumerated() where mention.strength >= 2 && isName(mention.type) {
            let key = keys[index]
            if let known = strongTypes[key], known.strength >= mention.strength { continue }
            strongTypes[key] = (mention.type, mention.strength)
        }
        for mention in mentions where mention.type == .person && mention.strength >= 2 {
            for index in mention.tokens where view.tokens[index].flags.contains(.capitalized) {
                personTokens.insert(view.hash(index..<index + 1))
            }
            if mention.tokens.count >= 2 { surnames.insert(view.hash(mention.tokens.upperBound - 1..<mention.tokens.upperBound)) }
        }
        for index in mentions.indices where isName(mentions[index].type) || mentions[index].strength == 0 {
            let mention = mentions[index]
            let key = keys[index]
            if let known = strongTypes[key], known.strength > mention.strength || mention.strength == 0 {
                mentions[index].type = known.type
                mentions[index].strength = max(mention.strength, 1)
                continue
            }
            // A single word that is part of a known person's name, and not itself a place or
            // an organisation for sure; or a guessed name that begins or ends with one.
            func edgeIsPerson() -> Bool {
                personTokens.contains(view.hash(mention.tokens.lowerBound..<mention.tokens.lowerBound + 1))
                    || personTokens.contains(view.hash(mention.tokens.upperBound - 1..<mention.tokens.upperBound))
            }
            if (mention.tokens.count == 1 && mention.strength < 3 && personTokens.contains(key))
                || (mention.tokens.count == 1 && mention.type == .geopolitical && surnames.contains(key) && isMinorCity(mention.tokens))
                || (mention.tokens.count > 1 && mention.strength <= 1 && mention.type != .workOfArt && edgeIsPerson()
                    && !endsWithHead(mention.tokens))
            {
                mentions[index].type = .person
                mentions[index].strength = 2
            }
        }
        typeListItemsAlike(&mentions)
        mentions.removeAll { $0.strength == 0 }
        trimSentenceOpeners(&mentions, knownTypes: strongTypes)
        adoptHeadlineNames(&mentions, capsLines: capsLines)
    }

    /// "Gerry Kelly, Michael Capponi, Tommy Pooch, Jorge Nunez": a guessed name listed between
    /// two names of one sure type is of that type too.
    func typeListItemsAlike(_ mentions: inout [RawMention]) {
        guard mentions.count >= 3 else { return }
        func listed(_ left: Range<Int>, _ right: Range<Int>) -> Bool {
            let gap = left.upperBound..<right.lowerBound
            guard gap.count >= 1, gap.count <= 2, view.isPunctuation(gap.lowerBound, UInt8(ascii: ",")) || view.isAny(gap.lowerBound, ["and", "or"]) else { return false }
            return gap.count == 1 || view.isAny(gap.lowerBound + 1, ["and", "or"])
        }
        for index in 1..<mentions.count - 1 where mentions[index].strength <= 1 && (isName(mentions[index].type) || mentions[index].strength == 0) {
            let before = mentions[index - 1]
            let after = mentions[index + 1]
            guard before.type == after.type, before.strength >= 2, after.strength >= 2, isName(before.type), before.type != .workOfArt,
                listed(before.tokens, mentions[index].tokens), listed(mentions[index].tokens, after.tokens)
            else { continue }
            mentions[index].type = before.type
            mentions[index].strength = 2
        }
    }

    /// A town that is only a town: no country, state or metropolis, whose name a person in
    /// the article may carry (Paris, Jordan and Georgia stay places).
    func isMinorCity(_ tokens: Range<Int>) -> Bool {
        guard let city = view.lookup(view.lexicon.cities, tokens), !view.isCountryOrState(tokens) else { return false }
        return (view.lexicon.cities.integer(ofField: 3, entry: city) ?? 0) < 1_000_000
    }

    /// "Anderson Park", "Watson School of Biological Sciences": a person's name that begins a
    /// place's or an organisation's name does not make it a person.
    func endsWithHead(_ tokens: Range<Int>) -> Bool {
        let last = tokens.upperBound - 1
        return view.has(last, .organizationHead) || view.has(last, .locationHead) || view.has(last, .facilityHead)
            || tokens.contains { view.has($0, .organizationHead) && $0 > tokens.lowerBound }
    }

    /// "Leaders Feyenoord were held …": a common word that opens the sentence is not part of
    /// a name the article also writes without it.
    func trimSentenceOpeners(_ mentions: inout [RawMention], knownTypes: HashKeyedMap<(type: EntityType, strength: Int)>) {
        for index in mentions.indices where mentions[index].tokens.count >= 2 && mentions[index].strength <= 2 && isName(mentions[index].type) {
            let first = mentions[index].tokens.lowerBound
            let flags = view.tokens[first].flags
            guard flags.contains(.startsSentence) || flags.contains(.startsLine), view.has(first, .common), !view.has(first, .firstName),
                !view.has(first, .functionWord), let known = knownTypes[view.hash(first + 1..<mentions[index].tokens.upperBound)]
            else { continue }
            mentions[index].tokens = first + 1..<mentions[index].tokens.upperBound
            mentions[index].type = known.type
            mentions[index].roleTokens = nil
        }
    }

    /// Headlines are in capitals, where the recogniser trusts only its gazetteers; a name the
    /// article's body establishes ("Yevgeny Kafelnikov", "Feyenoord") is found in the
    /// headline as well ("KAFELNIKOV BEATS STICH", "FEYENOORD HELD").
    func adoptHeadlineNames(_ mentions: inout [RawMention], capsLines: [Bool]) {
        guard let firstCaps = capsLines.firstIndex(of: true) else { return }
        var known = HashKeyedMap<EntityType>(capacity: mentions.count)
        var covered = [Bool](repeating: false, count: view.count)
        // Cities in headlines that the body only ever calls clubs ("Arsenal 1 Leeds 1",
        // "Leeds manager …").
        enum BodyUse { case none, onlyAsClub, asPlace }
        var clubs = HashKeyedMap<BodyUse>(capacity: 16)
        for mention in mentions where capsLines[mention.tokens.lowerBound] && mention.type == .geopolitical && mention.tokens.count <= 2 {
            if view.lookup(view.lexicon.cities, mention.tokens) != nil { clubs[view.foldedHash(mention.tokens)] = BodyUse.none }
        }
        if clubs.count > 0 {
            for mention in mentions where !capsLines[mention.tokens.lowerBound] && mention.tokens.count <= 2
                && (mention.type == .organization || mention.type == .geopolitical)
            {
                let key = view.foldedHash(mention.tokens)
                guard let use = clubs[key] else { continue }
                clubs[key] = mention.type == .organization && use != .asPlace ? .onlyAsClub : .asPlace
            }
        }
        // The headlines' runs of tokens: only those are read below (a long article's body is
        // many times longer than its headlines).
        var headlines: [Range<Int>] = []
        capsLines.withUnsafeBufferPointer { caps in
            var index = firstCaps
            while index < caps.count {
                guard caps[index] else {
                    index += 1
                    continue
                }
                let start = index
                while index < caps.count, caps[index] { index += 1 }
                headlines.append(start..<index)
            }
        }
        // Only a name that begins (or, for a person's surname, ends) with a word a headline
        // has can match there: its first letter and length are checked, then that word's
        // hash, before the whole name is hashed (a long article has many names and few
        // headline words). (The shapes are bits of a 64 K-bit table: a `Set`'s hashing cost
        // more than the rest.)
        var headlineWordShapes = [UInt64](repeating: 0, count: 1 << 10)
        var headlineWords = HashKeyedSet(capacity: 64)
        for headline in headlines {
            for index in headline where view.tokens[index].kind == .word {
                let shape = Int(Self.shape(view, index))
                headlineWordShapes[shape >> 6] |= 1 << (shape & 63)
                headlineWords.insert(view.foldedHash(index..<index + 1))
            }
        }
        func mayBeInHeadline(_ index: Int) -> Bool {
            let shape = Int(Self.shape(view, index))
            return headlineWordShapes[shape >> 6] & 1 << (shape & 63) != 0 && headlineWords.contains(view.foldedHash(index..<index + 1))
        }
        for mention in mentions {
            for index in mention.tokens { covered[index] = true }
            guard mayBeInHeadline(mention.tokens.lowerBound) || mayBeInHeadline(mention.tokens.upperBound - 1) else { continue }
            // "Baltimore Orioles" → "ORIOLES WIN": a club named after its city goes by the rest.
            if mention.type == .organization, mention.tokens.count == 2, !capsLines[mention.tokens.lowerBound],
                view.lookup(view.lexicon.cities, mention.tokens.lowerBound..<mention.tokens.lowerBound + 1) != nil,
                !view.has(mention.tokens.upperBound - 1, .organizationHead)
            {
                known[view.foldedHash(mention.tokens.upperBound - 1..<mention.tokens.upperBound)] = .organization
            }
            // A full name guessed from its shape (strength 1) is specific enough for a headline.
            guard mention.strength >= 2 || mention.type == .person && mention.tokens.count >= 2, isName(mention.type),
                !capsLines[mention.tokens.lowerBound], mention.tokens.count <= 4
            else { continue }
            known[view.foldedHash(mention.tokens)] = mention.type
            if mention.type == .person, mention.tokens.count >= 2, !view.tokens[mention.tokens.upperBound - 1].flags.contains(.abbreviation) {
                known[view.foldedHash(mention.tokens.upperBound - 1..<mention.tokens.upperBound)] = .person
                // "Arantxa Sanchez Vicario" is "SANCHEZ VICARIO" in a headline.
                if mention.tokens.count >= 3 { known[view.foldedHash(mention.tokens.upperBound - 2..<mention.tokens.upperBound)] = .person }
            }
        }
        if clubs.count > 0 {
            for index in mentions.indices where mentions[index].type == .geopolitical && capsLines[mentions[index].tokens.lowerBound] {
                if clubs[view.foldedHash(mentions[index].tokens)] == .onlyAsClub { mentions[index].type = .organization }
            }
        }
        for headline in headlines {
            var index = headline.lowerBound
            while index < headline.upperBound {
                guard !covered[index], view.tokens[index].kind == .word, !view.has(index, .functionWord) else {
                    index += 1
                    continue
                }
                var length = 1
                while length < 4, index + length < headline.upperBound, !covered[index + length],
                    view.tokens[index + length].kind == .word, !view.tokens[index + length].flags.contains(.startsLine)
                {
                    length += 1
                }
                var matched = 0
                while length >= 1 {
                    if let type = known[view.foldedHash(index..<index + length)] {
                        mentions.append(RawMention(tokens: index..<index + length, type: type, strength: 2))
                        matched = length
                        break
                    }
                    length -= 1
                }
                index += max(matched, 1)
            }
        }
    }

    /// A word's lower-cased first letter and its length: what a headline's capitals share
    /// with the same word written in the body.
    static func shape(_ view: TokenView, _ index: Int) -> UInt16 {
        let text = view.text(index)
        return UInt16(StaticTable.lowercased(text.first ?? 0)) << 8 | UInt16(min(text.count, 255))
    }

    func isName(_ type: EntityType) -> Bool {
        switch type {
        case .person, .organization, .geopolitical, .location, .facility, .norp, .event, .product, .workOfArt, .law, .language:
            return true
        default:
            return false
        }
    }

    /// Groups mentions into entities, numbered in order of first mention.
    func cluster(_ mentions: [RawMention]) -> [Entity] {
        struct Draft {
            var type: EntityType
            var mentions: [Int]  // indices into `mentions`
            /// The fullest name seen (for people), as token indices of one mention.
            var fullest: Range<Int>
            var roles: [Range<Int>] = []
            var roleKeys: [UInt64] = []
        }
        var drafts: [Draft] = []
        var byKey = HashKeyedMap<Int>(capacity: mentions.count)
        var bySurname = HashKeyedMap<Int>(capacity: mentions.count)
        var byGivenName = HashKeyedMap<Int>()
        var acronyms = HashKeyedMap<Int>()

        // Mentions in text order, except that full person names go first, so that a bare
        // surname mentioned before the full name ("Putin … Vladimir Putin") still joins it.
        // (Sorted as plain integers, first token then the mention's number: a closure-compared
        // sort of a long article's mentions was most of the clustering's time.)
        let order = mentions.count < 1 << 24
            ? mentions.indices.map { UInt64(mentions[$0].tokens.lowerBound) << 24 | UInt64($0) }.sorted().map { Int($0 & 0xFF_FFFF) }
            : mentions.indices.sorted { mentions[$0].tokens.lowerBound < mentions[$1].tokens.lowerBound }
        let isFullName = { (index: Int) in mentions[index].type == .person && mentions[index].tokens.count > 1 }
        for index in order.filter(isFullName) + order.filter({ !isFullName($0) }) {
            let mention = mentions[index]
            let tokens = mention.tokens
            let key = view.foldedHash(tokens) &+ UInt64(mention.type.hashSeed)
            let known = byKey[key]
            var target = known
            // A person's last and first words, each hashed once.
            let last = mention.type == .person ? (tokens.count == 1 ? key &- UInt64(mention.type.hashSeed) : view.foldedHash(tokens.upperBound - 1..<tokens.upperBound)) : 0
            let first = mention.type == .person && tokens.count > 1 ? view.foldedHash(tokens.lowerBound..<tokens.lowerBound + 1) : 0
            if target == nil {
                switch mention.type {
                case .person:
                    if tokens.count == 1 {
                        target = bySurname[last] ?? byGivenName[last]
                    } else if let existing = bySurname[last], drafts[existing].fullest.count == 1
                        || view.foldedHash(drafts[existing].fullest.lowerBound..<drafts[existing].fullest.lowerBound + 1) == first
                    {
                        target = existing
                    }
                case .organization:
                    if tokens.count == 1, view.tokens[tokens.lowerBound].flags.contains(.allCaps) {
                        target = acronyms[view.hash(tokens)]
                    }
                default:
                    break
                }
            }
            let draftIndex: Int
            if let target {
                draftIndex = target
                drafts[target].mentions.append(index)
                if tokens.count > drafts[target].fullest.count { drafts[target].fullest = tokens }
            } else {
                draftIndex = drafts.count
                drafts.append(Draft(type: mention.type, mentions: [index], fullest: tokens))
            }
            if known == nil { byKey[key] = draftIndex }
            if mention.type == .person {
                if bySurname[last] == nil { bySurname[last] = draftIndex }
                if tokens.count > 1, byGivenName[first] == nil { byGivenName[first] = draftIndex }
            }
            if mention.type == .organization, tokens.count > 1, let initials = view.initialsHash(tokens), acronyms[initials] == nil {
                acronyms[initials] = draftIndex
            }
            if let role = mention.roleTokens, !role.isEmpty {
                let roleKey = view.hash(role)
                if !drafts[draftIndex].roleKeys.contains(roleKey) {
                    drafts[draftIndex].roles.append(role)
                    drafts[draftIndex].roleKeys.append(roleKey)
                }
            }
        }
        // Entities in order of first mention (a draft's first mention is not always its
        // first in the text: full names joined first).
        let firstToken = drafts.map { draft in draft.mentions.lazy.map { mentions[$0].tokens.lowerBound }.min()! }
        let draftOrder = drafts.indices.sorted { firstToken[$0] < firstToken[$1] }
        return draftOrder.enumerated().map { number, draftIndex in
            let draft = drafts[draftIndex]
            // Mostly in text order already (only a full name joins ahead of its surname).
            var sortedMentions = draft.mentions
            if zip(sortedMentions, sortedMentions.dropFirst()).contains(where: { mentions[$0].tokens.lowerBound > mentions[$1].tokens.lowerBound }) {
                sortedMentions.sort { mentions[$0].tokens.lowerBound < mentions[$1].tokens.lowerBound }
            }
            let entityMentions = sortedMentions.map { index -> Mention in
                let raw = mentions[index]
                return Mention(span: view.span(raw.tokens), type: raw.type, temporal: raw.temporal)
            }
            return Entity(
                id: "e\(number + 1)", name: canonicalName(draft.type, draft.fullest, sortedMentions.map { mentions[$0].tokens }),
                type: draft.type, mentions: entityMentions, roles: draft.roles.map { view.string($0) })
        }
    }

    func isAllCaps(_ range: Range<Int>) -> Bool { range.allSatisfy { view.tokens[$0].flags.contains(.allCaps) } }

    /// A person's fullest name; otherwise the most frequent spelling, the longest on a tie.
    func canonicalName(_ type: EntityType, _ fullest: Range<Int>, _ spellings: [Range<Int>]) -> String {
        if type == .person || spellings.count == 1 { return view.string(fullest) }
        // Most entities are written one way only.
        let first = view.hash(spellings[0])
        if spellings.dropFirst().allSatisfy({ view.hash($0) == first }) { return view.string(spellings[0]) }
        var counts = HashKeyedMap<(count: Int, range: Range<Int>)>(capacity: spellings.count)
        for range in spellings {
            let key = view.hash(range)
            var entry = counts[key] ?? (0, range)
            entry.count += 1
            counts[key] = entry
        }
        // On a tie, the longer spelling, then the one not in a headline's capitals.
        let best = counts.storedValues.max { a, b in
            if a.count != b.count { return a.count < b.count }
            if view.span(a.range).length != view.span(b.range).length { return view.span(a.range).length < view.span(b.range).length }
            return isAllCaps(a.range) && !isAllCaps(b.range)
        }!
        return view.string(best.range)
    }
}

extension EntityType {
    /// Keeps the hash keys of different types apart.
    /// (Read once per mention while clustering: a table, not the name's bytes each time.)
    var hashSeed: UInt64 { Self.hashSeeds[ordinal] }

    private static let hashSeeds: [UInt64] = allCases.map { type in
        UInt64(truncatingIfNeeded: type.rawValue.utf8.reduce(5381) { ($0 << 5) &+ $0 &+ Int($1) })
    }

    private var ordinal: Int {
        switch self {
        case .person: 0
        case .norp: 1
        case .facility: 2
        case .organization: 3
        case .geopolitical: 4
        case .location: 5
        case .product: 6
        case .event: 7
        case .workOfArt: 8
        case .law: 9
        case .language: 10
        case .date: 11
        case .time: 12
        case .percent: 13
        case .money: 14
        case .quantity: 15
        case .ordinal: 16
        case .cardinal: 17
        }
    }
}

extension TextSpan {
    var length: Int { end - start }
}

extension TokenView {
    /// A 64-bit hash of the tokens' text joined by single spaces, without building it.
    func hash(_ range: Range<Int>) -> UInt64 { hash(range, folded: false) }

    /// `hash` with ASCII letters lower-cased: "KAFELNIKOV" and "Kafelnikov" hash alike.
    func foldedHash(_ range: Range<Int>) -> UInt64 { hash(range, folded: true) }

    @inline(__always)
    private func hash(_ range: Range<Int>, folded: Bool) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in range {
            if index > range.lowerBound { hash = (hash ^ 0x20) &* 0x0000_0100_0000_01B3 }
            for byte in text(index) { hash = (hash ^ UInt64(folded ? StaticTable.lowercased(byte) : byte)) &* 0x0000_0100_0000_01B3 }
        }
        return hash ^ (hash >> 31)
    }

    /// The hash of an organisation's initials ("North Atlantic Treaty Organization" → the hash
    /// of "NATO"), comparable with `hash` of the acronym's token; nil when under two letters.
    func initialsHash(_ range: Range<Int>) -> UInt64? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var letters = 0
        for index in range where tokens[index].flags.contains(.capitalized) {
            hash = (hash ^ UInt64(text(index)[0])) &* 0x0000_0100_0000_01B3
            letters += 1
        }
        return letters >= 2 ? hash ^ (hash >> 31) : nil
    }

    /// The byte span covering tokens `range`.
    func span(_ range: Range<Int>) -> TextSpan {
        TextSpan(start: Int(tokens[range.lowerBound].start), end: Int(tokens[range.upperBound - 1].end))
    }
}
