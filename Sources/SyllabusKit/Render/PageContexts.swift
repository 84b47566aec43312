import Foundation

/// Builds the typed data templates see (`PageData/`), which `TemplateEncoder`
/// turns into Mustache values; Mustache's `{{…}}` escapes them for HTML, and
/// only pre-rendered Markdown and JSON-LD go out unescaped (`{{{…}}}`).
///
/// A class: every one of a catalog's 100,000 pages renders from a closure
/// that holds the contexts, and a reference is 8 bytes where a copy was hundreds.
final class PageContexts: Sendable {
    let index: CatalogIndex
    let paths: SitePaths
    let bodies: RenderedBodies
    /// Only `syllabus serve` compares page fingerprints; a one-off build
    /// does not spend time hashing every page's inputs.
    let fingerprints: Bool
    /// Per build, or kept across rebuilds by `syllabus serve`.
    let cards: CardCache
    /// Which runs can still be booked.
    let upcoming: UpcomingRuns
    /// Prices in the site's language.
    let prices: PriceText
    /// Level, language and format pages and filter options; empty without those keys.
    let facets: [Facet]

    /// The shell's part that is the same on every page: computed once per build.
    let siteShell: SiteShell
    /// Each run of several days as its day pages show it, encoded once.
    let sessionRuns = Memo<EncodedOnce>()
    /// The first clock change after a day in a zone, by zone and day: looked up once per build.
    let clockChanges = Memo<ClockChange?>()

    init(index: CatalogIndex, paths: SitePaths, bodies: RenderedBodies, serveScript: String, fingerprints: Bool,
         cards: CardCache, siteStylesheet: Bool, upcoming: UpcomingRuns, prices: PriceText, facets: [Facet]) {
        self.index = index
        self.paths = paths
        self.bodies = bodies
        self.fingerprints = fingerprints
        self.cards = cards
        self.upcoming = upcoming
        self.prices = prices
        self.facets = facets
        let site = index.catalog.site
        let allDates = FeedLinks(SitePaths.catalogFeed, title: "All dates", paths: paths)
        self.siteShell = SiteShell(title: site.title, language: site.language, root: paths.base.path,
                              origin: "\(paths.base.scheme)://\(paths.base.authority)", zone: site.timezone,
                              description: site.description, logo: site.style.logo.map(paths.link),
                              accent: site.style.accent?.description, footer: site.style.footer,
                              today: index.catalog.buildDate.today.iso, hasPast: index.hasPastRuns,
                              stylesheet: siteStylesheet, feedHTTPS: allDates.https, feedWebcal: allDates.webcal,
                              serveScript: serveScript)
    }

    /// These contexts with other bodies: a saved course's page rendered
    /// before the rebuild (`SavedCoursePages`).
    func with(bodies: RenderedBodies) -> PageContexts {
        PageContexts(self, index: index, bodies: bodies, facets: facets, fingerprints: fingerprints)
    }

    /// These contexts with another index of the same site, whose pages have
    /// the same shell (the same build date, and past runs or none as before):
    /// the open pages of a preview rendered before the rebuild (`SavedCoursePages`).
    /// Their pages carry no fingerprints: the rebuild works those out, and a
    /// topic of thousands of courses took longer to hash than to render.
    func with(index: CatalogIndex, bodies: RenderedBodies) -> PageContexts {
        PageContexts(self, index: index, bodies: bodies, facets: Facets.of(index, site: index.catalog.site), fingerprints: false)
    }

    private init(_ other: PageContexts, index: CatalogIndex, bodies: RenderedBodies, facets: [Facet], fingerprints: Bool) {
        self.index = index
        paths = other.paths
        self.bodies = bodies
        self.fingerprints = fingerprints
        cards = other.cards
        upcoming = other.upcoming
        prices = other.prices
        self.facets = facets
        siteShell = other.siteShell
    }

    /// A page's fingerprint when rebuilding incrementally, else `nil`.
    func key<each Part: Hashable>(_ parts: repeat each Part) -> Int? {
        fingerprints ? pageKey(repeat each parts) : nil
    }

    var site: SiteConfig { index.catalog.site }

    /// A page's data: the shared shell, this page's part of it, and `content`.
    /// `previous` and `next` are the neighbours of a paginated listing's page.
    func page<Content>(_ content: Content, title: String, path: String, description: String?, nav: PageShell.Section,
                       isHome: Bool = false, feed: FeedLinks? = nil, ogType: String = "website", jsonLD: String? = nil,
                       previous: String? = nil, next: String? = nil) -> PageData<Content> {
        PageData(site: siteShell,
                 page: PageShell(title: title, canonical: paths.absolute(path), isHome: isHome, ogType: ogType,
                                 description: description ?? site.description, feed: feed, jsonLD: jsonLD,
                                 prev: previous, next: next, section: nav),
                 content: content)
    }

    /// A feed's links, for a page that has a feed of its own.
    func feedLinks(_ sitePath: String, title: String) -> FeedLinks {
        FeedLinks(sitePath, title: title, paths: paths)
    }

    /// `3 days`, `1 day`: the length of a run at a glance.
    func lengthText(_ run: Run) -> String {
        run.dayCount == 1 ? "1 day" : "\(run.dayCount) days"
    }

    /// "Clocks go back on Sunday 27 October; hours stay 10:00–16:00 local",
    /// for a run with hours whose zone changes its clocks between its first
    /// and last day; `nil` otherwise.
    func clockNote(_ run: Run) -> String? {
        guard case .hours = run.hours, let change = ClockChange(during: run, next: { [clockChanges] zone, day in
            clockChanges.value("\(zone)#\(day.dayNumber)") { ClockChange.next(in: zone, after: day) }
        }) else { return nil }
        let day = "\(DateText.weekdays[change.date.isoWeekday - 1]) \(change.date.day) \(DateText.months[change.date.month - 1])"
        return "Clocks go \(change.forward ? "forward" : "back") on \(day); hours stay \(run.hours) local"
    }

    func instructorLinks(_ names: [String]) -> [InstructorLink] {
        names.enumerated().compactMap { offset, name in
            guard let slug = instructorSlug(name) else { return nil }
            return InstructorLink(name: name, slug: slug.value, url: paths.link(SitePaths.instructor(slug)), last: offset == names.count - 1)
        }
    }

    /// A name's slug, folded once per build by the index.
    func instructorSlug(_ name: String) -> Slug? {
        index.instructorSlugs[name] ?? Slug(folding: name)
    }

    func tagLinks(_ names: [String]) -> [TagLink] {
        names.compactMap { name in
            guard let slug = index.tagSlugs[name] ?? Slug(tag: name) else { return nil }
            return TagLink(name: name, slug: slug.value, url: paths.link(SitePaths.tag(slug)))
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
    func entryCard(_ course: Course, run: Run?, lastRun: Run? = nil, omitting omitted: Slug? = nil) -> EntryCard {
        // On an instructor's own page, "with" names only the others.
        let names = (run?.instructors ?? course.allInstructors).filter { omitted == nil || instructorSlug($0) != omitted }
        let courseBadges = self.courseBadges(course)
        let location = if let run { run.location } else { course.location }
        return EntryCard(title: course.title, url: paths.link(SitePaths.course(course.slug)),
                         kind: course.kind, summary: course.summary,
                         instructors: instructorLinks(names), hasInstructors: !names.isEmpty,
                         tags: tagLinks(course.tags), hasTags: !course.tags.isEmpty,
                         dates: run.map { DateText.range($0.start, $0.end) },
                         startISO: run?.start.iso, endISO: run?.end.iso,
                         hours: run.map(hoursLabel), length: run.map(lengthText),
                         past: run.map { !index.timeline.isUpcoming($0) } ?? false,
                         location: location,
                         undated: run != nil ? nil
                             : lastRun.map { "Last given \(DateText.month(year: $0.end.year, month: $0.end.month))" } ?? "No dates yet",
                         booking: bookingBadges(run?.booking ?? course.booking, bookable: false, besides: courseBadges),
                         courseBadges: courseBadges)
    }

    /// An entry card's HTML, shared by every page that lists the same run.
    func renderedCard(_ course: Course, run: Run?, lastRun: Run? = nil, templates: TemplateSet) -> RenderedCard {
        cards.cards.value(cardName(course, run: run, lastRun: lastRun)) {
            templates.renderCard(entryCard(course, run: run, lastRun: lastRun))
        }
    }

    /// A card's name in `cards`: its course as loaded, its run, and whether
    /// that run is past (`syllabus serve` keeps cards across midnight).
    func cardName(_ course: Course, run: Run?, lastRun: Run?) -> String {
        let past = run.map { index.timeline.isUpcoming($0) ? "u" : "p" } ?? "l\(lastRun?.ordinal ?? -1)"
        return "\(course.slug.value)#\(run?.ordinal ?? -1)#\(past)#\(course.fingerprint)"
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
