import Foundation
import Testing
@testable import SyllabusKit

/// VTIMEZONE blocks are compared without their TZNAME lines, which
/// `zoneNamesFollowTheTzDatabase` checks on their own.
@Suite struct TimeZoneDefinitionTests {
    private func block(_ zone: String, _ firstYear: Int, _ lastYear: Int) -> [String] {
        var lines = ContentLines()
        TimeZoneDefinition(identifier: zone, firstYear: firstYear, lastYear: lastYear).write(to: &lines)
        return ContentLinesReader.unfold(lines.text)
    }

    private func withoutNames(_ lines: [String]) -> [String] {
        lines.filter { !$0.hasPrefix("TZNAME:") }
    }

    @Test func stockholmChangesOnTheLastSundaysOfMarchAndOctober() {
        #expect(withoutNames(block("Europe/Stockholm", 2019, 2021)) == [
            "BEGIN:VTIMEZONE", "TZID:Europe/Stockholm",
            "BEGIN:STANDARD", "DTSTART:20190101T000000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0100", "END:STANDARD",
            "BEGIN:DAYLIGHT", "DTSTART:20190331T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
            "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "END:DAYLIGHT",
            "BEGIN:STANDARD", "DTSTART:20191027T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "END:STANDARD",
            "END:VTIMEZONE",
        ])
    }

    @Test func newYorkChangesOnTheSecondSundayOfMarchAndFirstOfNovember() {
        #expect(withoutNames(block("America/New_York", 2020, 2022)) == [
            "BEGIN:VTIMEZONE", "TZID:America/New_York",
            "BEGIN:STANDARD", "DTSTART:20200101T000000", "TZOFFSETFROM:-0500", "TZOFFSETTO:-0500", "END:STANDARD",
            "BEGIN:DAYLIGHT", "DTSTART:20200308T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
            "TZOFFSETFROM:-0500", "TZOFFSETTO:-0400", "END:DAYLIGHT",
            "BEGIN:STANDARD", "DTSTART:20201101T020000", "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
            "TZOFFSETFROM:-0400", "TZOFFSETTO:-0500", "END:STANDARD",
            "END:VTIMEZONE",
        ])
    }

    @Test func sydneyStartsTheYearInSummerTime() {
        #expect(withoutNames(block("Australia/Sydney", 2020, 2022)) == [
            "BEGIN:VTIMEZONE", "TZID:Australia/Sydney",
            "BEGIN:DAYLIGHT", "DTSTART:20200101T000000", "TZOFFSETFROM:+1100", "TZOFFSETTO:+1100", "END:DAYLIGHT",
            "BEGIN:STANDARD", "DTSTART:20200405T030000", "RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU",
            "TZOFFSETFROM:+1100", "TZOFFSETTO:+1000", "END:STANDARD",
            "BEGIN:DAYLIGHT", "DTSTART:20201004T020000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU",
            "TZOFFSETFROM:+1000", "TZOFFSETTO:+1100", "END:DAYLIGHT",
            "END:VTIMEZONE",
        ])
    }

    @Test func tokyoHasOneStandardObservance() {
        #expect(withoutNames(block("Asia/Tokyo", 2019, 2021)) == [
            "BEGIN:VTIMEZONE", "TZID:Asia/Tokyo",
            "BEGIN:STANDARD", "DTSTART:20190101T000000", "TZOFFSETFROM:+0900", "TZOFFSETTO:+0900", "END:STANDARD",
            "END:VTIMEZONE",
        ])
    }

    @Test func halfHourOffsetsKeepTheirMinutes() {
        #expect(block("Asia/Kolkata", 2020, 2022).contains("TZOFFSETTO:+0530"))
    }

    @Test func aRuleThatEndsInsideTheWindowDoesNotRunOn() {
        // Moscow kept summer time for the last time in 2010 and moved to
        // permanent +04 in March 2011.
        let lines = withoutNames(block("Europe/Moscow", 2009, 2012))
        let rules = lines.filter { $0.hasPrefix("RRULE:") }
        #expect(!rules.isEmpty)
        #expect(rules.allSatisfy { $0.contains(";UNTIL=") })
        #expect(lines.contains("TZOFFSETTO:+0400"))
    }

    /// Replays the written VTIMEZONE (observances and their yearly rules)
    /// and checks every hour of the window against the tz database.
    @Test(arguments: ["Europe/Stockholm", "America/New_York", "Australia/Sydney", "Europe/London",
                      "America/Sao_Paulo", "Europe/Moscow", "Asia/Tokyo"])
    func agreesWithTheTzDatabaseAcrossTheWindow(_ zone: String) throws {
        let tz = try #require(TimeZone(identifier: zone))
        for (first, last) in [(2009, 2012), (2017, 2019), (2021, 2023)] {
            let onsets = try VTimezoneReplay.onsets(block(zone, first, last), lastYear: last)
            let start = try #require(CalendarDate(year: first, month: 1, day: 1)).dayNumber * 86_400
            let end = try #require(CalendarDate(year: last, month: 12, day: 31)).dayNumber * 86_400
            var wrong: [String] = []
            // The window opens at local midnight of 1 January, up to a day after 00:00 UTC.
            for instant in stride(from: start + 86_400, through: end, by: 1800) {
                let described = onsets.last { $0.instant <= instant }?.offset
                let actual = tz.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
                if described != actual { wrong.append(ICalendarTime.utc(epochSeconds: instant)) }
            }
            #expect(wrong.isEmpty, "\(zone) \(first)–\(last): wrong offset at \(wrong.prefix(3)) and \(max(0, wrong.count - 3)) more")
        }
    }

    @Test func yearlyRulesDescribeTheZoneNotJustTheWindow() {
        // For 2021–2023 the last Sundays of March fall on days 22–28; a 4SU
        // rule would fit the window but put 2024's change (31 March) on the 24th.
        let rules = block("Europe/Stockholm", 2021, 2023).filter { $0.hasPrefix("RRULE:") }
        #expect(rules == ["RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"])
    }

    @Test(arguments: [
        ("Europe/Stockholm", ["CET", "CEST", "CET"]),
        ("Europe/London", ["GMT", "BST", "GMT"]),
        ("America/New_York", ["EST", "EDT", "EST"]),
        ("Australia/Sydney", ["AEDT", "AEST", "AEDT"]),
        ("Asia/Tokyo", ["JST"]),
    ])
    func zoneNamesFollowTheTzDatabase(_ zone: String, _ names: [String]) {
        #expect(block(zone, 2020, 2022).filter { $0.hasPrefix("TZNAME:") } == names.map { "TZNAME:\($0)" })
    }
}

/// A small VTIMEZONE reader for the tests: the UTC instants at which each
/// observance starts, with the offset it sets.
enum VTimezoneReplay {
    struct Onset { let instant: Int; let offset: Int }
    struct Unreadable: Error { let line: String }

    static func onsets(_ lines: [String], lastYear: Int) throws -> [Onset] {
        var onsets: [Onset] = []
        var fields: [String: String] = [:]
        for line in lines {
            if line == "BEGIN:STANDARD" || line == "BEGIN:DAYLIGHT" { fields = [:]; continue }
            if line == "END:STANDARD" || line == "END:DAYLIGHT" {
                onsets += try expand(fields, lastYear: lastYear)
                continue
            }
            if let colon = line.firstIndex(of: ":") { fields[String(line[..<colon])] = String(line[line.index(after: colon)...]) }
        }
        return onsets.sorted { $0.instant < $1.instant }
    }

    private static func offset(_ text: String?) throws -> Int {
        guard let text, text.count == 5 || text.count == 7, let sign = text.first,
              let hours = Int(text.dropFirst().prefix(2)), let minutes = Int(text.dropFirst(3).prefix(2)) else {
            throw Unreadable(line: text ?? "(missing offset)")
        }
        let seconds = text.count == 7 ? Int(text.suffix(2)) ?? 0 : 0
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60 + seconds)
    }

    private static func expand(_ fields: [String: String], lastYear: Int) throws -> [Onset] {
        guard let start = fields["DTSTART"], start.count == 15,
              let date = CalendarDate(iso: "\(start.prefix(4))-\(start.dropFirst(4).prefix(2))-\(start.dropFirst(6).prefix(2))"),
              let hh = Int(start.dropFirst(9).prefix(2)), let mm = Int(start.dropFirst(11).prefix(2)),
              let ss = Int(start.dropFirst(13).prefix(2)) else { throw Unreadable(line: fields["DTSTART"] ?? "(no DTSTART)") }
        let from = try offset(fields["TZOFFSETFROM"]), to = try offset(fields["TZOFFSETTO"])
        let timeOfDay = hh * 3600 + mm * 60 + ss
        let first = date.dayNumber * 86_400 + timeOfDay - from
        guard let rule = fields["RRULE"] else { return [Onset(instant: first, offset: to)] }
        var parts: [String: String] = [:]
        for part in rule.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2 { parts[String(pair[0])] = String(pair[1]) }
        }
        guard parts["FREQ"] == "YEARLY", let month = parts["BYMONTH"].flatMap({ Int($0) }), let byDay = parts["BYDAY"],
              let weekday = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"].firstIndex(of: String(byDay.suffix(2))),
              let ordinal = Int(byDay.dropLast(2)) else { throw Unreadable(line: rule) }
        var until = Int.max
        if let text = parts["UNTIL"] {
            guard text.count == 16, let day = CalendarDate(iso: "\(text.prefix(4))-\(text.dropFirst(4).prefix(2))-\(text.dropFirst(6).prefix(2))"),
                  let h = Int(text.dropFirst(9).prefix(2)), let m = Int(text.dropFirst(11).prefix(2)), let s = Int(text.dropFirst(13).prefix(2))
            else { throw Unreadable(line: rule) }
            until = day.dayNumber * 86_400 + h * 3600 + m * 60 + s
        }
        var onsets: [Onset] = []
        for year in date.year...lastYear + 1 {
            let days = (1...CalendarDate.daysIn(month: month, year: year)).compactMap { CalendarDate(year: year, month: month, day: $0) }
                .filter { $0.isoWeekday == weekday + 1 }
            let day = ordinal > 0 ? days[ordinal - 1] : days[days.count + ordinal]
            let instant = day.dayNumber * 86_400 + timeOfDay - from
            if instant >= first, instant <= until { onsets.append(Onset(instant: instant, offset: to)) }
        }
        return onsets
    }
}
