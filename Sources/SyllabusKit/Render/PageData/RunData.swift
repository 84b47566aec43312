/// A run in a course page's list of runs (`run`). Where, and with whom, only
/// when it differs from the course's rows, so a single run does not repeat them.
struct RunData: Encodable, Sendable {
    let dates: String
    let startISO: String
    let endISO: String
    let hours: String
    let length: String
    let timezone: String
    let instructors: [InstructorLink]
    let hasInstructors: Bool
    let days: [RunDayLink]
    let location: String?
    /// "Add to Google Calendar" and the `.ics` download of an upcoming run.
    let calendar: RunCalendar?
    let clockNote: String?
    let booking: BookingBadges
}

/// An upcoming run's calendar links: one Google Calendar link for a one-day
/// run, a link per day for a longer one, and the course's feed.
struct RunCalendar: Encodable, Sendable {
    let google: String?
    let googleDays: [DayLink]
    let multiDay: Bool
    let ics: String
}
