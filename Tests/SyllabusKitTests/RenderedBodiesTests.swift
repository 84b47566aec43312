import Foundation
import Testing
@testable import SyllabusKit

/// Course bodies are rendered where their pages are, so a large catalog never
/// holds every body's HTML at once; a broken link still fails every build.
@Suite struct RenderedBodiesTests {
    static let files = [
        "content/courses/otp.md": "---\ntitle: OTP\n---\n\nSee [BEAM](beam.md) and [gone](gone.md).\n",
        "content/courses/beam.md": "---\ntitle: BEAM\n---\nBack to [OTP](otp.md).\n",
    ]
    static let brokenLink = "content/courses/otp.md:5:25: error: the link to gone.md points at no course: there is no content/courses/gone.md"

    @Test func aFullBuildRendersEachBodyWithItsPage() throws {
        let site = try TestSite(Self.files)
        defer { site.remove() }
        let content = ContentLoader.load(root: site.root, baseURLOverride: nil)
        let config = try #require(content.site)
        var log = DiagnosticLog()
        let catalog = CatalogChecker.check(content, site: config, includeDrafts: false,
                                           buildDate: BuildDate(epochSeconds: TestSite.timestamp, timezone: config.timezone), log: &log)
        let bodies = RenderedBodies.render(catalog, content: content, paths: SitePaths(base: config.baseURL), upFront: false, log: &log)
        // Nothing is rendered yet, so nothing is reported yet.
        #expect(log.entries.isEmpty)
        var late = DiagnosticLog()
        bodies.reportLate(log: &late)
        #expect(late.entries.isEmpty)

        let otp = try #require(catalog.courses.first { $0.slug.value == "otp" })
        #expect(bodies.html(of: otp).contains(#"<a href="/training/courses/beam/">BEAM</a>"#))
        bodies.reportLate(log: &late)
        #expect(late.sorted.map(\.description) == [Self.brokenLink])
    }

    @Test func aBrokenLinkFailsAFullBuildAndKeepsThePreviousSite() throws {
        let site = try TestSite(Self.files)
        defer { site.remove() }
        try site.write("---\ntitle: OTP\n---\n\nSee [BEAM](beam.md).\n", to: "content/courses/otp.md")
        try site.build()
        let before = try site.read("courses/otp/index.html")
        try site.write(Self.files["content/courses/otp.md"]!, to: "content/courses/otp.md")
        #expect(site.failures() == [Self.brokenLink])
        #expect(try site.read("courses/otp/index.html") == before)
    }

    /// A preview skips the pages whose inputs did not change: it renders every
    /// body up front, so an unchanged broken link fails every rebuild, not
    /// only the one that rendered its page.
    @Test func aPreviewReportsABrokenLinkOnEveryRebuild() throws {
        let site = try TestSite(Self.files)
        defer { site.remove() }
        let preview = PreviewRebuild()
        let options = site.options(output: site.folder.appendingPathComponent("preview"))
        for rebuild in 1...2 {
            do {
                try SiteBuilder.build(options, preview: preview)
                Issue.record("rebuild \(rebuild) succeeded")
            } catch let failure as BuildFailed {
                #expect(failure.diagnostics.map(\.description) == [Self.brokenLink], "rebuild \(rebuild)")
            }
        }
    }
}

extension RenderedBodiesTests {
    /// A previous feed that cannot be read is an error found while loading:
    /// reported together with the broken links, not before them.
    @Test func aBadPreviousFeedAndABrokenLinkAreReportedTogether() throws {
        let site = try TestSite(Self.files)
        defer { site.remove() }
        var options = site.options()
        options.previousFeed = site.folder.appendingPathComponent("missing.ics").path
        do {
            try SiteBuilder.build(options)
            Issue.record("the build succeeded")
        } catch let failure as BuildFailed {
            let messages = failure.diagnostics.map(\.description)
            #expect(messages.count == 2, "\(messages)")
            #expect(messages.contains(Self.brokenLink), "\(messages)")
            #expect(messages.contains { $0.contains("--previous-feed") && $0.contains("no readable file there") }, "\(messages)")
        }
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }
}
