/// One scheduled offering of a course: consecutive days, each at the same
/// local hours in one zone.
public struct Run: Sendable, Hashable {
    /// Position among the course's runs as written (0-based); part of the
    /// calendar UID so the UID survives edits to everything else.
    public let ordinal: Int
    public let start: CalendarDate
    /// Last day, inclusive.
    public let end: CalendarDate
    public let hours: DailyHours
    /// IANA zone name, exactly as the tz database spells it.
    public let timezone: String
    public let location: String?
    public let instructors: [String]
    public let source: SourceLocation

    /// Every day of the run, first to last.
    public var days: [CalendarDate] {
        (start.dayNumber...end.dayNumber).map(CalendarDate.init(dayNumber:))
    }

    public var dayCount: Int { end.dayNumber - start.dayNumber + 1 }
}

/// A catalog entry: a course, tutorial or certification, scheduled or not.
public struct Course: Sendable, Hashable {
    public let slug: Slug
    public let title: String
    public let summary: String?
    public let kind: String?
    public let instructors: [String]
    public let location: String?
    public let tags: [String]
    public let draft: Bool
    /// In date order; empty for an entry without dates.
    public let runs: [Run]
    /// The Markdown body, with front matter removed.
    public let body: String
    /// Line of the body's first line in the source file, for link errors.
    public let bodyLine: Int
    public let source: SourceLocation

    public var isScheduled: Bool { !runs.isEmpty }
    /// Instructors of the course and of any of its runs, in order of appearance.
    public var allInstructors: [String] {
        var seen = Set<String>()
        return (instructors + runs.flatMap(\.instructors)).filter { seen.insert($0).inserted }
    }
}
