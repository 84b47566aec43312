import Mustache
import Testing
@testable import SyllabusKit

/// A type that writes its own frame (`TemplateFields`) writes the one its
/// `Encodable` conformance gives: the same names in the same order, and the
/// same values. A field added to the struct and not to `write(into:)` fails here.
@Suite struct TemplateFieldsTests {
    typealias Samples = TemplateDataTests.Samples

    /// Every value as text, with its kind: `"1"`, `1` and `true` differ, and an
    /// array is `[Any]` exactly (a `[String]` would render alike, but the
    /// fingerprint walk and Mustache's fast path take only `[Any]`).
    func shown(_ value: Any) -> String {
        switch value {
        case let fields as MustacheFields:
            "{" + zip(fields.names, fields.values).map { "\($0): \(shown($1))" }.joined(separator: ", ") + "}"
        case let items as [Any] where type(of: value) == [Any].self: "[" + items.map(shown).joined(separator: ", ") + "]"
        case let text as String: "\"\(text)\""
        case let flag as Bool: "\(flag)"
        case let number as Int: "#\(number)"
        case let html as DeferredHTML: "deferred(\(html.html))"
        default: "?\(type(of: value))"
        }
    }

    /// Through `Encodable`, as for any other page data.
    func encoded<Value: Encodable>(_ value: Value) -> MustacheFields {
        TemplateEncoder.encoded(value)
    }

    func written(_ value: some TemplateFields) -> MustacheFields {
        TemplateEncoder.frame(value)
    }

    static let full = EntryCard(
        title: "OTP", url: "/courses/otp/", kind: "Workshop", summary: "Processes.",
        instructors: [Samples.instructor, InstructorLink(name: "Bo", slug: "bo", url: "/instructors/bo/", last: false)],
        hasInstructors: true, tags: [Samples.tag], hasTags: true, dates: "4–5 May 2020", startISO: "2020-05-04",
        endISO: "2020-05-05", hours: "09:00–17:00", length: "2 days", past: true, location: "Oslo",
        undated: "No dates yet", booking: Samples.booking, courseBadges: Samples.courseBadges)

    static let sparse = EntryCard(
        title: "OTP", url: "/courses/otp/", kind: nil, summary: nil, instructors: [], hasInstructors: false, tags: [],
        hasTags: false, dates: nil, startISO: nil, endISO: nil, hours: nil, length: nil, past: false, location: nil,
        undated: nil, booking: BookingBadges(price: nil, status: nil, cancelled: false, mode: nil, book: nil, hasBadges: false),
        courseBadges: CourseBadges(level: nil, languageName: nil))

    @Test(arguments: [full, sparse])
    func anEntryCardWritesWhatItEncodes(card: EntryCard) {
        let written = shown(written(card))
        #expect(written == shown(encoded(card)))
        #expect(written.contains("title: \"OTP\""), "the comparison sees the values: \(written)")
    }

    /// A course page with every field set, and one with none that may be absent.
    static func coursePage(full: Bool) -> PageData<CoursePage> {
        let feed = full ? FeedLinks("courses/otp/calendar.ics", title: "OTP", paths: Samples.paths) : nil
        let sparseRun = RunData(dates: "4 May 2020", startISO: "2020-05-04", endISO: "2020-05-04", hours: "", length: "1 day",
                                timezone: "UTC", instructors: [], hasInstructors: false, days: [], location: nil, calendar: nil,
                                clockNote: nil, booking: sparse.booking)
        let content = CoursePage(
            title: "OTP", kind: full ? "Workshop" : nil, summary: full ? "Processes." : nil, location: full ? "Oslo" : nil,
            runs: full ? [Samples.run, sparseRun] : [], pastRuns: full ? [sparseRun] : [], hasRuns: full, hasPastRuns: full,
            multipleRuns: full, multiplePastRuns: false, instructors: full ? [Samples.instructor] : [], hasInstructors: full,
            multipleInstructors: false, tags: full ? [Samples.tag] : [], hasTags: full, feed: feed, body: DeferredHTML("<p>Hi</p>"),
            facts: FactBox(level: full ? "Beginner" : nil, languageName: full ? "German" : nil, audience: full ? "Developers" : nil,
                           prerequisites: full ? "Erlang" : nil, prerequisiteList: full ? ["Erlang", "Git"] : [],
                           hasPrerequisiteList: full, priceFact: full ? "€900" : nil),
            book: full ? "https://example.org/book" : nil)
        let shell = PageShell(title: "OTP", canonical: "https://example.org/courses/otp/", isHome: false, ogType: "article",
                              description: full ? "Processes." : nil, feed: feed, jsonLD: full ? "{}" : nil,
                              prev: full ? "/page/1/" : nil, next: full ? "/page/3/" : nil, section: full ? .catalog : .none)
        let site = full ? Samples.site : SiteShell(
            title: "Courses", language: "en", root: "/", origin: "https://example.org", zone: "UTC", description: nil, logo: nil,
            accent: nil, footer: nil, today: "2020-05-01", hasPast: false, stylesheet: false,
            feedHTTPS: "https://example.org/calendar.ics", feedWebcal: "webcal://example.org/calendar.ics", serveScript: "")
        return PageData(site: site, page: shell, content: content)
    }

    @Test(arguments: [true, false])
    func aCoursePageWritesWhatItEncodes(full: Bool) {
        let page = Self.coursePage(full: full)
        let written = shown(written(page))
        #expect(written == shown(encoded(page)))
        #expect(written.contains("body: deferred(<p>Hi</p>)"), "the body stays the deferred object: \(written)")
        #expect(written.contains(full ? "google: \"https://calendar.google.com/\"" : "runs: []"), "\(written)")
    }

    static let session = SessionRun(
        title: "OTP", url: "/courses/otp/", hours: "09:00–17:00", timezone: "Europe/Oslo", dayCount: 2, startISO: "2020-05-04",
        endISO: "2020-05-05", past: true, multiDay: true, instructors: [Samples.instructor], hasInstructors: true, kind: "Workshop",
        summary: "Processes.", location: "Oslo", booking: Samples.booking, courseBadges: Samples.courseBadges)
    static let sparseSession = SessionRun(
        title: "OTP", url: "/courses/otp/", hours: "", timezone: "UTC", dayCount: 1, startISO: "2020-05-04", endISO: "2020-05-04",
        past: false, multiDay: false, instructors: [], hasInstructors: false, kind: nil, summary: nil, location: nil,
        booking: sparse.booking, courseBadges: sparse.courseBadges)
    static let month = DaysMonth(
        key: "2020-05", name: "May 2020",
        weeks: [CalendarWeek(cells: [CalendarCell(blank: true, day: nil, label: nil, url: nil, count: nil, plural: false),
                                     CalendarCell(blank: false, day: 4, label: "Monday 4 May 2020", url: "/days/2020-05-04/",
                                                  count: 2, plural: true)])],
        days: [MonthDay(url: "/days/2020-05-04/", iso: "2020-05-04", label: "Monday 4 May 2020",
                        sessions: [MonthSession(title: "OTP", hours: "09:00–17:00", url: "/courses/otp/", cancelled: true)])])
    static let sparsePager = Pager(pages: [PagerLink(number: nil, url: nil, current: false, gap: true)], number: 1, count: 2,
                                   previous: nil, next: "/page/2/")

    /// Through `Encodable` alone: what `TemplateFields` replaces.
    static func throughEncodable<Value: Encodable>(_ value: Value) -> MustacheFields {
        TemplateEncoder.encoded(value)
    }

    /// Written and encoded, each with its name, for every other type that writes its own frame.
    static func otherPages() -> [(String, MustacheFields, MustacheFields)] {
        func both<Value: TemplateFields>(_ name: String, _ value: Value) -> (String, MustacheFields, MustacheFields) {
            (name, TemplateEncoder.frame(value), throughEncodable(value))
        }
        let page = coursePage(full: true)
        func data<Content: TemplateInline & TemplateFields & Sendable>(_ content: Content) -> PageData<Content> {
            PageData(site: page.site, page: page.page, content: content)
        }
        let feed = page.content.feed
        let listing = Samples.listing
        let sparseListing = Listing(sections: [], hasEntries: false, pager: nil)
        return [
            both("day", data(DayPage(iso: "2020-05-04", label: "Monday 4 May 2020",
                                     sessions: [DaySession(run: EncodedOnce(session), dayOfRun: 1),
                                                DaySession(run: EncodedOnce(sparseSession), dayOfRun: 2)],
                                     previous: Samples.dayLink, next: Samples.dayLink))),
            both("day, alone", data(DayPage(iso: "2020-05-04", label: "Monday 4 May 2020", sessions: [], previous: nil, next: nil))),
            both("days", data(DaysPage(months: [RenderedHTML(html: "<section>")], hasMonths: true, pager: Samples.pager))),
            both("days, one page", data(DaysPage(months: [], hasMonths: false, pager: nil))),
            both("days-month", month),
            both("catalog", data(CatalogPage(listing: listing, firstPage: true, hasRuns: true, filtersHTML: "<form>", hasFilters: true))),
            both("catalog, empty", data(CatalogPage(listing: sparseListing, firstPage: false, hasRuns: false, filtersHTML: "",
                                                    hasFilters: false))),
            both("past", data(PastPage(listing: Listing(sections: listing.sections, hasEntries: true, pager: sparsePager)))),
            both("tag", data(TagPage(listing: listing, feed: feed, name: "OTP", label: "Topic", indexPath: "tags/",
                                     indexName: "all topics", count: 3, plural: true))),
            both("level", data(TagPage(listing: sparseListing, feed: nil, name: "Beginner", label: "Level", indexPath: "",
                                       indexName: "the catalog", count: 1, plural: false))),
            both("instructor", data(InstructorPage(listing: listing, name: "Ada", role: "Trainer", photo: "/media/ada.jpg", bio: "<p>",
                                                   links: [ProfileLinkData(title: "Site", url: "https://ada.example")], hasLinks: true,
                                                   feed: feed))),
            both("instructor, bare", data(InstructorPage(listing: sparseListing, name: "Bo", role: nil, photo: nil, bio: nil,
                                                         links: [], hasLinks: false, feed: nil))),
        ]
    }

    @Test func theOtherPagesWriteWhatTheyEncode() {
        for (name, written, encoded) in Self.otherPages() {
            #expect(shown(written) == shown(encoded), "\(name)")
            #expect(written.count > 0, "\(name)")
        }
    }

    /// The room a frame is given is the room it takes.
    @Test func fieldCountsAreTheNamesWritten() {
        let page = Self.coursePage(full: true)
        let counts = [
            (written(page).count, PageData<CoursePage>.fieldCount), (written(page.site).count, SiteShell.fieldCount),
            (written(page.page).count, PageShell.fieldCount), (written(page.content).count, CoursePage.fieldCount),
            (written(page.content.facts).count, FactBox.fieldCount), (written(Samples.run).count, RunData.fieldCount),
            (written(Samples.run.calendar!).count, RunCalendar.fieldCount), (written(Samples.dayLink).count, DayLink.fieldCount),
            (written(Samples.run.days[0]).count, RunDayLink.fieldCount), (written(page.page.feed!).count, FeedLinks.fieldCount),
            (written(Self.full).count, EntryCard.fieldCount), (written(Samples.booking).count, BookingBadges.fieldCount),
            (written(Samples.courseBadges).count, CourseBadges.fieldCount), (written(Samples.badge).count, Badge.fieldCount),
            (written(Samples.instructor).count, InstructorLink.fieldCount), (written(Samples.tag).count, TagLink.fieldCount),
            (written(Self.session).count, SessionRun.fieldCount), (written(Self.month).count, DaysMonth.fieldCount),
            (written(Self.month.weeks[0]).count, CalendarWeek.fieldCount),
            (written(Self.month.weeks[0].cells[1]).count, CalendarCell.fieldCount),
            (written(Self.month.days[0]).count, MonthDay.fieldCount), (written(Self.month.days[0].sessions[0]).count, MonthSession.fieldCount),
            (written(Samples.pager).count, Pager.fieldCount), (written(Samples.pager.pages[0]).count, PagerLink.fieldCount),
            (written(Samples.listing).count, Listing.fieldCount), (written(Samples.listing.sections[0]).count, ListingSectionData.fieldCount),
            (written(DaySession(run: EncodedOnce(Self.session), dayOfRun: 1)).count, DaySession.fieldCount),
            (written(RenderedHTML(html: "<p>")).count, RenderedHTML.fieldCount),
            (written(ProfileLinkData(title: "Site", url: "https://ada.example")).count, ProfileLinkData.fieldCount),
        ]
        for (name, written, _) in Self.otherPages() where name == "tag" || name == "instructor" || name == "catalog" || name == "day" {
            let declared = switch name {
            case "tag": PageData<TagPage>.fieldCount
            case "instructor": PageData<InstructorPage>.fieldCount
            case "catalog": PageData<CatalogPage>.fieldCount
            default: PageData<DayPage>.fieldCount
            }
            #expect(written.count == declared, "\(name)")
        }
        for (index, (count, declared)) in counts.enumerated() { #expect(count == declared, "sample \(index)") }
    }

    @Test func everyFieldIsWritten() {
        // Sixteen of the card's own, six of its booking's, two of its course badges'.
        let frame = written(Self.full)
        #expect(frame.count == 24)
        #expect(shown(frame).contains("status: {label: \"Online\", tone: \"online\"}"))
        #expect(shown(frame).contains("instructors: [{name: \"Ada\""))
    }
}
