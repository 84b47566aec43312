/// Where each entry stands A–Z and each run in date order in the whole
/// catalog, worked out once by the index. A topic's, an instructor's or the
/// home page's share of the catalog is then put in order by comparing two
/// integers instead of two titles: sorting every listing with
/// `Course.alphabetical` and `CatalogIndex.chronological` was a third of a
/// preview rebuild's listing work, retaining and releasing the strings it
/// compared.
public struct CatalogOrder: Sendable {
    /// Every entry, A–Z by title, then slug.
    public let alphabetical: [Course]
    /// Every run in date order (then start hour, title, slug, ordinal).
    public let chronological: [ScheduledRun]
    private let courseRanks: [ObjectIdentifier: Int]
    private let runRanks: [ObjectIdentifier: Int]

    init(_ courses: [Course]) {
        alphabetical = courses.sorted(by: Course.alphabetical)
        // A catalog's slugs are unique (the checker keeps one entry per slug),
        // so no two entries tie and each one's position is its rank.
        var courseRanks: [ObjectIdentifier: Int] = [:]
        courseRanks.reserveCapacity(alphabetical.count)
        for (position, course) in alphabetical.enumerated() { courseRanks[ObjectIdentifier(course)] = position }

        var keyed: [(key: RunKey, run: ScheduledRun)] = []
        for course in courses {
            let rank = courseRanks[ObjectIdentifier(course)]!
            for run in course.runs {
                keyed.append((RunKey(day: run.start.dayNumber, minutes: run.hours.startMinutes, course: rank,
                                     ordinal: run.ordinal), ScheduledRun(course: course, run: run)))
            }
        }
        keyed.sort { $0.key < $1.key }
        chronological = keyed.map(\.run)
        var runRanks: [ObjectIdentifier: Int] = [:]
        runRanks.reserveCapacity(chronological.count)
        for (position, scheduled) in chronological.enumerated() { runRanks[ObjectIdentifier(scheduled.run)] = position }
        self.courseRanks = courseRanks
        self.runRanks = runRanks
    }

    /// `courses` A–Z, as `Course.alphabetical` orders them.
    public func alphabetical(_ courses: [Course]) -> [Course] {
        sorted(courses, ranks: courseRanks, by: Course.alphabetical)
    }

    /// `runs` in date order, as `CatalogIndex.chronological` orders them.
    public func chronological(_ runs: [ScheduledRun]) -> [ScheduledRun] {
        sorted(runs, ranks: runRanks, by: CatalogIndex.chronological)
    }

    /// Sorted by rank; anything from outside this catalog (which has none)
    /// sends the whole list through the comparison instead.
    private func sorted<Item: AnyObjectKeyed>(_ items: [Item], ranks: [ObjectIdentifier: Int],
                                              by comparison: (Item, Item) -> Bool) -> [Item] {
        var keyed: [(rank: Int, position: Int)] = []
        keyed.reserveCapacity(items.count)
        for (position, item) in items.enumerated() {
            guard let rank = ranks[item.objectKey] else { return items.sorted(by: comparison) }
            keyed.append((rank, position))
        }
        // Equal ranks keep their order, as the stable sort by comparison did.
        keyed.sort { $0.rank != $1.rank ? $0.rank < $1.rank : $0.position < $1.position }
        return keyed.map { items[$0.position] }
    }
}

/// A run's place in date order, field by field as `CatalogIndex.chronological`.
private struct RunKey: Comparable {
    let day: Int, minutes: Int, course: Int, ordinal: Int

    static func < (a: RunKey, b: RunKey) -> Bool {
        (a.day, a.minutes, a.course, a.ordinal) < (b.day, b.minutes, b.course, b.ordinal)
    }
}

/// What a rank is looked up by: the object a listing item stands for.
private protocol AnyObjectKeyed { var objectKey: ObjectIdentifier { get } }

extension Course: AnyObjectKeyed {
    fileprivate var objectKey: ObjectIdentifier { ObjectIdentifier(self) }
}

extension ScheduledRun: AnyObjectKeyed {
    fileprivate var objectKey: ObjectIdentifier { ObjectIdentifier(run) }
}
