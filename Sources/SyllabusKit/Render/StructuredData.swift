/// schema.org JSON-LD for search engines: a `Course` with one
/// `CourseInstance` per run, and an `ItemList` of courses on the catalog.
enum StructuredData {
    static func course(_ course: Course, site: SiteConfig, paths: SitePaths, instructorSlug: (String) -> Slug?) -> String {
        let provider = JSONValue.object([
            "@type": .string("Organization"),
            "name": .string(site.organizer?.name ?? site.title),
            "url": .string(site.baseURL.description),
        ])
        let instances = course.runs.map { run -> JSONValue in
            let people = run.instructors.map { name -> JSONValue in
                .object([
                    "@type": .string("Person"),
                    "name": .string(name),
                    "url": instructorSlug(name).map { .string(paths.absolute(SitePaths.instructor($0))) },
                ])
            }
            return .object([
                "@type": .string("CourseInstance"),
                "courseMode": .string(courseMode(run)),
                "courseWorkload": .string(workload(run)),
                "startDate": .string(run.start.iso),
                "endDate": .string(run.end.iso),
                "courseSchedule": schedule(run),
                "location": run.location.map { .object(["@type": .string("Place"), "name": .string($0), "address": .string($0)]) },
                "instructor": people.isEmpty ? nil : .array(people),
            ])
        }
        return JSONText.encode(.object([
            "@context": .string("https://schema.org"),
            "@type": .string("Course"),
            "name": .string(course.title),
            "url": .string(paths.absolute(SitePaths.course(course.slug))),
            "description": .string(course.summary ?? course.title),
            "provider": provider,
            "inLanguage": .string(site.language),
            "educationalCredentialAwarded": course.kind?.lowercased() == "certification" ? .string(course.title) : nil,
            "keywords": course.tags.isEmpty ? nil : .string(course.tags.joined(separator: ", ")),
            "hasCourseInstance": instances.isEmpty ? nil : .array(instances),
        ]))
    }

    /// A run's days, with their hours and length; Google's course info asks
    /// for a schedule `duration` (or a `courseWorkload`).
    private static func schedule(_ run: Run) -> JSONValue {
        var hours: (start: JSONValue?, end: JSONValue?, duration: String) = (nil, nil, "P1D")
        if case let .hours(start, end) = run.hours {
            hours = (.string("\(start):00"), .string("\(end):00"),
                     isoDuration(minutes: end.minutesAfterMidnight - start.minutesAfterMidnight))
        }
        return .object([
            "@type": .string("Schedule"),
            "repeatFrequency": .string("Daily"),
            "repeatCount": .int(run.dayCount),
            "startDate": .string(run.start.iso),
            "endDate": .string(run.end.iso),
            "scheduleTimezone": .string(run.timezone),
            "startTime": hours.start,
            "endTime": hours.end,
            "duration": .string(hours.duration),
        ])
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

    /// The `ItemList` of one catalog page, positions counted from `first`,
    /// written directly: building a dictionary per item cost more than the
    /// rest of the page. Same keys and order as `JSONText.encode` would write.
    static func itemList(_ ordered: [Course], from first: Int, paths: SitePaths) -> String {
        var out = #"{"@context":"https://schema.org","@type":"ItemList","itemListElement":["#
        out.reserveCapacity(ordered.count * 160)
        for (offset, course) in ordered.enumerated() {
            if offset > 0 { out += "," }
            out += #"{"@type":"ListItem","name":"#
            out += JSONText.quoted(course.title)
            out += #","position":"# + String(first + offset) + #","url":"#
            out += JSONText.quoted(paths.absolute(SitePaths.course(course.slug)))
            out += "}"
        }
        out += "]}"
        return out
    }
}
