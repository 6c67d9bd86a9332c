/// Anchors date expressions to the article's date, as a reader of that day would.
///
/// Values are written as TIMEX3 does: `2022-12-30`, `2022-12`, `2022`, `2022-W51` (an ISO
/// week), `2022-W51-WE` (its weekend), `2023-SP` (a season: SP, SU, FA, WI), `199X` (a
/// decade). A weekday is the most recent such day on or before the article's date, as news
/// uses it; a month and day without a year take the year that puts them nearest the
/// article's date; "in the spring" is the next spring. Durations ("10-month") are not points
/// in time and get no value.
public struct DateResolver: Sendable {
    public let anchor: ArticleDate

    public init(anchor: ArticleDate) { self.anchor = anchor }

    public func resolve(_ expression: TemporalExpression) -> String? {
        switch expression {
        case .calendar(let year, let month, let day):
            if let year, let month, let day { return ArticleDate(year: year, month: month, day: day)?.description }
            if let month, let day { return nearest(month: month, day: day)?.description }
            if let year, let month { return "\(pad(year, 4))-\(pad(month, 2))" }
            if let month {
                let date = nearest(month: month, day: 15) ?? anchor
                return "\(pad(date.year, 4))-\(pad(month, 2))"
            }
            return year.map { pad($0, 4) }
        case .weekday(let weekday):
            let today = CivilDay(anchor)
            let back = (today.isoWeekday - weekday + 7) % 7
            return (today + (-back)).date.description
        case .relativeDay(let offset):
            return (CivilDay(anchor) + offset).date.description
        case .relativeUnit(let unit, let offset):
            switch unit {
            case .week, .weekend:
                let day = CivilDay(anchor) + 7 * offset
                let week = day.isoWeek
                return "\(pad(week.year, 4))-W\(pad(week.week, 2))" + (unit == .weekend ? "-WE" : "")
            case .month:
                let total = anchor.year * 12 + (anchor.month - 1) + offset
                return "\(pad(total / 12, 4))-\(pad(total % 12 + 1, 2))"
            case .year:
                return pad(anchor.year + offset, 4)
            }
        case .season(let month, let offset):
            return season(startMonth: month, offset: offset)
        case .decade(let decade):
            return String(pad(decade, 4).prefix(3)) + "X"
        case .duration, .timeOfDay:
            return nil
        }
    }

    /// The date with this month and day nearest the anchor (last, this or next year).
    func nearest(month: Int, day: Int) -> ArticleDate? {
        let anchorDay = CivilDay(anchor).number
        return [anchor.year - 1, anchor.year, anchor.year + 1]
            .compactMap { ArticleDate(year: $0, month: month, day: min(day, ArticleDate.daysIn(month: month, year: $0))) }
            .min { abs(CivilDay($0).number - anchorDay) < abs(CivilDay($1).number - anchorDay) }
    }

    /// A season as `YYYY-SP`; the year of a winter is the year of its December. Without an
    /// offset ("in the spring") or with "this", the season under way or else the next one;
    /// "last" the latest that has begun and is over; "next" the first that starts later.
    func season(startMonth: Int, offset: Int?) -> String {
        let code = [3: "SP", 6: "SU", 9: "FA", 12: "WI"][startMonth] ?? "SP"
        let today = CivilDay(anchor).number
        let candidates = [anchor.year - 1, anchor.year, anchor.year + 1].map { year -> (year: Int, start: Int, end: Int) in
            let start = CivilDay(ArticleDate(year: year, month: startMonth, day: 1)!).number
            let endMonth = (startMonth + 2) % 12 + 1
            let endYear = startMonth + 3 > 12 ? year + 1 : year
            return (year, start, CivilDay(ArticleDate(year: endYear, month: endMonth, day: 1)!).number)
        }
        let current = candidates.first { $0.start <= today && today < $0.end }
        let next = candidates.first { $0.start > today }
        let year: Int?
        switch offset {
        case .some(let offset) where offset < 0: year = candidates.last { $0.end <= today }?.year
        case .some(let offset) where offset > 0: year = next?.year
        default: year = (current ?? next)?.year
        }
        return "\(pad(year ?? anchor.year, 4))-\(code)"
    }

    func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// A day as a count from 1970-01-01, for calendar arithmetic (Howard Hinnant's algorithms).
struct CivilDay {
    let number: Int

    init(number: Int) { self.number = number }

    init(_ date: ArticleDate) {
        let y = date.month <= 2 ? date.year - 1 : date.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = (date.month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + date.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        number = era * 146_097 + dayOfEra - 719_468
    }

    var date: ArticleDate {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return ArticleDate(year: year, month: month, day: day)!
    }

    /// Monday = 1 … Sunday = 7. 1970-01-01 was a Thursday.
    var isoWeekday: Int { ((number % 7 + 7) % 7 + 3) % 7 + 1 }

    /// The ISO 8601 week-numbering year and week.
    var isoWeek: (year: Int, week: Int) {
        let thursday = self + (4 - isoWeekday)
        let year = thursday.date.year
        let firstDay = CivilDay(ArticleDate(year: year, month: 1, day: 1)!)
        return (year, (thursday.number - firstDay.number) / 7 + 1)
    }

    static func + (day: CivilDay, offset: Int) -> CivilDay { CivilDay(number: day.number + offset) }
}
