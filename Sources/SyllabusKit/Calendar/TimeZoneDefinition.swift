import Foundation

/// A `VTIMEZONE` built from the tz database on this machine, correct over a
/// window of years around the events that use it.
///
/// Where the zone's changes in the window follow a yearly rule (the same
/// month, weekday, week and local time every year), each kind of change is
/// one component with a yearly `RRULE`, the compact form Outlook exports.
/// Otherwise every change is listed with its own `DTSTART`. The state at the
/// start of the window is stated explicitly, so no instant in the window
/// depends on how a client extrapolates backwards.
struct TimeZoneDefinition: Sendable {
    let identifier: String
    let firstYear: Int
    let lastYear: Int
    /// Where offsets, changes and abbreviations (`CET`/`CEST`) come from.
    var database: TZDatabase = .system

    struct Transition {
        let epochSeconds: Int
        let offsetBefore: Int
        let offsetAfter: Int
        let isDaylight: Bool
        let abbreviation: String

        /// Wall-clock time just before the change, as a VTIMEZONE `DTSTART` gives it.
        var localStart: (date: CalendarDate, seconds: Int) {
            let local = epochSeconds + offsetBefore
            let day = floorDiv(local, 86_400)
            return (CalendarDate(dayNumber: day), local - day * 86_400)
        }
    }

    private var windowStart: Int { CalendarDate.dayNumber(year: firstYear, month: 1, day: 1) * 86_400 }

    /// Changes of offset or of daylight-saving state inside the window.
    func transitions(in rules: ZoneRules) -> [Transition] {
        let start = windowStart - 86_400
        let end = CalendarDate.dayNumber(year: lastYear, month: 12, day: 31) * 86_400 + 2 * 86_400
        return rules.changes(from: start, to: end).map { change in
            Transition(epochSeconds: change.epochSeconds, offsetBefore: change.offsetBefore, offsetAfter: change.after.offset,
                       isDaylight: change.after.isDaylight, abbreviation: Self.name(change.after))
        }
    }

    private static func name(_ type: TZif.LocalTimeType) -> String {
        type.abbreviation.isEmpty || type.abbreviation == "LMT" ? ZoneRules.offsetName(type.offset) : type.abbreviation
    }

    /// The `BEGIN:VTIMEZONE … END:VTIMEZONE` block.
    func write(to lines: inout ContentLines) {
        guard let rules = database.rules(for: identifier) else { return }
        let changes = transitions(in: rules)
        let windowStartDay = CalendarDate.dayNumber(year: firstYear, month: 1, day: 1)
        let initial = rules.type(at: windowStart)

        lines.append("BEGIN", "VTIMEZONE")
        lines.append("TZID", identifier)
        // The state in force when the window opens, at local midnight of 1 January.
        observance(&lines, daylight: initial.isDaylight,
                   start: ICalendarTime.local(CalendarDate(dayNumber: windowStartDay), TimeOfDay(hour: 0, minute: 0)!),
                   from: initial.offset, to: initial.offset, name: Self.name(initial), rule: nil)

        var groups: [String: [Transition]] = [:]
        var order: [String] = []
        for change in changes {
            let key = "\(change.isDaylight)|\(change.offsetBefore)|\(change.offsetAfter)|\(change.abbreviation)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(change)
        }
        for key in order {
            let group = groups[key]!
            if let rule = yearlyRule(for: group) {
                write(group[0], rule: rule, to: &lines)
            } else {
                for change in group { write(change, rule: nil, to: &lines) }
            }
        }
        lines.append("END", "VTIMEZONE")
    }

    private func write(_ change: Transition, rule: String?, to lines: inout ContentLines) {
        observance(&lines, daylight: change.isDaylight,
                   start: ICalendarTime.wallClock(epochSeconds: change.epochSeconds, offset: change.offsetBefore),
                   from: change.offsetBefore, to: change.offsetAfter, name: change.abbreviation, rule: rule)
    }

    private func observance(_ lines: inout ContentLines, daylight: Bool, start: String, from: Int, to: Int, name: String, rule: String?) {
        let kind = daylight ? "DAYLIGHT" : "STANDARD"
        lines.append("BEGIN", kind)
        lines.append("DTSTART", start)
        if let rule { lines.append("RRULE", rule) }
        lines.append("TZOFFSETFROM", ICalendarTime.offset(from))
        lines.append("TZOFFSETTO", ICalendarTime.offset(to))
        if !name.isEmpty { lines.appendText("TZNAME", name) }
        lines.append("END", kind)
    }

    /// `FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU` when every change of the group falls
    /// on the same weekday of the same week of the same month at the same
    /// local time, once a year without gaps; otherwise `nil`.
    func yearlyRule(for group: [Transition]) -> String? {
        guard group.count >= 2 else { return nil }
        let starts = group.map(\.localStart)
        let first = starts[0]
        for (offset, start) in starts.enumerated() {
            guard start.date.year == first.date.year + offset,
                  start.date.month == first.date.month,
                  start.seconds == first.seconds,
                  start.date.isoWeekday == first.date.isoWeekday else { return nil }
        }
        let weekdayCode = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][first.date.isoWeekday - 1]
        let isLast = starts.allSatisfy { $0.date.day + 7 > CalendarDate.daysIn(month: $0.date.month, year: $0.date.year) }
        let week = (first.date.day - 1) / 7 + 1
        let sameWeek = starts.allSatisfy { ($0.date.day - 1) / 7 + 1 == week }
        let byDay: String
        // "Last Sunday" first: in a few consecutive years the last Sunday of
        // March can always be the 4th, but a 4SU rule would be wrong later.
        if isLast {
            byDay = "-1\(weekdayCode)"
        } else if sameWeek && week <= 4 {
            byDay = "\(week)\(weekdayCode)"
        } else {
            return nil
        }
        var rule = "FREQ=YEARLY;BYMONTH=\(first.date.month);BYDAY=\(byDay)"
        // A rule that stopped inside the window must not run on past it.
        if starts.last!.date.year < lastYear {
            rule += ";UNTIL=" + ICalendarTime.utc(epochSeconds: group.last!.epochSeconds)
        }
        return rule
    }
}
