/// Facts from the bundled GeoNames data for places and nationalities.
struct FactBook {
    let lexicon: Lexicon

    func facts(for entity: Entity, spellings: [String]) -> [Fact] {
        switch entity.type {
        case .geopolitical:
            for name in [entity.name] + spellings {
                if let facts = countryFacts(name) { return facts }
            }
            for name in [entity.name] + spellings {
                if let facts = stateFacts(name) ?? cityFacts(name) { return facts }
            }
            return []
        case .norp:
            for name in [entity.name] + spellings {
                if let entry = lexicon.demonyms[name] {
                    return [Fact("country", String(lexicon.countries.fields(of: entry)[0]))]
                }
            }
            return []
        default:
            return []
        }
    }

    func country(named name: String) -> Int? {
        lexicon.countries.entry(for: name) ?? lexicon.countryAliases[name] ?? commonCountryAlias(name)
    }

    /// Everyday names for countries that GeoNames spells formally.
    func commonCountryAlias(_ name: String) -> Int? {
        let aliases = ["U.S.": "United States", "US": "United States", "USA": "United States", "U.S.A.": "United States",
                       "America": "United States", "UK": "United Kingdom", "U.K.": "United Kingdom", "Britain": "United Kingdom",
                       "Great Britain": "United Kingdom", "Holland": "Netherlands", "Burma": "Myanmar", "Czechia": "Czech Republic",
                       "Ivory Coast": "Ivory Coast", "South Korea": "South Korea", "North Korea": "North Korea"]
        return aliases[name].flatMap { lexicon.countries.entry(for: $0) }
    }

    func countryFacts(_ name: String) -> [Fact]? {
        guard let entry = country(named: name) else { return nil }
        let fields = lexicon.countries.fields(of: entry)
        var facts: [Fact] = []
        if !fields[2].isEmpty { facts.append(Fact("capital", String(fields[2]))) }
        if let population = Int(fields[3]), population > 0 { facts.append(Fact("population", String(population))) }
        if let area = Int(fields[4]), area > 0 { facts.append(Fact("areaKm2", String(area))) }
        if !fields[6].isEmpty { facts.append(Fact("currency", "\(fields[6]) (\(fields[5]))")) }
        let region = fields[8].isEmpty ? fields[7] : fields[8]
        if !region.isEmpty { facts.append(Fact("region", String(region))) }
        return facts
    }

    func stateFacts(_ name: String) -> [Fact]? {
        guard lexicon.usStates.entry(for: name) != nil else { return nil }
        return [Fact("country", "United States"), Fact("kind", "US state")]
    }

    func cityFacts(_ name: String) -> [Fact]? {
        guard let entry = lexicon.cities.entry(for: name) else { return nil }
        let fields = lexicon.cities.fields(of: entry)
        guard fields.count >= 7 else { return nil }
        var facts: [Fact] = []
        if let countryEntry = lexicon.countriesByCode[fields[1]] {
            let country = lexicon.countries.fields(of: countryEntry)
            facts.append(Fact("country", String(country[0])))
            let region = fields[2].isEmpty ? (country[8].isEmpty ? country[7] : country[8]) : fields[2]
            if !region.isEmpty { facts.append(Fact("region", String(region))) }
        }
        if let population = Int(fields[3]) { facts.append(Fact("population", String(population))) }
        facts.append(Fact("coordinates", "\(fields[4]), \(fields[5])"))
        if fields[6] == "C" { facts.append(Fact("capital", "yes")) }
        return facts
    }
}
