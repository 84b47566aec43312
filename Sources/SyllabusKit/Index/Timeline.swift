/// Where an item of a listing belongs: the headings a listing is grouped under.
public enum ListingSection: Sendable, Hashable {
    /// Runs whose last day has not passed, in date order.
    case upcoming
    /// Entries with no upcoming run: never scheduled, or only given before.
    case noUpcoming
    /// Past runs of one year, newest first.
    case past(year: Int)
}

/// One card of a listing: a run, or an entry shown without a run of its own.
public enum ListedEntry: Sendable, Hashable {
    case run(ScheduledRun)
    /// An entry without an upcoming run; `lastRun` is its latest past run, if any.
    case entry(Course, lastRun: Run?)

    public var course: Course {
        switch self {
        case let .run(scheduled): return scheduled.course
        case let .entry(course, _): return course
        }
    }
}

/// A listing item with the section it is shown under.
public struct ListingItem: Sendable, Hashable {
    public let section: ListingSection
    public let entry: ListedEntry
}

/// Upcoming and past, decided once by the build date: the home page, topic
/// pages, instructor pages and `/past/` all order their items through here.
public struct Timeline: Sendable {
    public let buildDate: BuildDate
    /// The whole catalog's order, which the entries without an upcoming run follow.
    public let order: CatalogOrder

    /// Upcoming runs in date order, then the entries with no upcoming run, A–Z.
    /// `runs` must be in date order (as the index keeps them).
    public func catalog(runs: [ScheduledRun], courses: [Course]) -> [ListingItem] {
        var items: [ListingItem] = []
        // By object, not slug: a catalog holds one `Course` per slug, and
        // hashing a pointer instead of a string was a third of a listing's
        // cost in a preview rebuild.
        var withUpcoming = Set<ObjectIdentifier>()
        for scheduled in runs where buildDate.isUpcoming(scheduled.run) {
            items.append(ListingItem(section: .upcoming, entry: .run(scheduled)))
            withUpcoming.insert(ObjectIdentifier(scheduled.course))
        }
        let rest = order.alphabetical(courses.filter { !withUpcoming.contains(ObjectIdentifier($0)) })
        for course in rest {
            items.append(ListingItem(section: .noUpcoming, entry: .entry(course, lastRun: lastPastRun(of: course))))
        }
        return items
    }

    /// Past runs, newest first, under a heading per year. `runs` in date order.
    public func past(runs: [ScheduledRun]) -> [ListingItem] {
        runs.reversed().filter { !buildDate.isUpcoming($0.run) }
            .map { ListingItem(section: .past(year: $0.run.start.year), entry: .run($0)) }
    }

    /// The run an entry was last given, for "last given May 2020".
    public func lastPastRun(of course: Course) -> Run? {
        course.runs.filter { !buildDate.isUpcoming($0) }.max { ($0.end, $0.ordinal) < ($1.end, $1.ordinal) }
    }

    public func isUpcoming(_ run: Run) -> Bool { buildDate.isUpcoming(run) }
}
