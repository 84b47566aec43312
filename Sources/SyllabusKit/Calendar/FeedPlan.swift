/// Every calendar feed: the whole catalog, each scheduled course, each
/// instructor with runs, each topic with runs, and the feeds of courses,
/// instructors and topics that only cancelled events keep alive.
enum FeedPlan {
    static func feeds(_ index: CatalogIndex, tombstones: [Tombstone], buildDate: CalendarDate, fingerprints: Bool) -> [Feed] {
        let site = index.catalog.site
        // The catalog and topic feeds are for subscribing: past runs leave
        // them `feed_past_days` after their last day, so they stay small.
        let recent = { (scheduled: ScheduledRun) in scheduled.run.end.dayNumber + site.feedPastDays >= buildDate.dayNumber }
        var feeds = [Feed(path: SitePaths.catalogFeed, name: site.title, description: "Every course date of \(site.title)",
                          runs: index.runs.filter(recent), tombstones: tombstones, key: nil)]

        var runsByCourse: [Slug: [ScheduledRun]] = [:]
        for scheduled in index.runs { runsByCourse[scheduled.course.slug, default: []].append(scheduled) }
        var courseTombstones: [Slug: [Tombstone]] = [:], instructorTombstones: [Slug: [Tombstone]] = [:], tagTombstones: [Slug: [Tombstone]] = [:]
        var tagNames: [Slug: String] = [:]
        for tombstone in tombstones {
            if let course = tombstone.course { courseTombstones[course, default: []].append(tombstone) }
            for instructor in tombstone.instructors { instructorTombstones[instructor, default: []].append(tombstone) }
            for name in tombstone.tags {
                guard let slug = index.tagSlugs[name] ?? Slug(tag: name) else { continue }
                tagNames[slug] = tagNames[slug] ?? name
                tagTombstones[slug, default: []].append(tombstone)
            }
        }

        var courseTitles: [Slug: String] = [:]
        for course in index.catalog.courses { courseTitles[course.slug] = course.title }
        for tombstone in tombstones { if let course = tombstone.course, courseTitles[course] == nil { courseTitles[course] = tombstone.title } }
        for slug in Set(runsByCourse.keys).union(courseTombstones.keys).sorted() {
            let runs = runsByCourse[slug] ?? [], title = courseTitles[slug] ?? slug.value
            feeds.append(Feed(path: SitePaths.courseFeed(slug), name: "\(title) · \(site.title)", description: "Dates of \(title)",
                              runs: runs, tombstones: courseTombstones[slug] ?? [], key: fingerprints ? pageKey(runs) : nil))
        }

        var instructorNames: [Slug: String] = [:]
        for instructor in index.catalog.instructors { instructorNames[instructor.slug] = instructor.name }
        for slug in Set(index.runsByInstructor.keys).union(instructorTombstones.keys).sorted() {
            // An instructor gone from the content is known only by the slug the events carried.
            let runs = index.runsByInstructor[slug] ?? [], name = instructorNames[slug] ?? slug.value
            feeds.append(Feed(path: SitePaths.instructorFeed(slug), name: "\(name) · \(site.title)",
                              description: "Courses taught by \(name)", runs: runs,
                              tombstones: instructorTombstones[slug] ?? [], key: fingerprints ? pageKey(name, runs) : nil))
        }

        var runsByTag: [Slug: [ScheduledRun]] = [:]
        for scheduled in index.runs where recent(scheduled) {
            for name in scheduled.course.tags {
                if let slug = index.tagSlugs[name] { runsByTag[slug, default: []].append(scheduled) }
            }
        }
        for tag in index.tags { tagNames[tag.slug] = tag.name }
        for slug in Set(runsByTag.keys).union(tagTombstones.keys).sorted() {
            let runs = runsByTag[slug] ?? [], name = tagNames[slug] ?? slug.value
            feeds.append(Feed(path: SitePaths.tagFeed(slug), name: "\(name) · \(site.title)",
                              description: "\(name) courses of \(site.title)", runs: runs,
                              tombstones: tagTombstones[slug] ?? [], key: fingerprints ? pageKey(name, runs, buildDate.dayNumber) : nil))
        }
        return feeds
    }

    /// The UID of every day of every run in the content.
    static func uids(_ index: CatalogIndex) -> Set<String> {
        var uids = Set<String>()
        let host = index.catalog.site.baseURL.host
        for scheduled in index.runs {
            for day in 1...scheduled.run.dayCount { uids.insert(FeedWriter.uid(scheduled, day: day, host: host)) }
        }
        return uids
    }

    /// Whether `tag` has a feed: a course carrying it has a run in the topic feeds' window.
    static func hasFeed(_ tag: Tag, site: SiteConfig, buildDate: CalendarDate) -> Bool {
        tag.courses.contains { course in course.runs.contains { $0.end.dayNumber + site.feedPastDays >= buildDate.dayNumber } }
    }
}
