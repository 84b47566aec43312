extension PageContexts {
    /// `/courses/<slug>/`: facts, runs with links to each day, feed links, body.
    func coursePage(_ course: Course, templates: TemplateSet) -> Page {
        Page.html(at: SitePaths.course(course.slug), key: key(course, bodies.contextKey, index.catalog.buildDate),
                  source: course.source.path) { [self] in
            let feed = course.isScheduled ? feedLinks(SitePaths.courseFeed(course.slug), title: course.title) : nil
            // Upcoming runs first, in date order; past runs apart, newest first.
            let upcoming = course.runs.filter(index.timeline.isUpcoming)
            let past = course.runs.filter { !index.timeline.isUpcoming($0) }.reversed()
            let names = course.allInstructors
            let content = CoursePage(
                title: course.title, kind: course.kind, summary: course.summary,
                location: Set(course.runs.map(\.location)).count <= 1 ? course.location : nil,
                runs: upcoming.map { runData($0, of: course, feed: feed) },
                pastRuns: past.map { runData($0, of: course, feed: nil) },
                hasRuns: !upcoming.isEmpty, hasPastRuns: !past.isEmpty,
                multipleRuns: upcoming.count > 1, multiplePastRuns: past.count > 1,
                instructors: instructorLinks(names), hasInstructors: !names.isEmpty, multipleInstructors: names.count > 1,
                tags: tagLinks(course.tags), hasTags: !course.tags.isEmpty,
                feed: feed, body: bodies.deferredHTML(of: course), facts: facts(course),
                // An entry without dates books from its fact box; runs book from their own row.
                book: course.isScheduled || !course.booking.takesBookings ? nil : course.booking.register)
            return templates.page("course", page(
                content, title: course.title, path: SitePaths.course(course.slug), description: course.summary,
                nav: .catalog, feed: feed, ogType: "article",
                jsonLD: StructuredData.course(course, site: site, paths: paths, instructorSlug: instructorSlug)))
        }
    }

    /// A run's own facts; where, and with whom, only when it differs from the
    /// course's rows, so a single run does not repeat them.
    /// An upcoming run (`feed` given) offers "Add to Google Calendar", a
    /// link per day, beside the course's `.ics` download.
    private func runData(_ run: Run, of course: Course, feed: FeedLinks?) -> RunData {
        let ownInstructors = run.instructors != course.allInstructors ? run.instructors : []
        let days = run.days
        let showLocation = run.location != course.location || Set(course.runs.map(\.location)).count > 1
        let calendar = feed.map { feed in
            let pageURL = paths.absolute(SitePaths.course(course.slug))
            let links = zip(days, GoogleCalendarLink.urls(course, run, days: days, pageURL: pageURL)).map { date, url in
                DayLink(url: url, label: DateText.short(date))
            }
            return RunCalendar(google: links.count == 1 ? links[0].url : nil, googleDays: links.count > 1 ? links : [],
                               multiDay: links.count > 1, ics: feed.https)
        }
        return RunData(dates: DateText.range(run.start, run.end), startISO: run.start.iso, endISO: run.end.iso,
                       hours: hoursText(run), length: lengthText(run), timezone: run.timezone,
                       instructors: instructorLinks(ownInstructors), hasInstructors: !ownInstructors.isEmpty,
                       days: days.enumerated().map { offset, date in
                           RunDayLink(url: paths.link(SitePaths.day(date)), label: DateText.short(date), last: offset == days.count - 1)
                       },
                       location: showLocation ? run.location : nil, calendar: calendar, clockNote: clockNote(run),
                       booking: bookingBadges(run.booking, bookable: upcoming.isBookable(run)))
    }
}
