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
struct TimeZoneDefinition {
    let identifier: String
    let firstYear: Int
    let lastYear: Int
    /// `CET`/`CEST` and the like, from the zone's tz database file; read
    /// only when the block is written (feeds share blocks through a cache).
    var abbreviations: [ZoneAbbreviations.Key: String] { ZoneAbbreviations.table(for: identifier) }

    struct Transition {
        let epochSeconds: Int
        let offsetBefore: Int
        let offsetAfter: Int
        let isDaylight: Bool
        let abbreviation: String

        /// Wall-clock time just before the change, as a VTIMEZONE `DTSTART` gives it.
        var localStart: (date: CalendarDate, seconds: Int) {
            let local = epochSeconds + offsetBefore
            let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
            return (CalendarDate(dayNumber: day), local - day * 86_400)
        }
    }

    /// Changes of offset or of daylight-saving state inside the window.
    func transitions(in zone: TimeZone, names: [ZoneAbbreviations.Key: String] = [:]) -> [Transition] {
        let start = Date(timeIntervalSince1970: TimeInterval(CalendarDate.dayNumber(year: firstYear, month: 1, day: 1) * 86_400 - 86_400))
        let end = Date(timeIntervalSince1970: TimeInterval(CalendarDate.dayNumber(year: lastYear, month: 12, day: 31) * 86_400 + 2 * 86_400))
        var found: [Transition] = []
        var cursor = start
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < end {
            let seconds = Int(next.timeIntervalSince1970.rounded())
            let before = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds - 1)))
            let after = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
            let daylight = zone.isDaylightSavingTime(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
            found.append(Transition(epochSeconds: seconds, offsetBefore: before, offsetAfter: after, isDaylight: daylight,
                                    abbreviation: abbreviation(zone, at: seconds, offset: after, names: names)))
            if next <= cursor { break }
            cursor = next
        }
        return found
    }

    private func abbreviation(_ zone: TimeZone, at seconds: Int, offset: Int, names: [ZoneAbbreviations.Key: String]) -> String {
        let instant = Date(timeIntervalSince1970: TimeInterval(seconds))
        let key = ZoneAbbreviations.Key(offset: offset, isDaylight: zone.isDaylightSavingTime(for: instant))
        if let name = names[key] { return name }
        let text = zone.abbreviation(for: instant) ?? ""
        if !text.isEmpty, !text.hasPrefix("GMT+"), !text.hasPrefix("GMT-") { return text }
        // Zones without a letter abbreviation: name the offset as tzdata does (+10, +0530).
        let hours = abs(offset) / 3600, minutes = abs(offset) % 3600 / 60
        return (offset < 0 ? "-" : "+") + pad(hours, 2) + (minutes == 0 ? "" : pad(minutes, 2))
    }

    /// The `BEGIN:VTIMEZONE … END:VTIMEZONE` block.
    func write(to lines: inout ContentLines) {
        guard let zone = TimeZone(identifier: identifier) else { return }
        let names = abbreviations
        let changes = transitions(in: zone, names: names)
        let windowStartDay = CalendarDate.dayNumber(year: firstYear, month: 1, day: 1)
        let windowStart = windowStartDay * 86_400
        let initialOffset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(windowStart)))
        let initialDaylight = zone.isDaylightSavingTime(for: Date(timeIntervalSince1970: TimeInterval(windowStart)))

        lines.append("BEGIN", "VTIMEZONE")
        lines.append("TZID", identifier)
        // The state in force when the window opens, at local midnight of 1 January.
        observance(&lines, daylight: initialDaylight,
                   start: ICalendarTime.local(CalendarDate(dayNumber: windowStartDay), TimeOfDay(hour: 0, minute: 0)!),
                   from: initialOffset, to: initialOffset,
                   name: abbreviation(zone, at: windowStart, offset: initialOffset, names: names), rule: nil)

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
