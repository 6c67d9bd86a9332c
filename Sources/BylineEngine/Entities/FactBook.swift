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
        if let entry = lexicon.countries.entry(for: name) { return entry }
        guard let alias = lexicon.countryAliases.entry(for: name) else { return nil }
        return lexicon.countryAliases.integer(of: alias)
    }

    func countryFacts(_ name: String) -> [Fact]? {
        country(named: name).map { lexicon.countryFacts[$0] }
    }

    func stateFacts(_ name: String) -> [Fact]? {
        guard lexicon.usStates.entry(for: name) != nil else { return nil }
        return [Fact("country", "United States"), Fact("kind", "US state")]
    }

    func cityFacts(_ name: String) -> [Fact]? {
        guard let entry = lexicon.cities.entry(for: name) else { return nil }
        if let cached = lexicon.cityFactCache.withLock({ $0[entry] }) { return cached }
        let facts = makeCityFacts(entry)
        lexicon.cityFactCache.withLock { $0[entry] = facts }
        return facts
    }

    private func makeCityFacts(_ entry: Int) -> [Fact] {
        let fields = lexicon.cities.fields(of: entry)
        guard fields.count >= 7 else { return [] }
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
