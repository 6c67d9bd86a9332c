/// Every word list and gazetteer the engine consults, built once per process.
///
/// Building is hashing the lines of the embedded literals in place (see `StaticTable`), a few
/// milliseconds; `Lexicon.shared` is created on first use, thread-safely.
public final class Lexicon: Sendable {
    public static let shared = Lexicon()

    let countries = StaticTable(PlaceData.countries)
    let cities = StaticTable(PlaceData.cities)
    let usStates = StaticTable(PlaceData.usStates)
    let continents = StaticTable(PlaceData.continents)

    let honorifics = StaticTable(WordLists.honorifics)
    let titles = StaticTable(WordLists.titles)
    let organizationHeads = StaticTable(WordLists.organizationHeads)
    let locationHeads = StaticTable(WordLists.locationHeads)
    let facilityHeads = StaticTable(WordLists.facilityHeads)
    let eventHeads = StaticTable(WordLists.eventHeads)
    let knownOrganizations = StaticTable(WordLists.knownOrganizations)
    let knownLocations = StaticTable(WordLists.knownLocations)
    let knownGeopoliticalEntities = StaticTable(WordLists.knownGeopoliticalEntities)
    let groups = StaticTable(WordLists.groups)
    let speechVerbs = StaticTable(WordLists.speechVerbs)
    let months = StaticTable(WordLists.months)
    let weekdays = StaticTable(WordLists.weekdays)
    let seasons = StaticTable(WordLists.seasons)
    let numberWords = StaticTable(WordLists.numberWords)
    let ordinalWords = StaticTable(WordLists.ordinalWords)
    let currencyWords = StaticTable(WordLists.currencyWords)
    let units = StaticTable(WordLists.units)

    /// Every known word with its classes as bits: common words, first names, surnames,
    /// proper nouns, and the members of each hand-written list.
    let words: WordTable

    /// Country alternates ("Russian Federation") and demonyms ("Russian", "Russians") → the
    /// country's entry in `countries`.
    let countryAliases: [String: Int]
    let demonyms: [String: Int]
    /// ISO 3166 alpha-2 code → the country's entry in `countries`.
    let countriesByCode: [Substring: Int]

    private init() {
        var words = WordTable(capacity: 120_000)
        words.add(lines: LexiconData.commonWords, as: .common)
        words.add(lines: LexiconData.properNouns, as: .properNoun)
        words.add(lines: LexiconData.capitalisedCommonWords, as: .capitalizedCommon)
        words.add(lines: NameData.firstNames, as: .firstName)
        words.add(lines: NameData.surnames, as: .surname)
        for (list, wordClass) in [
            (WordLists.honorifics, WordClass.honorific), (WordLists.titles, .title), (WordLists.organizationHeads, .organizationHead),
            (WordLists.locationHeads, .locationHead), (WordLists.facilityHeads, .facilityHead), (WordLists.eventHeads, .eventHead),
            (WordLists.speechVerbs, .speechVerb), (WordLists.months, .month), (WordLists.weekdays, .weekday),
            (WordLists.seasons, .season), (WordLists.numberWords, .numberWord), (WordLists.ordinalWords, .ordinal),
            (WordLists.currencyWords, .currency), (WordLists.units, .unit), (WordLists.groups, .group),
        ] {
            words.add(lines: list, as: wordClass)
        }
        words.add(words: ["day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades", "century", "centuries", "weekend", "weekends"], as: .timeUnit)
        words.add(words: ["hour", "hours", "minute", "minutes", "second", "seconds"], as: .clockUnit)
        words.add(words: ["million", "billion", "trillion", "thousand", "hundred", "mln", "bln", "m", "bn"], as: .scale)
        words.add(words: ["of", "de", "del", "della", "da", "di", "du", "van", "von", "der", "den", "la", "le", "al", "bin", "ibn", "bint", "y", "dos", "das"], as: .connector)
        words.add(words: ["in", "at", "from", "near", "to", "into", "across", "outside", "inside", "throughout", "toward", "towards"], as: .placePreposition)
        words.add(words: ["the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these", "those"], as: .determiner)
        self.words = words
        var aliases: [String: Int] = [:]
        var demonyms: [String: Int] = [:]
        var byCode: [Substring: Int] = [:]
        for entry in 0..<countries.count {
            let fields = countries.fields(of: entry)
            guard fields.count >= 11 else { continue }
            byCode[fields[1]] = entry
            for alternate in fields[10].split(separator: ";") where aliases[String(alternate)] == nil {
                aliases[String(alternate)] = entry
            }
            let demonym = String(fields[9])
            if !demonym.isEmpty, demonyms[demonym] == nil {
                demonyms[demonym] = entry
                if !demonym.hasSuffix("s"), !demonym.hasSuffix("ese"), !demonym.hasSuffix("ish"), !demonym.hasSuffix("ch") {
                    demonyms[demonym + "s"] = entry
                }
            }
        }
        countryAliases = aliases
        self.demonyms = demonyms
        countriesByCode = byCode
    }

    // MARK: - Questions the recogniser asks, by bytes

    /// A lower-case English word ("the", "said"), whatever the case it is written in.
    public func isCommonWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool { words.classes(of: word).contains(.common) }

    /// A word that is both a common word and a name ("Bush", "May", "Rice").
    public func isCapitalizedCommonWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        words.classes(of: word).contains(.capitalizedCommon)
    }

    public func isSpeechVerb(_ word: UnsafeBufferPointer<UInt8>) -> Bool { words.classes(of: word).contains(.speechVerb) }

    public static let countryFieldNames = [
        "name", "iso", "capital", "population", "areaKm2", "currencyCode", "currencyName", "region", "subregion",
        "demonym", "alternates",
    ]
}
