import Foundation
import Testing
@testable import SyllabusKit

/// What the booking keys change on pages, in the JSON-LD and in the feeds.
@Suite struct BookingPagesTests {
    static let siteYML = TestSite.siteYML + "\ncurrency: EUR\nregister: https://tickets.example.org/\n"

    /// Four runs after the test build date (2020-05-20) and one before it.
    static let course = """
    ---
    title: OTP
    price: 1800
    runs:
      - {start: 2020-03-02, end: 2020-03-03}
      - {start: 2020-06-01, seats: 2}
      - {start: 2020-07-01, status: tentative}
      - {start: 2020-08-01, status: full}
      - {start: 2020-09-01, status: cancelled}
    ---
    """

    func runItems(_ page: String) -> [Substring] {
        page.split(separator: "<li class=\"run").dropFirst().map { $0.split(separator: "</li>")[0] }
    }

    @Test func bookAPlaceOnlyForUpcomingRunsThatTakeBookings() throws {
        let site = try TestSite(["content/courses/otp.md": Self.course], siteYML: Self.siteYML)
        defer { site.remove() }
        try site.build()
        // Upcoming runs first (June to September), the March run apart as past.
        let runs = runItems(try site.read("courses/otp/index.html"))
        #expect(runs.count == 5)
        #expect(runs.map { $0.contains("Book a place") } == [true, true, false, false, false])
        #expect(runs[0].contains(#"<span class="badge badge-seats">2 places left</span>"#))
        #expect(runs[1].contains(#"<span class="badge badge-tentative">Tentative</span>"#))
        #expect(runs[2].contains(#"<span class="badge badge-full">Full</span>"#))
        #expect(runs[3].hasPrefix(#" is-cancelled" data-start"#) && runs[3].contains(#"<span class="badge badge-cancelled">Cancelled</span>"#))
        #expect(runs[4].contains(#"datetime="2020-03-02""#))
        #expect(runs.allSatisfy { $0.contains(#"<span class="price">€1,800</span>"#) })
        #expect(runs[0].contains(#"<a class="button book" href="https://tickets.example.org/">Book a place"#))
    }

    @Test func cancelledRunsStayOnCardsAndDayPagesStruckThrough() throws {
        let site = try TestSite(["content/courses/otp.md": Self.course], siteYML: Self.siteYML)
        defer { site.remove() }
        try site.build()
        let catalog = try site.read("index.html")
        // The four runs still to come; the March run is on /past/.
        #expect(catalog.components(separatedBy: #"<li class="card"#).count - 1 == 4)
        #expect(catalog.components(separatedBy: #"<li class="card is-cancelled""#).count - 1 == 1)
        let day = try site.read("days/2020-09-01/index.html")
        #expect(day.contains(#"<li class="card is-cancelled""#) && day.contains("badge-cancelled"))
        // The days index lists it under its day, struck through and labelled; the others plain.
        let days = try site.read("days/index.html")
        let september = try #require(days.components(separatedBy: #"<time datetime="2020-09-01">"#).dropFirst().first?
            .components(separatedBy: "</ul></li>").first)
        #expect(september.contains(#"<li class="is-cancelled"><span class="hours">"#), "\(september)")
        #expect(september.contains(#"<span class="badge badge-cancelled">Cancelled</span></li>"#), "\(september)")
        let june = try #require(days.components(separatedBy: #"<time datetime="2020-06-01">"#).dropFirst().first?
            .components(separatedBy: "</ul></li>").first)
        #expect(!june.contains("cancelled"), "\(june)")
    }

    @Test func theFactBoxShowsTheFactsAndTheLowestPrice() throws {
        let site = try TestSite(["content/courses/otp.md": """
            ---
            title: OTP
            level: all
            language: sv
            audience: Team leads
            prerequisites: Some Erlang
            runs:
              - {start: 2020-06-01, price: 1800}
              - {start: 2020-07-01, price: 1200, status: cancelled}
              - {start: 2020-08-01, price: 1500}
            ---
            """], siteYML: Self.siteYML)
        defer { site.remove() }
        try site.build()
        let page = try site.read("courses/otp/index.html")
        for row in ["<dt>Price</dt><dd class=\"price\">from €1,500</dd>", "<dt>Level</dt><dd>All levels</dd>",
                    "<dt>Language</dt><dd>Swedish</dd>", "<dt>For</dt><dd>Team leads</dd>", "<dt>Prerequisites</dt><dd>Some Erlang</dd>"] {
            #expect(page.contains(row), "\(row)")
        }
    }

    @Test func freeOffersStateTheRunsCurrencyAndPricesAreNumbers() throws {
        let site = try TestSite(["content/courses/otp.md": """
            ---
            title: OTP
            currency: SEK
            runs:
              - {start: 2020-06-01, price: free}
              - {start: 2020-07-01, price: 950.50}
            ---
            """, "content/courses/talk.md": """
            ---
            title: Talk
            price: free
            start: 2020-06-02
            ---
            """], siteYML: TestSite.siteYML)
        defer { site.remove() }
        try site.build()
        let otp = try site.read("courses/otp/index.html")
        #expect(otp.contains(#""category":"Free","price":0,"priceCurrency":"SEK""#))
        #expect(otp.contains(#""category":"Paid","price":950.5,"priceCurrency":"SEK""#))
        #expect(otp.contains(#""category":"Partially Free","price":0,"priceCurrency":"SEK""#))
        // No currency anywhere: the category alone says it is free.
        let talk = try site.read("courses/talk/index.html")
        #expect(talk.contains(#""offers":{"@type":"Offer","availability":"https://schema.org/InStock","category":"Free","url":"#))
        #expect(!talk.contains("priceCurrency") && !talk.contains(#""price":"#))
    }

    @Test func structuredDataCarriesOffersStatusAndMode() throws {
        let site = try TestSite(["content/courses/otp.md": """
            ---
            title: OTP
            level: beginner
            runs:
              - {start: 2020-06-01, price: free, mode: online}
              - {start: 2020-07-01, price: 900, status: cancelled, location: Oslo}
              - {start: 2020-08-01, price: 1500, seats: 0, mode: blended, location: Oslo}
            ---
            """], siteYML: Self.siteYML)
        defer { site.remove() }
        try site.build()
        let page = try site.read("courses/otp/index.html")
        for part in [
            #""offers":{"@type":"Offer","availability":"https://schema.org/InStock","category":"Free","price":0,"priceCurrency":"EUR","url":"https://tickets.example.org/"}"#,
            #""offers":{"@type":"Offer","category":"Partially Free","price":0,"priceCurrency":"EUR","url":"https://example.org/training/courses/otp/"}"#,
            #""availability":"https://schema.org/SoldOut","category":"Paid","price":1500,"priceCurrency":"EUR""#,
            #""eventStatus":"https://schema.org/EventCancelled""#,
            #""eventAttendanceMode":"https://schema.org/OnlineEventAttendanceMode""#,
            #""location":{"@type":"VirtualLocation","url":"https://tickets.example.org/"}"#,
            #""courseMode":"Blended""#, #""educationalLevel":"Beginner""#,
        ] {
            #expect(page.contains(part), "\(part)")
        }
    }

    @Test func aCourseWithoutPriceHasNoOffers() throws {
        let site = try TestSite(["content/courses/otp.md": "---\ntitle: OTP\nstart: 2020-06-01\n---\n"])
        defer { site.remove() }
        try site.build()
        #expect(!(try site.read("courses/otp/index.html")).contains("\"offers\""))
    }

    func event(_ feed: String, uid: String) -> String {
        let unfolded = ContentLinesReader.unfold(feed)
        guard let start = unfolded.firstIndex(of: "UID:\(uid)") else { return "" }
        return unfolded[start...].prefix { $0 != "END:VEVENT" }.joined(separator: "\n")
    }

    /// The event's `SEQUENCE`, or -1 when it has none.
    func sequence(_ event: String) -> Int {
        event.split(separator: "\n").first { $0.hasPrefix("SEQUENCE:") }.flatMap { Int($0.dropFirst(9)) } ?? -1
    }

    @Test func feedsMarkStatusAndCarryPriceAndBookingLink() throws {
        let site = try TestSite(["content/courses/otp.md": Self.course], siteYML: Self.siteYML)
        defer { site.remove() }
        try site.build()
        let feed = try site.read("calendar.ics")
        let open = event(feed, uid: "otp-2@example.org")
        #expect(open.contains("STATUS:CONFIRMED") && sequence(open) > 0)
        #expect(open.contains(#"Price: €1\,800\nBook a place: https://tickets.example.org/"#))
        #expect(event(feed, uid: "otp-3@example.org").contains("STATUS:TENTATIVE"))
        let full = event(feed, uid: "otp-4@example.org")
        #expect(full.contains("STATUS:CONFIRMED") && !full.contains("Book a place"))
        let cancelled = event(feed, uid: "otp-5@example.org")
        #expect(cancelled.contains("STATUS:CANCELLED") && cancelled.contains("SUMMARY:Cancelled: OTP"))
        #expect(cancelled.contains("This run is cancelled."))
        #expect(!cancelled.contains("Book a place"))
    }

    @Test func cancellingARunRaisesItsSequenceOverThePreviousFeed() throws {
        let site = try TestSite(["content/courses/otp.md": "---\ntitle: OTP\nstart: 2020-06-01\n---\n"])
        defer { site.remove() }
        func current() throws -> Int { sequence(event(try site.read("calendar.ics"), uid: "otp-1@example.org")) }
        try site.build()
        let first = try current()
        try site.build()
        #expect(try current() == first)
        try site.write("---\ntitle: OTP\nstart: 2020-06-01\nstatus: tentative\n---\n", to: "content/courses/otp.md")
        try site.build()
        let tentative = try current()
        #expect(tentative > first)
        try site.write("---\ntitle: OTP\nstart: 2020-06-01\nstatus: cancelled\n---\n", to: "content/courses/otp.md")
        try site.build()
        let cancelled = try current()
        #expect(cancelled > tentative)
        try site.build()
        #expect(try current() == cancelled)
    }
}
