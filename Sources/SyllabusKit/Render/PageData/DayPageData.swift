/// `day`: every session of one day, with links to the days either side.
struct DayPage: TemplateInline, Sendable {
    let iso: String
    let label: String
    let sessions: [DaySession]
    let previous: DayLink?
    let next: DayLink?
}

/// One session of a day: a day of a run. What every day of the run shows
/// alike is encoded once for the run, not once for each of its days.
struct DaySession: Encodable, Sendable {
    let run: EncodedOnce
    let dayOfRun: Int
}

/// What a session shows on each day of its run.
struct SessionRun: TemplateInline, Sendable {
    let title: String
    let url: String
    let hours: String
    let timezone: String
    let dayCount: Int
    let startISO: String
    let endISO: String
    let past: Bool
    let multiDay: Bool
    let instructors: [InstructorLink]
    let hasInstructors: Bool
    let kind: String?
    let summary: String?
    let location: String?
    let booking: BookingBadges
    let courseBadges: CourseBadges
}

/// `days`: a page of the days index, a month at a time.
struct DaysPage: TemplateInline, Sendable {
    /// Each month's HTML, rendered by `days-month`.
    let months: [RenderedHTML]
    let hasMonths: Bool
    let pager: Pager?
}

/// `days-month`: one month as a calendar grid and as a list of its days.
struct DaysMonth: Encodable, Sendable {
    let key: String
    let name: String
    let weeks: [CalendarWeek]
    let days: [MonthDay]
}

struct CalendarWeek: Encodable, Sendable {
    let cells: [CalendarCell]
}

/// A day of the grid, or a blank before the first or after the last.
/// A day with sessions links to its page.
struct CalendarCell: Encodable, Sendable {
    let blank: Bool
    let day: Int?
    let label: String?
    let url: String?
    let count: Int?
    let plural: Bool
}

struct MonthDay: Encodable, Sendable {
    let url: String
    let iso: String
    let label: String
    let sessions: [MonthSession]
}

struct MonthSession: Encodable, Sendable {
    let title: String
    let hours: String
    let url: String
    /// Struck through and labelled, as on the day's own page.
    let cancelled: Bool
}
