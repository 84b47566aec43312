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
        let alphabetical = courses.sorted(by: Course.alphabetical)
        // A catalog's slugs are unique (the checker keeps one entry per slug),
        // so no two entries tie and each one's position is its rank.
        let courseRanks = Self.ranks(alphabetical) { ObjectIdentifier($0) }
        var keyed: [(key: RunKey, run: ScheduledRun)] = []
        for course in courses {
            let rank = courseRanks[ObjectIdentifier(course)]!
            for run in course.runs {
                keyed.append((RunKey(day: run.start.dayNumber, minutes: run.hours.startMinutes, course: rank,
                                     ordinal: run.ordinal), ScheduledRun(course: course, run: run)))
            }
        }
        keyed.sort { $0.key < $1.key }
        self.init(alphabetical: alphabetical, chronological: keyed.map(\.run), courseRanks: courseRanks)
    }

    private init(alphabetical: [Course], chronological: [ScheduledRun], courseRanks: [ObjectIdentifier: Int]? = nil) {
        self.alphabetical = alphabetical
        self.chronological = chronological
        self.courseRanks = courseRanks ?? Self.ranks(alphabetical) { ObjectIdentifier($0) }
        self.runRanks = Self.ranks(chronological) { ObjectIdentifier($0.run) }
    }

    /// This order with the entries of `removed` taken out and those of
    /// `added` put in their places: one pass over each list instead of a
    /// sort of the whole catalog, for a preview's save of a few files.
    func replacing(_ removed: Set<ObjectIdentifier>, with added: [Course]) -> CatalogOrder {
        let courses = added.sorted(by: Course.alphabetical)
        let runs = added.flatMap { course in course.runs.map { ScheduledRun(course: course, run: $0) } }
            .sorted(by: CatalogIndex.chronological)
        return CatalogOrder(
            alphabetical: Self.merging(alphabetical.filter { !removed.contains(ObjectIdentifier($0)) }, courses, by: Course.alphabetical),
            chronological: Self.merging(chronological.filter { !removed.contains(ObjectIdentifier($0.course)) }, runs,
                                        by: CatalogIndex.chronological))
    }

    private static func ranks<Item>(_ items: [Item], of key: (Item) -> ObjectIdentifier) -> [ObjectIdentifier: Int] {
        var ranks: [ObjectIdentifier: Int] = [:]
        ranks.reserveCapacity(items.count)
        for (position, item) in items.enumerated() { ranks[key(item)] = position }
        return ranks
    }

    /// Two sorted lists as one; no item of one equals one of the other (a
    /// catalog has one entry per slug).
    private static func merging<Item>(_ a: [Item], _ b: [Item], by ordered: (Item, Item) -> Bool) -> [Item] {
        var merged: [Item] = []
        merged.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if ordered(b[j], a[i]) { merged.append(b[j]); j += 1 } else { merged.append(a[i]); i += 1 }
        }
        merged.append(contentsOf: a[i...])
        merged.append(contentsOf: b[j...])
        return merged
    }

    /// `courses` A–Z, as `Course.alphabetical` orders them.
    public func alphabetical(_ courses: [Course]) -> [Course] {
        sorted(courses, rank: { courseRanks[ObjectIdentifier($0)] }, by: Course.alphabetical)
    }

    /// `runs` in date order, as `CatalogIndex.chronological` orders them.
    public func chronological(_ runs: [ScheduledRun]) -> [ScheduledRun] {
        sorted(runs, rank: { runRanks[ObjectIdentifier($0.run)] }, by: CatalogIndex.chronological)
    }

    /// A day's sessions in the order of their runs.
    func chronological(_ sessions: [Session]) -> [Session] {
        sorted(sessions, rank: { runRanks[ObjectIdentifier($0.run)] }) {
            CatalogIndex.chronological(ScheduledRun(course: $0.course, run: $0.run), ScheduledRun(course: $1.course, run: $1.run))
        }
    }

    /// `courses` in the catalog's order: those with runs by their first run
    /// in date order, then the rest A–Z (how instructor and topic pages list
    /// them).
    func listed(_ courses: [Course]) -> [Course] {
        func rank(_ course: Course) -> Int? {
            guard !course.runs.isEmpty else { return courseRanks[ObjectIdentifier(course)].map { chronological.count + $0 } }
            var first: Int?
            for run in course.runs {
                guard let rank = runRanks[ObjectIdentifier(run)] else { return nil }
                first = min(first ?? rank, rank)
            }
            return first
        }
        return sorted(courses, rank: rank) { a, b in
            let aFirst = a.runs.map { ScheduledRun(course: a, run: $0) }.min(by: CatalogIndex.chronological)
            let bFirst = b.runs.map { ScheduledRun(course: b, run: $0) }.min(by: CatalogIndex.chronological)
            switch (aFirst, bFirst) {
            case let (a?, b?): return CatalogIndex.chronological(a, b)
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return Course.alphabetical(a, b)
            }
        }
    }

    /// Sorted by rank; anything from outside this catalog (which has none)
    /// sends the whole list through the comparison instead.
    private func sorted<Item>(_ items: [Item], rank: (Item) -> Int?, by comparison: (Item, Item) -> Bool) -> [Item] {
        var keyed: [(rank: Int, position: Int)] = []
        keyed.reserveCapacity(items.count)
        for (position, item) in items.enumerated() {
            guard let rank = rank(item) else { return items.sorted(by: comparison) }
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
