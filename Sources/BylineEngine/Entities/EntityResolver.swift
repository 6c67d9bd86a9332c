/// Turns recognised mentions into entities: the same person, organisation or place named
/// several ways ("Vladimir Putin", "Mr. Putin", "Putin"; "North Atlantic Treaty
/// Organization", "NATO"; "China", "China’s") becomes one entity with a canonical name,
/// the roles the article gives it, and its facts.
struct EntityResolver {
    let view: TokenView

    /// Makes the article's use of a name consistent: once "Putin" is a person anywhere,
    /// every "Putin" is, and a name left untyped takes the type the article gives it.
    func harmonize(_ mentions: inout [RawMention]) {
        var strongTypes: [String: (type: EntityType, strength: Int)] = [:]
        var personTokens: [String: Int] = [:]
        for mention in mentions where mention.strength >= 2 && isName(mention.type) {
            let key = view.string(mention.tokens)
            if let known = strongTypes[key], known.strength >= mention.strength { continue }
            strongTypes[key] = (mention.type, mention.strength)
        }
        for mention in mentions where mention.type == .person && mention.strength >= 2 {
            for index in mention.tokens where view.tokens[index].flags.contains(.capitalized) {
                personTokens[view.string(index), default: 0] += 1
            }
        }
        for index in mentions.indices where isName(mentions[index].type) || mentions[index].strength == 0 {
            let mention = mentions[index]
            let key = view.string(mention.tokens)
            if let known = strongTypes[key], known.strength > mention.strength || mention.strength == 0 {
                mentions[index].type = known.type
                mentions[index].strength = max(mention.strength, 1)
                continue
            }
            // A single word that is part of a known person's name, and not itself a place or
            // an organisation for sure.
            if mention.tokens.count == 1, mention.strength < 3, personTokens[key] != nil {
                mentions[index].type = .person
                mentions[index].strength = 2
            }
        }
        mentions.removeAll { $0.strength == 0 }
    }

    func isName(_ type: EntityType) -> Bool {
        switch type {
        case .person, .organization, .geopolitical, .location, .facility, .norp, .event, .product, .workOfArt, .law, .language:
            return true
        default:
            return false
        }
    }

    /// Groups mentions into entities, in order of first mention.
    func cluster(_ mentions: [RawMention], lexicon: Lexicon) -> [Entity] {
        struct Draft {
            var type: EntityType
            var mentions: [Int]  // indices into `mentions`
            var nameTokens: [String]  // the fullest person name seen, token by token
            var roles: [String] = []
        }
        var drafts: [Draft] = []
        var byKey: [String: Int] = [:]
        var bySurname: [String: Int] = [:]
        var byGivenName: [String: Int] = [:]
        var acronyms: [String: Int] = [:]

        let order = mentions.indices.sorted { mentions[$0].tokens.lowerBound < mentions[$1].tokens.lowerBound }
        // Full person names first, so that a bare surname mentioned before the full name
        // ("Putin … Vladimir Putin") still joins it.
        let personFirst = order.filter { mentions[$0].type == .person && mentions[$0].tokens.count > 1 }
            + order.filter { !(mentions[$0].type == .person && mentions[$0].tokens.count > 1) }
        for index in personFirst {
            let mention = mentions[index]
            let tokens = mention.tokens.map { view.string($0) }
            let key = "\(mention.type.rawValue)|" + tokens.joined(separator: " ")
            var target: Int?
            switch mention.type {
            case .person:
                if let existing = byKey[key] {
                    target = existing
                } else if tokens.count == 1 {
                    target = bySurname[tokens[0]] ?? byGivenName[tokens[0]]
                } else if let existing = bySurname[tokens.last!], drafts[existing].nameTokens.count == 1 || drafts[existing].nameTokens.first == tokens.first {
                    target = existing
                }
            case .organization:
                target = byKey[key] ?? acronyms[tokens.joined(separator: " ")]
            default:
                target = byKey[key]
            }
            if target == nil, mention.type == .organization, tokens.count == 1, let expansion = acronymTarget(tokens[0], drafts: drafts.map { ($0.type, $0.nameTokens) }) {
                target = expansion
            }
            let draftIndex: Int
            if let target {
                draftIndex = target
                drafts[target].mentions.append(index)
                if tokens.count > drafts[target].nameTokens.count { drafts[target].nameTokens = tokens }
            } else {
                draftIndex = drafts.count
                drafts.append(Draft(type: mention.type, mentions: [index], nameTokens: tokens))
            }
            byKey[key] = draftIndex
            if mention.type == .person {
                if let surname = tokens.last, bySurname[surname] == nil { bySurname[surname] = draftIndex }
                if tokens.count > 1, byGivenName[tokens[0]] == nil { byGivenName[tokens[0]] = draftIndex }
            }
            if mention.type == .organization, tokens.count > 1 {
                let initials = String(tokens.filter { $0.first?.isUppercase == true }.compactMap(\.first))
                if initials.count >= 2, acronyms[initials] == nil { acronyms[initials] = draftIndex }
            }
            if let role = mention.roleTokens, !role.isEmpty {
                let text = view.string(role)
                if !drafts[draftIndex].roles.contains(text) { drafts[draftIndex].roles.append(text) }
            }
        }
        // Entities are numbered in order of first mention.
        let sortedDrafts = drafts.sorted {
            mentions[$0.mentions.min()!].tokens.lowerBound < mentions[$1.mentions.min()!].tokens.lowerBound
        }
        return sortedDrafts.enumerated().map { number, draft in
            let sortedMentions = draft.mentions.sorted { mentions[$0].tokens.lowerBound < mentions[$1].tokens.lowerBound }
            let entityMentions = sortedMentions.map { index -> Mention in
                let raw = mentions[index]
                return Mention(
                    span: TextSpan(start: Int(view.tokens[raw.tokens.lowerBound].start), end: Int(view.tokens[raw.tokens.upperBound - 1].end)),
                    type: raw.type, temporal: raw.temporal)
            }
            return Entity(
                id: "e\(number + 1)", name: canonicalName(draft.type, draft.nameTokens, sortedMentions.map { view.string(mentions[$0].tokens) }),
                type: draft.type, mentions: entityMentions, roles: draft.roles)
        }
    }

    /// An acronym ("NATO") for an organisation already named in full, by its initials.
    func acronymTarget(_ acronym: String, drafts: [(EntityType, [String])]) -> Int? {
        guard acronym.count >= 2, acronym.allSatisfy(\.isUppercase) else { return nil }
        return drafts.firstIndex { type, tokens in
            type == .organization && tokens.count > 1
                && String(tokens.filter { $0.first?.isUppercase == true }.compactMap(\.first)) == acronym
        }
    }

    /// A person's fullest name; otherwise the most frequent spelling, the longest on a tie.
    func canonicalName(_ type: EntityType, _ nameTokens: [String], _ spellings: [String]) -> String {
        if type == .person { return nameTokens.joined(separator: " ") }
        var counts: [String: Int] = [:]
        for spelling in spellings { counts[spelling, default: 0] += 1 }
        return counts.max { a, b in a.value != b.value ? a.value < b.value : a.key.count < b.key.count }!.key
    }
}
