import Testing
@testable import SyllabusKit

@Suite struct BuildDateTests {
    // 2020-05-24T22:30:00Z: still the 24th in UTC, already the 25th in Stockholm (UTC+2).
    let lateEvening = 1_590_359_400

    @Test func dateIsTakenInTheSiteZone() {
        #expect(BuildDate(epochSeconds: lateEvening, timezone: "UTC").today.iso == "2020-05-24")
        #expect(BuildDate(epochSeconds: lateEvening, timezone: "Europe/Stockholm").today.iso == "2020-05-25")
        #expect(BuildDate(epochSeconds: lateEvening, timezone: "America/New_York").today.iso == "2020-05-24")
    }

    @Test func instantsBefore1970FloorToTheDayBefore() {
        #expect(BuildDate(epochSeconds: -1, timezone: "UTC").today.iso == "1969-12-31")
        #expect(BuildDate(epochSeconds: 0, timezone: "UTC").today.iso == "1970-01-01")
    }

    @Test func aRunIsUpcomingUntilItsLastDayHasPassed() throws {
        let run = Run(ordinal: 0, start: CalendarDate(iso: "2020-05-25")!, end: CalendarDate(iso: "2020-05-27")!,
                      hours: .allDay, timezone: "UTC", location: nil, instructors: [],
                      source: SourceLocation(path: "x.md"))
        #expect(BuildDate(today: CalendarDate(iso: "2020-05-27")!).isUpcoming(run))
        #expect(BuildDate(today: CalendarDate(iso: "2020-05-20")!).isUpcoming(run))
        #expect(!BuildDate(today: CalendarDate(iso: "2020-05-28")!).isUpcoming(run))
    }

    @Test func sourceDateEpochMustBeAWholeNonNegativeNumber() throws {
        #expect(try SourceDateEpoch.timestamp(environment: [:], now: 42) == 42)
        #expect(try SourceDateEpoch.timestamp(environment: ["SOURCE_DATE_EPOCH": "1600000000"], now: 42) == 1_600_000_000)
        for bad in ["", "-5", "1.5", "12abc", " 12", "99999999999999999999999"] {
            #expect(throws: BuildFailed.self, "\(bad)") {
                try SourceDateEpoch.timestamp(environment: ["SOURCE_DATE_EPOCH": bad], now: 42)
            }
        }
    }
}
