/// Every calendar feed: the whole catalog, each scheduled course, each instructor with runs.
enum FeedPlan {
    static func feeds(_ index: CatalogIndex, fingerprints: Bool) -> [Feed] {
        let site = index.catalog.site
        var feeds = [Feed(path: SitePaths.catalogFeed, name: site.title,
                          description: "Every course date of \(site.title)", runs: index.runs, key: nil)]
        var runsByCourse: [Slug: [ScheduledRun]] = [:]
        for scheduled in index.runs { runsByCourse[scheduled.course.slug, default: []].append(scheduled) }
        for course in index.catalog.courses {
            guard let runs = runsByCourse[course.slug] else { continue }
            feeds.append(Feed(path: SitePaths.courseFeed(course.slug), name: "\(course.title) · \(site.title)",
                              description: "Dates of \(course.title)", runs: runs, key: fingerprints ? pageKey(runs) : nil))
        }
        for instructor in index.catalog.instructors {
            guard let runs = index.runsByInstructor[instructor.slug] else { continue }
            feeds.append(Feed(path: SitePaths.instructorFeed(instructor.slug), name: "\(instructor.name) · \(site.title)",
                              description: "Courses taught by \(instructor.name)", runs: runs, key: fingerprints ? pageKey(instructor.name, runs) : nil))
        }
        return feeds
    }
}
