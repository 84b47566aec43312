import Foundation
import Testing
@testable import SyllabusKit

@Suite struct SequenceLedgerTests {
    static let otpLines = ["DTSTART;TZID=Europe/Stockholm:20200525T090000", "DTEND;TZID=Europe/Stockholm:20200525T170000",
                           "SUMMARY:OTP\u{2028}for the seasoned", "STATUS:CONFIRMED"]

    static let previousFeed = ([
        "BEGIN:VCALENDAR", "VERSION:2.0",
        "BEGIN:VEVENT", "UID:otp-1@example.org", "DTSTAMP:20200520T184000Z", "SEQUENCE:2",
        "LAST-MODIFIED:20200101T000000Z",
    ] + otpLines + [
        "END:VEVENT",
        "BEGIN:VEVENT", "UID:a-very-long-course-slug-that-makes-the-uid-fold-over-two-lines-1@ex", " ample.org",
        "SEQUENCE:0", "DTSTART;VALUE=DATE:20200601", "DTEND;VALUE=DATE:20200602", "RRULE:FREQ=DAILY;COUNT=3", "END:VEVENT",
        "END:VCALENDAR", "",
    ]).joined(separator: "\r\n")

    /// 2020-05-20 18:40 UTC, minute 26,500,000 since 1970.
    static let now = 1_590_000_000

    static func ledger(_ feed: String = previousFeed) -> (SequenceLedger, DiagnosticLog) {
        var log = DiagnosticLog()
        return (SequenceLedger(previousFeed: feed, source: "calendar.ics", log: &log), log)
    }

    @Test func readsEveryEventOfACRLFFeed() {
        let (ledger, log) = Self.ledger()
        #expect(ledger.order == ["otp-1@example.org", "a-very-long-course-slug-that-makes-the-uid-fold-over-two-lines-1@example.org"])
        #expect(log.sorted.isEmpty)
        // An older feed's recurring event covers every day of its RRULE.
        let long = ledger.entries["a-very-long-course-slug-that-makes-the-uid-fold-over-two-lines-1@example.org"]
        #expect(long?.lastDay == CalendarDate(year: 2020, month: 6, day: 3))
    }

    /// U+2028 is a line break to Swift's `isNewline`, never to RFC 5545.
    @Test func aLineSeparatorInATitleIsNoLineBreak() {
        let (ledger, _) = Self.ledger()
        #expect(ledger.entries["otp-1@example.org"]?.lines == Self.otpLines)
        let stamp = ledger.stamp(uid: "otp-1@example.org", digest: SequenceLedger.digest(Self.otpLines), timestamp: Self.now)
        #expect(stamp == .init(sequence: 2, lastModified: "20200101T000000Z"))
    }

    @Test func aChangedEventGetsTheBuildMinute() {
        let (ledger, _) = Self.ledger()
        var changed = Self.otpLines
        changed[0] = "DTSTART;TZID=Europe/Stockholm:20200526T090000"
        let stamp = ledger.stamp(uid: "otp-1@example.org", digest: SequenceLedger.digest(changed), timestamp: Self.now)
        #expect(stamp == .init(sequence: 26_500_000, lastModified: "20200520T184000Z"))
        // Within the same minute as the previous build it still goes up by one.
        let early = ledger.stamp(uid: "otp-1@example.org", digest: SequenceLedger.digest(changed), timestamp: 60)
        #expect(early.sequence == 3)
    }

    /// RFC 5545's INTEGER is 32 bits: a change at the top stays there rather than overflow.
    @Test func aSequenceAtTheMaximumStaysThere() {
        let (ledger, _) = Self.ledger(Self.previousFeed.replacingOccurrences(of: "SEQUENCE:2\r\n", with: "SEQUENCE:2147483647\r\n"))
        #expect(ledger.stamp(uid: "otp-1@example.org", digest: 1, timestamp: Self.now).sequence == 2_147_483_647)
    }

    @Test func aNewEventOrAFreshFolderGetsTheBuildMinute() {
        let (ledger, _) = Self.ledger()
        #expect(ledger.stamp(uid: "new-1@example.org", digest: 1, timestamp: Self.now).sequence == 26_500_000)
        #expect(SequenceLedger().stamp(uid: "otp-1@example.org", digest: 1, timestamp: Self.now).sequence == 26_500_000)
        #expect(SequenceLedger().stamp(uid: "otp-1@example.org", digest: 1, timestamp: Self.now, settled: 600).sequence == 10)
        #expect(Self.ledger("not a calendar").0.entries.isEmpty)
    }

    @Test(arguments: ["-1", "99999999999999999999", "9223372036854775807", "2147483648", "two", "", " 3"])
    func aSequenceOutOfRangeIsIgnoredWithAWarning(_ written: String) {
        let (ledger, log) = Self.ledger(Self.previousFeed.replacingOccurrences(of: "SEQUENCE:2\r\n", with: "SEQUENCE:\(written)\r\n"))
        #expect(ledger.entries["otp-1@example.org"]?.sequence == nil)
        #expect(log.sorted.map(\.description) == [
            "calendar.ics:6:1: warning: SEQUENCE \"\(written)\" of the event at line 3 is not a number from 0 to 2147483647; it is ignored",
        ])
        #expect(ledger.stamp(uid: "otp-1@example.org", digest: SequenceLedger.digest(Self.otpLines), timestamp: Self.now).sequence == 26_500_000)
    }

    /// The whole loop: the feed already in the output folder decides SEQUENCE.
    @Test func rebuildsRaiseSequenceOnlyWhenARunChanges() throws {
        let course = "---\ntitle: OTP\nstart: 2020-05-25\nend: 2020-05-26\ntime: \"09:00-17:00\"\n---\n"
        let site = try TestSite(["content/courses/otp.md": course])
        defer { site.remove() }
        func sequences() throws -> [String] {
            try ContentLinesReader.unfold(site.read("calendar.ics")).filter { $0.hasPrefix("UID:") || $0.hasPrefix("SEQUENCE:") }
        }
        try site.build()
        let first = ["UID:otp-1@example.org", "SEQUENCE:26500000", "UID:otp-1.2@example.org", "SEQUENCE:26500000"]
        #expect(try sequences() == first)
        try site.build()
        #expect(try sequences() == first)

        try site.write(course.replacingOccurrences(of: "09:00-17:00", with: "10:00-17:00"), to: "content/courses/otp.md")
        try site.build()
        #expect(try sequences() == ["UID:otp-1@example.org", "SEQUENCE:26500001", "UID:otp-1.2@example.org", "SEQUENCE:26500001"])
        #expect(try site.read("courses/otp/calendar.ics").contains("SEQUENCE:26500001\r\n"))

        // Only the title changes: a visible change too.
        try site.write(course.replacingOccurrences(of: "09:00-17:00", with: "10:00-17:00")
            .replacingOccurrences(of: "title: OTP", with: "title: OTP in depth"), to: "content/courses/otp.md")
        try site.build()
        #expect(try sequences() == ["UID:otp-1@example.org", "SEQUENCE:26500002", "UID:otp-1.2@example.org", "SEQUENCE:26500002"])
    }
}

@Suite struct TombstoneTests {
    static let course = "---\ntitle: OTP\nstart: 2020-05-25\nend: 2020-05-27\ninstructors: [Ana Ng]\ntags: [Erlang]\n---\n"

    private func build(_ site: TestSite, at timestamp: Int) throws {
        var options = site.options()
        options.timestamp = timestamp
        try SiteBuilder.build(options)
    }

    private func events(_ site: TestSite, _ path: String) throws -> [[String]] {
        var events: [[String]] = [], current: [String]?
        for line in ContentLinesReader.unfold(try site.read(path)) {
            if line == "BEGIN:VEVENT" { current = [] } else if line == "END:VEVENT" { events.append(current!); current = nil } else { current?.append(line) }
        }
        return events
    }

    @Test func aRemovedCourseStaysCancelledInEveryFeedUntilItsLastDay() throws {
        let site = try TestSite(["content/courses/otp.md": Self.course, "content/courses/beam.md": "---\ntitle: BEAM\nstart: 2020-06-01\n---\n"])
        defer { site.remove() }
        try build(site, at: TestSite.timestamp)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/courses/otp.md"))
        try build(site, at: TestSite.timestamp + 600)
        for path in ["calendar.ics", "courses/otp/calendar.ics", "instructors/ana-ng/calendar.ics", "tags/erlang/calendar.ics"] {
            let cancelled = try events(site, path).filter { $0.contains("STATUS:CANCELLED") }
            #expect(cancelled.count == 3, "\(path)")
            #expect(cancelled.allSatisfy { $0.contains("SUMMARY:Cancelled: OTP") && $0.contains("SEQUENCE:26500010") })
        }
        // Unchanged on the next build, still there on the last day (2020-05-27 in Stockholm)...
        try build(site, at: 1_590_530_000) // 2020-05-26 22:53 UTC = 2020-05-27 00:53 in Stockholm
        #expect(try events(site, "calendar.ics").filter { $0.contains("STATUS:CANCELLED") }.allSatisfy { $0.contains("SEQUENCE:26500010") })
        #expect(try events(site, "courses/otp/calendar.ics").count == 3)
        // ...and gone the day after, with the feeds only the tombstones kept.
        try build(site, at: 1_590_620_000)
        #expect(try events(site, "calendar.ics").allSatisfy { !$0.contains("STATUS:CANCELLED") })
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("courses/otp/calendar.ics").path))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("instructors/ana-ng/calendar.ics").path))
    }

    @Test func aShorterRunLeavesItsDroppedDayCancelled() throws {
        let site = try TestSite(["content/courses/otp.md": Self.course])
        defer { site.remove() }
        try build(site, at: TestSite.timestamp)
        try site.write(Self.course.replacingOccurrences(of: "end: 2020-05-27", with: "end: 2020-05-26"), to: "content/courses/otp.md")
        try build(site, at: TestSite.timestamp + 60)
        let byUID = Dictionary(uniqueKeysWithValues: try events(site, "courses/otp/calendar.ics").map { ($0[0], $0) })
        #expect(byUID.keys.sorted() == ["UID:otp-1.2@example.org", "UID:otp-1.3@example.org", "UID:otp-1@example.org"])
        #expect(byUID["UID:otp-1.3@example.org"]!.contains("STATUS:CANCELLED"))
        #expect(byUID["UID:otp-1.2@example.org"]!.contains("STATUS:CONFIRMED"))
        // "Day 2 of 3" became "Day 2 of 2": visible, so raised too.
        #expect(byUID["UID:otp-1.2@example.org"]!.contains("SEQUENCE:26500001"))
        #expect(byUID["UID:otp-1.3@example.org"]!.contains("SEQUENCE:26500001"))
    }
}

@Suite struct EventIDTests {
    @Test(arguments: [
        ("otp-1@example.org", "otp", "otp-1", 1), ("otp-2.3@example.org", "otp", "otp-2", 3),
        ("otp-1-1@h", "otp-1", "otp-1-1", 1), ("otp.spring@h", "otp", "otp.spring", 1), ("otp.x-1.12@h", "otp", "otp.x-1", 12),
    ])
    func readsBackWhatItWrote(_ uid: String, _ course: String, _ run: String, _ day: Int) throws {
        let id = try #require(EventID(uid: uid))
        #expect((id.course, id.run, id.day) == (course, run, day))
        #expect(id.uid(host: String(uid.split(separator: "@")[1])) == uid)
    }

    @Test(arguments: ["otp@h", "otp.spring.x@h", "no-at-sign-1", "a.b.c.d@h", "otp-1.0@h"])
    func refusesOtherUIDs(_ uid: String) {
        #expect(EventID(uid: uid) == nil)
    }

    @Test func organizerNamesUseRFC6868Escapes() {
        #expect(FeedWriter.parameterValue("Ann \"The\" Trainer") == "Ann ^'The^' Trainer")
        #expect(FeedWriter.parameterValue("A^B\nC") == "A^^B^nC")
        #expect(FeedWriter.parameterValue("Kurse, Nord") == "\"Kurse, Nord\"")
    }
}
