import Mustache
import Testing
@testable import SyllabusKit

/// Every name a built-in template uses is a field of the typed data it is
/// rendered with (`Render/PageData/`), at the section it is used in. With
/// `TemplateVariablesTests` (docs/templates.md lists exactly the names the
/// templates use) this ties the doc to the structs: a template using a key no
/// struct has fails here, and so does a documented key no struct provides.
@Suite struct TemplateDataTests {
    /// Stands for a `nil` optional in a sample, which must set every field:
    /// a field left `nil` would hide the names inside it.
    struct Unset {}

    /// A fully populated sample of each template's data, as Mustache sees it.
    /// Partials (`base`, `listing`, `run`, …) are reached through the
    /// templates that include them, with the data at the place of the include.
    static func roots() -> [String: Any] {
        func frame(_ value: some Encodable) -> Any { TemplateEncoder.value(value, absent: Unset()) }
        let feed = FeedLinks("courses/otp/calendar.ics", title: "OTP", paths: Samples.paths)
        func page<Content>(_ content: Content) -> PageData<Content> {
            PageData(site: Samples.site, page: PageShell(title: "OTP", canonical: "https://example.org/", isHome: true,
                                                         ogType: "website", description: "All of it.", feed: feed,
                                                         jsonLD: "{}", prev: "/page/1/", next: "/page/3/", section: .catalog),
                     content: content)
        }
        return [
            "404": frame(page(NoContent())),
            "catalog": frame(page(CatalogPage(listing: Samples.listing, firstPage: true, hasRuns: true, filtersHTML: "<form>",
                                              hasFilters: true))),
            "past": frame(page(PastPage(listing: Samples.listing))),
            "course": frame(page(CoursePage(
                title: "OTP", kind: "Workshop", summary: "Processes.", location: "Oslo", runs: [Samples.run], pastRuns: [Samples.run],
                hasRuns: true, hasPastRuns: true, multipleRuns: true, multiplePastRuns: true, instructors: [Samples.instructor],
                hasInstructors: true, multipleInstructors: true, tags: [Samples.tag], hasTags: true, feed: feed, body: DeferredHTML("<p>"),
                facts: FactBox(level: "Beginner", languageName: "German", audience: "Developers", prerequisites: "Erlang",
                               prerequisiteList: ["Erlang", "Git"], hasPrerequisiteList: true, priceFact: "€900"),
                book: "https://example.org/book"))),
            "day": frame(page(DayPage(iso: "2020-05-04", label: "Monday 4 May 2020", sessions: [DaySession(run: EncodedOnce(SessionRun(
                title: "OTP", url: "/courses/otp/", hours: "09:00–17:00", timezone: "Europe/Oslo", dayCount: 2,
                startISO: "2020-05-04", endISO: "2020-05-05", past: true, multiDay: true, instructors: [Samples.instructor],
                hasInstructors: true, kind: "Workshop", summary: "Processes.", location: "Oslo", booking: Samples.booking,
                courseBadges: Samples.courseBadges)), dayOfRun: 1)],
                previous: Samples.dayLink, next: Samples.dayLink))),
            "days": frame(page(DaysPage(months: [RenderedHTML(html: "<section>")], hasMonths: true, pager: Samples.pager))),
            "days-month": frame(DaysMonth(
                key: "2020-05", name: "May 2020",
                weeks: [CalendarWeek(cells: [CalendarCell(blank: true, day: 4, label: "Monday 4 May 2020", url: "/days/2020-05-04/",
                                                          count: 2, plural: true)])],
                days: [MonthDay(url: "/days/2020-05-04/", iso: "2020-05-04", label: "Monday 4 May 2020",
                                sessions: [MonthSession(title: "OTP", hours: "09:00–17:00", url: "/courses/otp/", cancelled: true)])])),
            "entry-card": frame(EntryCard(
                title: "OTP", url: "/courses/otp/", kind: "Workshop", summary: "Processes.", instructors: [Samples.instructor],
                hasInstructors: true, tags: [Samples.tag], hasTags: true, dates: "4–5 May 2020", startISO: "2020-05-04",
                endISO: "2020-05-05", hours: "09:00–17:00", length: "2 days", past: true, location: "Oslo",
                undated: "No dates yet", booking: Samples.booking, courseBadges: Samples.courseBadges)),
            "filters": frame(FilterOptions(
                tags: [FilterChoice(slug: "otp", name: "OTP")], instructors: [FilterChoice(slug: "ada", name: "Ada")],
                months: [MonthChoice(key: "2020-05", name: "May 2020")], search: true, pageSize: 20, siteRoot: "/",
                levels: [Samples.facet], hasLevels: true, languages: [Samples.facet], hasLanguages: true,
                modes: [Samples.facet], hasModes: true,
                facetGroups: [FacetGroup(label: "level", links: [FacetLink(key: "beginner", name: "Beginner", url: "/levels/beginner/",
                                                                           last: true)], last: true)],
                hasFacetGroups: true)),
            "instructor": frame(page(InstructorPage(
                listing: Samples.listing, name: "Ada", role: "Trainer", photo: "/media/ada.jpg", bio: "<p>",
                links: [ProfileLinkData(title: "Site", url: "https://ada.example")], hasLinks: true, feed: feed))),
            "instructors": frame(page(InstructorsPage(instructors: [InstructorSummary(name: "Ada", url: "/instructors/ada/",
                                                                                     courseCount: 3, role: "Trainer")]))),
            "search": frame(page(SearchPage(filtersHTML: "<form>"))),
            "tag": frame(page(TagPage(listing: Samples.listing, feed: feed, name: "OTP", label: "Topic", indexPath: "tags/",
                                      indexName: "all topics", count: 3, plural: true))),
            "tags": frame(page(TagsPage(tags: [TagCount(name: "OTP", url: "/tags/otp/", count: 3)], hasTags: true))),
        ]
    }

    enum Samples {
        static let paths = SitePaths(base: BaseURL("https://example.org/")!)
        static let site = SiteShell(title: "Courses", language: "en", root: "/", origin: "https://example.org", zone: "Europe/Oslo",
                                    description: "All of it.", logo: "/media/logo.svg", accent: "#0a5", footer: "Footer",
                                    today: "2020-05-01", hasPast: true, stylesheet: true, feedHTTPS: "https://example.org/calendar.ics",
                                    feedWebcal: "webcal://example.org/calendar.ics", serveScript: "<script>")
        static let instructor = InstructorLink(name: "Ada", slug: "ada", url: "/instructors/ada/", last: true)
        static let tag = TagLink(name: "OTP", slug: "otp", url: "/tags/otp/")
        static let dayLink = DayLink(url: "/days/2020-05-04/", label: "4 May")
        static let badge = Badge(label: "Online", tone: "online")
        static let booking = BookingBadges(price: "€900", status: badge, cancelled: true, mode: badge,
                                           book: "https://example.org/book", hasBadges: true)
        static let courseBadges = CourseBadges(level: "Beginner", languageName: "German")
        static let facet = FacetChoice(key: "beginner", name: "Beginner", url: "/levels/beginner/")
        static let pager = Pager(pages: [PagerLink(number: 2, url: "/page/2/", current: true, gap: true)], number: 2, count: 3,
                                 previous: "/", next: "/page/3/")
        static let listing = Listing(sections: [ListingSectionData(id: "upcoming", heading: "Upcoming", html: DeferredHTML("<li>"))],
                                     hasEntries: true, pager: pager)
        static let run = RunData(dates: "4–5 May 2020", startISO: "2020-05-04", endISO: "2020-05-05", hours: "09:00–17:00",
                                 length: "2 days", timezone: "Europe/Oslo", instructors: [instructor], hasInstructors: true,
                                 days: [RunDayLink(url: "/days/2020-05-04/", label: "4 May", last: true)], location: "Oslo",
                                 calendar: RunCalendar(google: "https://calendar.google.com/", googleDays: [dayLink],
                                                       multiDay: true, ics: "https://example.org/courses/otp/calendar.ics"),
                                 clockNote: "Clocks go back", booking: booking)
    }

    /// A name used by a template that its data lacks, as "template: section › name".
    static func missingNames(structures: [String: TemplateStructure], roots: [String: Any]) -> (missing: [String], reached: Set<String>) {
        var missing: [String] = [], reached = Set<String>()
        func lookup(_ name: String, _ frames: [Any]) -> Any? {
            for frame in frames.reversed() {
                if let fields = frame as? MustacheFields, let value = fields[name] { return value }
            }
            return nil
        }
        /// The frames inside `sections`, or the first section the data lacks.
        func frames(inside sections: [String], from root: [Any]) -> [Any]? {
            var frames = root
            for section in sections {
                guard var value = lookup(section, frames) else { return nil }
                // A list's items all have the same fields: the sample's first stands for them.
                if let items = value as? [Any] { value = items.first ?? Unset() }
                frames.append(value)
            }
            return frames
        }
        func check(_ name: String, _ root: [Any], via path: String) {
            reached.insert(name)
            guard let structure = structures[name] else { return }
            for variable in structure.variables {
                guard let lookupName = variable.lookupName else { continue }
                let inside = structure.context(of: variable)
                let where_ = "\(path)\(name): \((inside + [lookupName]).joined(separator: " › "))"
                guard let stack = frames(inside: inside, from: root), let value = lookup(lookupName, stack) else {
                    missing.append(where_)
                    continue
                }
                if value is Unset || (value as? [Any])?.isEmpty == true { missing.append(where_ + " (unset in the sample)") }
            }
            for include in structure.includes {
                guard let stack = frames(inside: structure.context(of: include), from: root) else {
                    missing.append("\(path)\(name): {{> \(include.name)}} inside a section its data lacks")
                    continue
                }
                check(include.name, stack, via: "\(path)\(name) > ")
            }
        }
        for name in roots.keys.sorted() { check(name, [roots[name]!], via: "") }
        return (missing, reached)
    }

    @Test func everyNameOfTheBuiltinTemplatesIsAFieldOfTheirTypedData() {
        let structures = BuiltinTheme.embedded.templates.mapValues { TemplateStructure($0) }
        let (missing, reached) = Self.missingNames(structures: structures, roots: Self.roots())
        #expect(missing == [], "names a template uses that its page data has not")
        #expect(reached == Set(structures.keys), "every built-in template is rendered with some page data")
    }

    /// The check can fail: a misspelt name, a name only another page has, and
    /// a partial included where its names are out of reach.
    @Test func aNameNoStructHasIsFound() {
        var structures = BuiltinTheme.embedded.templates.mapValues { TemplateStructure($0) }
        structures["tags"] = TemplateStructure("{{<base}}{{$main}}{{#tags}}{{nmae}}{{/tags}}{{sections}}{{> feed-links}}{{/main}}{{/base}}")
        let (missing, _) = Self.missingNames(structures: structures, roots: Self.roots())
        #expect(missing == [
            "tags: tags › nmae", "tags: sections",
            "tags > feed-links: webcal", "tags > feed-links: google", "tags > feed-links: outlook", "tags > feed-links: https",
        ])
    }
}
