extension PageContexts {
    /// `/courses/<slug>/`: facts, runs with links to each day, feed links, body.
    func coursePage(_ course: Course, templates: TemplateSet) -> Page {
        Page.html(at: SitePaths.course(course.slug), key: key(course, bodies.contextKey, upcoming.buildDate)) {
            let feed: [String: Any]? = course.isScheduled ? feedLinks(SitePaths.courseFeed(course.slug), title: course.title) : nil
            var context = page(title: course.title, path: SitePaths.course(course.slug), description: course.summary,
                               nav: "catalog", feed: feed, ogType: "article",
                               jsonLD: StructuredData.course(course, site: site, paths: paths, instructorSlug: instructorSlug))
            context["title"] = course.title
            context["kind"] = orFalse(course.kind)
            context["summary"] = orFalse(course.summary)
            context["location"] = orFalse(Set(course.runs.map(\.location)).count <= 1 ? course.location : nil)
            context["runs"] = course.runs.map { runContext($0, of: course) }
            context["hasRuns"] = !course.runs.isEmpty
            context["multipleRuns"] = course.runs.count > 1
            let names = course.allInstructors
            context["instructors"] = instructorLinks(names)
            context["hasInstructors"] = !names.isEmpty
            context["multipleInstructors"] = names.count > 1
            context["tags"] = tagLinks(course.tags)
            context["hasTags"] = !course.tags.isEmpty
            context["feed"] = orFalse(feed)
            context["body"] = bodies.courses[course.slug] ?? ""
            addFacts(course, to: &context)
            // An entry without dates books from its fact box; runs book from their own row.
            context["book"] = orFalse(course.isScheduled || !course.booking.takesBookings ? nil : course.booking.register)
            return templates.render("course", context)
        }
    }

    /// A run's own facts; where, and with whom, only when it differs from the
    /// course's rows, so a single run does not repeat them.
    private func runContext(_ run: Run, of course: Course) -> [String: Any] {
        let ownInstructors = run.instructors != course.allInstructors ? run.instructors : []
        let days = run.days
        var context: [String: Any] = [
            "dates": DateText.range(run.start, run.end),
            "startISO": run.start.iso,
            "hours": hoursText(run),
            "timezone": run.timezone,
            "instructors": instructorLinks(ownInstructors),
            "hasInstructors": !ownInstructors.isEmpty,
            "days": days.enumerated().map { offset, date -> [String: Any] in
                ["url": paths.link(SitePaths.day(date)), "label": DateText.short(date), "last": offset == days.count - 1]
            },
        ]
        let showLocation = run.location != course.location || Set(course.runs.map(\.location)).count > 1
        context["location"] = orFalse(showLocation ? run.location : nil)
        addBooking(run.booking, bookable: upcoming.isBookable(run), to: &context)
        return context
    }
}
