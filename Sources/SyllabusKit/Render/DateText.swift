/// Dates in the words pages use, without a `DateFormatter` per call: the
/// catalog is English-first and formatting sits in the hottest loop.
enum DateText {
    static let months = ["January", "February", "March", "April", "May", "June", "July",
                         "August", "September", "October", "November", "December"]
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// `Wednesday 27 May 2020`
    static func long(_ date: CalendarDate) -> String {
        "\(weekdays[date.isoWeekday - 1]) \(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// `Wed 27 May`
    static func short(_ date: CalendarDate) -> String {
        "\(weekdays[date.isoWeekday - 1].prefix(3)) \(date.day) \(months[date.month - 1].prefix(3))"
    }

    /// `May 2020`
    static func month(year: Int, month: Int) -> String { "\(months[month - 1]) \(year)" }

    /// `25–27 May 2020`, `30 May – 2 June 2020`, `27 May 2020`.
    static func range(_ start: CalendarDate, _ end: CalendarDate) -> String {
        if start == end { return "\(start.day) \(months[start.month - 1]) \(start.year)" }
        if start.year == end.year, start.month == end.month {
            return "\(start.day)–\(end.day) \(months[end.month - 1]) \(end.year)"
        }
        if start.year == end.year {
            return "\(start.day) \(months[start.month - 1]) – \(end.day) \(months[end.month - 1]) \(end.year)"
        }
        return "\(start.day) \(months[start.month - 1]) \(start.year) – \(end.day) \(months[end.month - 1]) \(end.year)"
    }
}
