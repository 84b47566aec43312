extension PageContexts {
    /// `/courses/<slug>/`: facts, runs with links to each day, feed links, body.
    func coursePage(_ course: Course, templates: TemplateSet) -> Page {
        Page.html(at: SitePaths.course(course.slug), key: key(course, bodies.contextKey, index.catalog.buildDate)) {
            let feed: [String: Any]? = course.isScheduled ? feedLinks(SitePaths.courseFeed(course.slug), title: course.title) : nil
            var context = page(title: course.title, path: SitePaths.course(course.slug), description: course.summary,
                               nav: "catalog", feed: feed, ogType: "article",
                               jsonLD: StructuredData.course(course, site: site, paths: paths, instructorSlug: instructorSlug))
            context["title"] = course.title
            context["kind"] = orFalse(course.kind)
            context["summary"] = orFalse(course.summary)
            context["location"] = orFalse(Set(course.runs.map(\.location)).count <= 1 ? course.location : nil)
            // Upcoming runs first, in date order; past runs apart, newest first.
            let upcoming = course.runs.filter(index.timeline.isUpcoming)
            let past = course.runs.filter { !index.timeline.isUpcoming($0) }.reversed()
            context["runs"] = upcoming.map { runContext($0, of: course, feed: feed) }
            context["pastRuns"] = past.map { runContext($0, of: course, feed: nil) }
            context["hasRuns"] = !upcoming.isEmpty
            context["hasPastRuns"] = !past.isEmpty
            context["hasAnyRuns"] = !course.runs.isEmpty
            context["multipleRuns"] = upcoming.count > 1
            context["multiplePastRuns"] = past.count > 1
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
    /// An upcoming run (`feed` given) offers "Add to Google Calendar", a
    /// link per day, beside the course's `.ics` download.
    private func runContext(_ run: Run, of course: Course, feed: [String: Any]?) -> [String: Any] {
        let ownInstructors = run.instructors != course.allInstructors ? run.instructors : []
        let days = run.days
        var context: [String: Any] = [
            "dates": DateText.range(run.start, run.end),
            "startISO": run.start.iso,
            "endISO": run.end.iso,
            "hours": hoursText(run),
            "length": lengthText(run),
            "timezone": run.timezone,
            "instructors": instructorLinks(ownInstructors),
            "hasInstructors": !ownInstructors.isEmpty,
            "days": days.enumerated().map { offset, date -> [String: Any] in
                ["url": paths.link(SitePaths.day(date)), "label": DateText.short(date), "last": offset == days.count - 1]
            },
        ]
        let showLocation = run.location != course.location || Set(course.runs.map(\.location)).count > 1
        context["location"] = orFalse(showLocation ? run.location : nil)
        context["calendar"] = false
        if let feed {
            let pageURL = paths.absolute(SitePaths.course(course.slug))
            let links = days.map { date -> [String: Any] in
                ["url": GoogleCalendarLink.url(course, run, on: date, pageURL: pageURL), "label": DateText.short(date)]
            }
            context["calendar"] = [
                "google": links.count == 1 ? links[0]["url"]! : false,
                "googleDays": links.count > 1 ? links : [],
                "multiDay": links.count > 1,
                "ics": feed["https"] as! String,
            ] as [String: Any]
        }
        context["clockNote"] = orFalse(clockNote(run))
        addBooking(run.booking, bookable: upcoming.isBookable(run), to: &context)
        return context
    }
}
