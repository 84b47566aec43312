import Foundation
import Testing
@testable import SyllabusKit

/// Small whole-build behaviours, each on a site written inline.
@Suite struct SiteBuilderTests {
    @Test(arguments: ["content/public", "content", "templates/out", "."])
    func outputFoldersThatWouldReplaceSourcesAreRefused(_ relative: String) throws {
        let site = try TestSite(["content/courses/a.md": "---\ntitle: A\n---\n", "templates/.keep": ""])
        defer { site.remove() }
        let before = try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("content").path).sorted()
        let failures = site.failures(output: site.root.appendingPathComponent(relative))
        #expect(failures.count == 1)
        #expect(failures.first?.hasPrefix("syllabus: error: the output folder") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("content").path).sorted() == before)
    }

    @Test func anOutputFolderHoldingSourcesIsRefused() throws {
        let site = try TestSite(["content/courses/a.md": "---\ntitle: A\n---\n"])
        defer { site.remove() }
        let elsewhere = site.folder.appendingPathComponent("other-site")
        try FileManager.default.createDirectory(at: elsewhere.appendingPathComponent("content"), withIntermediateDirectories: true)
        let failures = site.failures(output: elsewhere)
        #expect(failures.count == 1 && failures[0].contains("contains a content/ folder"))
        #expect(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("content").path))
    }

    @Test func instructorLinksMayBeAPlainListOfURLs() throws {
        let site = try TestSite([
            "content/courses/a.md": "---\ntitle: A\ninstructors: [Ada Lovelace]\n---\n",
            "content/instructors/ada.md": "---\nname: Ada Lovelace\nlinks: [\"https://www.example.org/ada\", \"https://github.com/ada\"]\n---\nBio.\n",
        ])
        defer { site.remove() }
        try site.build()
        let page = try site.read("instructors/ada-lovelace/index.html")
        #expect(page.contains(#"<a href="https://www.example.org/ada" rel="me noopener">example.org</a>"#))
        #expect(page.contains(#"<a href="https://github.com/ada" rel="me noopener">github.com</a>"#))
    }

    @Test func symbolicLinksInMediaAreRefused() throws {
        let site = try TestSite(["content/courses/a.md": "---\ntitle: A\n---\n", "content/media/logo.svg": "<svg/>"])
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("content/media/passwd.txt").path,
                                                   withDestinationPath: "/etc/passwd")
        #expect(site.failures() == [
            "content/media/passwd.txt:1:1: error: sources must be real files and folders, not symbolic links; copy the file itself into content/media/",
        ])
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func mediaFilesAreCopied() throws {
        let site = try TestSite(["content/courses/a.md": "---\ntitle: A\n---\n", "content/media/maps/venue.svg": "<svg/>"])
        defer { site.remove() }
        try site.build()
        #expect(try String(contentsOf: site.output.appendingPathComponent("media/maps/venue.svg"), encoding: .utf8) == "<svg/>")
    }

    @Test func linksToCourseFilesBecomeCourseURLsUnderTheBasePath() throws {
        let site = try TestSite([
            "content/courses/otp.md": "---\ntitle: OTP\n---\nSee [BEAM](beam.md), [part](./beam.md#day-2) and ![map](../media/map.png).\n",
            "content/courses/beam.md": "---\ntitle: BEAM\n---\nBack to [OTP](otp.md) or [the web](https://example.com/x.md).\n",
            "content/media/map.png": "png",
        ])
        defer { site.remove() }
        try site.build()
        let otp = try site.read("courses/otp/index.html")
        #expect(otp.contains(#"<a href="/training/courses/beam/">BEAM</a>"#))
        #expect(otp.contains(#"<a href="/training/courses/beam/#day-2">part</a>"#))
        #expect(otp.contains(#"<img src="/training/media/map.png" alt="map" />"#))
        let beam = try site.read("courses/beam/index.html")
        #expect(beam.contains(#"<a href="/training/courses/otp/">OTP</a>"#))
        #expect(beam.contains(#"<a href="https://example.com/x.md">the web</a>"#))
        #expect(try site.read("media/map.png") == "png")
    }

    @Test func aLinkToADraftIsAnError() throws {
        let site = try TestSite([
            "content/courses/otp.md": "---\ntitle: OTP\n---\n\nSee [soon](soon.md).\n",
            "content/courses/soon.md": "---\ntitle: Soon\ndraft: true\n---\n",
        ])
        defer { site.remove() }
        #expect(site.failures() == [
            "content/courses/otp.md:5:5: error: the link to soon.md points at a draft, which is not published; publish it (draft: false) or remove the link",
        ])
        #expect(try site.build(includeDrafts: true).entries == 2)
    }

    @Test func rawHTMLNeedsUnsafeHTMLInSiteYML() throws {
        let course = ["content/courses/otp.md": "---\ntitle: OTP\n---\n<div class=\"note\">Hi</div>\n"]
        let safe = try TestSite(course)
        defer { safe.remove() }
        try safe.build()
        #expect(try safe.read("courses/otp/index.html").contains("<!-- raw HTML omitted -->"))
        #expect(try !safe.read("courses/otp/index.html").contains(#"<div class="note">"#))

        let unsafe = try TestSite(course, siteYML: TestSite.siteYML + "\nunsafe_html: true\n")
        defer { unsafe.remove() }
        try unsafe.build()
        #expect(try unsafe.read("courses/otp/index.html").contains(#"<div class="note">Hi</div>"#))
    }

    @Test func frontMatterValuesAreEscapedInPages() throws {
        let site = try TestSite([
            "content/courses/otp.md": "---\ntitle: \"<script>alert(1)</script> & co\"\nsummary: '\"quoted\"'\n---\n",
        ])
        defer { site.remove() }
        try site.build()
        let page = try site.read("courses/otp/index.html")
        #expect(!page.contains("<script>alert"))
        #expect(page.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</h1>"))
        #expect(page.contains(#"<p class="lede">&quot;quoted&quot;</p>"#))
        // JSON-LD cannot close its script element either.
        #expect(page.contains(#""name":"\u003cscript\u003ealert(1)\u003c/script\u003e \u0026 co""#))
    }

    @Test func baseURLOptionOverridesSiteYML() throws {
        let site = try TestSite(["content/courses/otp.md": "---\ntitle: OTP\nstart: 2020-05-25\n---\n"])
        defer { site.remove() }
        var options = site.options()
        options.baseURL = "http://localhost:8000/"
        try SiteBuilder.build(options)
        #expect(try site.read("index.html").contains(#"<a href="/courses/otp/">OTP</a>"#))
        #expect(try site.read("calendar.ics").contains("UID:otp-1@localhost\r\n"))
        #expect(try site.read("sitemap.xml").contains("<loc>http://localhost:8000/courses/otp/</loc>"))
    }

    @Test func allDayRunsUseDatesWithAnExclusiveEnd() throws {
        let site = try TestSite(["content/courses/fair.md": "---\ntitle: Fair\nstart: 2020-12-30\nend: 2021-01-01\ntime: all-day\n---\n"])
        defer { site.remove() }
        try site.build()
        let lines = ContentLinesReader.unfold(try site.read("calendar.ics"))
        // One event a day, each with its own exclusive end, across the new year.
        #expect(lines.filter { $0.hasPrefix("DTSTART") } == ["DTSTART;VALUE=DATE:20201230", "DTSTART;VALUE=DATE:20201231", "DTSTART;VALUE=DATE:20210101"])
        #expect(lines.filter { $0.hasPrefix("DTEND") } == ["DTEND;VALUE=DATE:20201231", "DTEND;VALUE=DATE:20210101", "DTEND;VALUE=DATE:20210102"])
        #expect(!lines.contains { $0.hasPrefix("RRULE:FREQ=DAILY") })
        #expect(!lines.contains("BEGIN:VTIMEZONE"))
    }

    @Test func timedRunsHaveAnEventEachDayAtLocalHoursWithTheirZone() throws {
        let site = try TestSite(["content/courses/otp.md": "---\ntitle: OTP\nstart: 2020-03-28\nend: 2020-03-30\ntime: 09:00-17:00\n---\n"])
        defer { site.remove() }
        try site.build()
        let lines = ContentLinesReader.unfold(try site.read("courses/otp/calendar.ics"))
        // 2020-03-29 is the switch to summer time: the hours stay 09:00-17:00 local.
        #expect(lines.filter { $0.hasPrefix("DTSTART;") } == ["DTSTART;TZID=Europe/Stockholm:20200328T090000",
                                                          "DTSTART;TZID=Europe/Stockholm:20200329T090000",
                                                          "DTSTART;TZID=Europe/Stockholm:20200330T090000"])
        #expect(lines.contains("DTEND;TZID=Europe/Stockholm:20200330T170000"))
        #expect(lines.filter { $0.hasPrefix("UID:") } == ["UID:otp-1@example.org", "UID:otp-1.2@example.org", "UID:otp-1.3@example.org"])
        #expect(!lines.contains { $0.hasPrefix("RRULE:FREQ=DAILY") })
        #expect(lines.contains("TZID:Europe/Stockholm"))
        #expect(lines.contains("DTSTAMP:20200520T184000Z"))
        // No organizer in site.yml: no METHOD either.
        #expect(!lines.contains("METHOD:PUBLISH"))
    }

    @Test func outputFolderInsideContentIsRefused() throws {
        let site = try TestSite(["content/courses/otp.md": "---\ntitle: OTP\n---\n"])
        defer { site.remove() }
        let failures = site.failures(output: site.root.appendingPathComponent("content/public"))
        #expect(failures.count == 1)
        #expect(failures.first?.contains("lies inside content/") == true)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/public").path))
    }

    @Test func checkWritesNothing() throws {
        let site = try TestSite(["content/courses/otp.md": "---\ntitle: OTP\nstart: 2020-05-25\n---\n"])
        defer { site.remove() }
        let summary = try SiteBuilder.build(site.options(), write: false)
        #expect(summary.entries == 1)
        #expect(summary.pages > 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.folder.path) == ["site"])
    }

    @Test func warningsDoNotFailTheBuild() throws {
        let site = try TestSite(["content/courses/otp.md": "---\ntitle: OTP\ninstuctors: [A]\n---\n"])
        defer { site.remove() }
        let summary = try site.build()
        #expect(summary.warnings.map(\.description) == [
            "content/courses/otp.md:3:1: warning: unknown key 'instuctors' is ignored; did you mean 'instructors'?",
        ])
        #expect(summary.line.hasPrefix("Built 1 entry (0 runs): "))
    }

    @Test func allErrorsOfABuildAreReportedTogether() throws {
        let site = try TestSite([
            "content/courses/a.md": "---\ntitle: A\nstart: 2021-02-30\n---\n",
            "content/courses/b.md": "---\ntitle: B\ntimezone: Nowhere/Land\n---\n",
            "content/instructors/x.md": "---\nrole: no name\n---\n",
        ])
        defer { site.remove() }
        #expect(site.failures().map { $0.split(separator: ":").prefix(3).joined(separator: ":") } == [
            "content/courses/a.md:3:8", "content/courses/b.md:3:11", "content/instructors/x.md:2:1",
        ])
    }

    @Test func daysIndexNamesTheZoneOfSessionsOutsideTheSiteZone() throws {
        let site = try TestSite(["content/courses/london.md": "---\ntitle: London\nstart: 2020-06-10\ntime: 10:00-16:00\ntimezone: Europe/London\n---\n"])
        defer { site.remove() }
        try site.build()
        // The day page itself names the zone…
        #expect(try site.read("days/2020-06-10/index.html").contains(#"<span class="hours">10:00–16:00 <span class="zone">(Europe/London)</span></span>"#))
        // …and so does the /days/ list, where London hours must not pass for the site's (Stockholm) hours.
        #expect(try site.read("days/index.html").contains("10:00–16:00 (Europe/London)"))
    }
}
