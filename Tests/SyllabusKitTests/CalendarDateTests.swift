import Testing
@testable import SyllabusKit

@Suite struct CalendarDateTests {
    @Test func parsesISODates() throws {
        let date = try #require(CalendarDate(iso: "2020-05-25"))
        #expect((date.year, date.month, date.day) == (2020, 5, 25))
        #expect(date.iso == "2020-05-25")
        #expect(date.basic == "20200525")
    }

    @Test(arguments: ["2021-02-30", "2021-02-29", "2020-13-01", "2020-00-10", "2020-04-31", "2020-01-00",
                      "2020-5-25", "20-05-25", "2020/05/25", "2020-05-25 ", "２０２０-05-25", "", "0000-01-01"])
    func refusesDaysNotOnTheCalendar(_ text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func knowsLeapYears() {
        #expect(CalendarDate(iso: "2020-02-29") != nil)
        #expect(CalendarDate(iso: "2000-02-29") != nil)  // divisible by 400
        #expect(CalendarDate(iso: "1900-02-29") == nil)  // divisible by 100 only
        #expect(CalendarDate(iso: "2021-02-29") == nil)
        #expect(CalendarDate(iso: "2024-02-29") != nil)
    }

    @Test func dayNumberCountsFromTheUnixEpoch() throws {
        #expect(try #require(CalendarDate(iso: "1970-01-01")).dayNumber == 0)
        #expect(try #require(CalendarDate(iso: "1969-12-31")).dayNumber == -1)
        #expect(try #require(CalendarDate(iso: "2020-05-25")).dayNumber == 18_407)
        #expect(try #require(CalendarDate(iso: "2000-03-01")).dayNumber == 11_017)
    }

    @Test func dayNumberRoundTripsOverFourHundredYears() throws {
        var date = try #require(CalendarDate(iso: "1899-12-25"))
        let last = try #require(CalendarDate(iso: "2300-01-05")).dayNumber
        while date.dayNumber <= last {
            let next = date.adding(days: 1)
            #expect(CalendarDate(dayNumber: date.dayNumber) == date)
            #expect(next.dayNumber == date.dayNumber + 1)
            #expect(next > date)
            if next.day != 1 { #expect(next.day == date.day + 1) }
            date = next
        }
    }

    @Test func addingCrossesMonthAndYearEnds() throws {
        #expect(try #require(CalendarDate(iso: "2020-02-28")).adding(days: 1).iso == "2020-02-29")
        #expect(try #require(CalendarDate(iso: "2021-02-28")).adding(days: 1).iso == "2021-03-01")
        #expect(try #require(CalendarDate(iso: "2020-12-31")).adding(days: 1).iso == "2021-01-01")
        #expect(try #require(CalendarDate(iso: "2020-03-01")).adding(days: -1).iso == "2020-02-29")
    }

    @Test(arguments: [("1970-01-01", 4), ("2020-05-25", 1), ("2020-05-31", 7), ("2000-01-01", 6),
                      ("2021-02-28", 7), ("1969-12-31", 3), ("2024-02-29", 4)])
    func isoWeekdayRunsMondayToSunday(_ iso: String, _ weekday: Int) throws {
        #expect(try #require(CalendarDate(iso: iso)).isoWeekday == weekday)
    }

    @Test func ordersByDay() throws {
        let dates = try ["2020-06-01", "2019-12-31", "2020-05-31"].map { try #require(CalendarDate(iso: $0)) }
        #expect(dates.sorted().map(\.iso) == ["2019-12-31", "2020-05-31", "2020-06-01"])
    }
}
