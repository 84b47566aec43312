import Testing
@testable import SyllabusKit

@Suite struct BaseURLTests {
    @Test func keepsTheSubPath() throws {
        let base = try #require(BaseURL("https://example.org/training/"))
        #expect(base.scheme == "https")
        #expect(base.host == "example.org")
        #expect(base.path == "/training/")
        #expect(base.absolute("courses/otp/") == "https://example.org/training/courses/otp/")
        #expect(base.webcal("calendar.ics") == "webcal://example.org/training/calendar.ics")
        #expect(base.description == "https://example.org/training/")
    }

    @Test func addsTheMissingTrailingSlash() throws {
        #expect(try #require(BaseURL("https://example.org/training")).path == "/training/")
        #expect(try #require(BaseURL("https://example.org")).path == "/")
        #expect(try #require(BaseURL("https://example.org")).absolute("sitemap.xml") == "https://example.org/sitemap.xml")
    }

    @Test func keepsThePortButNotInTheHost() throws {
        let base = try #require(BaseURL("http://LocalHost:8000/"))
        #expect(base.scheme == "http")
        #expect(base.authority == "localhost:8000")
        #expect(base.host == "localhost")
        #expect(base.absolute("") == "http://localhost:8000/")
    }

    @Test func dropsQueryAndFragment() throws {
        #expect(try #require(BaseURL("https://example.org/training/?x=1#top")).path == "/training/")
    }

    @Test(arguments: ["ftp://x", "ftp://example.org/", "example.org/training/", "/training/", "training", "",
                      "https://", "https:///training/", "https://user@example.org/", "https://exa mple.org/",
                      "https://example.org//x/", "https://example.org/../x/", "mailto:a@example.org", "webcal://example.org/"])
    func refusesWhatIsNotAnAbsoluteWebURL(_ text: String) {
        #expect(BaseURL(text) == nil)
    }

    @Test(arguments: ["https://example.org/a b/", "https://example.org/\"><script>/", "https://example.org/x\\y/",
                      "https://example.org/a%zz/", "https://example.org/{x}/", "https://example.org/é/", "https://example.org/\u{1B}/"])
    func refusesCharactersALinkCannotHold(_ text: String) {
        #expect(BaseURL(text) == nil)
        #expect(BaseURL.characterNotAllowed(in: text) != nil)
    }

    @Test func keepsPercentEncodedPaths() throws {
        #expect(try #require(BaseURL("https://example.org/my%20training/")).path == "/my%20training/")
    }

    @Test func aBaseURLWithQuotesIsRefusedNamingTheField() throws {
        let site = try TestSite(["content/courses/.keep": ""], siteYML: "title: T\nbase_url: 'https://example.org/\"><x/'\n")
        defer { site.remove() }
        #expect(site.failures() == [
            #"content/site.yml:2:11: error: 'base_url': "https://example.org/\"><x/" contains "\"", which a URL cannot hold unencoded (percent-encode it, e.g. %20); write e.g. https://example.org/training/"#,
        ])
    }
}
