import Dispatch
import Locking

/// Every word list and gazetteer the engine consults, built once per process. Most lists
/// live only in `words` (as class bits); tables that carry data (a month's number, a
/// country's facts) or multi-word keys keep a `StaticTable` of their own.
///
/// Building is hashing the lines of the embedded literals in place (see `StaticTable`), a few
/// milliseconds; `Lexicon.shared` is created on first use, thread-safely.
public final class Lexicon: Sendable {
    public static let shared = Lexicon()

    /// Builds the gazetteers now, on a background thread, so that the first analysis does
    /// not wait for them.
    public static func prepare() {
        DispatchQueue.global(qos: .userInitiated).async { _ = shared }
    }

    let countries: StaticTable
    let cities: StaticTable
    let usStates = StaticTable(PlaceData.usStates)
    let continents = StaticTable(PlaceData.continents)

    let knownOrganizations = StaticTable(WordLists.knownOrganizations)
    let knownLocations = StaticTable(WordLists.knownLocations)
    let knownGeopoliticalEntities = StaticTable(WordLists.knownGeopoliticalEntities)
    let months = StaticTable(WordLists.months)
    let weekdays = StaticTable(WordLists.weekdays)
    let seasons = StaticTable(WordLists.seasons)
    let numberWords = StaticTable(WordLists.numberWords)

    /// Every known word with its classes as bits: common words, first names, surnames,
    /// proper nouns, and the members of each hand-written list.
    let words: WordTable

    /// Country alternates ("Russian Federation", "U.S.", "Britain") → `alias|entry` in
    /// `countries`; and demonyms ("Russian", "Russians") → the country's entry.
    let countryAliases: StaticTable
    let demonyms: [String: Int]
    /// Facts for each country, by its entry, made once.
    let countryFacts: [[Fact]]
    /// ISO 3166 alpha-2 code → the country's entry in `countries`.
    let countriesByCode: [String: Int]
    /// City facts as they are first asked for, by entry in `cities`.
    let cityFactCache = Locked<[Int: [Fact]]>([:])

    private init() {
        // The big word table and the place tables take most of the start-up time and do not
        // depend on each other: build the word table on a second core meanwhile.
        let wordsBuilt = DispatchSemaphore(value: 0)
        let wordsBox = Box<WordTable?>(nil)
        DispatchQueue.global(qos: .userInitiated).async {
            wordsBox.value = Lexicon.buildWordTable()
            wordsBuilt.signal()
        }
        cities = Lexicon.withASCIISpellings(PlaceData.cities)
        var aliases: [String: Int] = [:]
        var demonyms: [String: Int] = [:]
        var byCode: [String: Int] = [:]
        let countries = StaticTable(PlaceData.countries)
        self.countries = countries
        for entry in 0..<countries.count {
            let fields = countries.fields(of: entry)
            guard fields.count >= 11 else { continue }
            byCode[fields[1]] = entry
            // GeoNames lists "Thai" among Thailand's names: a nationality is not the country.
            let ownDemonyms = fields[9].split(whereSeparator: { $0 == "," || $0 == "/" })
            for alternate in fields[10].split(separator: ";") where aliases[String(alternate)] == nil && !ownDemonyms.contains(alternate) {
                aliases[String(alternate)] = entry
            }
            // Some countries have two ("Bosnian,Herzegovinian", "Serbian/Montenegrin").
            for demonym in fields[9].split(whereSeparator: { $0 == "," || $0 == "/" }) {
                Lexicon.addDemonym(String(demonym), entry: entry, to: &demonyms, countries: countries)
            }
        }
        // The adjectives and nouns news writes that GeoNames does not give: "Philippine
        // newspapers", "Argentine striker", "Saudi officials", "Serbs and Croats".
        for (demonym, country) in Lexicon.everydayDemonyms {
            if let entry = countries.entry(for: country) {
                Lexicon.addDemonym(demonym, entry: entry, to: &demonyms, countries: countries)
            }
        }
        wordsBuilt.wait()
        // Taken out of the box, so that adding to it does not copy its storage.
        var words = wordsBox.value.take()!
        // Everyday names for countries that GeoNames spells formally.
        for (alias, name) in [
            ("U.S.", "United States"), ("US", "United States"), ("USA", "United States"), ("U.S.A.", "United States"),
            ("America", "United States"), ("UK", "United Kingdom"), ("U.K.", "United Kingdom"), ("Britain", "United Kingdom"),
            ("Great Britain", "United Kingdom"), ("Holland", "Netherlands"), ("Burma", "Myanmar"), ("Czechia", "Czech Republic"), ("Trinidad", "Trinidad and Tobago"), ("Tobago", "Trinidad and Tobago"),
        ] where aliases[alias] == nil {
            if let entry = countries.entry(for: name) { aliases[alias] = entry }
        }
        let aliasLines = Array(aliases.map { "\($0.key)|\($0.value)" }.joined(separator: "\n").utf8)
        let aliasStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, aliasLines.count))
        aliasStorage.initialize(from: aliasLines, count: aliasLines.count)
        countryAliases = StaticTable(base: aliasStorage, count: aliasLines.count)
        self.demonyms = demonyms
        let countryTable = countries
        countryFacts = (0..<countryTable.count).map { Lexicon.facts(ofCountry: countryTable.fields(of: $0)) }
        words.add(words: Array(demonyms.keys), as: .demonym)
        self.words = words
        countriesByCode = byCode
    }

    static let everydayDemonyms: [(String, String)] = [
        ("Philippine", "Philippines"), ("Argentine", "Argentina"), ("Argentinian", "Argentina"), ("Saudi", "Saudi Arabia"),
        ("Kazakh", "Kazakhstan"), ("Uzbek", "Uzbekistan"), ("Tajik", "Tajikistan"), ("Kyrgyz", "Kyrgyzstan"),
        ("Slovenian", "Slovenia"), ("Slovakian", "Slovakia"), ("Icelandic", "Iceland"), ("Serb", "Serbia"), ("Croat", "Croatia"),
        ("Dane", "Denmark"), ("Swede", "Sweden"), ("Finn", "Finland"), ("Pole", "Poland"), ("Turk", "Turkey"),
        ("Spaniard", "Spain"), ("Ecuadorian", "Ecuador"), ("Belarussian", "Belarus"), ("Byelorussian", "Belarus"),
        ("Moldavian", "Moldova"), ("Nepali", "Nepal"), ("Azeri", "Azerbaijan"), ("Lao", "Laos"), ("Cape Verdean", "Cabo Verde"),
        ("Bosniak", "Bosnia and Herzegovina"), ("Scottish", "United Kingdom"), ("Welsh", "United Kingdom"),
        ("English", "United Kingdom"), ("Briton", "United Kingdom"), ("Dutchman", "The Netherlands"), ("Frenchman", "France"),
        ("Yugoslav", "Serbia and Montenegro"), ("Zairean", "Democratic Republic of the Congo"), ("Congolese", "Democratic Republic of the Congo"),
    ]

    /// Adds a demonym and, where English makes one with -s, its plural ("Russians"), unless
    /// that plural is a country's own name ("Philippines").
    static func addDemonym(_ demonym: String, entry: Int, to demonyms: inout [String: Int], countries: StaticTable) {
        guard !demonym.isEmpty, demonyms[demonym] == nil else { return }
        demonyms[demonym] = entry
        if !demonym.hasSuffix("s"), !demonym.hasSuffix("ese"), !demonym.hasSuffix("ish"), !demonym.hasSuffix("ch"),
            !demonym.hasSuffix("man"), countries.entry(for: demonym + "s") == nil
        {
            demonyms[demonym + "s"] = entry
        }
    }

    /// A table over `literal` plus, for each line whose key has accented Latin letters, the
    /// same line keyed by its ASCII spelling ("São Paulo" → "Sao Paulo", "Zürich" → "Zurich"):
    /// wire copy and older archives write place names without accents. The first spelling
    /// of a key wins, so an ASCII name GeoNames already has keeps its own line.
    static func withASCIISpellings(_ literal: StaticString) -> StaticTable {
        let base = literal.utf8Start
        let count = literal.utf8CodeUnitCount
        var extra: [UInt8] = []
        StaticTable.forEachLine(base, count) { start, keyEnd, end in
            var hasNonASCII = false
            for index in start..<keyEnd where base[index] >= 0x80 {
                hasNonASCII = true
                break
            }
            guard hasNonASCII, let folded = asciiFolded(UnsafeBufferPointer(start: base + start, count: keyEnd - start)) else { return }
            extra.append(0x0A)
            extra.append(contentsOf: folded)
            extra.append(contentsOf: UnsafeBufferPointer(start: base + keyEnd, count: end - keyEnd))
        }
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: count + extra.count)
        storage.initialize(from: base, count: count)
        (storage + count).initialize(from: extra, count: extra.count)
        return StaticTable(base: storage, count: count + extra.count)
    }

    /// Latin-1 and Latin Extended-A letters by their ASCII base letter (U+00C0… and U+0100…).
    private static let latin1Bases = Array("AAAAAAACEEEEIIIIDNOOOOO?OUUUUYTsaaaaaaaceeeeiiiidnooooo?ouuuuyty".utf8)
    private static let latinExtendedABases = Array("AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs".utf8)

    /// A name's ASCII spelling, or nil when it has a letter outside Latin-1 and Latin
    /// Extended-A (those names have no single ASCII spelling to guess).
    static func asciiFolded(_ key: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var result: [UInt8] = []
        result.reserveCapacity(key.count)
        var index = 0
        while index < key.count {
            let byte = key[index]
            if byte < 0x80 {
                result.append(byte)
                index += 1
                continue
            }
            guard byte & 0xE0 == 0xC0, index + 1 < key.count else { return nil }
            let scalar = (Int(byte & 0x1F) << 6) | Int(key[index + 1] & 0x3F)
            index += 2
            switch scalar {
            case 0xDF: result.append(contentsOf: [UInt8(ascii: "s"), UInt8(ascii: "s")])  // ß
            case 0xC6: result.append(contentsOf: [UInt8(ascii: "A"), UInt8(ascii: "E")])  // Æ
            case 0xE6: result.append(contentsOf: [UInt8(ascii: "a"), UInt8(ascii: "e")])  // æ
            case 0xC0..<0x100 where latin1Bases[scalar - 0xC0] != UInt8(ascii: "?"): result.append(latin1Bases[scalar - 0xC0])
            case 0x100..<0x180: result.append(latinExtendedABases[scalar - 0x100])
            default: return nil
            }
        }
        return result
    }

    /// Every known word with its classes; see `words`.
    static func buildWordTable() -> WordTable {
        var table = WordTable(capacity: 120_000)
        table.add(lines: LexiconData.commonWords, as: .common)
        table.add(lines: LexiconData.properNouns, as: .properNoun)
        table.add(lines: LexiconData.capitalisedCommonWords, as: .capitalizedCommon)
        table.add(firstNames: NameData.firstNames)
        table.add(lines: NameData.surnames, as: .surname)
        for (list, wordClass) in [
            (WordLists.honorifics, WordClass.honorific), (WordLists.titles, .title), (WordLists.organizationHeads, .organizationHead),
            (WordLists.locationHeads, .locationHead), (WordLists.facilityHeads, .facilityHead), (WordLists.eventHeads, .eventHead),
            (WordLists.otherSpeechVerbs, .speechVerb), (WordLists.reportingVerbs, WordClass.speechVerb.union(.reportingVerb)), (WordLists.months, .month), (WordLists.weekdays, .weekday),
            (WordLists.seasons, .season), (WordLists.numberWords, .numberWord), (WordLists.ordinalWords, .ordinal),
            (WordLists.currencyWords, .currency), (WordLists.units, .unit), (WordLists.groups, .group),
            (WordLists.functionWords, .functionWord),
        ] {
            table.add(lines: list, as: wordClass)
        }
        table.add(words: ["day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades", "century", "centuries", "weekend", "weekends"], as: .timeUnit)
        table.add(words: ["hour", "hours", "minute", "minutes", "second", "seconds"], as: .clockUnit)
        table.add(words: ["million", "billion", "trillion", "thousand", "hundred", "mln", "bln", "m", "bn"], as: .scale)
        table.add(words: ["of", "de", "del", "della", "da", "di", "du", "van", "von", "der", "den", "la", "le", "al", "bin", "ibn", "bint", "y", "dos", "das"], as: .connector)
        table.add(words: ["in", "at", "from", "near", "to", "into", "across", "outside", "inside", "throughout", "toward", "towards"], as: .placePreposition)
        table.add(words: ["the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these", "those"], as: .determiner)
        table.add(words: ["today", "yesterday", "tomorrow", "tonight", "noon", "midnight", "overnight", "last", "past", "previous", "next", "coming", "this", "current"], as: .relative)
        return table
    }

    // MARK: - Questions the recogniser asks, by bytes

    /// A lower-case English word ("the", "said"), whatever the case it is written in.
    public func isCommonWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool { words.classes(of: word).contains(.common) }

    /// A word that is both a common word and a name ("Bush", "May", "Rice").
    public func isCapitalizedCommonWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        words.classes(of: word).contains(.capitalizedCommon)
    }

    public func isSpeechVerb(_ word: UnsafeBufferPointer<UInt8>) -> Bool { words.classes(of: word).contains(.speechVerb) }

    static func facts(ofCountry fields: [String]) -> [Fact] {
        guard fields.count >= 9 else { return [] }
        var facts: [Fact] = []
        if !fields[2].isEmpty { facts.append(Fact("capital", String(fields[2]))) }
        if let population = Int(fields[3]), population > 0 { facts.append(Fact("population", String(population))) }
        if let area = Int(fields[4]), area > 0 { facts.append(Fact("areaKm2", String(area))) }
        if !fields[6].isEmpty { facts.append(Fact("currency", "\(fields[6]) (\(fields[5]))")) }
        let region = fields[8].isEmpty ? fields[7] : fields[8]
        if !region.isEmpty { facts.append(Fact("region", String(region))) }
        return facts
    }

}

/// Carries a value out of a closure that runs on another thread, which the caller joins
/// before reading it.
private final class Box<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
