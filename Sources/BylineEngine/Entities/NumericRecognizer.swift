/// What a date or time expression says, before it is anchored to the article's date.
public enum TemporalExpression: Sendable, Hashable {
    /// A calendar date with the parts the text gives: "December 30, 2022", "December 30",
    /// "December 2022", "2022".
    case calendar(year: Int?, month: Int?, day: Int?)
    /// A weekday, ISO-numbered (Monday = 1).
    case weekday(Int)
    /// today (0), yesterday (-1), tomorrow (+1).
    case relativeDay(Int)
    /// last week (-1), this month (0), next year (+1).
    case relativeUnit(unit: CalendarUnit, offset: Int)
    /// A season by its first month; `offset` -1 for "last spring", +1 for "next spring", and
    /// nil for "in the spring", which news uses for the next one.
    case season(month: Int, offset: Int?)
    /// "the 1990s".
    case decade(Int)
    /// "10-month", "two years", "three hours": a length of time, not a point on the calendar.
    case duration
    /// A clock time or time of day: "10:30 a.m.", "noon", "tonight".
    case timeOfDay
}

public enum CalendarUnit: String, Sendable, Hashable { case week, month, year, weekend }

/// A recognised span of tokens, before entities are formed.
struct RawMention: Sendable {
    var tokens: Range<Int>
    var type: EntityType
    var temporal: TemporalExpression?
    /// How sure the recogniser is: 3 gazetteer or title evidence, 2 strong context, 1 a guess.
    var strength: Int = 2
    /// Lower-cased title words found right before a name ("russian president").
    var roleTokens: Range<Int>?
}

/// Dates, times, money, percentages, quantities, ordinals and cardinals: the entity types that
/// are patterns of numbers and closed-class words rather than names.
struct NumericRecognizer {
    let view: TokenView
    var lexicon: Lexicon { view.lexicon }


    func recognize(claimed: inout [Bool], in tokens: Range<Int>? = nil) -> [RawMention] {
        var mentions: [RawMention] = []
        let tokens = tokens ?? 0..<view.count
        var index = tokens.lowerBound
        while index < tokens.upperBound {
            if claimed[index] {
                index += 1
                continue
            }
            if let mention = match(at: index) {
                for claim in mention.tokens { claimed[claim] = true }
                mentions.append(mention)
                index = mention.tokens.upperBound
            } else {
                index += 1
            }
        }
        return mentions
    }

    private func isTimeUnit(_ index: Int) -> Bool { view.has(index, .timeUnit) }
    private func isScale(_ index: Int) -> Bool { view.has(index, .scale) }

    private func isCurrencySymbol(_ index: Int) -> Bool {
        guard index < view.count, view.tokens[index].kind == .symbol else { return false }
        let text = view.text(index)
        if text.count == 1 { return text[0] == UInt8(ascii: "$") }
        // € £ ¥ ₹ ₽ ₩ and other currency signs (U+20A0–U+20CF), and £/¥ in Latin-1.
        return (text.count == 3 && text[0] == 0xE2 && text[1] == 0x82) || (text.count == 2 && text[0] == 0xC2 && (text[1] == 0xA3 || text[1] == 0xA5))
    }

    /// The index after an optional scale word ("million") following `index`.
    private func afterScale(_ index: Int) -> Int {
        var next = index
        while next < view.count, isScale(next), !view.tokens[next].flags.contains(.startsSentence) { next += 1 }
        return next
    }

    private func match(at index: Int) -> RawMention? {
        let token = view.tokens[index]
        if isCurrencySymbol(index), index + 1 < view.count, view.tokens[index + 1].kind == .number {
            return RawMention(tokens: index..<afterScale(index + 2), type: .money)
        }
        if token.kind == .number { return number(at: index) }
        guard token.kind == .word else { return nil }
        let classes = view.classes[index]
        if classes.isEmpty { return nil }
        if classes.contains(.month), let month = view.payload(lexicon.months, index), let mention = monthDate(at: index, month: month) { return mention }
        // (A known organisation's last word is no day: "Sheffield Wednesday", a club in every
        // results table; nor is one before a head word: "The Sunday Times".)
        if classes.contains(.weekday), token.flags.contains(.capitalized) || token.flags.contains(.allCaps),
            index == 0 || view.lookup(lexicon.knownOrganizations, index - 1..<index + 1) == nil,
            !(view.has(index + 1, .organizationHead) && view.isCapitalized(index + 1)),
            let weekday = view.payload(lexicon.weekdays, index)
        {
            return RawMention(tokens: index..<index + 1, type: .date, temporal: .weekday(weekday))
        }
        if classes.contains(.relative) || classes.contains(.season), let relative = relative(at: index) { return relative }
        if classes.contains(.numberWord) { return numberWord(at: index) }
        if view.has(index, .ordinal), !view.is(index, "last"), !view.is(index, "second") || !isTimeUnit(index - 1) {
            return RawMention(tokens: index..<index + 1, type: .ordinal)
        }
        return nil
    }

    private func number(at index: Int) -> RawMention? {
        let text = view.text(index)
        let bytes = Array(text)
        // 1996-08-30
        if bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let date = ArticleDate(iso: String(decoding: bytes, as: UTF8.self))
        {
            return RawMention(tokens: index..<index + 1, type: .date, temporal: .calendar(year: date.year, month: date.month, day: date.day))
        }
        // 10:30 (a.m.)
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon <= 2, bytes.count - colon == 3 {
            var end = index + 1
            if view.isAny(end, ["a.m.", "p.m.", "am", "pm", "a.m", "p.m", "gmt", "utc", "et", "est", "edt", "pst", "cet"]) { end += 1 }
            return RawMention(tokens: index..<end, type: .time, temporal: .timeOfDay)
        }
        // 10-month, 5-year-old: a duration.
        if view.tokens[index].flags.contains(.hyphenated), let hyphen = bytes.firstIndex(of: UInt8(ascii: "-")) {
            let suffix = String(decoding: bytes[(hyphen + 1)...], as: UTF8.self).lowercased()
            let unit = suffix.split(separator: "-").first.map(String.init) ?? suffix
            if ["day", "week", "month", "year", "decade", "century", "days", "weeks", "months", "years"].contains(unit) {
                return RawMention(tokens: index..<index + 1, type: .date, temporal: .duration)
            }
            if ["hour", "minute", "second", "hours", "minutes"].contains(unit) {
                return RawMention(tokens: index..<index + 1, type: .time, temporal: .duration)
            }
        }
        // 1990s
        if bytes.count == 5, bytes[4] == UInt8(ascii: "s"), let decade = Int(String(decoding: bytes[0..<4], as: UTF8.self)), decade % 10 == 0 {
            return RawMention(tokens: (view.is(index - 1, "the") ? index - 1 : index)..<index + 1, type: .date, temporal: .decade(decade))
        }
        // 1st, 2nd, 23rd, 4th
        if bytes.count >= 3, let last = bytes.last, TokenView.isLetter(last) {
            let suffix = String(decoding: bytes.suffix(2), as: UTF8.self).lowercased()
            if ["st", "nd", "rd", "th"].contains(suffix) { return RawMention(tokens: index..<index + 1, type: .ordinal) }
        }
        let next = index + 1
        // 20%, 20 percent
        if view.isPunctuation(next, UInt8(ascii: "%")) || (next < view.count && view.text(next).elementsEqual("%".utf8)) {
            return RawMention(tokens: index..<next + 1, type: .percent)
        }
        if view.isAny(next, ["percent", "pct", "pct."]) { return RawMention(tokens: index..<next + 1, type: .percent) }
        if view.is(next, "per"), view.is(next + 1, "cent") { return RawMention(tokens: index..<next + 2, type: .percent) }
        // Day before month: 30 December 2022
        if let value = view.integerValue(index), (1...31).contains(value), view.has(next, .month), let month = view.payload(lexicon.months, next),
            view.isCapitalized(next)
        {
            var end = next + 1
            var year: Int?
            if let y = view.integerValue(end), (1000...2999).contains(y) {
                year = y
                end += 1
            }
            return RawMention(tokens: index..<end, type: .date, temporal: .calendar(year: year, month: month, day: value))
        }
        let afterScales = afterScale(next)
        // ("136 Mark McNulty": a golfer's score, then his name; a capitalised currency word
        // before another capitalised word begins a name.)
        if view.has(afterScales, .currency), !view.isCapitalized(afterScales) || view.tokens[afterScales].flags.contains(.allCaps) == false,
            !(view.isCapitalized(afterScales) && view.isWord(afterScales + 1) && view.isCapitalized(afterScales + 1))
        {
            return RawMention(tokens: index..<afterScales + 1, type: .money)
        }
        if view.has(afterScales, .unit) {
            var end = afterScales + 1
            if view.isAny(afterScales, ["square", "cubic", "sq"]), view.has(end, .unit) { end += 1 }
            return RawMention(tokens: index..<end, type: .quantity)
        }
        if isTimeUnit(next) {
            return RawMention(tokens: index..<next + 1, type: .date, temporal: .duration)
        }
        if view.has(next, .clockUnit) {
            return RawMention(tokens: index..<next + 1, type: .time, temporal: .duration)
        }
        if let value = view.integerValue(index), bytes.count == 4, (1800...2100).contains(value), isYearContext(index) {
            return RawMention(tokens: index..<index + 1, type: .date, temporal: .calendar(year: value, month: nil, day: nil))
        }
        return RawMention(tokens: index..<afterScales, type: .cardinal)
    }

    /// A four-digit number is a year after a preposition or before punctuation, not "2000 people".
    private func isYearContext(_ index: Int) -> Bool {
        if view.isAny(index - 1, ["in", "since", "by", "until", "till", "from", "of", "during", "before", "after", "through", "to", "and", "early", "late", "mid", "between"]) {
            return true
        }
        let next = index + 1
        return next >= view.count || view.tokens[next].kind == .punctuation || view.tokens[next].kind == .quote
            || view.tokens[next].flags.contains(.startsSentence) || view.tokens[next].flags.contains(.possessive)
    }

    /// "December 30, 2022", "Dec. 30", "December 2022", "in May".
    private func monthDate(at index: Int, month: Int) -> RawMention? {
        guard view.isCapitalized(index) || view.tokens[index].flags.contains(.allCaps) else { return nil }
        var end = index + 1
        var day: Int?
        var year: Int?
        if let value = view.integerValue(end), (1...31).contains(value), view.text(end).count <= 2 {
            day = value
            end += 1
        } else if end < view.count, view.tokens[end].kind == .number, let value = Self.ordinalDay(view.text(end)) {
            day = value
            end += 1
        }
        if view.isPunctuation(end, UInt8(ascii: ",")), let value = view.integerValue(end + 1), (1000...2999).contains(value), day != nil {
            year = value
            end += 2
        } else if let value = view.integerValue(end), (1000...2999).contains(value), view.text(end).count == 4 {
            year = value
            end += 1
        }
        if day == nil, year == nil {
            // A bare month name is a date only when it cannot be the verb or the name:
            // "in May", "since March", "early June".
            let ambiguous = view.is(index, "may") || view.is(index, "march") || view.is(index, "august") || view.is(index, "june")
            let cue = view.isAny(index - 1, ["in", "since", "by", "until", "till", "from", "during", "early", "late", "mid", "last", "next", "this", "of", "before", "after", "through"])
            if ambiguous && !cue { return nil }
            // "Jan Smit", "April Ryan", "June Carter": a month name before a capitalised word
            // is a given name.
            if end < view.count, view.tokens[end].kind == .word, view.isCapitalized(end), !view.has(end, .month),
                !view.tokens[end].flags.contains(.startsSentence)
            {
                return nil
            }
            if !cue, view.tokens[index].flags.contains(.startsSentence) { return nil }
        }
        var start = index
        if view.isAny(index - 1, ["early", "late", "mid", "last", "next", "this"]) { start = index - 1 }
        return RawMention(tokens: start..<end, type: .date, temporal: .calendar(year: year, month: month, day: day))
    }

    static func ordinalDay(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        let string = String(decoding: text, as: UTF8.self).lowercased()
        for suffix in ["st", "nd", "rd", "th"] where string.hasSuffix(suffix) {
            if let value = Int(string.dropLast(2)), (1...31).contains(value) { return value }
        }
        return nil
    }

    /// today, yesterday, last week, this month, next year, in the spring, tonight, noon.
    private func relative(at index: Int) -> RawMention? {
        if view.is(index, "today") { return RawMention(tokens: index..<index + 1, type: .date, temporal: .relativeDay(0)) }
        if view.is(index, "yesterday") { return RawMention(tokens: index..<index + 1, type: .date, temporal: .relativeDay(-1)) }
        if view.is(index, "tomorrow") { return RawMention(tokens: index..<index + 1, type: .date, temporal: .relativeDay(1)) }
        if view.isAny(index, ["tonight", "noon", "midnight", "overnight"]) {
            return RawMention(tokens: index..<index + 1, type: .time, temporal: .timeOfDay)
        }
        let offset: Int? =
            view.isAny(index, ["last", "past", "previous"]) ? -1
            : view.isAny(index, ["next", "coming"]) ? 1 : view.isAny(index, ["this", "current"]) ? 0 : nil
        if let offset {
            let unitIndex = index + 1
            let unit: CalendarUnit? =
                view.is(unitIndex, "week") ? .week : view.is(unitIndex, "month") ? .month
                : view.is(unitIndex, "year") ? .year : view.is(unitIndex, "weekend") ? .weekend : nil
            if let unit {
                var start = index
                if view.is(index - 1, "the"), offset != 0 { start = index - 1 }
                return RawMention(tokens: start..<unitIndex + 1, type: .date, temporal: .relativeUnit(unit: unit, offset: offset))
            }
            if view.has(unitIndex, .season), let month = view.payload(lexicon.seasons, unitIndex) {
                return RawMention(tokens: index..<unitIndex + 1, type: .date, temporal: .season(month: month, offset: offset))
            }
            if view.isAny(unitIndex, ["morning", "afternoon", "evening", "night"]), offset == 0 {
                return RawMention(tokens: index..<unitIndex + 1, type: .time, temporal: .timeOfDay)
            }
        }
        // "in the spring", "in spring"
        if view.has(index, .season), let month = view.payload(lexicon.seasons, index), !view.isCapitalized(index) || view.tokens[index].flags.contains(.startsSentence) {
            let hasThe = view.is(index - 1, "the")
            let inIndex = hasThe ? index - 2 : index - 1
            if view.is(inIndex, "in") || view.is(inIndex, "by") || view.is(inIndex, "until") {
                return RawMention(tokens: (hasThe ? index - 1 : index)..<index + 1, type: .date, temporal: .season(month: month, offset: nil))
            }
        }
        return nil
    }

    /// "three million", "two years", "five percent", "ten miles".
    private func numberWord(at index: Int) -> RawMention? {
        // "one" alone is too often a pronoun to call a number.
        if view.is(index, "one"), !isScale(index + 1), !isTimeUnit(index + 1), !view.has(index + 1, .clockUnit) {
            return nil
        }
        if view.isAny(index, ["hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions", "dozen", "dozens"]),
            !view.is(index - 1, "a")
        {
            return nil
        }
        var end = index + 1
        while end < view.count, view.has(end, .numberWord) || view.is(end, "and") && view.has(end + 1, .numberWord) {
            end += 1
        }
        let start = view.is(index - 1, "a") && view.isAny(index, ["hundred", "thousand", "million", "billion", "dozen"]) ? index - 1 : index
        if view.isAny(end, ["percent", "pct"]) { return RawMention(tokens: start..<end + 1, type: .percent) }
        if view.has(end, .currency) { return RawMention(tokens: start..<end + 1, type: .money) }
        if view.has(end, .unit) { return RawMention(tokens: start..<end + 1, type: .quantity) }
        if isTimeUnit(end) { return RawMention(tokens: start..<end + 1, type: .date, temporal: .duration) }
        if view.has(end, .clockUnit) { return RawMention(tokens: start..<end + 1, type: .time, temporal: .duration) }
        return RawMention(tokens: start..<end, type: .cardinal)
    }
}

extension TokenView {
    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- UInt8(ascii: "a") < 26 }
}
