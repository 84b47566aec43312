import Testing
@testable import SyllabusKit

@Suite struct SitemapTests {
    @Test func listsEveryPageFolderAsAnAbsoluteURLUnderTheBasePath() throws {
        let paths = SitePaths(base: try #require(BaseURL("https://example.org/training/")))
        let xml = Sitemap.xml(pagePaths: ["index.html", "courses/otp/index.html", "days/2020-05-25/index.html",
                                          "courses/otp/calendar.ics", "404.html"], paths: paths)
        #expect(xml == """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <url><loc>https://example.org/training/courses/otp/</loc></url>
        <url><loc>https://example.org/training/days/2020-05-25/</loc></url>
        <url><loc>https://example.org/training/</loc></url>
        </urlset>

        """)
    }

    @Test func escapesXML() throws {
        let paths = SitePaths(base: try #require(BaseURL("https://example.org/a&b/")))
        #expect(Sitemap.xml(pagePaths: ["index.html"], paths: paths).contains("<loc>https://example.org/a&amp;b/</loc>"))
    }

    @Test func aBuiltSiteMapsEveryHTMLPageButThe404() throws {
        let site = try TestSite(["content/courses/otp.md": "---\ntitle: OTP\nstart: 2020-05-25\ntags: [Erlang]\ninstructor: Zoë\n---\n"])
        defer { site.remove() }
        try site.build()
        let locations = try site.read("sitemap.xml").split(separator: "\n").filter { $0.hasPrefix("<url>") }
            .map { $0.replacingOccurrences(of: "<url><loc>https://example.org/training/", with: "").replacingOccurrences(of: "</loc></url>", with: "") }
        #expect(locations.sorted() == ["", "courses/otp/", "days/", "days/2020-05-25/", "instructors/", "instructors/zoe/",
                                       "tags/", "tags/erlang/"])
        let htmlFiles = fileTree(site.output).keys.filter { $0.hasSuffix(".html") && $0 != "404.html" }
        #expect(htmlFiles.count == locations.count)
    }
}
