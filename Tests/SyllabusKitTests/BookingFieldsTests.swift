import Foundation
import Testing
@testable import SyllabusKit

/// Loading the booking keys and course facts: one test per rule and per error.
@Suite struct BookingFieldsTests {
    static let path = "content/courses/otp.md"
    static let site = SiteConfig(title: "T", baseURL: BaseURL("https://example.org/")!, timezone: "UTC", hours: nil,
                                 language: "en", description: nil, organizer: nil, unsafeHTML: false,
                                 currency: CurrencyCode("EUR"), register: "https://example.org/book")
    static let siteWithoutDefaults = SiteConfig(title: "T", baseURL: BaseURL("https://example.org/")!, timezone: "UTC", hours: nil,
                                                language: "en", description: nil, organizer: nil, unsafeHTML: false)

    /// Loads front matter lines (title added) and returns the course and every diagnostic.
    func load(_ lines: [String], site: SiteConfig? = BookingFieldsTests.site) -> (Course?, [String]) {
        var log = DiagnosticLog()
        let text = (["---", "title: OTP"] + lines + ["---", ""]).joined(separator: "\n")
        let course = CourseLoader.load(SourceFile(path: Self.path, text: text), site: site, log: &log)
        return (course, log.sorted.map(\.description))
    }

    // MARK: - Inheritance

    @Test func runValuesOverrideTheCourseAndTheCourseOverridesSiteYML() throws {
        let (course, problems) = load([
            "price: 1800", "register: https://tickets.example.org/otp", "mode: online",
            "runs:",
            "  - {start: 2027-03-01}",
            "  - {start: 2027-04-01, price: 950.50, currency: SEK, register: \"mailto:a@example.org\", mode: blended, status: tentative, seats: 4}",
        ])
        #expect(problems.isEmpty)
        let runs = try #require(course?.runs)
        #expect(runs[0].booking == Booking(price: .amount(1800, CurrencyCode("EUR")!), currency: CurrencyCode("EUR"), register: "https://tickets.example.org/otp",
                                           writtenStatus: .scheduled, seats: nil, mode: .online))
        #expect(runs[1].booking == Booking(price: .amount(Decimal(string: "950.50")!, CurrencyCode("SEK")!), currency: CurrencyCode("SEK"), register: "mailto:a@example.org",
                                           writtenStatus: .tentative, seats: 4, mode: .blended))
    }

    @Test func aFreeRunKeepsTheCurrencyOfTheRunTheCourseOrSiteYML() throws {
        let (course, problems) = load([
            "price: free", "currency: SEK",
            "runs:", "  - {start: 2027-03-01}", "  - {start: 2027-04-01, currency: NOK}",
        ])
        #expect(problems.isEmpty)
        let runs = try #require(course?.runs)
        #expect(runs.map(\.booking.price) == [.free, .free])
        #expect(runs.map(\.booking.currency) == [CurrencyCode("SEK"), CurrencyCode("NOK")])
        let (plain, _) = load(["price: free", "start: 2027-03-01"])
        #expect(plain?.runs.first?.booking.currency == CurrencyCode("EUR"), "site.yml's currency")
        let (none, noProblems) = load(["price: free", "start: 2027-03-01"], site: Self.siteWithoutDefaults)
        #expect(noProblems.isEmpty && none?.runs.first?.booking.currency == nil, "free needs no currency")
    }

    @Test func aRunWithoutBookingKeysTakesSiteDefaultsAndIsScheduledOnSite() throws {
        let (course, problems) = load(["start: 2027-03-01"])
        #expect(problems.isEmpty)
        let booking = try #require(course?.runs.first?.booking)
        #expect(booking.price == nil && booking.register == "https://example.org/book")
        #expect(booking.status == .scheduled && booking.mode == .onsite && booking.seats == nil)
    }

    @Test func aBareCourseNumberTakesTheRunsCurrency() throws {
        let (course, problems) = load(["price: 1800", "runs:", "  - {start: 2027-03-01, currency: CHF}"], site: Self.siteWithoutDefaults)
        #expect(problems.isEmpty)
        #expect(course?.runs.first?.booking.price == .amount(1800, CurrencyCode("CHF")!))
    }

    @Test(arguments: ["free", "Free", "0", "{amount: 0, currency: EUR}"])
    func freeAndZeroAreFree(_ written: String) throws {
        let (course, problems) = load(["start: 2027-03-01", "price: \(written)"])
        #expect(problems.isEmpty)
        #expect(course?.runs.first?.booking.price == .free)
    }

    @Test func aPriceMappingCarriesItsOwnCurrency() throws {
        let (course, problems) = load(["start: 2027-03-01", "price: {amount: 950.50, currency: usd}"], site: Self.siteWithoutDefaults)
        #expect(problems.isEmpty)
        #expect(course?.runs.first?.booking.price == .amount(Decimal(string: "950.5")!, CurrencyCode("USD")!))
    }

    @Test func zeroSeatsMeansFullAndCancelledStaysCancelled() throws {
        let (course, _) = load(["runs:", "  - {start: 2027-03-01, seats: 0}", "  - {start: 2027-04-01, seats: 0, status: cancelled}",
                                "  - {start: 2027-05-01, seats: 0, status: tentative}"])
        #expect(course?.runs.map(\.booking.status) == [.full, .cancelled, .full])
        #expect(course?.runs.map(\.booking.takesBookings) == [false, false, false])
    }

    @Test func courseFactsAreRead() throws {
        let (course, problems) = load(["level: Advanced", "language: de-ch", "audience: \"Developers \"",
                                       "prerequisites: [Erlang, OTP]"])
        #expect(problems.isEmpty)
        #expect(course?.facts == CourseFacts(level: .advanced, language: LanguageTag("de-CH"), audience: "Developers", prerequisites: ["Erlang", "OTP"]))
        let (single, _) = load(["prerequisites: A year of Erlang"])
        #expect(single?.facts.prerequisites == ["A year of Erlang"])
    }

    @Test func anEntryWithoutDatesKeepsItsOwnPrice() throws {
        let (course, problems) = load(["price: 250", "register: https://example.org/exam"])
        #expect(problems.isEmpty)
        #expect(course?.booking.price == .amount(250, CurrencyCode("EUR")!))
        #expect(course?.offeredPrices == [.amount(250, CurrencyCode("EUR")!)])
    }

    @Test func courseLevelKeysAreUnknownInsideARun() {
        let (_, problems) = load(["runs:", "  - {start: 2027-03-01, level: beginner}"])
        #expect(problems == ["\(Self.path):4:25: warning: 'runs[1].level' is ignored: level belongs to the whole course; set it at the top of the file"])
    }

    // MARK: - Errors, each at its value

    @Test func unknownStatusSuggestsTheClosestAndListsTheAllowed() {
        let (course, problems) = load(["start: 2027-03-01", "status: canceled"])
        #expect(course == nil)
        #expect(problems == ["\(Self.path):4:9: error: 'status': unknown value \"canceled\"; did you mean cancelled? use one of scheduled, tentative, full, cancelled"])
    }

    @Test func unknownModeAndLevel() {
        let (_, problems) = load(["start: 2027-03-01", "mode: onlin", "level: expert"])
        #expect(problems == [
            "\(Self.path):4:7: error: 'mode': unknown value \"onlin\"; did you mean online? use one of onsite, online, blended",
            "\(Self.path):5:8: error: 'level': unknown value \"expert\"; use one of beginner, intermediate, advanced, all",
        ])
    }

    @Test func aRunsUnknownStatusNamesTheRun() {
        let (_, problems) = load(["runs:", "  - {start: 2027-03-01}", "  - {start: 2027-04-01, status: ful}"])
        #expect(problems == ["\(Self.path):5:33: error: 'runs[2].status': unknown value \"ful\"; did you mean full? use one of scheduled, tentative, full, cancelled"])
    }

    @Test func aPriceWithoutAnyCurrencyIsAnErrorReportedOnce() {
        let (course, problems) = load(["price: 1800", "runs:", "  - {start: 2027-03-01}", "  - {start: 2027-04-01}"],
                                      site: Self.siteWithoutDefaults)
        #expect(course == nil)
        #expect(problems == ["\(Self.path):3:8: error: 'price': 1800 has no currency; add currency: EUR (ISO 4217) to the run, the course or site.yml, or write price: {amount: 1800, currency: EUR}"])
    }

    @Test(arguments: [("EURO", "did you mean EUR? "), ("SKE", "did you mean SEK? "), ("XXX", ""), ("DEM", "")])
    func aCurrencyMustBeAnActiveISO4217Code(_ code: String, _ hint: String) {
        let (_, problems) = load(["start: 2027-03-01", "currency: \(code)"])
        #expect(problems == ["\(Self.path):4:11: error: 'currency': \"\(code)\" is not an ISO 4217 currency code in use; \(hint)write e.g. EUR, SEK or USD"])
    }

    @Test(arguments: [
        ("-5", "a price cannot be negative"),
        ("\"1,800\"", "write it without thousands separators, with a point for decimals, e.g. 1800 or 950.50"),
        ("€1800", "write the number alone and the currency in currency:, e.g. price: 1800 and currency: EUR, or price: free"),
        ("1800.12345", "write a number such as 1800 or 950.50, or free"),
    ])
    func unreadablePrices(_ written: String, _ why: String) {
        let (_, problems) = load(["start: 2027-03-01", "price: \(written)"])
        let shown = written.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        #expect(problems == ["\(Self.path):4:8: error: 'price': \"\(shown)\" is not a price; \(why)"])
    }

    @Test(arguments: [("-1", "it cannot be negative"), ("2.5", "places are counted in whole numbers"), ("many", "write how many places are left")])
    func seatsAreAWholeNumberOfZeroOrMore(_ written: String, _ why: String) {
        let (_, problems) = load(["start: 2027-03-01", "seats: \(written)"])
        #expect(problems == ["\(Self.path):4:8: error: 'seats': \"\(written)\" is not a whole number of places; \(why), e.g. seats: 4 (0 means full)"])
    }

    @Test(arguments: ["ftp://example.org/book", "javascript:alert(1)", "mailto:nobody", "/book", "mailto:a@b"])
    func registerIsAnHTTPOrMailtoLink(_ link: String) {
        let (_, problems) = load(["start: 2027-03-01", "register: \"\(link)\""])
        #expect(problems == ["\(Self.path):4:11: error: 'register': \"\(link)\" is not a booking link; use an absolute https:// URL or mailto:address@example.org"])
    }

    @Test(arguments: [("english", ""), ("en_US", "did you mean en-US? "), ("e", ""), ("en-", "")])
    func languageIsABCP47Tag(_ tag: String, _ hint: String) {
        let (_, problems) = load(["language: \"\(tag)\""])
        #expect(problems == ["\(Self.path):3:11: error: 'language': \"\(tag)\" is not a BCP 47 language tag; \(hint)write e.g. en, sv or de-CH"])
    }

    /// `syllabus new course` writes every new key commented; uncommented, they pass the checks.
    @Test func theNewCourseSkeletonsBookingKeysPassWhenUncommented() throws {
        let text = Scaffold.course(title: "T", slug: Slug("t")!, timestamp: TestSite.timestamp)
        let keys = WrittenBooking.keys + CourseFactsFields.keys
        func uncommenting(_ keep: (String) -> Bool) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).compactMap { line in
                if keys.contains(where: { line.hasPrefix("# \($0):") }) { return String(line.dropFirst(2)) }
                if line.hasPrefix("# runs:") || line.hasPrefix("#   - ") { return keep("runs") ? String(line.dropFirst(2)) : line }
                if line.hasPrefix("start:") || line.hasPrefix("end:") { return keep("runs") ? nil : line }
                return line
            }.joined(separator: "\n")
        }
        for variant in ["start", "runs"] {
            var log = DiagnosticLog()
            let course = CourseLoader.load(SourceFile(path: Self.path, text: uncommenting { $0 == variant }), site: Self.site, log: &log)
            #expect(log.sorted.isEmpty, "\(variant): \(log.sorted.map(\.description))")
            #expect(course?.facts.level == .intermediate && course?.facts.language == LanguageTag("en"))
            #expect(course?.runs.first?.booking == Booking(price: .amount(1800, CurrencyCode("EUR")!), currency: CurrencyCode("EUR"), register: "https://tickets.example.org/",
                                                          writtenStatus: .scheduled, seats: 12, mode: .onsite))
            if variant == "runs" {
                #expect(course?.runs.last?.booking.mode == .online && course?.runs.last?.booking.status == .tentative)
            }
        }
    }

    @Test func siteYMLChecksCurrencyRegisterAndLanguage() throws {
        let site = try TestSite(["content/courses/a.md": "---\ntitle: A\n---\n"], siteYML: TestSite.siteYML + "\ncurrency: ECU\nregister: www.example.org\nlanguage: en_GB\n")
        defer { site.remove() }
        #expect(site.failures() == [
            "content/site.yml:5:11: error: 'currency': \"ECU\" is not an ISO 4217 currency code in use; write e.g. EUR, SEK or USD",
            "content/site.yml:6:11: error: 'register': \"www.example.org\" is not a booking link; use an absolute https:// URL or mailto:address@example.org",
            "content/site.yml:7:11: error: 'language': \"en_GB\" is not a BCP 47 language tag; did you mean en-GB? write e.g. en, sv or de-CH",
        ])
    }
}

/// BCP 47 syntax, ISO 4217 codes, the lowest price and prices as the site's language writes them.
@Suite struct BookingValueTests {
    @Test(arguments: [("en", "en"), ("SV", "sv"), ("de-ch", "de-CH"), ("zh-hant-tw", "zh-Hant-TW"), ("es-419", "es-419"),
                      ("sl-rozaj-biske", "sl-rozaj-biske"), ("en-u-ca-gregory", "en-u-ca-gregory"), ("x-klingon", "x-klingon"),
                      ("zh-yue-HK", "zh-yue-HK"), ("de-CH-x-phonebk", "de-CH-x-phonebk")])
    func wellFormedTagsAreAcceptedInCanonicalCase(_ written: String, _ canonical: String) {
        #expect(LanguageTag(written)?.tag == canonical)
    }

    @Test(arguments: ["", "e", "english", "en_US", "en-", "-en", "en--US", "en-u", "1en", "en-x", "en-USA1", "de-CH-1"])
    func malformedTagsAreRefused(_ written: String) {
        #expect(LanguageTag(written) == nil)
    }

    @Test func currenciesInUseOnly() {
        #expect(CurrencyCode("sek")?.code == "SEK")
        for code in ["EUR", "USD", "GBP", "CHF", "JPY", "NOK", "DKK", "PLN", "INR"] { #expect(CurrencyCode(code) != nil, "\(code)") }
        for code in ["XAU", "XXX", "DEM", "FRF", "EU", "EURO", ""] { #expect(CurrencyCode(code) == nil, "\(code)") }
    }

    @Test func priceTextFollowsTheSiteLanguage() {
        let eur = CurrencyCode("EUR")!, sek = CurrencyCode("SEK")!
        #expect(PriceText(language: "en").text(.amount(1800, eur)) == "€1,800")
        #expect(PriceText(language: "sv").text(.amount(1800, sek)) == "1\u{A0}800\u{A0}kr")
        #expect(PriceText(language: "en").text(.amount(Decimal(string: "950.5")!, CurrencyCode("USD")!)) == "$950.50")
        #expect(PriceText(language: "de").text(.amount(Decimal(string: "950.5")!, eur)) == "950,50\u{A0}€")
        #expect(PriceText(language: "en").text(.amount(12000, sek)) == "SEK\u{A0}12,000")
        #expect(PriceText(language: "en").text(.free) == "Free")
        // Structured data writes the amount as a JSON number, not the site's text.
        var json = JSONWriter(capacity: 8)
        json.decimal(Decimal(string: "950.50")!)
        #expect(json.text == "950.5")
    }

    @Test func theLowestPriceComparesWithinTheCommonestCurrency() {
        let eur = CurrencyCode("EUR")!, sek = CurrencyCode("SEK")!
        #expect(Price.lowest(of: []) == nil)
        #expect(Price.lowest(of: [.amount(1800, eur), .free]) == .free)
        #expect(Price.lowest(of: [.amount(1800, eur), .amount(1650, eur), .amount(900, sek)]) == .amount(1650, eur))
        #expect(Price.lowest(of: [.amount(900, sek), .amount(1800, eur)]) == .amount(900, sek))
    }

    @Test func upcomingCountsTheBuildDateInTheSiteZone() throws {
        // 2020-05-20 23:30 UTC is already the 21st in Stockholm.
        let late = 1_590_017_400
        #expect(UpcomingRuns(BuildDate(epochSeconds: late, timezone: "UTC")).buildDate == CalendarDate(iso: "2020-05-20"))
        #expect(UpcomingRuns(BuildDate(epochSeconds: late, timezone: "Europe/Stockholm")).buildDate == CalendarDate(iso: "2020-05-21"))
    }
}
