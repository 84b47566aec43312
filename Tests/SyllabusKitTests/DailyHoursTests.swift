import Testing
@testable import SyllabusKit

@Suite struct DailyHoursTests {
    private func hours(_ text: String) -> String? {
        guard case .success(let hours) = DailyHours.parse(text) else { return nil }
        return hours.description
    }

    @Test(arguments: ["09:00-17:00", "09:00 - 17:00", "09:00–17:00", " 09:00 – 17:00 ", "9:00-17:00"])
    func acceptsTheWrittenForms(_ text: String) {
        #expect(hours(text) == "09:00–17:00")
    }

    @Test(arguments: ["all-day", "All-Day", "all day"])
    func acceptsAllDay(_ text: String) {
        #expect(DailyHours.parse(text) == .success(.allDay))
    }

    @Test func keepsMinutes() {
        #expect(hours("08:30-12:15") == "08:30–12:15")
    }

    @Test func reversedHoursAreRefusedWithBothTimes() throws {
        let nine = try #require(TimeOfDay(hour: 9, minute: 0))
        let five = try #require(TimeOfDay(hour: 17, minute: 0))
        #expect(DailyHours.parse("17:00-09:00") == .failure(.endNotAfterStart(five, nine)))
        #expect(DailyHours.parse("09:00-09:00") == .failure(.endNotAfterStart(nine, nine)))
    }

    @Test(arguments: ["", "9-5", "09:00", "09:00-", "-17:00", "09:00-17:00-18:00", "25:00-26:00",
                      "09:60-10:00", "9am-5pm", "09.00-17.00", "09:0-17:00", "０９:00-17:00", "whenever"])
    func garbageIsUnreadable(_ text: String) {
        #expect(DailyHours.parse(text) == .failure(.unreadable))
    }
}
