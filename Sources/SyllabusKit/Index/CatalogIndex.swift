/// A run of a course, as the catalog and the calendars list it.
public struct ScheduledRun: Sendable, Hashable {
    public let course: Course
    public let run: Run
}

/// One day of a run: what a day page lists.
public struct Session: Sendable, Hashable {
    public let course: Course
    public let run: Run
    public let date: CalendarDate
    /// 1-based: "day 2 of 3".
    public var dayOfRun: Int { date.dayNumber - run.start.dayNumber + 1 }
}

/// A tag and the entries carrying it.
public struct Tag: Sendable, Hashable {
    public let slug: Slug
    public let name: String
    public let courses: [Course]
}

/// The lookups pages need, each built in one pass over the catalog.
public struct CatalogIndex: Sendable {
    public let catalog: Catalog
    /// Every run in date order (then start hour, title, slug).
    public let runs: [ScheduledRun]
    /// Entries without dates, by title.
    public let unscheduled: [Course]
    /// Every day with at least one session, in date order.
    public let days: [CalendarDate]
    public let sessionsByDay: [CalendarDate: [Session]]
    public let coursesByInstructor: [Slug: [Course]]
    public let runsByInstructor: [Slug: [ScheduledRun]]
    public let tags: [Tag]
    /// The slug of every instructor name and topic name in the catalog,
    /// folded once: pages name them thousands of times.
    public let instructorSlugs: [String: Slug]
    public let tagSlugs: [String: Slug]
    /// Runs whose last day is before the build date.
    public let pastRunCount: Int
    /// Every entry's place A–Z and every run's in date order, for sorting
    /// parts of the catalog.
    public let order: CatalogOrder

    public init(_ catalog: Catalog) {
        self.catalog = catalog
        let order = CatalogOrder(catalog.courses)
        let runs = order.chronological
        let unscheduled = order.alphabetical.filter { $0.runs.isEmpty }
        self.order = order
        self.runs = runs
        self.unscheduled = unscheduled
        self.pastRunCount = runs.count { !catalog.buildDate.isUpcoming($0.run) }

        // Names repeat across thousands of runs: fold each one once.
        var slugs: [String: Slug?] = [:]
        func slug(_ name: String) -> Slug? {
            if let known = slugs[name] { return known }
            let folded = Slug(folding: name)
            slugs[name] = folded
            return folded
        }
        var sessions: [CalendarDate: [Session]] = [:]
        var coursesByInstructor: [Slug: [Course]] = [:]
        var runsByInstructor: [Slug: [ScheduledRun]] = [:]
        for scheduled in runs {
            for date in scheduled.run.days {
                sessions[date, default: []].append(Session(course: scheduled.course, run: scheduled.run, date: date))
            }
            for name in scheduled.run.instructors {
                if let slug = slug(name) { runsByInstructor[slug, default: []].append(scheduled) }
            }
        }
        // Courses per instructor: scheduled ones in date order, then the rest by title.
        let catalogOrder = runs.map(\.course).uniqued(by: \.slug) + unscheduled
        for course in catalogOrder {
            for slug in course.instructorSlugs {
                coursesByInstructor[slug, default: []].append(course)
            }
        }
        self.sessionsByDay = sessions
        self.days = sessions.keys.sorted()
        self.coursesByInstructor = coursesByInstructor
        self.runsByInstructor = runsByInstructor
        for course in catalog.courses {
            for (name, folded) in zip(course.allInstructors, course.instructorSlugs) where slugs[name] == nil {
                slugs[name] = folded
            }
        }
        self.instructorSlugs = slugs.compactMapValues { $0 }

        var tagged: [Slug: (name: String, courses: [Course])] = [:]
        var tagSlugs: [String: Slug] = [:]
        for course in catalogOrder {
            for name in course.tags {
                guard let slug = tagSlugs[name] ?? Slug(tag: name) else { continue }
                tagSlugs[name] = slug
                tagged[slug, default: (name, [])].courses.append(course)
            }
        }
        self.tagSlugs = tagSlugs
        self.tags = Self.topicOrder(tagged.map { Tag(slug: $0.key, name: $0.value.name, courses: $0.value.courses) })
    }

    /// Every part, for `CatalogIndex(_:after:)`.
    init(catalog: Catalog, order: CatalogOrder, sessionsByDay: [CalendarDate: [Session]], coursesByInstructor: [Slug: [Course]],
         runsByInstructor: [Slug: [ScheduledRun]], tags: [Tag], instructorSlugs: [String: Slug], tagSlugs: [String: Slug]) {
        self.catalog = catalog
        self.order = order
        self.runs = order.chronological
        self.unscheduled = order.alphabetical.filter { $0.runs.isEmpty }
        self.pastRunCount = runs.count { !catalog.buildDate.isUpcoming($0.run) }
        self.sessionsByDay = sessionsByDay
        self.days = sessionsByDay.keys.sorted()
        self.coursesByInstructor = coursesByInstructor
        self.runsByInstructor = runsByInstructor
        self.tags = Self.topicOrder(tags)
        self.instructorSlugs = instructorSlugs
        self.tagSlugs = tagSlugs
    }

    /// Topics A–Z by name, then slug.
    private static func topicOrder(_ tags: [Tag]) -> [Tag] {
        tags.sorted { ($0.name.lowercased(), $0.slug) < ($1.name.lowercased(), $1.slug) }
    }

    /// Upcoming and past, as of the build date.
    public var timeline: Timeline { Timeline(buildDate: catalog.buildDate, order: order) }

    /// Whether `/past/` has anything to list (then the navigation links it).
    public var hasPastRuns: Bool { pastRunCount > 0 }

    /// Field by field, each compared only when the ones before are equal: a
    /// tuple of all five copied two titles per comparison, and sorting 10,000
    /// runs on every preview rebuild spent most of its time on those copies.
    static func chronological(_ a: ScheduledRun, _ b: ScheduledRun) -> Bool {
        if a.run.start != b.run.start { return a.run.start < b.run.start }
        let aStart = a.run.hours.startMinutes, bStart = b.run.hours.startMinutes
        if aStart != bStart { return aStart < bStart }
        if a.course.sortTitle != b.course.sortTitle || a.course.slug != b.course.slug { return Course.alphabetical(a.course, b.course) }
        return a.run.ordinal < b.run.ordinal
    }
}

extension DailyHours {
    /// Sort key: all-day sessions first.
    var startMinutes: Int {
        switch self {
        case .allDay: return -1
        case let .hours(start, _): return start.minutesAfterMidnight
        }
    }
}
