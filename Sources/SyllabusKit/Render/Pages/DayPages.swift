extension PageContexts {
    /// `/days/` and `/days/page/<n>/`: `page_size` days a page, each month
    /// they fall in as a calendar grid and as a list.
    func daysPages(templates: TemplateSet) -> [Page] {
        let pagination = Pagination(listing: SitePaths.days, items: index.days.count, pageSize: site.pageSize)
        return (1...pagination.count).map { number in
            let days = Pagination.slice(index.days, page: number, size: site.pageSize)
            return Page.html(at: pagination.folder(number),
                             key: key(index.runs, number, pagination.count, index.catalog.buildDate)) {
                var context = page(title: pagination.title("Days", page: number), path: pagination.folder(number),
                                   description: "Every day with a course in \(site.title), month by month.", nav: "days",
                                   neighbours: pagination.neighbours(of: number, paths: paths))
                // Each month is rendered once and kept while its sessions stay the
                // same: an edit re-renders one month, not the whole index.
                let months = calendarMonths(Array(days)).map { month -> [String: Any] in
                    var sessions = Hasher()
                    let first = CalendarDate(year: month.year, month: month.month, day: 1)!
                    for offset in 0..<CalendarDate.daysIn(month: month.month, year: month.year) {
                        sessions.combine(index.sessionsByDay[first.adding(days: offset)] ?? [])
                    }
                    return cards.value("month:\(month.year)-\(month.month)#\(month.days.first!)#\(month.days.count)#\(sessions.finalize())") {
                        var context = monthContext(month)
                        context["html"] = templates.render("days-month", context)
                        return TemplateFields(fields: context)
                    }.fields
                }
                context["months"] = months
                context["hasMonths"] = !months.isEmpty
                context["pager"] = pagination.context(page: number, paths: paths)
                return templates.render("days", context)
            }
        }
    }

    private typealias CalendarMonth = (year: Int, month: Int, days: [CalendarDate])

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

    private func monthContext(_ month: CalendarMonth) -> [String: Any] {
        // The grid links every day of the month with sessions, also those
        // listed on the previous or next page of the index.
        let first = CalendarDate(year: month.year, month: month.month, day: 1)!
        let length = CalendarDate.daysIn(month: month.month, year: month.year)
        var cells: [[String: Any]] = Array(repeating: ["blank": true], count: first.isoWeekday - 1)
        for day in 1...length {
            let date = CalendarDate(year: month.year, month: month.month, day: day)!
            var cell: [String: Any] = ["day": day, "label": DateText.long(date)]
            if index.sessionsByDay[date] != nil {
                let count = index.sessionsByDay[date]?.count ?? 0
                cell["url"] = paths.link(SitePaths.day(date))
                cell["count"] = count
                cell["plural"] = count != 1
            }
            cells.append(cell)
        }
        while cells.count % 7 != 0 { cells.append(["blank": true]) }
        let weeks = stride(from: 0, to: cells.count, by: 7).map { ["cells": Array(cells[$0..<$0 + 7])] }
        return [
            "key": month.days[0].monthKey,
            "name": DateText.month(year: month.year, month: month.month),
            "weeks": weeks,
            "days": month.days.map { date -> [String: Any] in
                [
                    "url": paths.link(SitePaths.day(date)),
                    "iso": date.iso,
                    "label": DateText.long(date),
                    "sessions": (index.sessionsByDay[date] ?? []).map { session -> [String: Any] in
                        ["title": session.course.title, "hours": hoursLabel(session.run),
                         "url": paths.link(SitePaths.course(session.course.slug))]
                    },
                ]
            },
        ]
    }

    /// `/days/<YYYY-MM-DD>/`: every session that day, with its hours.
    func dayPage(_ date: CalendarDate, position: Int, templates: TemplateSet) -> Page {
        let neighbours = [position > 0 ? index.days[position - 1] : nil, position + 1 < index.days.count ? index.days[position + 1] : nil]
        return Page.html(at: SitePaths.day(date), key: key(index.sessionsByDay[date] ?? [], neighbours, index.catalog.buildDate)) {
            let sessions = index.sessionsByDay[date] ?? []
            var context = page(title: DateText.long(date), path: SitePaths.day(date),
                               description: "\(sessions.count) session\(sessions.count == 1 ? "" : "s") on \(DateText.long(date)).",
                               nav: "days")
            context["iso"] = date.iso
            context["label"] = DateText.long(date)
            context["sessions"] = sessions.map { session -> [String: Any] in
                var item: [String: Any] = [
                    "title": session.course.title,
                    "url": paths.link(SitePaths.course(session.course.slug)),
                    "hours": hoursText(session.run),
                    "timezone": session.run.timezone,
                    "dayOfRun": session.dayOfRun,
                    "dayCount": session.run.dayCount,
                    "startISO": session.run.start.iso,
                    "endISO": session.run.end.iso,
                    "past": !index.timeline.isUpcoming(session.run),
                    "multiDay": session.run.dayCount > 1,
                    "instructors": instructorLinks(session.run.instructors),
                    "hasInstructors": !session.run.instructors.isEmpty,
                ]
                item["kind"] = orFalse(session.course.kind)
                item["summary"] = orFalse(session.course.summary)
                item["location"] = orFalse(session.run.location)
                addBooking(session.run.booking, bookable: false, to: &item)
                addCourseBadges(session.course, to: &item)
                return item
            }
            context["previous"] = false
            context["next"] = false
            if position > 0 {
                let previous = index.days[position - 1]
                context["previous"] = ["url": paths.link(SitePaths.day(previous)), "label": DateText.short(previous)]
            }
            if position + 1 < index.days.count {
                let next = index.days[position + 1]
                context["next"] = ["url": paths.link(SitePaths.day(next)), "label": DateText.short(next)]
            }
            return templates.render("day", context)
        }
    }
}
