import Foundation
import Testing
@testable import SyllabusKit

/// Upcoming and past, pagination and the search index on `Fixtures/overtime`,
/// whose runs straddle the test build date (2020-05-20 in Stockholm).
@Suite struct OverTimeTests {
    static let fixture = TestData.fixtures.appendingPathComponent("overtime")
    /// Midday in Stockholm on the given day.
    static func noon(_ iso: String) -> Int { CalendarDate(iso: iso)!.dayNumber * 86_400 + 10 * 3600 }

    /// Course pages a listing page links to, in order of appearance.
    static func courses(in html: String) -> [String] {
        SnapshotTests.attributes(in: html).filter { $0.hasPrefix("/training/courses/") && $0.hasSuffix("/") }
            .map { String($0.dropFirst("/training/courses/".count).dropLast()) }
    }

    static func listed(_ site: TestSite, _ pages: [String]) throws -> [String] {
        try pages.flatMap { try courses(in: site.read($0)) }
    }

    @Test func aRunMovesFromTheHomePageToPastTheDayAfterItsLastDay() throws {
        let site = try TestSite(copying: Self.fixture)
        defer { site.remove() }
        let home = ["index.html", "page/2/index.html", "page/3/index.html"]
        // On its last day (2020-05-20), Beta OTP is upcoming: first on the home page, not on /past/.
        try site.build(timestamp: Self.noon("2020-05-20"))
        #expect(try Self.courses(in: site.read("index.html")).first == "beta-otp")
        #expect(try !Self.listed(site, ["past/index.html", "past/page/2/index.html"]).contains("beta-otp"))
        #expect(try site.read("courses/beta-otp/index.html").contains("Add to Google Calendar"))

        // The day after, it is past: newest first on /past/, and on the home page
        // only among the entries with no upcoming run ("Last given May 2020").
        try site.build(timestamp: Self.noon("2020-05-21"))
        #expect(try Self.courses(in: site.read("past/index.html")).first == "beta-otp")
        let homeLinks = try Self.listed(site, home)
        #expect(homeLinks.first == "alpha-erlang")
        let later = try home.map { try site.read($0) }.joined()
        let upcoming = later.components(separatedBy: #"<h2 id="no-upcoming">"#)[0]
        #expect(!upcoming.contains(#"href="/training/courses/beta-otp/""#))
        #expect(later.contains("Last given May 2020"))
        #expect(try !site.read("courses/beta-otp/index.html").contains("Add to Google Calendar"))
        #expect(try site.read("courses/beta-otp/index.html").contains("<dt>Past run</dt>"))
    }

    @Test func homePageListsUpcomingInDateOrderThenTheRestAToZ() throws {
        let site = try TestSite(copying: Self.fixture)
        defer { site.remove() }
        try site.build()
        #expect(try Self.listed(site, ["index.html", "page/2/index.html", "page/3/index.html"])
            == ["beta-otp", "alpha-erlang", "epsilon-beam", "delta-exam", "gamma-elixir", "zeta-history"])
        #expect(try Self.listed(site, ["past/index.html", "past/page/2/index.html"])
            == ["gamma-elixir", "alpha-erlang", "zeta-history"])
        let past = try site.read("past/index.html")
        #expect(past.contains(#"<h2 id="past-2020">2020</h2>"#) && past.contains(#"<h2 id="past-2019">2019</h2>"#))
        #expect(try site.read("past/page/2/index.html").contains(#"<h2 id="past-2018">2018</h2>"#))
    }

    @Test func listingPagesLinkTheirNeighboursAndNameTheirNumber() throws {
        let site = try TestSite(copying: Self.fixture)
        defer { site.remove() }
        try site.build()
        let second = try site.read("tags/erlang/page/2/index.html")
        #expect(second.contains("<title>Erlang, page 2 · Training Over Time</title>"))
        #expect(second.contains(#"<link rel="prev" href="/training/tags/erlang/">"#))
        #expect(second.contains(#"<link rel="next" href="/training/tags/erlang/page/3/">"#))
        #expect(second.contains(#"<a href="/training/tags/erlang/page/3/" rel="next">"#))
        #expect(second.contains(#"aria-current="page" aria-label="Page 2">2</a>"#))
        let first = try site.read("tags/erlang/index.html")
        #expect(!first.contains(#"rel="prev""#))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("tags/erlang/page/1").path),
                "page 1 stays at the listing's own URL")
        let sitemap = try site.read("sitemap.xml")
        for page in ["page/3/", "past/page/2/", "tags/erlang/page/3/", "days/page/5/", "instructors/ada-lovelace/page/2/", "search/"] {
            #expect(sitemap.contains("<loc>https://example.org/training/\(page)</loc>"), "sitemap lacks \(page)")
        }
    }

    @Test func theNavigationLinksPastOnlyWhenThereIsSomethingThere() throws {
        let site = try TestSite(copying: Self.fixture)
        defer { site.remove() }
        try site.build(timestamp: Self.noon("2018-01-01"))
        #expect(try !site.read("index.html").contains(#"href="/training/past/""#))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("past").path))
        try site.build()
        #expect(try site.read("index.html").contains(#"href="/training/past/""#))
        #expect(try site.read("courses/delta-exam/index.html").contains(#"href="/training/search/""#))
    }

    @Test func pageSizeMustBeAWholeNumberOfAtLeastOne() throws {
        for (value, column) in [("0", 12), ("ten", 12), ("2.5", 12), ("\"5\"", 12)] {
            let site = try TestSite(["content/site.yml": TestSite.siteYML + "\npage_size: \(value)\n",
                                     "content/courses/otp.md": "---\ntitle: OTP\n---\n"])
            defer { site.remove() }
            #expect(site.failures() == [
                "content/site.yml:5:\(column): error: 'page_size' must be a whole number of at least 1, not the value \"\(value.replacingOccurrences(of: "\"", with: ""))\"",
            ])
        }
    }

    @Test func googleCalendarLinksGiveEachDayItsOwnHoursInTheRunsZone() throws {
        let site = try TestSite(copying: Self.fixture)
        defer { site.remove() }
        try site.build()
        let alpha = try site.read("courses/alpha-erlang/index.html")
        // A two-day run: one link per day, 09:00–17:00 local, never 1 June 09:00 to 2 June 17:00.
        #expect(alpha.contains("<details><summary>Add to Google Calendar"))
        #expect(alpha.contains("dates=20200601T090000%2F20200601T170000&amp;ctz=Europe%2FStockholm"))
        #expect(alpha.contains("dates=20200602T090000%2F20200602T170000&amp;ctz=Europe%2FStockholm"))
        #expect(!alpha.contains("dates=20200601T090000%2F20200602T170000"))
        #expect(alpha.contains(#"<a href="https://example.org/training/courses/alpha-erlang/calendar.ics" download>Download .ics</a>"#))
        // The past run of 2019 offers none.
        #expect(alpha.components(separatedBy: "action=TEMPLATE").count == 3)
        // All day: the next day, exclusive.
        let epsilon = try site.read("courses/epsilon-beam/index.html")
        #expect(epsilon.contains("dates=20210201%2F20210202&amp;ctz=Asia%2FTokyo"))
    }

    @Test func searchIndexWritesEveryRepeatedValueOnce() throws {
        let site = try TestSite(copying: Self.fixture)
        defer { site.remove() }
        try site.build()
        let text = try site.read("search/index.json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["today"] as? String == "2020-05-20")
        let facets = try #require(json["f"] as? [String: Any])
        let topics = try #require(facets["t"] as? [[String]])
        #expect(topics.map(\.[0]).sorted() == ["elixir", "erlang", "otp"])
        #expect(text.components(separatedBy: "\"Erlang\"").count == 2, "the topic name is written once")
        #expect(text.components(separatedBy: "Ada Lovelace").count == 2, "an instructor name is written once")
        let entries = try #require(json["e"] as? [[String: Any]])
        #expect(entries.map { $0["u"] as? String } == ["alpha-erlang", "beta-otp", "delta-exam", "epsilon-beam", "gamma-elixir", "zeta-history"])
        let alpha = entries[0]
        let runs = try #require(alpha["r"] as? [[String: Any]])
        #expect(runs.count == 2)
        #expect(runs[0]["d"] as? Int == CalendarDate(iso: "2019-11-04")!.dayNumber && runs[0]["n"] as? Int == 3)
        #expect(runs[0]["l"] == nil, "a run at the course's location does not repeat it")
        #expect(runs[1]["l"] != nil, "the online run names its own place")
        #expect(entries[2]["r"] == nil && entries[2]["i"] == nil, "no empty fields")
    }

    @Test func paginationNamesTheFirstTheLastAndTheNeighbours() {
        let pages = Pagination(listing: "", items: 400 * 50, pageSize: 50)
        #expect(pages.count == 400)
        #expect(pages.window(around: 1) == [1, 2, 3, nil, 400])
        #expect(pages.window(around: 200) == [1, nil, 198, 199, 200, 201, 202, nil, 400])
        #expect(pages.window(around: 399) == [1, nil, 397, 398, 399, 400])
        #expect(Pagination(listing: "", items: 0, pageSize: 50).count == 1)
        #expect(Pagination(listing: "tags/x/", items: 51, pageSize: 50).folder(2) == "tags/x/page/2/")
    }
}
