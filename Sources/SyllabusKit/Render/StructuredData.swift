/// schema.org JSON-LD for search engines: a `Course` with one
/// `CourseInstance` per run, and an `ItemList` of courses on the catalog.
enum StructuredData {
    static func course(_ course: Course, site: SiteConfig, paths: SitePaths, instructorSlug: (String) -> Slug?) -> String {
        var object: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "Course",
            "name": course.title,
            "url": paths.absolute(SitePaths.course(course.slug)),
            "description": course.summary ?? course.title,
        ]
        if let organizer = site.organizer {
            object["provider"] = ["@type": "Organization", "name": organizer.name, "url": site.baseURL.description]
        } else {
            object["provider"] = ["@type": "Organization", "name": site.title, "url": site.baseURL.description]
        }
        object["inLanguage"] = site.language
        if course.kind?.lowercased() == "certification" { object["educationalCredentialAwarded"] = course.title }
        if !course.tags.isEmpty { object["keywords"] = course.tags.joined(separator: ", ") }
        if !course.runs.isEmpty {
            object["hasCourseInstance"] = course.runs.map { run -> [String: Any] in
                var instance: [String: Any] = [
                    "@type": "CourseInstance",
                    "courseMode": courseMode(run),
                    "courseWorkload": workload(run),
                    "startDate": run.start.iso,
                    "endDate": run.end.iso,
                    "courseSchedule": [
                        "@type": "Schedule",
                        "repeatFrequency": "Daily",
                        "repeatCount": run.dayCount,
                        "startDate": run.start.iso,
                        "endDate": run.end.iso,
                        "scheduleTimezone": run.timezone,
                    ].merging(scheduleHours(run)) { $1 },
                ]
                if let location = run.location { instance["location"] = ["@type": "Place", "name": location, "address": location] }
                if !run.instructors.isEmpty {
                    instance["instructor"] = run.instructors.map { name -> [String: Any] in
                        var person: [String: Any] = ["@type": "Person", "name": name]
                        if let slug = instructorSlug(name) { person["url"] = paths.absolute(SitePaths.instructor(slug)) }
                        return person
                    }
                }
                return instance
            }
        }
        return encode(object)
    }

    /// Daily hours and their length; Google's course info asks for a
    /// schedule `duration` (or a `courseWorkload`).
    private static func scheduleHours(_ run: Run) -> [String: Any] {
        guard case let .hours(start, end) = run.hours else { return ["duration": "P1D"] }
        return ["startTime": "\(start):00", "endTime": "\(end):00",
                "duration": isoDuration(minutes: end.minutesAfterMidnight - start.minutesAfterMidnight)]
    }

    /// Total teaching time of a run, e.g. `PT24H` for three days of eight hours.
    private static func workload(_ run: Run) -> String {
        guard case let .hours(start, end) = run.hours else { return "P\(run.dayCount)D" }
        return isoDuration(minutes: (end.minutesAfterMidnight - start.minutesAfterMidnight) * run.dayCount)
    }

    /// `PT8H`, `PT2H30M`
    static func isoDuration(minutes: Int) -> String {
        "PT" + (minutes >= 60 ? "\(minutes / 60)H" : "") + (minutes % 60 != 0 ? "\(minutes % 60)M" : "")
    }

    /// "Online" runs are taught online; everything else on site.
    private static func courseMode(_ run: Run) -> String {
        let place = run.location?.lowercased() ?? ""
        return place.contains("online") || place.contains("virtual") || place.contains("remote") ? "Online" : "Onsite"
    }

    /// The catalog's `ItemList`, written directly: it has an item per entry
    /// (10,000 on a large catalog), and building a dictionary for each cost
    /// more than the rest of the page. Same keys and order as `encode`.
    static func itemList(_ index: CatalogIndex, paths: SitePaths) -> String {
        var seen = Set<Slug>()
        let ordered = (index.runs.map(\.course) + index.unscheduled).filter { seen.insert($0.slug).inserted }
        var out = #"{"@context":"https://schema.org","@type":"ItemList","itemListElement":["#
        out.reserveCapacity(ordered.count * 160)
        for (offset, course) in ordered.enumerated() {
            if offset > 0 { out += "," }
            out += #"{"@type":"ListItem","name":"#
            out += JSONText.quoted(course.title)
            out += #","position":"# + String(offset + 1) + #","url":"#
            out += JSONText.quoted(paths.absolute(SitePaths.course(course.slug)))
            out += "}"
        }
        out += "]}"
        return out
    }

    static func encode(_ object: [String: Any]) -> String {
        JSONText.encode(object)
    }
}
