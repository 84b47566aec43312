/// One scheduled offering of a course: consecutive days, each at the same
/// local hours in one zone. A shared immutable object, like `Course`: every
/// session of every day page refers to its run.
public final class Run: Sendable, Hashable {
    /// Position among the course's runs as written (0-based); part of the
    /// calendar UID so the UID survives edits to everything else.
    public let ordinal: Int
    /// `id:` as written: the run's events keep their UIDs whatever happens
    /// to the runs around it (without one, the UID follows `ordinal`).
    public let id: Slug?
    public let start: CalendarDate
    /// Last day, inclusive.
    public let end: CalendarDate
    public let hours: DailyHours
    /// IANA zone name, exactly as the tz database spells it.
    public let timezone: String
    public let location: String?
    public let instructors: [String]
    /// Price, booking link, status, seats and delivery mode.
    public let booking: Booking
    public let source: SourceLocation

    /// The longest run, first and last day counted: a year, leap day
    /// included. Every day of a run gets pages and feed entries, so a typo
    /// such as `end: 2920-06-01` would otherwise build hundreds of
    /// thousands of pages from one line.
    public static let maximumDays = 366

    init(ordinal: Int, id: Slug? = nil, start: CalendarDate, end: CalendarDate, hours: DailyHours, timezone: String,
         location: String?, instructors: [String], booking: Booking = .unspecified, source: SourceLocation) {
        self.ordinal = ordinal
        self.id = id
        self.start = start
        self.end = end
        self.hours = hours
        self.timezone = timezone
        self.location = location
        self.instructors = instructors
        self.booking = booking
        self.source = source
    }

    public static func == (lhs: Run, rhs: Run) -> Bool {
        lhs === rhs || (lhs.ordinal == rhs.ordinal && lhs.id == rhs.id && lhs.start == rhs.start && lhs.end == rhs.end && lhs.hours == rhs.hours
            && lhs.timezone == rhs.timezone && lhs.location == rhs.location && lhs.instructors == rhs.instructors
            && lhs.booking == rhs.booking && lhs.source == rhs.source)
    }

    /// Hashes only the cheap fields: a run is always hashed together with its
    /// course, whose fingerprint covers every word of the file, and hashing
    /// strings (Unicode-normalised) dominated serve-mode rebuilds.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(ordinal)
        hasher.combine(start.dayNumber)
        hasher.combine(end.dayNumber)
        hasher.combine(hours)
    }

    /// Every day of the run, first to last.
    public var days: [CalendarDate] {
        (start.dayNumber...end.dayNumber).map(CalendarDate.init(dayNumber:))
    }

    public var dayCount: Int { end.dayNumber - start.dayNumber + 1 }
}

/// A catalog entry: a course, tutorial or certification, scheduled or not.
///
/// A class, immutable after load: runs, sessions and cards all refer to their
/// course, and sharing one instance instead of copying a dozen fields into
/// each of them made indexing a large catalog several times cheaper.
public final class Course: Sendable, Hashable {
    public let slug: Slug
    public let title: String
    public let summary: String?
    public let kind: String?
    public let instructors: [String]
    public let location: String?
    public let tags: [String]
    public let draft: Bool
    /// Level, language, audience and prerequisites.
    public let facts: CourseFacts
    /// The booking of an entry without dates (an exam with a fee); runs carry their own.
    public let booking: Booking
    /// In date order; empty for an entry without dates.
    public let runs: [Run]
    /// The Markdown body, with front matter removed.
    public let body: String
    /// Line of the body's first line in the source file, for link errors.
    public let bodyLine: Int
    public let source: SourceLocation
    /// A hash of the file's text, path and the site settings it was read
    /// with: two courses with one fingerprint are the same course. It makes
    /// hashing a course (page fingerprints in `syllabus serve`) cost one Int.
    public let fingerprint: Int

    /// Slugs of `allInstructors`, computed once.
    public let instructorSlugs: [Slug]
    /// The title lower-cased, for sorting without allocating per comparison.
    public let sortTitle: String

    init(slug: Slug, title: String, summary: String?, kind: String?, instructors: [String], location: String?,
         tags: [String], draft: Bool, facts: CourseFacts = .none, booking: Booking = .unspecified, runs: [Run], body: String, bodyLine: Int, source: SourceLocation, fingerprint: Int) {
        self.slug = slug
        self.title = title
        self.summary = summary
        self.kind = kind
        self.instructors = instructors
        self.location = location
        self.tags = tags
        self.draft = draft
        self.facts = facts
        self.booking = booking
        self.runs = runs
        self.body = body
        self.bodyLine = bodyLine
        self.source = source
        self.fingerprint = fingerprint
        let names = (instructors + runs.flatMap(\.instructors)).uniqued()
        self.allInstructors = names
        // Names that fold to no slug were refused by the loader.
        self.instructorSlugs = names.map { Slug(folding: $0) ?? Slug("unnamed")! }
        self.sortTitle = title.lowercased()
    }

    public var isScheduled: Bool { !runs.isEmpty }

    /// A–Z by title, then by slug: the order of entries without dates. The
    /// slug is compared only on equal titles; a tuple of both copied two
    /// strings per comparison, which showed in every preview rebuild's sorts.
    public static func alphabetical(_ a: Course, _ b: Course) -> Bool {
        a.sortTitle != b.sortTitle ? a.sortTitle < b.sortTitle : a.slug < b.slug
    }

    public static func == (lhs: Course, rhs: Course) -> Bool {
        lhs.fingerprint == rhs.fingerprint && lhs.slug == rhs.slug && lhs.draft == rhs.draft
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(fingerprint)
    }
    /// Instructors of the course and of any of its runs, in order of appearance.
    public let allInstructors: [String]
}
