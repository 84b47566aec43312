extension CatalogIndex {
    /// The index of `catalog`, worked out from `previous` (the index of an
    /// earlier catalog) when only a few entries differ: a preview's save
    /// changes one file, and indexing 10,000 entries again for it was most of
    /// the time before the open pages could be shown. Only the days, people
    /// and topics of the entries that changed are listed again; the rest is
    /// shared with `previous`.
    ///
    /// Entries are told apart by object: the build cache hands back the same
    /// `Course` for a file that did not change, and a changed file is a new
    /// one. The result is `CatalogIndex(catalog)`'s (`IndexUpdateTests`
    /// compares the two after every kind of edit); the caches of name slugs
    /// may hold a name no entry uses any more, which no lookup asks for.
    init(_ catalog: Catalog, after previous: CatalogIndex?) {
        guard let previous, let change = EntryChange(from: previous.catalog.courses, to: catalog.courses) else {
            self.init(catalog)
            return
        }
        let gone = Set(change.removed.map { ObjectIdentifier($0) })
        func kept<Item>(_ items: [Item]?, _ course: (Item) -> Course) -> [Item] {
            (items ?? []).filter { !gone.contains(ObjectIdentifier(course($0))) }
        }
        let order = previous.order.replacing(gone, with: change.added)

        var sessionsByDay = previous.sessionsByDay
        var newSessions: [CalendarDate: [Session]] = [:]
        for course in change.added {
            for run in course.runs {
                for date in run.days { newSessions[date, default: []].append(Session(course: course, run: run, date: date)) }
            }
        }
        let days = Set(change.removed.flatMap { $0.runs.flatMap(\.days) }).union(newSessions.keys)
        for date in days {
            sessionsByDay[date] = order.chronological(kept(sessionsByDay[date], \.course) + (newSessions[date] ?? [])).nonEmpty
        }

        var instructorSlugs = previous.instructorSlugs
        for course in change.added {
            for (name, folded) in zip(course.allInstructors, course.instructorSlugs) where instructorSlugs[name] == nil {
                instructorSlugs[name] = folded
            }
        }
        var runsByInstructor = previous.runsByInstructor
        var newRuns: [Slug: [ScheduledRun]] = [:]
        for course in change.added {
            for run in course.runs {
                for name in run.instructors {
                    if let slug = instructorSlugs[name] { newRuns[slug, default: []].append(ScheduledRun(course: course, run: run)) }
                }
            }
        }
        let runInstructors = change.removed.flatMap { $0.runs.flatMap(\.instructors) }.compactMap { previous.instructorSlugs[$0] }
        for slug in Set(runInstructors).union(newRuns.keys) {
            runsByInstructor[slug] = order.chronological(kept(runsByInstructor[slug], \.course) + (newRuns[slug] ?? [])).nonEmpty
        }

        var coursesByInstructor = previous.coursesByInstructor
        var newCourses: [Slug: [Course]] = [:]
        for course in change.added {
            for slug in course.instructorSlugs { newCourses[slug, default: []].append(course) }
        }
        for slug in Set(change.removed.flatMap(\.instructorSlugs)).union(newCourses.keys) {
            coursesByInstructor[slug] = order.listed(kept(coursesByInstructor[slug], { $0 }) + (newCourses[slug] ?? [])).nonEmpty
        }

        var tagSlugs = previous.tagSlugs
        func tagSlug(_ name: String) -> Slug? {
            if let known = tagSlugs[name] { return known }
            let slug = Slug(tag: name)
            tagSlugs[name] = slug
            return slug
        }
        var tags = Dictionary(previous.tags.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var newTagged: [Slug: [Course]] = [:]
        for course in change.added {
            for name in course.tags {
                if let slug = tagSlug(name) { newTagged[slug, default: []].append(course) }
            }
        }
        for slug in Set(change.removed.flatMap(\.tags).compactMap(tagSlug)).union(newTagged.keys) {
            let courses = order.listed(kept(tags[slug]?.courses, { $0 }) + (newTagged[slug] ?? []))
            // Shown under the spelling of the first entry that has it, as when indexed whole.
            guard let name = courses.first?.tags.first(where: { tagSlug($0) == slug }) else {
                tags[slug] = nil
                continue
            }
            tags[slug] = Tag(slug: slug, name: name, courses: courses)
        }

        self.init(catalog: catalog, order: order, sessionsByDay: sessionsByDay, coursesByInstructor: coursesByInstructor,
                  runsByInstructor: runsByInstructor, tags: Array(tags.values), instructorSlugs: instructorSlugs, tagSlugs: tagSlugs)
    }
}

/// The entries that differ between two catalogs, each sorted by slug as the
/// checker leaves them: the old versions of changed and deleted files, and
/// the new versions of changed and new ones; `nil` when so many differ that
/// indexing the catalog whole is as quick.
struct EntryChange {
    var removed: [Course] = []
    var added: [Course] = []

    init?(from old: [Course], to new: [Course]) {
        // Both in slug order, or the walk below pairs the wrong entries.
        guard Self.sortedBySlug(old), Self.sortedBySlug(new) else { return nil }
        let limit = max(16, new.count / 8)
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] === new[j] {
                i += 1
                j += 1
                continue
            }
            if i < old.count, j < new.count, old[i].slug == new[j].slug {
                removed.append(old[i])
                added.append(new[j])
                i += 1
                j += 1
            } else if j == new.count || (i < old.count && old[i].slug < new[j].slug) {
                removed.append(old[i])
                i += 1
            } else {
                added.append(new[j])
                j += 1
            }
            if removed.count + added.count > limit { return nil }
        }
    }

    private static func sortedBySlug(_ courses: [Course]) -> Bool {
        zip(courses, courses.dropFirst()).allSatisfy { $0.slug < $1.slug }
    }
}

extension Array {
    /// `nil` for an empty list: a day, person or topic left with nothing is no key of the index.
    fileprivate var nonEmpty: [Element]? { isEmpty ? nil : self }
}
