import Foundation
import Testing
@testable import SyllabusKit

/// The bounds that keep a hostile or mistyped file from crashing or stalling
/// a build (issue 11: dates, spans, template includes, YAML aliases). Each
/// case used to crash (SIGILL, SIGSEGV), hang, or say something wrong.
@Suite struct LimitTests {
    static func course(_ fields: String) -> String {
        "---\ntitle: X\n\(fields)\n---\n"
    }

    static func failures(_ files: [String: String]) throws -> [String] {
        let site = try TestSite(files)
        defer { site.remove() }
        return site.failures()
    }

    // MARK: Dates (item 6)

    @Test(arguments: [
        ("start: 9999-12-31", "9999-12-31"), ("start: 0001-01-01", "0001-01-01"),
        ("start: 9999-12-30\ntimezone: UTC", "9999-12-30"), ("start: 0000-01-01", "0000-01-01"),
        ("start: -001-01-01", "-001-01-01"), ("start: 10000-01-01", "10000-01-01"), ("start: 1899-12-31", "1899-12-31"),
    ])
    func yearsOutsideTheSupportedRangeAreNamed(_ fields: String, _ written: String) throws {
        #expect(try Self.failures(["content/courses/x.md": Self.course(fields)]) == [
            "content/courses/x.md:3:8: error: 'start': \(written) is outside the years Syllabus supports, 1900 to 2999; write a date such as 2020-05-25",
        ])
    }

    @Test func endOutsideTheRangeNamesEnd() throws {
        #expect(try Self.failures(["content/courses/x.md": Self.course("start: 2020-01-01\nend: 9999-12-31")]) == [
            "content/courses/x.md:4:6: error: 'end': 9999-12-31 is outside the years Syllabus supports, 1900 to 2999; write a date such as 2020-05-25",
        ])
    }

    /// The first and last supported days build, timed and all-day, in zones
    /// with and without daylight saving time, feeds and VTIMEZONE included.
    @Test(arguments: [
        "start: 2999-12-31", "start: 1900-01-01", "start: 2999-12-31\ntimezone: UTC",
        "start: 1900-01-01\ntimezone: America/New_York", "start: 2999-12-31\ntime: all-day",
    ])
    func theEdgesOfTheRangeBuild(_ fields: String) throws {
        let site = try TestSite(["content/courses/x.md": Self.course(fields)])
        defer { site.remove() }
        try site.build()
        #expect(try site.read("calendar.ics").contains("BEGIN:VEVENT"))
    }

    /// A VTIMEZONE window reaching past year 9999 or before year 1 used to
    /// force-unwrap a date that does not exist.
    @Test func zoneWindowsBeyondCalendarDatesDoNotTrap() {
        for (first, last) in [(0, 2), (9998, 10000), (-1, 1)] {
            var lines = ContentLines()
            TimeZoneDefinition(identifier: "Europe/Stockholm", firstYear: first, lastYear: last).write(to: &lines)
            #expect(lines.text.hasPrefix("BEGIN:VTIMEZONE"))
        }
    }

    // MARK: Span (item 14)

    @Test func aRunOfAYearAndADayIsRefusedAtEnd() throws {
        // 366 days, first and last counted: allowed.
        #expect(try Self.failures(["content/courses/x.md": Self.course("start: 2021-01-01\nend: 2022-01-01")]) == [])
        #expect(try Self.failures(["content/courses/x.md": Self.course("start: 2021-01-01\nend: 2022-01-02")]) == [
            "content/courses/x.md:4:6: error: 'end' 2022-01-02 makes a run of 367 days from 'start' 2021-01-01; a run lasts at most 366 days, so split a longer one into several runs",
        ])
        #expect(try Self.failures(["content/courses/x.md": Self.course("runs:\n  - {start: 2020-01-01, end: 2999-12-31}")]) == [
            "content/courses/x.md:4:30: error: 'runs[1].end' 2999-12-31 makes a run of 357938 days from 'start' 2020-01-01; a run lasts at most 366 days, so split a longer one into several runs",
        ])
    }

    @Test func aLeapYearLongRunBuilds() throws {
        #expect(try Self.failures(["content/courses/x.md": Self.course("start: 2020-01-01\nend: 2020-12-31")]) == [])
    }
}
