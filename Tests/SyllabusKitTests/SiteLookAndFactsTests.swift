import Foundation
import Testing
@testable import SyllabusKit

/// Facts at a glance, one-click subscribe links and the look from site.yml (issue 17).
@Suite struct SiteLookAndFactsTests {
    static let lisbon = """
    ---
    title: Data week
    start: 2026-10-23
    end: 2026-10-26
    time: "10:00-16:00"
    timezone: Europe/Lisbon
    ---
    Body.
    """

    @Test func aRunAcrossAClockChangeSaysSoBesideItsHours() throws {
        let site = try TestSite(["content/courses/data-week.md": Self.lisbon])
        defer { site.remove() }
        try site.build()
        let page = try site.read("courses/data-week/index.html")
        #expect(page.contains("<span class=\"clock-note\">Clocks go back on Sunday 25 October; hours stay 10:00–16:00 local</span>"))
        #expect(page.contains("<span class=\"run-length\">4 days</span>"))
        let catalog = try site.read("index.html")
        #expect(catalog.contains("<span class=\"length\">4 days</span>"))
    }

    @Test func clockChangesAreFoundOnlyBetweenTheFirstAndLastDay() throws {
        func run(_ start: String, _ end: String, _ zone: String) -> Run {
            Run(ordinal: 0, start: CalendarDate(iso: start)!, end: CalendarDate(iso: end)!, hours: .allDay,
                timezone: zone, location: nil, instructors: [], source: SourceLocation(path: "x.md"))
        }
        let spring = ClockChange(during: run("2026-03-27", "2026-03-30", "Europe/Stockholm"))
        #expect(spring == ClockChange(date: CalendarDate(iso: "2026-03-29")!, forward: true))
        // The change is in the small hours of the first day, before the run begins.
        #expect(ClockChange(during: run("2026-03-29", "2026-03-30", "Europe/Stockholm")) == nil)
        #expect(ClockChange(during: run("2026-03-27", "2026-03-28", "Europe/Stockholm")) == nil)
        #expect(ClockChange(during: run("2026-03-27", "2026-03-30", "Asia/Tokyo")) == nil)
        // Southern hemisphere: clocks go back in April.
        #expect(ClockChange(during: run("2026-04-03", "2026-04-06", "Australia/Sydney"))
                == ClockChange(date: CalendarDate(iso: "2026-04-05")!, forward: false))
    }

    /// Pages look the next change up once per zone and first day: runs that
    /// start together but end apart still get their own answers.
    @Test func runsStartingTheSameDayShareOneLookUpOfTheNextChange() {
        func run(_ start: String, _ end: String) -> Run {
            Run(ordinal: 0, start: CalendarDate(iso: start)!, end: CalendarDate(iso: end)!, hours: .allDay,
                timezone: "Europe/Stockholm", location: nil, instructors: [], source: SourceLocation(path: "x.md"))
        }
        let memo = Memo<ClockChange?>()
        var lookUps = 0
        let next = { (zone: String, day: CalendarDate) in
            memo.value("\(zone)#\(day.dayNumber)") { lookUps += 1; return ClockChange.next(in: zone, after: day) }
        }
        #expect(ClockChange(during: run("2026-03-27", "2026-03-30"), next: next)
                == ClockChange(date: CalendarDate(iso: "2026-03-29")!, forward: true))
        #expect(ClockChange(during: run("2026-03-27", "2026-03-28"), next: next) == nil)
        #expect(ClockChange(during: run("2026-03-27", "2026-04-02"), next: next) != nil)
        #expect(lookUps == 1)
    }

    @Test func aOneDayRunSaysOneDayAndHasNoClockNote() throws {
        let site = try TestSite(["content/courses/one.md": "---\ntitle: One\nstart: 2026-10-25\n---\n"])
        defer { site.remove() }
        try site.build()
        let page = try site.read("courses/one/index.html")
        #expect(page.contains("<span class=\"run-length\">1 day</span>"))
        #expect(!page.contains("clock-note"))
    }

    @Test func feedLinksSubscribeInGoogleAndOutlookInOneClick() throws {
        let site = try TestSite(["content/courses/data-week.md": Self.lisbon])
        defer { site.remove() }
        try site.build()
        let google = "https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Fexample.org%2Ftraining%2Fcourses%2Fdata-week%2Fcalendar.ics"
        let outlook = "https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2Fexample.org%2Ftraining%2Fcourses%2Fdata-week%2Fcalendar.ics&amp;name=Data%20week"
        let course = try site.read("courses/data-week/index.html")
        #expect(course.contains("<a href=\"\(google)\">Subscribe in Google Calendar</a>"))
        #expect(course.contains("<a href=\"\(outlook)\">Subscribe in Outlook.com</a>"))
        #expect(course.contains("href=\"webcal://example.org/training/courses/data-week/calendar.ics\""))
        let catalog = try site.read("index.html")
        #expect(catalog.contains("cid=webcal%3A%2F%2Fexample.org%2Ftraining%2Fcalendar.ics\">Subscribe in Google Calendar"))
        let instructorless = try site.read("instructors/index.html")
        #expect(!instructorless.contains("Subscribe in Google Calendar"))
    }

    @Test func logoAccentFooterAndSiteStylesheetComeFromSiteYML() throws {
        let site = try TestSite([
            "content/site.yml": TestSite.siteYML + "\nlogo: media/logo.svg\naccent: \"#0a6e5c\"\nfooter: \"Rua do Porto 1, Lisboa\"\n",
            "content/media/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            "templates/assets/site.css": ".brand { letter-spacing: 0.1em; }",
            "content/courses/one.md": "---\ntitle: One\n---\n",
        ])
        defer { site.remove() }
        try site.build()
        let page = try site.read("courses/one/index.html")
        #expect(page.contains("<a class=\"brand\" href=\"/training/\"><img class=\"logo\" src=\"/training/media/logo.svg\" alt=\"\">Test Training</a>"))
        #expect(page.contains("<style>:root { --accent: #0a6e5c; --accent-dark: color-mix(in srgb, #0a6e5c 80%, black); --accent-wash: color-mix(in srgb, #0a6e5c 12%, white); }</style>"))
        let builtin = try #require(page.range(of: "assets/style.css"))
        let own = try #require(page.range(of: "<link rel=\"stylesheet\" href=\"/training/assets/site.css\">"))
        #expect(builtin.upperBound < own.lowerBound)
        #expect(page.contains("<p class=\"footer-text\">Rua do Porto 1, Lisboa</p>"))
        #expect(try site.read("assets/site.css") == ".brand { letter-spacing: 0.1em; }")
    }

    @Test func withoutStyleKeysNothingIsAdded() throws {
        let site = try TestSite(["content/courses/one.md": "---\ntitle: One\n---\n"])
        defer { site.remove() }
        try site.build()
        let page = try site.read("courses/one/index.html")
        #expect(!page.contains("class=\"logo\""))
        #expect(!page.contains("site.css"))
        #expect(!page.contains("--accent:"))
        #expect(!page.contains("footer-text"))
    }

    @Test func aBadAccentOrAMissingLogoIsAnErrorAtItsLine() throws {
        let site = try TestSite([
            "content/site.yml": TestSite.siteYML + "\naccent: \"red; } body { display: none\"\nlogo: media/missing.png\n",
            "content/courses/one.md": "---\ntitle: One\n---\n",
        ])
        defer { site.remove() }
        #expect(site.failures() == [
            "content/site.yml:5:9: error: 'accent': \"red; } body { display: none\" is not a CSS colour; write e.g. accent: \"#0a6e5c\", rgb(10 110 92) or teal",
            "content/site.yml:6:7: error: 'logo': content/media/missing.png does not exist; put the image there or correct the path",
        ])
    }

    @Test func cssColoursAreCheckedStrictly() {
        for good in ["#0a6e5c", "#08F", "#0a6e5c80", "rgb(10 110 92)", "rgba(10, 110, 92, 0.5)", "hsl(170deg 80% 30%)",
                     "oklch(0.55 0.12 170)", "Teal", "rebeccapurple"] {
            #expect(CSSColour(good) != nil, "\(good)")
        }
        for bad in ["", "#12", "#ggg", "teal;", "url(x)", "rgb(1,2,3); x", "expression(alert(1))", "rgb()", "blurple"] {
            #expect(CSSColour(bad) == nil, "\(bad)")
        }
    }
}
