import Testing
@testable import SyllabusKit

@Suite struct SequenceLedgerTests {
    static let previousFeed = [
        "BEGIN:VCALENDAR", "VERSION:2.0",
        "BEGIN:VEVENT", "UID:otp-1@example.org", "DTSTAMP:20200520T184000Z", "SEQUENCE:2",
        "DTSTART;TZID=Europe/Stockholm:20200525T090000", "DTEND;TZID=Europe/Stockholm:20200525T170000",
        "RRULE:FREQ=DAILY;COUNT=3", "SUMMARY:OTP", "END:VEVENT",
        "BEGIN:VEVENT", "UID:a-very-long-course-slug-that-makes-the-uid-fold-over-two-lines-1@ex", " ample.org",
        "SEQUENCE:0", "DTSTART;VALUE=DATE:20200601", "DTEND;VALUE=DATE:20200602", "END:VEVENT",
        "END:VCALENDAR", "",
    ].joined(separator: "\r\n")

    static let otpSchedule = ["DTSTART;TZID=Europe/Stockholm:20200525T090000",
                              "DTEND;TZID=Europe/Stockholm:20200525T170000", "RRULE:FREQ=DAILY;COUNT=3"]

    static func ledger(_ feed: String) -> (ledger: SequenceLedger, log: DiagnosticLog) {
        var log = DiagnosticLog()
        let ledger = SequenceLedger(previousFeed: feed, path: "public/calendar.ics", log: &log)
        return (ledger, log)
    }

    static func feed(sequence: String) -> String {
        previousFeed.replacingOccurrences(of: "SEQUENCE:2\r\n", with: "SEQUENCE:\(sequence)\r\n")
    }

    /// A value an old or edited feed carries that RFC 5545 does not allow
    /// (or that would overflow) is ignored with a warning at its line: the
    /// event counts from 0, so a reschedule gives 1, never a trap, -4 or a
    /// silent reset.
    @Test(arguments: ["9223372036854775807", "-5", "1234567890123456789012345678901234567890", "2147483648", "two", "", " 3"])
    func outOfRangeSequenceIsIgnoredWithAWarning(_ value: String) {
        let (ledger, log) = Self.ledger(Self.feed(sequence: value))
        #expect(ledger.sequence(uid: "otp-1@example.org", schedule: Self.otpSchedule) == 0)
        #expect(ledger.sequence(uid: "otp-1@example.org", schedule: Array(Self.otpSchedule.prefix(2))) == 1)
        #expect(log.entries.map(\.location) == [SourceLocation(path: "public/calendar.ics", line: 6, column: 1)])
        #expect(log.entries.allSatisfy { $0.severity == .warning && $0.message.contains("SEQUENCE") && $0.message.contains("2147483647") })
    }

    /// The largest allowed value stays there on a reschedule instead of overflowing the integer.
    @Test func sequenceAtTheMaximumStaysThere() {
        let (ledger, log) = Self.ledger(Self.feed(sequence: "2147483647"))
        #expect(log.entries.isEmpty)
        #expect(ledger.sequence(uid: "otp-1@example.org", schedule: Array(Self.otpSchedule.prefix(2))) == 2147483647)
    }

    @Test func readsEveryEventOfACRLFFeed() {
        let ledger = Self.ledger(Self.previousFeed).ledger
        #expect(ledger.entries.keys.sorted() == [
            "a-very-long-course-slug-that-makes-the-uid-fold-over-two-lines-1@example.org", "otp-1@example.org",
        ])
    }

    @Test func unchangedScheduleKeepsItsSequence() {
        let ledger = Self.ledger(Self.previousFeed).ledger
        #expect(ledger.sequence(uid: "otp-1@example.org", schedule: Self.otpSchedule) == 2)
        // The order of the lines does not matter.
        #expect(ledger.sequence(uid: "otp-1@example.org", schedule: Self.otpSchedule.reversed()) == 2)
    }

    @Test(arguments: [
        ["DTSTART;TZID=Europe/Stockholm:20200526T090000", "DTEND;TZID=Europe/Stockholm:20200526T170000", "RRULE:FREQ=DAILY;COUNT=3"],
        ["DTSTART;TZID=Europe/Stockholm:20200525T100000", "DTEND;TZID=Europe/Stockholm:20200525T170000", "RRULE:FREQ=DAILY;COUNT=3"],
        ["DTSTART;TZID=Europe/London:20200525T090000", "DTEND;TZID=Europe/London:20200525T170000", "RRULE:FREQ=DAILY;COUNT=3"],
        ["DTSTART;TZID=Europe/Stockholm:20200525T090000", "DTEND;TZID=Europe/Stockholm:20200525T170000"],
    ])
    func changedScheduleIncrementsTheSequence(_ schedule: [String]) {
        let ledger = Self.ledger(Self.previousFeed).ledger
        #expect(ledger.sequence(uid: "otp-1@example.org", schedule: schedule) == 3)
    }

    @Test func newUIDStartsAtZero() {
        #expect(Self.ledger(Self.previousFeed).ledger.sequence(uid: "new-1@example.org", schedule: Self.otpSchedule) == 0)
        #expect(SequenceLedger().sequence(uid: "otp-1@example.org", schedule: Self.otpSchedule) == 0)
        #expect(Self.ledger("not a calendar").ledger.entries.isEmpty)
    }

    /// The whole loop: the feed already in the output folder decides SEQUENCE.
    @Test func rebuildsRaiseSequenceOnlyWhenARunChanges() throws {
        let course = "---\ntitle: OTP\nstart: 2020-05-25\nend: 2020-05-27\ntime: \"09:00-17:00\"\n---\n"
        let site = try TestSite(["content/courses/otp.md": course])
        defer { site.remove() }
        func sequences() throws -> [String] {
            try ContentLinesReader.unfold(site.read("calendar.ics")).filter { $0.hasPrefix("UID:") || $0.hasPrefix("SEQUENCE:") }
        }
        try site.build()
        #expect(try sequences() == ["UID:otp-1@example.org", "SEQUENCE:0"])
        try site.build()
        #expect(try sequences() == ["UID:otp-1@example.org", "SEQUENCE:0"])

        try site.write(course.replacingOccurrences(of: "09:00-17:00", with: "10:00-17:00"), to: "content/courses/otp.md")
        try site.build()
        #expect(try sequences() == ["UID:otp-1@example.org", "SEQUENCE:1"])
        #expect(try site.read("courses/otp/calendar.ics").contains("SEQUENCE:1\r\n"))

        try site.write("---\ntitle: BEAM\nstart: 2020-06-01\n---\n", to: "content/courses/beam.md")
        try site.build()
        #expect(try sequences() == ["UID:otp-1@example.org", "SEQUENCE:1", "UID:beam-1@example.org", "SEQUENCE:0"])

        try site.write(course.replacingOccurrences(of: "2020-05-27", with: "2020-05-28")
            .replacingOccurrences(of: "09:00-17:00", with: "10:00-17:00"), to: "content/courses/otp.md")
        try site.build()
        #expect(try sequences() == ["UID:otp-1@example.org", "SEQUENCE:2", "UID:beam-1@example.org", "SEQUENCE:0"])
    }
}
