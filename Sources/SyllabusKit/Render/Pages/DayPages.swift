extension PageContexts {
    /// `/days/` and `/days/page/<n>/`: `page_size` days a page, each month
    /// they fall in as a calendar grid and as a list.
    func daysPages(templates: TemplateSet) -> [Page] {
        let pagination = Pagination(listing: SitePaths.days, items: index.days.count, pageSize: site.pageSize)
        return (1...pagination.count).map { number in
            let days = Array(Pagination.slice(index.days, page: number, size: site.pageSize))
            // A page shows whole months, so it changes only when the sessions
            // of its months do: an edit re-renders the page of the course's
            // months, not every page of the index.
            let calendar = calendarMonths(days)
            let sessions = calendar.map(sessionsKey)
            return Page.listing(at: pagination.folder(number),
                                key: key(days, sessions, number, pagination.count, index.catalog.buildDate)) { [self] in
                // Each month is rendered once and kept while its sessions stay the
                // same: an edit re-renders one month, not the whole index.
                let months = zip(calendar, sessions).map { month, sessions in
                    RenderedHTML(html: cards.months.value("month:\(month.year)-\(month.month)#\(month.days.first!)#\(month.days.count)#\(sessions)") {
                        templates.render("days-month", monthData(month))
                    })
                }
                let (previous, next) = pagination.neighbours(of: number, paths: paths)
                return templates.page("days", page(
                    DaysPage(months: months, hasMonths: !months.isEmpty, pager: pagination.pager(page: number, paths: paths)),
                    title: pagination.title("Days", page: number), path: pagination.folder(number),
                    description: "Every day with a course in \(site.title), month by month.", nav: .days,
                    previous: previous, next: next))
            }
        }
    }

    private typealias CalendarMonth = (year: Int, month: Int, days: [CalendarDate])

    /// A fingerprint of the sessions of every day of `month`: what its grid
    /// and its list show.
    private func sessionsKey(_ month: CalendarMonth) -> Int {
        var sessions = Hasher()
        let first = CalendarDate(year: month.year, month: month.month, day: 1)!
        for offset in 0..<CalendarDate.daysIn(month: month.month, year: month.year) {
            sessions.combine(index.sessionsByDay[first.adding(days: offset)] ?? [])
        }
        return sessions.finalize()
    }

    /// The months of `days`, each with those of its days.
    private func calendarMonths(_ days: [CalendarDate]) -> [CalendarMonth] {
        var byMonth: [CalendarMonth] = []
        for date in days {
            if let last = byMonth.last, last.year == date.year, last.month == date.month {
                byMonth[byMonth.count - 1].days.append(date)
            } else {
                byMonth.append((date.year, date.month, [date]))
            }
        }
        return byMonth
    }

    private func monthData(_ month: CalendarMonth) -> DaysMonth {
        // The grid links every day of the month with sessions, also those
        // listed on the previous or next page of the index.
        let first = CalendarDate(year: month.year, month: month.month, day: 1)!
        let length = CalendarDate.daysIn(month: month.month, year: month.year)
        let blank = CalendarCell(blank: true, day: nil, label: nil, url: nil, count: nil, plural: false)
        var cells = Array(repeating: blank, count: first.isoWeekday - 1)
        for day in 1...length {
            let date = CalendarDate(year: month.year, month: month.month, day: day)!
            let count = index.sessionsByDay[date]?.count
            cells.append(CalendarCell(blank: false, day: day, label: DateText.long(date),
                                      url: count.map { _ in paths.link(SitePaths.day(date)) }, count: count,
                                      plural: count.map { $0 != 1 } ?? false))
        }
        while cells.count % 7 != 0 { cells.append(blank) }
        return DaysMonth(
            key: month.days[0].monthKey, name: DateText.month(year: month.year, month: month.month),
            weeks: stride(from: 0, to: cells.count, by: 7).map { CalendarWeek(cells: Array(cells[$0..<$0 + 7])) },
            days: month.days.map { date in
                MonthDay(url: paths.link(SitePaths.day(date)), iso: date.iso, label: DateText.long(date),
                         sessions: (index.sessionsByDay[date] ?? []).map { session in
                             MonthSession(title: session.course.title, hours: hoursLabel(session.run),
                                          url: paths.link(SitePaths.course(session.course.slug)),
                                          cancelled: session.run.booking.isCancelled)
                         })
            })
    }

    /// What each day of `session`'s run shows, encoded once for a run of
    /// several days: kept until its last day takes it (days render roughly
    /// in order; a day that comes later still finds it made again, the same).
    private func sessionRun(_ session: Session) -> EncodedOnce {
        let make = { [self] in
            let courseBadges = self.courseBadges(session.course)
            return EncodedOnce(SessionRun(
                title: session.course.title, url: paths.link(SitePaths.course(session.course.slug)),
                hours: hoursText(session.run), timezone: session.run.timezone, dayCount: session.run.dayCount,
                startISO: session.run.start.iso, endISO: session.run.end.iso,
                past: !index.timeline.isUpcoming(session.run), multiDay: session.run.dayCount > 1,
                instructors: instructorLinks(session.run.instructors), hasInstructors: !session.run.instructors.isEmpty,
                kind: session.course.kind, summary: session.course.summary, location: session.run.location,
                booking: bookingBadges(session.run.booking, bookable: false, besides: courseBadges),
                courseBadges: courseBadges))
        }
        guard session.run.dayCount > 1 else { return make() }
        let key = "\(session.course.slug.value)#\(session.run.ordinal)"
        let shared = sessionRuns.value(key, make: make)
        if session.dayOfRun == session.run.dayCount { sessionRuns.remove(key) }
        return shared
    }

    /// `/days/<YYYY-MM-DD>/`: every session that day, with its hours.
    func dayPage(_ date: CalendarDate, position: Int, templates: TemplateSet) -> Page {
        let neighbours = [position > 0 ? index.days[position - 1] : nil, position + 1 < index.days.count ? index.days[position + 1] : nil]
        return Page.html(at: SitePaths.day(date), key: key(index.sessionsByDay[date] ?? [], neighbours, index.catalog.buildDate)) { [self] in
            let sessions = index.sessionsByDay[date] ?? []
            let dayLink = { (day: CalendarDate) in DayLink(url: self.paths.link(SitePaths.day(day)), label: DateText.short(day)) }
            let content = DayPage(
                iso: date.iso, label: DateText.long(date),
                sessions: sessions.map { session in
                    DaySession(run: sessionRun(session), dayOfRun: session.dayOfRun)
                },
                previous: neighbours[0].map(dayLink), next: neighbours[1].map(dayLink))
            return templates.page("day", page(
                content, title: DateText.long(date), path: SitePaths.day(date),
                description: "\(sessions.count) session\(sessions.count == 1 ? "" : "s") on \(DateText.long(date)).", nav: .days))
        }
    }
}
