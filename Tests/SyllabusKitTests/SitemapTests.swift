import Testing
@testable import SyllabusKit

@Suite struct SitemapTests {
    @Test func listsEveryPageFolderAsAnAbsoluteURLUnderTheBasePath() throws {
        let paths = SitePaths(base: try #require(BaseURL("https://example.org/training/")))
        let files = Sitemap.files(pagePaths: ["index.html", "courses/otp/index.html", "days/2020-05-25/index.html",
                                              "courses/otp/calendar.ics", "404.html"], paths: paths)
        #expect(files.map(\.path) == ["sitemap.xml"])
        #expect(files[0].xml == """
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
        #expect(Sitemap.files(pagePaths: ["index.html"], paths: paths)[0].xml.contains("<loc>https://example.org/a&amp;b/</loc>"))
    }

    /// Past 50,000 URLs (the protocol's limit per file) `sitemap.xml` is an
    /// index of files of at most 50,000 URLs each, every URL in exactly one.
    @Test func pastFiftyThousandPagesTheSitemapBecomesAnIndex() throws {
        let paths = SitePaths(base: try #require(BaseURL("https://example.org/training/")))
        let pages = (0..<120_000).map { "courses/c\($0)/index.html" }
        let files = Sitemap.files(pagePaths: pages, paths: paths)
        #expect(files.map(\.path) == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"])
        #expect(files[0].xml == """
        <?xml version="1.0" encoding="UTF-8"?>
        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <sitemap><loc>https://example.org/training/sitemap-1.xml</loc></sitemap>
        <sitemap><loc>https://example.org/training/sitemap-2.xml</loc></sitemap>
        <sitemap><loc>https://example.org/training/sitemap-3.xml</loc></sitemap>
        </sitemapindex>

        """)
        var seen = Set<Substring>()
        for file in files.dropFirst() {
            #expect(file.xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns="))
            let urls = file.xml.split(separator: "\n").filter { $0.hasPrefix("<url><loc>") }
            #expect(urls.count <= Sitemap.urlsPerFile)
            seen.formUnion(urls)
        }
        #expect(seen.count == 120_000)
        #expect(Sitemap.files(pagePaths: Array(pages.prefix(50_000)), paths: paths).map(\.path) == ["sitemap.xml"])
    }

    @Test func aBuiltSiteMapsEveryHTMLPageButThe404() throws {
        let site = try TestSite(["content/courses/otp.md": "---\ntitle: OTP\nstart: 2020-05-25\ntags: [Erlang]\ninstructor: Zoë\n---\n"])
        defer { site.remove() }
        try site.build()
        let locations = try site.read("sitemap.xml").split(separator: "\n").filter { $0.hasPrefix("<url>") }
            .map { $0.replacingOccurrences(of: "<url><loc>https://example.org/training/", with: "").replacingOccurrences(of: "</loc></url>", with: "") }
        #expect(locations.sorted() == ["", "courses/otp/", "days/", "days/2020-05-25/", "instructors/", "instructors/zoe/",
                                       "search/", "tags/", "tags/erlang/"])
        let htmlFiles = fileTree(site.output).keys.filter { $0.hasSuffix(".html") && $0 != "404.html" }
        #expect(htmlFiles.count == locations.count)
    }

    @Test func xmlTextEscapesItsFiveCharactersAndKeepsTheRest() {
        #expect(XMLText.escape("https://example.org/courses/otp/") == "https://example.org/courses/otp/")
        #expect(XMLText.escape(#"a&b<c>d"e'f"#) == "a&amp;b&lt;c&gt;d&quot;e&apos;f")
        #expect(XMLText.escape("&&") == "&amp;&amp;")
        #expect(XMLText.escape("é&ü<🎓>") == "é&amp;ü&lt;🎓&gt;")
        #expect(XMLText.escape("e\u{301}&") == "e\u{301}&amp;")
        #expect(XMLText.escape("") == "")
    }
}
