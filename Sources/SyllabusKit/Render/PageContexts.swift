import Foundation

/// Builds the values templates see. Every value is a plain string, number,
/// bool, array or dictionary; Mustache's `{{…}}` escapes it for HTML, and
/// only pre-rendered Markdown and JSON-LD go out unescaped (`{{{…}}}`).
struct PageContexts: Sendable {
    let index: CatalogIndex
    let paths: SitePaths
    let bodies: RenderedBodies
    let serveScript: String
    /// Only `syllabus serve` compares page fingerprints; a one-off build
    /// does not spend time hashing every page's inputs.
    let fingerprints: Bool
    /// Per build, or kept across rebuilds by `syllabus serve`.
    let cards: CardCache
    /// The site has its own `templates/assets/site.css`, loaded after the built-in stylesheet.
    var siteStylesheet = false
    /// Which runs can still be booked.
    let upcoming: UpcomingRuns
    /// Prices in the site's language.
    let prices: PriceText
    /// Level, language and format pages and filter options; empty without those keys.
    let facets: [Facet]

    /// An optional value for a template: absent values are `false`, never
    /// missing keys. A missing key makes Mustache search the enclosing
    /// contexts, which is slow and can find a value of the same name there
    /// (a run without a location would show the course's).
    func orFalse(_ value: Any?) -> Any { value ?? false }

    /// A page's fingerprint when rebuilding incrementally, else `nil`.
    func key<each Part: Hashable>(_ parts: repeat each Part) -> Int? {
        fingerprints ? pageKey(repeat each parts) : nil
    }

    var site: SiteConfig { index.catalog.site }

    /// The shell every page shares: site, page meta and navigation.
    /// `neighbours` are the previous and next pages of a paginated listing,
    /// linked from `<head>` with `rel="prev"`/`rel="next"`.
    func page(title: String, path: String, description: String?, nav: String, isHome: Bool = false,
              feed: [String: Any]? = nil, ogType: String = "website", jsonLD: String? = nil,
              neighbours: (previous: String?, next: String?) = (nil, nil)) -> [String: Any] {
        var page: [String: Any] = [
            "title": title,
            "canonical": paths.absolute(path),
            "isHome": isHome,
            "ogType": ogType,
        ]
        page["description"] = orFalse(description ?? site.description)
        page["feed"] = orFalse(feed)
        page["jsonLD"] = orFalse(jsonLD)
        page["prev"] = orFalse(neighbours.previous)
        page["next"] = orFalse(neighbours.next)
        var siteContext: [String: Any] = [
            "title": site.title,
            "language": site.language,
            "root": paths.base.path,
            "origin": "\(paths.base.scheme)://\(paths.base.authority)",
            "zone": site.timezone,
            "feed": feedLinks(SitePaths.catalogFeed, title: "All dates"),
            "today": index.catalog.buildDate.today.iso,
            // The navigation links /past/ only when there is something there.
            "hasPast": index.hasPastRuns,
        ]
        siteContext["description"] = orFalse(site.description)
        siteContext["logo"] = orFalse(site.style.logo.map(paths.link))
        siteContext["accent"] = orFalse(site.style.accent?.description)
        siteContext["footer"] = orFalse(site.style.footer)
        siteContext["stylesheet"] = siteStylesheet
        var context: [String: Any] = ["site": siteContext, "page": page, "nav": [nav: true], "serveScript": serveScript]
        // Flat names (`site_title`, `page_canonical`) for the built-in templates:
        // Mustache splits a dotted name and walks a level per part on every
        // lookup, and the page shell is looked up on every page.
        for (key, value) in siteContext { context["site_" + key] = value }
        for (key, value) in page { context["page_" + key] = value }
        for item in ["catalog", "past", "days", "instructors", "tags", "search"] { context["nav_" + item] = item == nav }
        let feed = siteContext["feed"] as! [String: Any]
        context["site_feed_https"] = feed["https"]
        context["site_feed_webcal"] = feed["webcal"]
        return context
    }

    /// A feed's download and subscribe links: `webcal://` for calendar apps,
    /// and the two web calendars' own subscription pages, which take the
    /// feed's URL as a parameter and subscribe in one click.
    func feedLinks(_ sitePath: String, title: String) -> [String: Any] {
        let https = paths.absolute(sitePath)
        let webcal = paths.base.webcal(sitePath)
        return [
            "https": https, "webcal": webcal, "title": "\(title) (iCalendar)",
            "google": "https://calendar.google.com/calendar/render?cid=\(PercentEncoding.queryValue(webcal))",
            "outlook": "https://outlook.live.com/calendar/0/addfromweb?url=\(PercentEncoding.queryValue(https))&name=\(PercentEncoding.queryValue(title))",
        ]
    }

    /// `3 days`, `1 day`: the length of a run at a glance.
    func lengthText(_ run: Run) -> String {
        run.dayCount == 1 ? "1 day" : "\(run.dayCount) days"
    }

    /// "Clocks go back on Sunday 27 October; hours stay 10:00–16:00 local",
    /// for a run with hours whose zone changes its clocks between its first
    /// and last day; `nil` otherwise.
    func clockNote(_ run: Run) -> String? {
        guard case .hours = run.hours, let change = ClockChange(during: run) else { return nil }
        let day = "\(DateText.weekdays[change.date.isoWeekday - 1]) \(change.date.day) \(DateText.months[change.date.month - 1])"
        return "Clocks go \(change.forward ? "forward" : "back") on \(day); hours stay \(run.hours) local"
    }

    func instructorLinks(_ names: [String]) -> [[String: Any]] {
        names.enumerated().compactMap { offset, name in
            guard let slug = instructorSlug(name) else { return nil }
            return ["name": name, "slug": slug.value, "url": paths.link(SitePaths.instructor(slug)), "last": offset == names.count - 1]
        }
    }

    /// A name's slug, folded once per build by the index.
    func instructorSlug(_ name: String) -> Slug? {
        index.instructorSlugs[name] ?? Slug(folding: name)
    }

    func tagLinks(_ names: [String]) -> [[String: Any]] {
        names.compactMap { name in
            guard let slug = index.tagSlugs[name] ?? Slug(tag: name) else { return nil }
            return ["name": name, "slug": slug.value, "url": paths.link(SitePaths.tag(slug))]
        }
    }

    /// `09:00–17:00` or `All day`, for places that name the zone beside it.
    func hoursText(_ run: Run) -> String {
        switch run.hours {
        case .allDay: return "All day"
        case .hours: return run.hours.description
        }
    }

    /// Hours with the zone spelled out where it is not the site's own, for
    /// lists that have no room for a zone column.
    func hoursLabel(_ run: Run) -> String {
        guard run.hours != .allDay, run.timezone != site.timezone else { return hoursText(run) }
        return "\(hoursText(run)) (\(run.timezone))"
    }

    /// An entry card: a run of a course, or an entry shown without a run
    /// (`run == nil`): never scheduled, or last given in `lastRun`.
    func entryCard(_ course: Course, run: Run?, lastRun: Run? = nil, omitting omitted: Slug? = nil) -> [String: Any] {
        var card: [String: Any] = [
            "title": course.title,
            "url": paths.link(SitePaths.course(course.slug)),
        ]
        card["kind"] = orFalse(course.kind)
        card["summary"] = orFalse(course.summary)
        // On an instructor's own page, "with" names only the others.
        let names = (run?.instructors ?? course.allInstructors).filter { omitted == nil || instructorSlug($0) != omitted }
        card["instructors"] = instructorLinks(names)
        card["hasInstructors"] = !names.isEmpty
        card["tags"] = tagLinks(course.tags)
        card["hasTags"] = !course.tags.isEmpty
        if let run {
            card["dates"] = DateText.range(run.start, run.end)
            card["startISO"] = run.start.iso
            card["endISO"] = run.end.iso
            card["past"] = !index.timeline.isUpcoming(run)
            card["hours"] = hoursLabel(run)
            card["length"] = lengthText(run)
            card["location"] = orFalse(run.location)
            card["undated"] = false
            addBooking(run.booking, bookable: false, to: &card)
        } else {
            card["location"] = orFalse(course.location)
            card["dates"] = false
            card["hours"] = false
            card["length"] = false
            card["startISO"] = false
            card["endISO"] = false
            card["past"] = false
            card["undated"] = lastRun.map { "Last given \(DateText.month(year: $0.end.year, month: $0.end.month))" } ?? "No dates yet"
            addBooking(course.booking, bookable: false, to: &card)
        }
        addCourseBadges(course, to: &card)
        // Filter attributes only where a course sets the key: the filter
        // reads a missing one as the default (no level, the site's language, on site).
        card["filterLevels"] = orFalse(course.facts.level?.suits.map(\.rawValue).joined(separator: " "))
        card["filterLanguage"] = orFalse(course.facts.language.map { $0.tag.lowercased() })
        let mode = (run?.booking ?? course.booking).mode
        card["filterMode"] = orFalse(mode == .onsite ? nil : mode.rawValue)
        return card
    }

    /// An entry card with its rendered HTML (`html`), shared by every page that
    /// lists the same run.
    func renderedCard(_ course: Course, run: Run?, lastRun: Run? = nil, templates: TemplateSet) -> [String: Any] {
        // Past or not is part of the key: `syllabus serve` keeps cards across midnight.
        let past = run.map { index.timeline.isUpcoming($0) ? "u" : "p" } ?? "l\(lastRun?.ordinal ?? -1)"
        return cards.value("\(course.slug.value)#\(run?.ordinal ?? -1)#\(past)#\(course.fingerprint)") {
            var card = entryCard(course, run: run, lastRun: lastRun)
            card["html"] = templates.render("entry-card", card)
            return TemplateFields(fields: card)
        }.fields
    }

    /// `2020-05` keys of every month a run touches, for the catalog filter.
    func months(of run: Run) -> [String] {
        var keys: [String] = []
        var date = CalendarDate(year: run.start.year, month: run.start.month, day: 1)!
        while date <= run.end {
            keys.append(date.monthKey)
            date = date.adding(days: CalendarDate.daysIn(month: date.month, year: date.year))
        }
        return keys
    }
}
