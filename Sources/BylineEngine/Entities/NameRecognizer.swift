/// Finds the names of people, organisations, places, nationalities, buildings and events.
///
/// Candidates are runs of capitalised tokens, joined by the connectors names use (of, de,
/// van, al, bin …). A run is then cut into what news writes in front of a name (a
/// nationality, a title: "Russian President") and the name itself, and the name is typed
/// by, in order: the gazetteers (countries, cities, states, known organisations and
/// places, nationalities), the head word (Ministry, University → ORG; Sea, River → LOC;
/// Airport → FAC; War, Olympics → EVENT), person evidence (an honorific or title before it,
/// a known first name, a known surname), and context (a speech verb after it, a
/// preposition of place before it). A sentence-initial capital on a common word ("The",
/// "But") is not a name. In ALL-CAPS lines (headlines) capitals say nothing, so only
/// gazetteer matches count there.
struct NameRecognizer {
    let view: TokenView
    var lexicon: Lexicon { view.lexicon }
    /// Hashes of words the article capitalises where no sentence starts: its names.
    /// (Not a `Set`: its hashing of every capitalised word was most of the cost of setting
    /// up recognition after a keystroke in a long article.)
    let midSentenceNames: HashKeyedSet

    /// Per token: whether its line is a line of match results ("Leeds 2 Southampton 1").
    let resultLines: [Bool]

    /// Whether the article has a hyphenated number (a possible score), which `markTeams`
    /// looks for first; found once, since incremental recognition compares it too.
    let hasHyphenatedNumber: Bool

    /// Per token: whether its line is a headline in capitals. Found once per analysis; the
    /// entity resolver reads it too.
    let capsLines: [Bool]

    /// `capsLines`, when given, are the article's caps lines already found (after an edit,
    /// the unchanged paragraphs' kept and the rest found again).
    init(view: TokenView, capsLines known: [Bool]? = nil) {
        self.view = view
        capsLines = known ?? Self.findAllCapsLines(view)
        resultLines = Self.findResultLines(view)
        hasHyphenatedNumber = view.tokens.contains { $0.kind == .number && $0.flags.contains(.hyphenated) }
        var names = HashKeyedSet(capacity: 1024)
        for index in 1..<max(1, view.count) where view.tokens[index].flags.contains(.capitalized)
            && !view.tokens[index].flags.contains(.startsSentence) && !view.tokens[index].flags.contains(.startsLine)
            && view.tokens[index].kind == .word && view.tokens[index - 1].kind == .word
        {
            names.insert(view.hash(index..<index + 1))
        }
        midSentenceNames = names
    }


    /// The names of the whole article, or of the paragraphs `tokens` cover (the caller
    /// keeps the rest from an earlier analysis).
    func recognize(claimed: [Bool], in tokens: Range<Int>? = nil) -> [RawMention] {
        var mentions: [RawMention] = []
        let tokens = tokens ?? 0..<view.count
        var index = tokens.lowerBound
        while index < tokens.upperBound {
            if claimed[index] || !isNameish(index) {
                index += 1
                continue
            }
            if capsLines[index] {
                if let mention = gazetteerMatch(at: index, claimed: claimed) {
                    mentions.append(mention)
                    index = mention.tokens.upperBound
                } else {
                    index += 1
                }
                continue
            }
            var end = index + 1
            while end < view.count, !claimed[end] || isScoreLineNumber(end), !view.tokens[end].flags.contains(.startsSentence),
                !view.tokens[end].flags.contains(.startsLine), !isScoreLineNumber(end)
            {
                // A name never runs on past the end of its line or sentence, not even over a
                // connector ("… Mr. al" then a new paragraph: found by fuzz-edits).
                func continues(_ next: Int) -> Bool {
                    next < view.count && !view.tokens[next].flags.contains(.startsLine) && !view.tokens[next].flags.contains(.startsSentence)
                }
                if isNameish(end) {
                    end += 1
                } else if isConnector(end) || view.isPunctuation(end, UInt8(ascii: "&")) && (view.has(end + 1, .organizationHead) || view.isAny(end + 1, ["sons", "associates"])),
                    continues(end + 1), isNameish(end + 1), !claimed[end + 1]
                {
                    // ("Merrill Lynch & Co", "Smith & Sons": an ampersand before a firm's head
                    // word joins its name; "Simon & Garfunkel" stay two people.)
                    end += 2
                } else if isConnector(end), isConnector(end + 1), !view.is(end, "of"), !view.is(end + 1, "of"), continues(end + 1), continues(end + 2),
                    isNameish(end + 2), !claimed[end + 2], !claimed[end + 1]
                {
                    // "Nikolaus van der Pas", "Joaquin de la Pezuela": two particles.
                    end += 3
                } else if view.is(end, "of"), continues(end + 1), view.is(end + 1, "the"), continues(end + 2), isNameish(end + 2), !claimed[end + 2] {
                    end += 3
                } else if possessiveInsideName(end, claimed: claimed) {
                    end += 2
                } else if view.is(end, "and"), continues(end + 1), isNameish(end + 1), !claimed[end + 1], view.has(end + 1, .common), !isFirstName(end + 1),
                    gazetteerType(end + 1..<end + 2, allowAmbiguousCities: false) == nil,
                    (index..<end - 1).contains(where: { view.has($0, .organizationHead) && view.is($0 + 1, "of") })
                {
                    // "Department of Health and Human Services", "Institute of Arts and
                    // Sciences": after an organisation's "of", "and" joins the subjects it covers.
                    end += 2
                } else {
                    break
                }
            }
            if resultLines[index] {
                // "Leeds 2 Southampton 1": in a results line the names are teams, whatever the
                // same word is in the dateline (so as strong as a gazetteer's word).
                mentions.append(RawMention(tokens: index..<end, type: .organization, strength: 3))
            } else if let dateline = datelinePlace(index..<end) {
                mentions.append(dateline)
            } else {
                mentions.append(contentsOf: analyse(index..<end))
            }
            index = end
        }
        markTeams(&mentions)
        expandAcronyms(&mentions, in: tokens)
        return mentions
    }

    /// "Organisation for Security and Co-operation in Europe ( OSCE )": an acronym in
    /// parentheses spells the name before it, lower-case connectors and all, which the
    /// capitalised runs alone cut into pieces. The spelled-out name replaces the pieces.
    func expandAcronyms(_ mentions: inout [RawMention], in tokens: Range<Int>) {
        var expansions: [RawMention] = []
        for index in tokens where view.isPunctuation(index - 1, UInt8(ascii: "(")) && view.isPunctuation(index + 1, UInt8(ascii: ")")) {
            let token = view.tokens[index]
            guard token.kind == .word, token.flags.contains(.allCaps), !token.flags.contains(.hasDigit), token.length >= 2, token.length <= 8 else { continue }
            let letters = view.text(index).filter { TokenView.isUpperASCII($0) }
            guard letters.count >= 2 else { continue }
            var remaining = letters.count
            var start = index - 2
            var probe = index - 2
            var words = 0
            while probe >= tokens.lowerBound, remaining > 0 {
                let candidate = view.tokens[probe]
                if candidate.kind == .word, candidate.flags.contains(.capitalized), view.text(probe)[0] == letters[remaining - 1] {
                    remaining -= 1
                    words += 1
                    start = probe
                } else if candidate.kind == .word, !candidate.flags.contains(.capitalized), view.has(probe, .connector) || view.isAny(probe, ["for", "and", "on", "in", "to", "the", "&"]) {
                    // a connector inside the name; it may not begin it
                } else {
                    break
                }
                if candidate.flags.contains(.startsSentence) || candidate.flags.contains(.startsLine) { break }
                probe -= 1
            }
            guard remaining == 0, words >= 2, start < index - 2 else { continue }
            let span = start..<index - 1
            let type: EntityType = view.has(span.upperBound - 1, .locationHead) ? .location : .organization
            expansions.append(RawMention(tokens: span, type: type, strength: 3))
        }
        guard !expansions.isEmpty else { return }
        mentions.removeAll { mention in expansions.contains { $0.tokens.overlaps(mention.tokens) } }
        mentions.append(contentsOf: expansions)
        mentions.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }



    static let commonAbbreviations: [StaticString] = [
        "gdp", "gnp", "ceo", "cfo", "coo", "cto", "tv", "pc", "mp", "mps", "mvp", "dj", "cd", "cds", "dvd", "vip", "suv", "aids", "hiv", "dna",
        "phd", "mba", "ufo", "atm", "gps", "usb", "lcd", "led", "era", "rpm", "iq", "am", "pm", "fm", "ok", "id", "pdf", "html", "ai", "it",
        "hq", "pr", "ad", "bc", "faq", "diy", "ps", "vs", "ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii",
    ]

    /// Nouns whose "of" names a place: "a suburb of Blackburn", "the mayor of Reading".
    static let placeNouns: [StaticString] = [
        "suburb", "suburbs", "outskirts", "city", "town", "village", "capital", "province", "county", "district", "region",
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "mayor", "streets", "centre", "center",
        "port", "municipality", "parish", "borough", "neighbourhood", "neighborhood", "resident", "residents", "people",
    ]

    static let verbsToAPerson: [StaticString] = [
        "married", "engaged", "spoke", "speaking", "talked", "talking", "wrote", "writing", "said", "explained", "apologised", "apologized",
        "listened", "replied", "responded", "introduced", "related", "loyal", "devoted", "wed", "reported", "complained", "deferred",
    ]

    static let regionPrefixes: [StaticString] = [
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "greater", "upper", "lower",
        "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern",
    ]

    static let matchVerbs: [StaticString] = [
        "beat", "beats", "drew", "draw", "draws", "defeated", "defeat", "lost", "won", "held", "edged", "thrashed", "routed",
        "hammered", "crushed", "overcame", "stunned", "against", "vs", "vs.", "v", "v.", "at", "host", "hosts", "hosted",
    ]

    /// "Leeds beat Chelsea 2-1": places that play a match are teams, as newswire annotates
    /// them. Only in a sentence that has a score, and only next to a match verb.
    /// Words that begin clubs' and banks' names.
    static let organizationFirstWords: [StaticString] = [
        "banco", "banca", "banque", "fc", "afc", "cf", "sv", "vfb", "vfl", "tsv", "fk", "nk", "deportivo", "atletico", "atlético", "sporting", "dynamo", "dinamo", "olympique", "olympiakos", "olympiacos",
        "borussia", "eintracht", "fortuna", "racing", "hertha", "werder", "bayer", "rapid", "partizan", "steaua",
        "lokomotiv", "spartak", "cska", "legia", "slavia", "sparta", "ferencvaros", "galatasaray", "fenerbahce",
        "besiktas", "feyenoord", "ajax", "juventus", "internazionale", "sampdoria", "fiorentina",
        "deutsche", "hapoel", "maccabi", "beitar", "vitesse", "roda", "lokomotiva", "zenit", "torpedo", "dukla", "banik", "widzew", "gks", "ruch",
        "wisla", "polonia", "ujpest", "honved", "vasas", "grasshoppers", "servette", "anorthosis", "apoel", "omonia", "panathinaikos",
    ]

    static let clubRoles: [StaticString] = [
        "manager", "coach", "striker", "midfielder", "goalkeeper", "keeper", "defender", "winger", "forward", "skipper",
        "captain", "playmaker", "fullback", "full-back", "centre-back", "sweeper", "outfielder", "pitcher", "quarterback",
        "shortstop", "batsman", "bowler", "all-rounder", "fly-half", "scrum-half", "lock", "prop", "hooker",
    ]

    /// A country, a state or a nation the gazetteers know ("England"): its side keeps its name.
    func isCountryOrState(_ range: Range<Int>) -> Bool { view.isCountryOrState(range) }

    func markTeams(_ mentions: inout [RawMention]) {
        for index in mentions.indices where mentions[index].tokens.count <= 3 {
            let range = mentions[index].tokens
            let type = mentions[index].type
            // "Valencia 2 ( Mijatovic 23 ) Sevilla 1": a place with a score and its scorers after it.
            if type == .geopolitical, isSmallNumber(range.upperBound), view.isPunctuation(range.upperBound + 1, UInt8(ascii: "(")) {
                mentions[index].type = .organization
            }
            // "( Mijatovic 23 , Poyet 67 )": a scorer and the minute.
            if type != .person, range.count <= 2, mentions[index].strength <= 2,
                view.isPunctuation(range.lowerBound - 1, UInt8(ascii: "(")) || view.isPunctuation(range.lowerBound - 1, UInt8(ascii: ",")),
                isSmallNumber(range.upperBound),
                view.isPunctuation(range.upperBound + 1, UInt8(ascii: ")")) || view.isPunctuation(range.upperBound + 1, UInt8(ascii: ",")),
                gazetteerType(range, allowAmbiguousCities: false) == nil
            {
                mentions[index].type = .person
                mentions[index].strength = 2
            }
        }
        // "Leeds manager George Graham", "Valencia striker …": a city before a club's role is
        // the club (a country's side stays the country: "Australia coach").
        for index in mentions.indices where mentions[index].type == .geopolitical && mentions[index].tokens.count <= 2 {
            let range = mentions[index].tokens
            guard view.isWord(range.upperBound), !view.isCapitalized(range.upperBound), view.isAny(range.upperBound, Self.clubRoles),
                !isCountryOrState(range), view.lookup(lexicon.continents, range) == nil
            else { continue }
            mentions[index].type = .organization
        }
        // A fixture list: "OAKLAND AT BOSTON", "Detroit at Toronto", "Leeds v Chelsea" — a line
        // of two names and the word between them. Cities there are clubs; countries stay.
        for index in mentions.indices.dropFirst() {
            let home = mentions[index - 1].tokens
            let away = mentions[index].tokens
            guard away.lowerBound == home.upperBound + 1, view.tokens[home.lowerBound].flags.contains(.startsLine),
                away.upperBound == view.count || view.tokens[away.upperBound].flags.contains(.startsLine),
                view.isAny(home.upperBound, ["at", "v", "vs", "vs."])
            else { continue }
            for team in [index - 1, index] where mentions[team].type == .geopolitical || mentions[team].strength <= 1 {
                let range = mentions[team].tokens
                if !isCountryOrState(range) { mentions[team].type = .organization }
            }
        }
        // A line that opens with a name, its score and its scorers: "Ajax Amsterdam 2 ( Kluivert 15 )".
        for index in mentions.indices where mentions[index].strength <= 2 || mentions[index].type == .geopolitical {
            let range = mentions[index].tokens
            guard view.tokens[range.lowerBound].flags.contains(.startsLine), isSmallNumber(range.upperBound),
                view.isPunctuation(range.upperBound + 1, UInt8(ascii: "(")), mentions[index].type != .organization, !isCountryOrState(range)
            else { continue }
            mentions[index].type = .organization
        }
        // "Frode Grodaas ( Chelsea ) , Henning Berg ( Blackburn )": after a player, the club
        // in brackets (a country stays a country: "Pete Sampras ( U.S. )").
        for index in mentions.indices.dropFirst() where mentions[index].tokens.count <= 3 {
            let range = mentions[index].tokens
            let previous = mentions[index - 1]
            guard previous.type == .person, previous.tokens.count >= 2, previous.tokens.upperBound == range.lowerBound - 1,
                view.isPunctuation(range.lowerBound - 1, UInt8(ascii: "(")), view.isPunctuation(range.upperBound, UInt8(ascii: ")")),
                mentions[index].type == .person || mentions[index].strength == 0 || mentions[index].type == .geopolitical && !isCountryOrState(range)
            else { continue }
            mentions[index].type = .organization
            mentions[index].strength = 2
        }
        guard hasHyphenatedNumber else { return }
        for index in mentions.indices
        where mentions[index].type == .geopolitical || mentions[index].type == .person && mentions[index].strength <= 1 && mentions[index].tokens.count == 1
        {
            let range = mentions[index].tokens
            let sentenceHasScore = sentenceRange(of: range.lowerBound).contains { position in
                view.tokens[position].kind == .number && view.tokens[position].flags.contains(.hyphenated) && isScore(position)
            }
            // A country's side keeps the country's name, as newswire tags it ("Japan beat Syria 2-1").
            guard sentenceHasScore, !isCountryOrState(range) else { continue }
            if view.isAny(range.upperBound, Self.matchVerbs) && !view.is(range.upperBound, "at") || view.isAny(range.lowerBound - 1, Self.matchVerbs) && !view.is(range.lowerBound - 1, "at") {
                mentions[index].type = .organization
            }
        }
    }

    /// A whole number of at most three digits: a score or a minute.
    func isSmallNumber(_ index: Int) -> Bool {
        guard index < view.count, view.tokens[index].kind == .number, view.tokens[index].length <= 3 else { return false }
        return view.text(index).allSatisfy { $0 &- UInt8(ascii: "0") < 10 }
    }

    /// "2-1", "3-0": two small numbers joined by a hyphen.
    func isScore(_ index: Int) -> Bool {
        let parts = view.string(index).split(separator: "-")
        return parts.count == 2 && parts.allSatisfy { $0.count <= 2 && $0.allSatisfy(\.isNumber) }
    }

    func sentenceRange(of index: Int) -> Range<Int> {
        var start = index
        while start > 0, !view.tokens[start].flags.contains(.startsSentence) { start -= 1 }
        var end = index + 1
        while end < view.count, !view.tokens[end].flags.contains(.startsSentence) { end += 1 }
        return start..<end
    }

    func isScoreLineNumber(_ index: Int) -> Bool { resultLines[index] && view.tokens[index].kind == .number }

    /// "BONN 1996-08-29", "MOSCOW (Reuters) —", "KYIV, Ukraine —": the upper-case place that
    /// opens a news story's first line.
    func datelinePlace(_ range: Range<Int>) -> RawMention? {
        let first = range.lowerBound
        guard view.tokens[first].flags.contains(.startsLine), range.allSatisfy({ view.tokens[$0].flags.contains(.allCaps) }) else {
            return nil
        }
        let next = range.upperBound
        let opensStory = next >= view.count || view.tokens[next].flags.contains(.startsLine) && false
            || view.tokens[min(next, view.count - 1)].kind == .number || view.tokens[min(next, view.count - 1)].kind == .dash
            || view.isPunctuation(next, UInt8(ascii: "(")) || view.isPunctuation(next, UInt8(ascii: ","))
        guard next < view.count, opensStory else { return nil }
        let type = gazetteerType(range, allowAmbiguousCities: true) ?? .geopolitical
        return RawMention(tokens: range, type: type == .organization ? .organization : .geopolitical, strength: 3)
    }

    // MARK: - Candidates

    /// Lines made of names each followed by a score, and nothing else: sports results.
    static func findResultLines(_ view: TokenView) -> [Bool] {
        var result = [Bool](repeating: false, count: view.count)
        lines: for line in view.lines() where line.count >= 4 {
            var scores = 0
            var otherNumbers = 0
            var namesBeforeScore = 0
            var sawName = false
            for index in line {
                let token = view.tokens[index]
                if token.kind == .number, token.length <= 3, !token.flags.contains(.hyphenated) {
                    if sawName { namesBeforeScore += 1 }
                    scores += 1
                    sawName = false
                } else if token.kind == .word, token.flags.contains(.capitalized) || view.has(index, .connector) {
                    sawName = true
                } else if scores > 0, token.kind == .number && !token.flags.contains(.hyphenated) || token.kind == .dash && index == line.upperBound - 1 {
                    // A standings row's winning percentage (".587") and games behind ("-").
                    otherNumbers += 1
                } else if namesBeforeScore >= 2, !sawName, view.isPunctuation(index, UInt8(ascii: "(")), view.isPunctuation(line.upperBound - 1, UInt8(ascii: ")")) {
                    // "Puchon 3 Chonan 0 ( halftime 1-0 )": the half-time score in brackets.
                    break
                } else {
                    continue lines
                }
            }
            // Match results ("Leeds 2 Chelsea 1"), or a standings row ("Newcastle 4 3 1 0 9 3 10",
            // "BALTIMORE 68 58 .540 6").
            let standings = namesBeforeScore == 1 && (scores >= 4 || scores >= 2 && otherNumbers >= 1) && view.tokens[line.lowerBound].kind == .word
            if namesBeforeScore >= 2 || standings, !sawName {
                for index in line { result[index] = true }
            }
        }
        return result
    }

    func isNameish(_ index: Int) -> Bool {
        guard index < view.count else { return false }
        let token = view.tokens[index]
        guard token.kind == .word, !token.flags.contains(.possessive) else { return false }
        if token.flags.contains(.capitalized) { return true }
        // al-Assad, el-Sisi, bin-Salman: a lower-case particle joined to a capitalised name.
        if token.flags.contains(.hyphenated), let hyphen = view.text(index).firstIndex(of: UInt8(ascii: "-")),
            hyphen + 1 < view.text(index).count, TokenView.isUpperASCII(view.text(index)[hyphen + 1]), hyphen <= 3
        {
            return true
        }
        return false
    }

    func isConnector(_ index: Int) -> Bool { view.has(index, .connector) }

    /// "Pakistan People's Party", "Women's Hospital": a possessive inside an organisation's
    /// name, known by the head word after it. A place's possessive ("China's Communist
    /// Party") ends the place's name instead.
    func possessiveInsideName(_ index: Int, claimed: [Bool]) -> Bool {
        guard view.tokens[index].flags.contains(.possessive), index > 0, index + 1 < view.count, isNameish(index + 1), !claimed[index + 1],
            !view.tokens[index + 1].flags.contains(.startsLine), !view.tokens[index + 1].flags.contains(.startsSentence),
            view.has(index - 1, .common), gazetteerType(index - 1..<index, allowAmbiguousCities: false) == nil
        else { return false }
        var probe = index + 1
        while probe < min(index + 4, view.count), isNameish(probe), !claimed[probe] {
            if view.has(probe, .organizationHead) || view.has(probe, .facilityHead) { return true }
            probe += 1
        }
        return false
    }

    /// Lines whose words are nearly all upper case: headlines, where capitals carry no signal.
    static func findAllCapsLines(_ view: TokenView) -> [Bool] {
        var result = [Bool](repeating: false, count: view.count)
        findAllCapsLines(view, in: 0..<view.count, into: &result)
        return result
    }

    /// The caps lines among `tokens`, which begin and end at line starts (each line is read
    /// on its own), marked in `result`.
    static func findAllCapsLines(_ view: TokenView, in tokens: Range<Int>, into result: inout [Bool]) {
        // One pass, counting per line, with no array per line: this runs on every keystroke.
        var lineStart = tokens.lowerBound
        var words = 0
        var caps = 0
        var longCaps = 0
        var numbers = 0
        func close(_ end: Int) {
            // (Two words in capitals and nothing else head a table's section: "EASTERN
            // DIVISION", "AMERICAN LEAGUE"; a dateline or a standings row has numbers.)
            if words >= 3 && caps * 5 >= words * 4 && longCaps > 0 || words == 2 && longCaps == 2 && numbers == 0 && end - lineStart == 2 {
                for index in lineStart..<end { result[index] = true }
            }
        }
        for index in tokens {
            let token = view.tokens[index]
            if index > tokens.lowerBound, token.flags.contains(.startsLine) {
                close(index)
                lineStart = index
                words = 0
                caps = 0
                longCaps = 0
                numbers = 0
            }
            if token.kind == .number || token.flags.contains(.hasDigit) { numbers += 1 }
            if token.kind == .word, !token.flags.contains(.hasDigit) {
                words += 1
                // Single capitals count ("W L PCT GB" heads a standings table), but a line needs
                // a longer word in capitals too: "A" and "I" begin ordinary sentences.
                if token.flags.contains(.allCaps) { caps += 1 }
                if token.flags.contains(.allCaps), token.length > 1 { longCaps += 1 }
            }
        }
        close(tokens.upperBound)
    }

    /// In a headline: the longest run (up to five tokens) that a gazetteer knows.
    func gazetteerMatch(at index: Int, claimed: [Bool]) -> RawMention? {
        var length = min(5, view.count - index)
        while length >= 1 {
            let range = index..<index + length
            if !range.contains(where: { claimed[$0] || view.tokens[$0].kind != .word && !view.tokens[$0].flags.contains(.abbreviation) }),
                // Towns named after common words ("Surprise", "Reading") need more than capitals.
                let type = gazetteerType(range, allowAmbiguousCities: !(length == 1 && view.has(index, .common)))
            {
                return RawMention(tokens: range, type: type, strength: 3)
            }
            length -= 1
        }
        return nil
    }

    // MARK: - Cutting a run into title and name

    func analyse(_ run: Range<Int>) -> [RawMention] {
        // "Del. Stacey Plaskett of the Virgin Islands", "Justice Ruth Bader Ginsburg of the
        // Supreme Court": a person of a place or a body is two names, not one.
        if let of = run.dropFirst().first(where: { view.is($0, "of") }), of + 1 < run.upperBound {
            let placeStart = view.is(of + 1, "the") ? of + 2 : of + 1
            let left = run.lowerBound..<of
            if placeStart < run.upperBound, left.count >= 2,
                left.prefix(2).contains(where: { isFirstName($0) }) || view.has(left.lowerBound, .honorific) || isTitle(left.lowerBound),
                !left.contains(where: { view.has($0, .organizationHead) }), gazetteerType(left, allowAmbiguousCities: false) == nil
            {
                return analyse(left) + analyse(placeStart..<run.upperBound)
            }
            // "Goran Ivanisevic of Croatia", "Jan Svensson of Sweden": newswire's player of a
            // country. Names no word list knows, then a country: two names. ("Republic of
            // Ireland", "Bank of England" have a common word or a head on the left.)
            if placeStart == of + 1, left.count >= 2, left.count <= 3,
                left.allSatisfy({ view.isCapitalized($0) && !view.has($0, .common) && !view.has($0, .organizationHead) && !view.has($0, .title) }),
                gazetteerType(left, allowAmbiguousCities: false) == nil,
                gazetteerType(placeStart..<run.upperBound, allowAmbiguousCities: false) == .geopolitical
            {
                return analyse(left) + analyse(placeStart..<run.upperBound)
            }
        }
        // "-- London Newsroom +44 171 542 7658", a wire story's sign-off: the city is the name.
        if run.count >= 2, view.isAny(run.upperBound - 1, ["newsroom", "newsdesk"]) {
            return analyse(run.lowerBound..<run.upperBound - 1)
        }
        var start = run.lowerBound
        let end = run.upperBound
        var mentions: [RawMention] = []
        // A capital that only marks the start of a sentence: "The", "But", "When".
        // ("Moody 's Investors Service": a word that owns the rest of the name stays.)
        // "Stated Stone:", "Added Okafor,": a speech verb opening the sentence goes before the name.
        let openingCue = startsSentenceLike(start) && (view.has(start, .speechVerb) || view.has(start, .reportingVerb)) && !view.has(start, .firstName)
            && view.string(start).hasSuffix("ed")
        if startsSentenceLike(start), isCommonWordOnly(start) || openingCue, !(start + 1 < end && view.tokens[start + 1].flags.contains(.possessive)) {
            start += 1
            // "Results of the Weltklasse": the connectors, and the article, are not the name.
            while start < end, isConnector(start) || view.is(start, "the") && !view.isCapitalized(start) { start += 1 }
            if start >= end { return [] }
        }
        var roleStart: Int?
        var sawHonorific = false
        var position = start
        while position < end - 1 {
            // A nationality before a title or a name: "Russian President …", "Chinese Xi …".
            // Likewise a country or city before a title: "US Defense Secretary …", "Moscow Mayor …".
            // (A bit test first: titles are rare, gazetteer lookups are not free.)
            let titleNear = (position + 1...min(position + 3, end - 1)).contains { view.has($0, .title) || view.has($0, .honorific) }
            let placeBefore = !titleNear || roleStart != nil ? nil
                : isDemonym(position) ? EntityType.norp : gazetteerType(position..<position + 1, allowAmbiguousCities: false)
            if roleStart == nil, let placeBefore, placeBefore == .norp || placeBefore == .geopolitical,
                isTitleOrHonorific(position + 1) || titleAhead(from: position + 1, before: end) != nil
            {
                mentions.append(RawMention(tokens: position..<position + 1, type: placeBefore, strength: 3))
                roleStart = position
                position += 1
                continue
            }
            if view.has(position, .honorific) {
                sawHonorific = true
                if roleStart == nil { roleStart = position }
                position += 1
                continue
            }
            // A title, possibly after the words that say of what: "Transport Minister", "Foreign
            // Affairs Secretary".
            if isTitle(position) || (titleNear && (titleAhead(from: position, before: end).map { $0 + 1 < end } ?? false)) {
                if view.is(position + 1, "of") {
                    // "Secretary of State Madeleine Albright": the title names its department,
                    // then a first name begins the person. Otherwise "President of France" is no name.
                    let personStart = position + 3 < end - 1 ? (position + 3...min(position + 4, end - 2)).first { isFirstName($0) } : nil
                    guard let personStart, (position + 2..<personStart).allSatisfy({ view.isCapitalized($0) }) else {
                        if view.has(position, .organizationHead) { break }
                        return mentions + ownerOfTitle(position + 2..<end, title: position)
                    }
                    if roleStart == nil { roleStart = position }
                    position = personStart
                    break
                }
                // "Federal Reserve Chairman Alan Greenspan", "Communist Party Chief …": the
                // words before the title name an organisation, which is a mention of its own.
                if roleStart == nil, !isTitle(position), let title = titleAhead(from: position, before: end), title > position,
                    view.has(title - 1, .organizationHead) || gazetteerType(position..<title, allowAmbiguousCities: false) == .organization
                {
                    mentions.append(RawMention(tokens: position..<title, type: .organization, strength: 3))
                    roleStart = position
                    position = title
                    continue
                }
                if roleStart == nil { roleStart = position }
                position += 1
                continue
            }
            break
        }
        var nameStart = position
        while nameStart < end, isConnector(nameStart) { nameStart += 1 }
        if nameStart < end, view.has(nameStart, .title), nameStart + 1 == end { return mentions }  // a title alone
        var nameEnd = end
        while nameEnd > nameStart, isConnector(nameEnd - 1) { nameEnd -= 1 }
        guard nameStart < nameEnd else { return mentions }
        // Capitalised common words before a known first name are a role: "Coroner William
        // McLaughlin", "Tower Man George Hauser"; not before a place's head word ("Cal Anderson Park").
        if roleStart == nil, nameEnd - nameStart >= 3, gazetteerType(nameStart..<nameEnd, allowAmbiguousCities: false) == nil,
            !view.has(nameEnd - 1, .facilityHead), !view.has(nameEnd - 1, .locationHead), !view.has(nameEnd - 1, .organizationHead),
            let firstName = (nameStart + 1..<nameEnd - 1).first(where: { isFirstName($0) && gazetteerType($0..<$0 + 1, allowAmbiguousCities: false) == nil }),
            (nameStart..<firstName).allSatisfy({ view.has($0, .common) && !isDemonym($0) && gazetteerType($0..<$0 + 1, allowAmbiguousCities: false) == nil })
        {
            roleStart = nameStart
            nameStart = firstName
        }
        // "Premier League", "Chancellor Hotel": a title before an organisation's head word
        // begins the organisation's name; no person is named.
        if let roleStart, !sawHonorific, (nameStart..<nameEnd).contains(where: { view.has($0, .organizationHead) }), mentions.isEmpty {
            return [RawMention(tokens: roleStart..<nameEnd, type: .organization, strength: 3)]
        }
        let titled = roleStart != nil
        // "Bosnian Serb": nationalities only. "German Bund futures", "Chinese Xi": a
        // nationality before a name is its own mention (an organisation's name keeps it:
        // "German Marshall Fund", "British Airways").
        if !titled, nameEnd - nameStart >= 2, isDemonym(nameStart), !view.isAny(nameStart, Self.regionPrefixes),
            gazetteerType(nameStart..<nameEnd, allowAmbiguousCities: false) == nil,
            !(nameStart..<nameEnd).contains(where: { view.has($0, .organizationHead) || view.has($0, .facilityHead) || view.has($0, .eventHead) })
        {
            if (nameStart..<nameEnd).allSatisfy({ isDemonym($0) }) {
                return mentions + [RawMention(tokens: nameStart..<nameEnd, type: .norp, strength: 3)]
            }
            return mentions + [RawMention(tokens: nameStart..<nameStart + 1, type: .norp, strength: 3)] + analyse(nameStart + 1..<nameEnd)
        }
        let roleTokens = roleStart.map { $0..<nameStart }
        // "Moscow Mayor Sergei Sobyanin": a place, then a title, then a person.
        if !titled, let split = innerTitle(nameStart..<nameEnd) {
            mentions.append(contentsOf: analyse(nameStart..<split.title))
            var person = classify(split.name, titled: true, honorific: false)
            person.roleTokens = split.title..<split.name.lowerBound
            mentions.append(person)
            return mentions
        }
        var mention = classify(nameStart..<nameEnd, titled: titled, honorific: sawHonorific)
        if mention.roleTokens == nil, let roleTokens, !roleTokens.isEmpty, !sawHonorific || roleTokens.count > 1 {
            mention.roleTokens = roleTokens
        }
        mentions.append(mention)
        return mentions
    }

    /// "the Mayor of Brampton", "President of France": no person is named, but what the title
    /// belongs to is, unless it is a department's common word ("Secretary of State").
    func ownerOfTitle(_ range: Range<Int>, title: Int) -> [RawMention] {
        var start = range.lowerBound
        while start < range.upperBound, isConnector(start) || view.is(start, "the") { start += 1 }
        guard start < range.upperBound else { return [] }
        if range.upperBound - start == 1, view.has(start, .common), gazetteerType(start..<start + 1, allowAmbiguousCities: false) == nil { return [] }
        var owned = analyse(start..<range.upperBound)
        // A mayor's or a governor's is a place, whatever its name.
        if owned.count == 1, owned[0].strength == 0 || owned[0].type == .person, view.isAny(title, ["mayor", "governor", "mayoress", "lord-mayor"]) {
            owned[0].type = .geopolitical
            owned[0].strength = 2
        }
        return owned
    }

    func startsSentenceLike(_ index: Int) -> Bool {
        let token = view.tokens[index]
        if token.flags.contains(.startsSentence) || token.flags.contains(.startsLine) { return true }
        // After an opening quote, a dash or a colon that begins a clause.
        let previous = index - 1
        guard previous >= 0 else { return true }
        let before = view.tokens[previous]
        if before.kind == .quote, before.flags.contains(.opening) { return true }
        if before.kind == .dash { return true }
        // "~ As Vulture put it", "* The": after a list's bullet that opens the line.
        if before.flags.contains(.startsLine), before.kind != .word, before.kind != .number, before.length <= 3 { return true }
        return view.isPunctuation(previous, UInt8(ascii: ":")) || view.isPunctuation(previous, UInt8(ascii: "("))
    }

    /// A word that is capitalised here only because a sentence starts with it.
    func isCommonWordOnly(_ index: Int) -> Bool {
        let text = view.text(index)
        guard view.has(index, .common) else { return false }
        // The article capitalises it mid-sentence too ("Mr. Xi" … "Xi Jinping said"): a name.
        if midSentenceNames.contains(view.hash(index..<index + 1)) { return false }
        if view.has(index, .properNoun) || lexicon.knownOrganizations.contains(text) || lexicon.countries.contains(text)
            || lexicon.knownGeopoliticalEntities.contains(text) || isDemonym(index)
        {
            return false
        }
        // Before another capitalised word, only a function word ("The", "But", "When") is
        // there just for the sentence; a content word ("New York", "Xi Jinping") begins the name.
        if isNameish(index + 1), !view.tokens[index + 1].flags.contains(.startsSentence) {
            return view.has(index, .functionWord)
        }
        return true
    }

    func isDemonym(_ index: Int) -> Bool {
        guard index < view.count, view.isCapitalized(index) else { return false }
        return view.has(index, .demonym) || view.has(index, .group)
    }

    /// The index of a capitalised title within the next three tokens, reached only through
    /// capitalised words that are not names of their own.
    func titleAhead(from index: Int, before end: Int) -> Int? {
        var probe = index
        while probe < min(end - 1, index + 3) {
            if isTitle(probe) { return probe }
            guard view.isCapitalized(probe), !isConnector(probe), !isFirstName(probe),
                gazetteerType(probe..<probe + 1, allowAmbiguousCities: false) == nil || isDemonym(probe)
            else { return nil }
            probe += 1
        }
        return nil
    }

    /// "II", "IV", "XII": a Roman numeral, as after a name or an event.
    func isRomanNumeral(_ index: Int) -> Bool {
        guard index >= 0, index < view.count, view.tokens[index].kind == .word, view.tokens[index].length <= 5 else { return false }
        return view.text(index).allSatisfy { $0 == UInt8(ascii: "I") || $0 == UInt8(ascii: "V") || $0 == UInt8(ascii: "X") }
    }

    /// "J.", "S.": one capital letter and its full stop.
    func isInitial(_ index: Int) -> Bool {
        guard index >= 0, index < view.count, view.tokens[index].length == 2 else { return false }
        let text = view.text(index)
        return TokenView.isUpperASCII(text[0]) && text[1] == UInt8(ascii: ".")
    }

    func isFirstName(_ index: Int) -> Bool {
        view.isCapitalized(index) && !view.tokens[index].flags.contains(.allCaps) && view.has(index, .firstName)
    }

    func isTitle(_ index: Int) -> Bool {
        guard index < view.count, view.isCapitalized(index) else { return false }
        return view.has(index, .title)
    }

    func isTitleOrHonorific(_ index: Int) -> Bool {
        isTitle(index) || view.has(index, .honorific)
    }

    /// A capitalised title inside a run, with a name after it.
    func innerTitle(_ range: Range<Int>) -> (title: Int, name: Range<Int>)? {
        guard range.count >= 3 else { return nil }
        for index in (range.lowerBound + 1)..<(range.upperBound - 1) where isTitle(index) && !isConnector(index + 1) {
            guard !view.has(index, .organizationHead) else { continue }
            var nameStart = index + 1
            while nameStart < range.upperBound - 1, isTitle(nameStart) { nameStart += 1 }
            return (index, nameStart..<range.upperBound)
        }
        return nil
    }

    // MARK: - Typing a name

    func gazetteerType(_ range: Range<Int>, allowAmbiguousCities: Bool) -> EntityType? {
        // One key for every table: the tokens' text joined by single spaces.
        // Hashed once, probed in every table.
        let key = range.count == 1 ? nil : view.normalized(range)
        if let key {
            return key.withUnsafeBufferPointer { buffer in
                gazetteerType(range, key: buffer, hash: StaticTable.hash(buffer), allowAmbiguousCities: allowAmbiguousCities)
            }
        }
        let buffer = view.text(range.lowerBound)
        return gazetteerType(range, key: buffer, hash: StaticTable.hash(buffer), allowAmbiguousCities: allowAmbiguousCities)
    }

    private func gazetteerType(_ range: Range<Int>, key: UnsafeBufferPointer<UInt8>, hash: Int, allowAmbiguousCities: Bool) -> EntityType? {
        func lookup(_ table: StaticTable) -> Int? { table.entry(for: key, hash: hash) }
        if lookup(lexicon.knownOrganizations) != nil { return .organization }
        if lookup(lexicon.countries) != nil || lookup(lexicon.knownGeopoliticalEntities) != nil || lookup(lexicon.usStates) != nil
            || lookup(lexicon.countryAliases) != nil
        {
            return .geopolitical
        }
        if lookup(lexicon.continents) != nil || lookup(lexicon.knownLocations) != nil { return .location }
        if range.count == 1, view.has(range.lowerBound, .demonym) || view.has(range.lowerBound, .group) { return .norp }
        if range.count > 1, range.count <= 3, lexicon.words.classes(of: key).contains(.demonym) { return .norp }  // "Sri Lankan", "New Zealanders"
        if range.count == 1, view.tokens[range.lowerBound].flags.contains(.hyphenated), isHyphenatedDemonym(view.string(range.lowerBound)) {
            return .norp
        }
        if let city = lookup(lexicon.cities) {
            if range.count > 1 { return .geopolitical }
            let token = range.lowerBound
            let ambiguous = view.has(token, .firstName) || view.has(token, .common) || view.has(token, .surname)
            let population = lexicon.cities.integer(ofField: 3, entry: city) ?? 0
            if !ambiguous && population >= 100_000 { return .geopolitical }
            // A big city that is also a surname (Leeds, Houston) is the city far more often.
            if !view.has(token, .firstName), !view.has(token, .common), population >= 200_000 { return .geopolitical }
            // Paris, London, Lagos: a metropolis is a place even when it is also a name.
            if population >= 1_000_000 && !view.tokens[token].flags.contains(.possessive) { return .geopolitical }
            if allowAmbiguousCities && population >= 50_000 { return .geopolitical }
        }
        return nil
    }

    /// "Russian-Chinese", "Sino-Russian": nationalities joined by a hyphen.
    func isHyphenatedDemonym(_ key: String) -> Bool {
        let parts = key.split(separator: "-")
        return parts.count >= 2 && parts.allSatisfy { part in
            var word = String(part)
            return part == "Sino" || part == "Anglo" || part == "Franco"
                || word.withUTF8 { lexicon.words.classes(of: $0).contains(.demonym) }
        }
    }

    func classify(_ range: Range<Int>, titled: Bool, honorific: Bool) -> RawMention {
        var mention = type(range, titled: titled, honorific: honorific)
        // Roles for names the gazetteers typed: "China’s state broadcaster CCTV".
        if mention.roleTokens == nil, mention.type == .person || mention.type == .organization {
            if let role = lowerCaseRole(before: range.lowerBound) {
                mention.roleTokens = role
            } else {
                mention = withRole(mention, range)
            }
        }
        return mention
    }

    func type(_ range: Range<Int>, titled: Bool, honorific: Bool) -> RawMention {
        let first = range.lowerBound
        let last = range.upperBound - 1
        // "in Blackburn", "a suburb of Blackburn": where the words say a place comes next.
        // ("married to", "spoke to": a person comes next.)
        // ("shares in Glaxo Wellcome", "a stake in Fiat": a holding is in a company.)
        let holding = view.is(first - 1, "in") && view.isAny(first - 2, ["shares", "stake", "stakes", "holding", "holdings", "interest"])
        let placeContext = view.has(first - 1, .placePreposition) && !(view.is(first - 1, "to") && view.isAny(first - 2, Self.verbsToAPerson)) && !holding
            || view.is(first - 1, "of") && view.isAny(first - 2, Self.placeNouns)
        if !honorific, let type = gazetteerType(range, allowAmbiguousCities: placeContext) {
            return RawMention(tokens: range, type: type, strength: 3)
        }
        if titled || honorific {
            return withRole(RawMention(tokens: range, type: .person, strength: 3), range)
        }
        if holding { return RawMention(tokens: range, type: .organization, strength: 2) }
        // "Damon Hill ( Britain ) Williams 1:50.980": after a driver's or a rider's country in
        // brackets, a name before the time or the points is the team.
        if range.count <= 3, first >= 3, view.isPunctuation(first - 1, UInt8(ascii: ")")), view.isPunctuation(first - 3, UInt8(ascii: "(")),
            range.upperBound < view.count, view.tokens[range.upperBound].kind == .number,
            gazetteerType(first - 2..<first - 1, allowAmbiguousCities: false) == .geopolitical
        {
            return RawMention(tokens: range, type: .organization, strength: 2)
        }
        // "S. Ganguly", "J. Smith": an initial before a surname is a person, though the
        // initial alone looks like an acronym.
        if range.count >= 2, range.count <= 4, isInitial(first), !view.tokens[last].flags.contains(.allCaps), !view.has(last, .organizationHead) {
            return withRole(RawMention(tokens: range, type: .person, strength: 2), range)
        }
        // Cricket scorecards: "c Healy b McGrath", "lbw b Vaas", "st Moin b Mushtaq" name the
        // fielder and the bowler.
        if range.count <= 3, view.isAny(first - 1, ["b", "c", "st"]), !view.isCapitalized(first - 1), !view.isPunctuation(first - 2, UInt8(ascii: "(")),
            view.tokens[first].flags.contains(.capitalized)
        {
            return RawMention(tokens: range, type: .person, strength: 2)
        }
        if range.count >= 2, view.tokens[first].flags.contains(.hasDigit), view.tokens[first].flags.contains(.hyphenated) {
            return RawMention(tokens: range, type: .product, strength: 2)  // F-86 Sabre, CH-53 Sea Stallion
        }
        if range.count >= 2, view.is(last, "city") { return RawMention(tokens: range, type: .geopolitical, strength: 2) }
        if isTeamName(range) { return RawMention(tokens: range, type: .organization, strength: 2) }
        // "World War II", "Gulf War I": the numeral after the event's head.
        if range.count >= 3, isRomanNumeral(last), view.has(last - 1, .eventHead) { return RawMention(tokens: range, type: .event, strength: 3) }
        if range.count >= 2, view.has(first, .eventHead), view.is(first + 1, "of") {
            return RawMention(tokens: range, type: .event, strength: 3)  // Battle of Antietam, Siege of Petersburg
        }
        if range.count >= 2 || view.is(first - 1, "the") {
            if view.has(last, .organizationHead) { return withRole(RawMention(tokens: range, type: .organization, strength: 3), range) }
            if range.count >= 2, view.has(first, .organizationHead), view.is(first + 1, "of") {
                return withRole(RawMention(tokens: range, type: .organization, strength: 3), range)
            }
            if range.count >= 2, view.has(last, .locationHead) { return RawMention(tokens: range, type: .location, strength: 3) }
            if range.count >= 2, view.has(last, .facilityHead) { return RawMention(tokens: range, type: .facility, strength: 3) }
            if view.has(last, .eventHead), range.count >= 2 || view.is(last, "olympics") {
                return RawMention(tokens: range, type: .event, strength: 2)
            }
        }
        // "Western Australia", "South Jutland", "Greater Poland": a compass point before a
        // place names a region of it.
        if range.count >= 2, range.count <= 4, view.isAny(first, Self.regionPrefixes) {
            let rest = gazetteerType(first + 1..<range.upperBound, allowAmbiguousCities: true)
            if rest == .geopolitical || rest == .location { return RawMention(tokens: range, type: rest!, strength: 3) }
            if range.count == 2, !view.has(last, .firstName), !view.has(last, .common) || view.has(last, .locationHead) {
                return RawMention(tokens: range, type: .location, strength: 2)
            }
        }
        // "Procter & Gamble", "Merrill Lynch & Co": an ampersand joins a firm's name.
        if range.count >= 3, range.contains(where: { view.isPunctuation($0, UInt8(ascii: "&")) }) {
            return withRole(RawMention(tokens: range, type: .organization, strength: 2), range)
        }
        // "Deportivo Coruna", "Dynamo Kiev", "Banco Santander": the words clubs and banks are
        // named with make the name theirs.
        if range.count >= 2, view.isAny(first, Self.organizationFirstWords) {
            return RawMention(tokens: range, type: .organization, strength: 2)
        }
        // "Hurricane Edouard", "Typhoon Haiyan": a storm is an event.
        if range.count >= 2, view.isAny(first, ["hurricane", "typhoon", "cyclone", "storm"]) {
            return RawMention(tokens: range, type: .event, strength: 3)
        }
        // "Deutsche Telekom chairman Ron Sommer", "Likud party leader …": what a lower-case
        // title after a name heads is an organisation (a place stays a place: gazetteers
        // came first).
        if view.isWord(range.upperBound), !view.isCapitalized(range.upperBound),
            view.isAny(range.upperBound, ["chairman", "chairwoman", "chief", "spokesman", "spokeswoman", "spokesperson", "president", "director", "executive", "founder", "boss", "owner"]),
            view.isCapitalized(range.upperBound + 1) || view.isCapitalized(range.upperBound + 2) && view.tokens[range.upperBound + 1].kind == .word,
            !isFirstName(first) || range.count == 1
        {
            return RawMention(tokens: range, type: .organization, strength: 2)
        }
        // "Social Democrats", "Christian Democrats": a party's members named as a group.
        // (In the plural: "one New Hampshire Democrat" is a person described.)
        if range.count >= 2, range.count <= 3, view.has(last, .group), view.tokens[last].flags.contains(.capitalized), view.string(last).hasSuffix("s") {
            return RawMention(tokens: range, type: .norp, strength: 2)
        }
        // "the official INA news agency said", "the Kommersant newspaper": a name that heads a
        // lower-case kind of organisation is that organisation's.
        if view.isWord(range.upperBound), !view.isCapitalized(range.upperBound),
            view.isAny(range.upperBound, ["newspaper", "broadcaster", "agency", "tabloid", "magazine", "weekly", "television", "radio",
                                          "party", "coalition", "alliance", "movement", "faction", "bloc"])
                || view.is(range.upperBound, "news") && view.isAny(range.upperBound + 1, ["agency", "service", "channel", "network"])
        {
            return RawMention(tokens: range, type: .organization, strength: 2)
        }
        // "Hizbollah guerrillas", "Tamil Tiger rebels": a name before a lower-case armed group
        // names the organisation they belong to.
        if view.isWord(range.upperBound), !view.isCapitalized(range.upperBound), !isFirstName(first) || range.count == 1,
            view.isAny(range.upperBound, ["guerrillas", "rebels", "militants", "fighters", "militiamen", "gunmen", "militia", "supporters", "members", "activists"])
        {
            return RawMention(tokens: range, type: .organization, strength: 2)
        }
        if let role = lowerCaseRole(before: first) {
            // "the executive Commission", "the ruling Council": the head word says organisation.
            let organization = isOrganizationRole(role) || view.has(last, .organizationHead)
            var mention = RawMention(tokens: range, type: organization ? .organization : .person, strength: 3)
            mention.roleTokens = role
            return mention
        }
        // "France Telecom", "Telekom Austria"… a country then a word no list knows is a firm of
        // that country, though France and Jordan are first names too.
        if range.count == 2, !view.has(last, .common), !view.has(last, .firstName), !view.has(last, .surname), !isDemonym(last),
            isCountryOrState(first..<first + 1), gazetteerType(last..<last + 1, allowAmbiguousCities: false) == nil
        {
            return RawMention(tokens: range, type: .organization, strength: 1)
        }
        let firstIsName = view.has(first, .firstName) && view.tokens[first].flags.contains(.capitalized)
            && !view.tokens[first].flags.contains(.allCaps)
        if range.count >= 2, range.count <= 4, firstIsName, !view.has(last, .common) || view.has(last, .surname) {
            return withRole(RawMention(tokens: range, type: .person, strength: 3), range)
        }
        if range.count == 2, view.has(last, .surname), !view.has(first, .common) {
            return withRole(RawMention(tokens: range, type: .person, strength: 2), range)
        }
        let speechAfter = view.has(min(range.upperBound, view.count - 1), .speechVerb) && range.upperBound < view.count
        // "the central bank in Frankfurt said": the place is where, not who.
        if placeContext, range.count <= 3, view.lookup(lexicon.cities, range) != nil {
            return RawMention(tokens: range, type: .geopolitical, strength: 2)
        }
        // "Yeltsin, 65, is recovering": a name with an age after it is a person.
        if range.count <= 3, view.isPunctuation(range.upperBound, UInt8(ascii: ",")), let age = view.integerValue(range.upperBound + 1),
            age >= 16, age <= 110, view.tokens[range.upperBound + 1].length <= 3, view.isPunctuation(range.upperBound + 2, UInt8(ascii: ","))
        {
            return withRole(RawMention(tokens: range, type: .person, strength: 2), range)
        }
        if range.count == 1, view.tokens[first].flags.contains(.allCaps), view.tokens[first].length >= 2, view.tokens[first].length <= 6 {
            // Everyday abbreviations name no organisation: "GDP", "CEO", "TV", "AIDS".
            if view.isAny(first, Self.commonAbbreviations) { return RawMention(tokens: range, type: .product, strength: 0) }
            return RawMention(tokens: range, type: .organization, strength: 2)
        }
        // "Nyrstar is a Belgian mining company", "Bilka, a chain owned by …": what the sentence
        // calls the name says it is an organisation, whatever it does next ("Nyrstar said").
        if isDescribedAsOrganization(after: range.upperBound) {
            return RawMention(tokens: range, type: .organization, strength: 3)
        }
        // "Caloi shares fell": what has shares is a company.
        if !firstIsName, view.isAny(range.upperBound, ["shares", "stock"]), !view.tokens[range.upperBound].flags.contains(.capitalized) {
            return RawMention(tokens: range, type: .organization, strength: 2)
        }
        // "…, said Marieke de Vries": a speech verb right before the name credits a person.
        let speechBefore = view.has(first - 1, .speechVerb) && !view.isCapitalized(first - 1)
        if speechAfter && !placeContext || speechBefore || isPersonVerb(range.upperBound), range.count <= 4, !(range.count == 1 && view.has(first, .common) && !view.has(first, .surname)),
            !range.contains(where: { view.is($0, "of") })
        {
            return withRole(RawMention(tokens: range, type: .person, strength: 2), range)
        }
        // "Thomas Muster ( Austria )": a first name, then a country in brackets, is a player.
        if range.count >= 2, range.count <= 3, firstIsName, view.isPunctuation(range.upperBound, UInt8(ascii: "(")),
            range.upperBound + 2 < view.count, view.isPunctuation(range.upperBound + 2, UInt8(ascii: ")")) || view.isPunctuation(range.upperBound + 3, UInt8(ascii: ")")),
            isCountryOrState(range.upperBound + 1..<range.upperBound + 2) || gazetteerType(range.upperBound + 1..<range.upperBound + 2, allowAmbiguousCities: false) == .geopolitical
        {
            return withRole(RawMention(tokens: range, type: .person, strength: 2), range)
        }
        if range.count >= 2 {
            if range.contains(where: { view.tokens[$0].flags.contains(.allCaps) }) {
                return RawMention(tokens: range, type: .organization, strength: 1)
            }
            // Title Case made only of common words is the title of a work: "A Beautiful Lie".
            if range.allSatisfy({ isConnector($0) || view.has($0, .common) }) {
                return RawMention(tokens: range, type: .workOfArt, strength: 1)
            }
            // "Perth Glory", "Montreal Victorias", "Fremantle Dockers": a city no one is named
            // after, then a name that is no head word, is a club or a firm of that city.
            if range.count <= 3, !view.has(first, .firstName), !view.has(first, .surname), !isCountryOrState(first..<first + 1),
                gazetteerType(first..<first + 1, allowAmbiguousCities: false) == .geopolitical,
                !(first + 1..<range.upperBound).contains(where: { view.has($0, .title) || view.has($0, .locationHead) || view.has($0, .facilityHead) || view.has($0, .eventHead) })
            {
                return RawMention(tokens: range, type: .organization, strength: 1)
            }
            // Name particles (de, van, bin, al) belong in people's names; "of" does not.
            let looksLikeAPerson = range.count <= 4 && !range.contains { view.is($0, "of") } && range.allSatisfy {
                isConnector($0) || !view.has($0, .common) || view.has($0, .firstName) || view.has($0, .surname)
            }
            // After "in" a name is a place ("dealers in Sao Paulo"), after "at" an
            // organisation or a place; hardly a person.
            if placeContext, view.is(first - 1, "in") { return RawMention(tokens: range, type: .geopolitical, strength: 1) }
            return withRole(RawMention(tokens: range, type: looksLikeAPerson && !placeContext ? .person : .organization, strength: 1), range)
        }
        if isFirstName(first), !view.has(first, .common), speechAfter || view.isPunctuation(first + 1, UInt8(ascii: ",")) == false {
            return RawMention(tokens: range, type: .person, strength: 1)
        }
        if placeContext, !view.has(first, .common) {
            return RawMention(tokens: range, type: .geopolitical, strength: 1)
        }
        // "Aisby is a village in …", "Kenora, a town of 15,000,": what the sentence calls the
        // name says it is a place.
        if isDescribedAsTown(after: range.upperBound) {
            return RawMention(tokens: range, type: .geopolitical, strength: 2)
        }
        // "near Grantham, Lincolnshire,", "Sandpoint, Idaho.": a name set off by a comma after
        // a town is the region the town lies in.
        if isRegionAfterTown(first) {
            return RawMention(tokens: range, type: .geopolitical, strength: 1)
        }
        // Bundesbank, Commerzbank, Rabobank: a bank by its name.
        if !view.has(first, .common), view.tokens[first].length > 6, String(decoding: view.text(first).suffix(4), as: UTF8.self).lowercased() == "bank" {
            return RawMention(tokens: range, type: .organization, strength: 2)
        }
        // A lone capitalised word that is no common word, doing something ("Kowalczyk met",
        // "Putin has"), is in news most often a surname.
        if !view.has(first, .common), !view.tokens[first].flags.contains(.allCaps), !view.tokens[first].flags.contains(.hasDigit),
            isActionVerb(range.upperBound), !view.has(first - 1, .determiner)
        {
            return RawMention(tokens: range, type: .person, strength: 1)
        }
        // "Lebed , Yeltsin 's security chief , flew …": a name no list knows, with a person's
        // role in apposition, is that person.
        if !view.has(first, .common), !view.tokens[first].flags.contains(.allCaps) {
            let described = withRole(RawMention(tokens: range, type: .person, strength: 1), range)
            if let role = described.roleTokens, !isOrganizationRole(role) { return described }
        }
        // Unknown: typed later by what the rest of the article says about the same name.
        return RawMention(tokens: range, type: .product, strength: 0)
    }

    /// "Chicago Cubs", "New York Yankees", "West Coast Eagles": a place, then a plural
    /// nickname, is a team. Party members by their state ("Texas Republicans") are not.
    func isTeamName(_ range: Range<Int>) -> Bool {
        let last = range.upperBound - 1
        guard range.count >= 2, range.count <= 4, view.tokens[last].flags.contains(.capitalized), !view.tokens[last].flags.contains(.allCaps),
            !view.tokens[last].flags.contains(.possessive), !view.isAny(last, Self.notTeamNicknames),
            !view.has(last, .surname), !isFirstName(range.lowerBound)  // "Mary Jones" is no team
        else { return false }
        let word = view.text(last)
        guard word.count >= 4, word[word.count - 1] == UInt8(ascii: "s"), word[word.count - 2] != UInt8(ascii: "s"), !view.has(last, .demonym) else { return false }
        let place = range.lowerBound..<last
        if view.isAny(range.lowerBound, Self.regionPrefixes), place.count == 2 { return true }
        guard let type = gazetteerType(place, allowAmbiguousCities: true) else { return false }
        return type == .geopolitical || type == .location
    }

    /// Plurals that are no team's nickname after a place: a party's members ("Texas
    /// Republicans"), officials, landforms ("Victoria Falls"), and words that end other names.
    static let notTeamNicknames: [StaticString] = [
        "democrats", "republicans", "conservatives", "liberals", "socialists", "communists", "greens", "tories", "nationalists", "unionists",
        "officials", "authorities", "residents", "leaders", "voters", "forces", "troops", "police", "islands", "falls", "heights", "hills",
        "mountains", "lakes", "springs", "plains", "highlands", "lowlands", "isles", "keys", "states", "times", "news", "affairs", "studies", "games",
    ]

    /// After ", a …" or "is a …" following a name: where the words describing it may be.
    func descriptionWords(after index: Int) -> Range<Int>? {
        var next = index
        if view.isPunctuation(next, UInt8(ascii: ",")) || view.isAny(next, ["is", "was"]) { next += 1 } else { return nil }
        guard view.isAny(next, ["a", "an"]) else { return nil }
        return next + 1..<min(next + 5, view.count)
    }

    func isDescribedAsTown(after index: Int) -> Bool {
        guard let words = descriptionWords(after: index) else { return false }
        // A few lower-case words may describe it: "a small market town", "a former mining village".
        for candidate in words {
            guard view.tokens[candidate].kind == .word, !view.isCapitalized(candidate) else { return false }
            if view.isAny(candidate, Self.townNouns) { return true }
        }
        return false
    }

    /// ", a chain owned by", "is a Belgian mining company": an article, a few describing words
    /// (nationalities too), then the noun for an organisation heading its phrase.
    func isDescribedAsOrganization(after index: Int) -> Bool {
        guard let words = descriptionWords(after: index) else { return false }
        for candidate in words {
            guard view.tokens[candidate].kind == .word, !view.isCapitalized(candidate) || view.has(candidate, .demonym) else { return false }
            if view.isAny(candidate, Self.organizationNouns) {
                // The noun heads the phrase: "a party official" is a person.
                let after = candidate + 1
                return after >= view.count || view.tokens[after].kind != .word
                    || view.isAny(after, ["in", "of", "that", "which", "based", "owned", "with", "from", "for", "founded", "headquartered", "run", "and", "whose"])
            }
        }
        return false
    }

    static let organizationNouns: [StaticString] = [
        "company", "firm", "bank", "maker", "manufacturer", "producer", "retailer", "chain", "airline", "carrier", "insurer",
        "newspaper", "broadcaster", "conglomerate", "subsidiary", "brand", "startup", "supermarket", "brewery", "distributor",
        "publisher", "charity", "organisation", "organization", "association", "foundation", "institute", "university",
        "club", "band", "group", "corporation", "automaker", "carmaker", "miner", "utility", "lender", "exchange",
    ]

    static let townNouns: [StaticString] = [
        "village", "town", "city", "suburb", "hamlet", "municipality", "commune", "parish", "borough", "township", "county", "province",
        "seaport", "port", "settlement", "neighbourhood", "neighborhood",
    ]

    func isRegionAfterTown(_ index: Int) -> Bool {
        guard index >= 2, view.isPunctuation(index - 1, UInt8(ascii: ",")), !view.has(index, .common), !isFirstName(index),
            !view.tokens[index].flags.contains(.allCaps), !view.tokens[index].flags.contains(.possessive)
        else { return false }
        let next = index + 1
        guard next >= view.count || view.tokens[next].kind == .punctuation && (view.isPunctuation(next, UInt8(ascii: ",")) || view.isPunctuation(next, UInt8(ascii: "."))
            || view.isPunctuation(next, UInt8(ascii: ";")) || view.isPunctuation(next, UInt8(ascii: ")")))
        else { return false }
        let town = index - 2..<index - 1
        guard view.tokens[town.lowerBound].flags.contains(.capitalized) else { return false }
        // Any town the gazetteer knows will do before a word that names no one.
        return gazetteerType(town, allowAmbiguousCities: true) == .geopolitical
            || !view.has(index, .surname) && view.lookup(lexicon.cities, town) != nil
    }

    /// An appositive role after the name: "Xi Jinping, China’s leader," → "China’s leader".
    func withRole(_ mention: RawMention, _ range: Range<Int>) -> RawMention {
        var mention = mention
        guard mention.roleTokens == nil, view.isPunctuation(range.upperBound, UInt8(ascii: ",")) else { return mention }
        let start = range.upperBound + 1
        var end = start
        var sawTitle = false
        while end < view.count, end - start < 7 {
            let token = view.tokens[end]
            if token.kind == .punctuation || token.kind == .quote || token.kind == .dash { break }
            if token.kind == .word, !token.flags.contains(.capitalized), !token.flags.contains(.possessive),
                view.has(end, .title)
            {
                sawTitle = true
            }
            if view.has(end, .speechVerb) { return mention }
            end += 1
        }
        let closes = view.isPunctuation(end, UInt8(ascii: ",")) || view.isPunctuation(end, UInt8(ascii: "."))
        // The appositive names a role: it holds a title, and starts with a determiner or a
        // possessor ("China’s leader", "the former president"), not a verb.
        guard sawTitle, closes, end > start, view.has(start, .determiner) || view.isCapitalized(start) else { return mention }
        let roleStart = view.is(start, "the") || view.is(start, "a") || view.is(start, "an") ? start + 1 : start
        if roleStart < end { mention.roleTokens = roleStart..<end }
        return mention
    }

    /// Lower-case words right before a name that end in a title: "state broadcaster CCTV",
    /// "Chinese leader Xi" (the nationality is kept in the role).
    func lowerCaseRole(before index: Int) -> Range<Int>? {
        var start = index
        var sawTitle = false
        while start - 1 >= 0, index - start < 4 {
            let previous = start - 1
            let token = view.tokens[previous]
            guard token.kind == .word, !token.flags.contains(.capitalized), !token.flags.contains(.possessive) else { break }
            if view.has(previous, .determiner) || view.has(previous, .connector) || view.has(previous, .placePreposition) || view.isAny(previous, ["and", "or", "by", "with", "for", "as", "on", "than", "about", "against"])
            {
                break
            }
            if previous == index - 1 {
                guard view.has(previous, .title) else { return nil }
                sawTitle = true
            }
            start = previous
        }
        guard sawTitle else { return nil }
        // Keep a nationality just before: "Chinese leader".
        if start - 1 >= 0, isDemonym(start - 1) { start -= 1 }
        return start..<index
    }

    /// A lower-case verb that a person does in news: a speech verb, or one of the commonest.
    func isActionVerb(_ index: Int) -> Bool {
        guard index < view.count, view.tokens[index].kind == .word, !view.isCapitalized(index) else { return false }
        if view.has(index, .speechVerb) { return true }
        return view.isAny(index, ["met", "has", "had", "is", "was", "will", "would", "could", "should", "did", "does", "took", "made", "won", "lost", "spoke", "arrived", "left", "returned", "signed", "visited", "called", "wants", "wanted", "became", "joined", "led", "leads", "served", "ran", "runs", "died", "resigned", "faces", "faced", "plans", "planned", "hopes", "sought", "seeks", "urged", "ordered", "vowed", "refused", "met", "attended", "rejected", "accepted", "launched", "won", "scored", "defeated", "beat", "lives", "lived", "works", "worked", "may", "might", "must", "can", "cannot",
            "proposed", "agreed", "denied", "dismissed", "criticised", "criticized", "praised", "welcomed", "backed", "blamed",
            "accused", "appointed", "hopes", "thinks", "believes", "believed", "expects", "expected", "admitted", "promised"])
    }

    /// A lower-case verb that only people do: "Xi Jinping arrived", "Okafor smiled".
    func isPersonVerb(_ index: Int) -> Bool {
        guard index < view.count, view.tokens[index].kind == .word, !view.isCapitalized(index) else { return false }
        return view.isAny(index, ["spoke", "arrived", "died", "resigned", "smiled", "laughed", "shrugged", "nodded", "married", "wept", "sang", "testified", "recalled", "joked", "retired", "apologised", "apologized", "shook",
            // what only players do, in the sports pages
            "homered", "singled", "doubled", "tripled", "pitched", "birdied", "bogeyed", "eagled", "carded", "netted", "volleyed",
            "equalised", "equalized", "double-faulted", "batted", "bowled"])
    }

    func isOrganizationRole(_ role: Range<Int>) -> Bool {
        view.isAny(role.upperBound - 1, ["broadcaster", "newspaper", "agency", "network", "daily", "outlet", "company", "firm", "group", "party", "channel", "tabloid", "magazine", "giant", "maker", "carrier", "operator", "ministry", "regulator", "bank", "website"])
    }
}

extension TokenView {
    @inline(__always) static func isUpperASCII(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "A") < 26 }
}
