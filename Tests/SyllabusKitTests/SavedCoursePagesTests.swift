import Foundation
import Testing
@testable import SyllabusKit

/// A page `SavedCoursePages` shows before a rebuild must not outlive that
/// rebuild: after it, the served page is the one a full build writes.
@Suite struct SavedCoursePagesTests {
    static let page = "courses/alpha/index.html"

    /// The file is saved (v2, shown ahead), then put back as it was (v1, an
    /// editor's undo-and-save or `git checkout`) before the rebuild reads it:
    /// the rebuild finds the page's fingerprint unchanged since its last
    /// write and skips it, so the shown v2 page stays served. When the save
    /// that put it back is refused by `SavedCoursePages` (here together with a
    /// profile), the next rebuild skips it too: it stays until the next edit.
    @Test func aPageShownAheadOfARevertIsRewrittenByTheRebuild() throws {
        let v1 = "---\ntitle: Alpha\ninstructors: [Anna Berg]\nstart: 2031-03-04\n---\nFirst text.\n"
        let v2 = "---\ntitle: Alpha\ninstructors: [Anna Berg]\nstart: 2031-03-04\n---\nSecond text, shown ahead.\n"
        let site = try TestSite(["content/courses/alpha.md": v1,
                                 "content/instructors/anna-berg.md": "---\nname: Anna Berg\n---\nBio.\n"])
        defer { site.remove() }
        let (preview, output, options) = try site.startPreview()

        try site.write(v2, to: "content/courses/alpha.md")
        let shown = SavedCoursePages.write(saved: ["content/courses/alpha.md"], options: options, preview: preview)
        #expect(shown.pages == [Self.page])
        try site.write(v1, to: "content/courses/alpha.md")
        try SiteBuilder.build(options, preview: preview)
        #expect(served(output) == full(site, options), "after the rebuild the shown page is still served")

        // serve's next turn: the revert's event, merged with a profile's save.
        try site.write("---\nname: Anna Berg\n---\nAnother bio.\n", to: "content/instructors/anna-berg.md")
        let next = SavedCoursePages.write(saved: ["content/courses/alpha.md", "content/instructors/anna-berg.md"],
                                          options: options, preview: preview)
        #expect(next.pages.isEmpty)
        try SiteBuilder.build(options, preview: preview)
        #expect(served(output) == full(site, options), "after the next rebuild the shown page is still served")
    }

    /// A saved course's page is shown before its rebuild; when that rebuild
    /// fails (here another file broke meanwhile), `undo` puts back the last
    /// good build's page, so the preview serves that build, as it says.
    @Test func aPageShownBeforeAFailedRebuildIsPutBack() throws {
        let site = try TestSite(["content/courses/alpha.md": "---\ntitle: Alpha\nstart: 2031-03-04\n---\nFirst text.\n",
                                 "content/courses/beta.md": "---\ntitle: Beta\n---\nBody.\n"])
        defer { site.remove() }
        let (preview, output, options) = try site.startPreview()
        let served = fileTree(output)

        try site.write("---\ntitle: Alpha\nstart: 2031-03-04\n---\nSecond text.\n", to: "content/courses/alpha.md")
        try site.write("---\ntitle: [unclosed\n---\n", to: "content/courses/beta.md")
        let shown = SavedCoursePages.write(saved: ["content/courses/alpha.md", "content/courses/.alpha.md.swp"],
                                           options: options, preview: preview)
        #expect(shown.pages == ["courses/alpha/index.html"])
        let page = try String(contentsOf: output.appendingPathComponent("courses/alpha/index.html"), encoding: .utf8)
        #expect(page.contains("Second text.") && !page.contains("First text."))
        #expect(throws: BuildFailed.self) { try SiteBuilder.build(options, preview: preview) }
        try shown.undo()
        #expect(fileTree(output) == served)

        // Nothing is shown ahead while the served build is not the last one tried,
        // nor for a file with errors, a new file, or anything but a course.
        #expect(SavedCoursePages.write(saved: ["content/courses/alpha.md"], options: options, preview: preview).pages.isEmpty)
        try site.write("---\ntitle: Beta\n---\nBody.\n", to: "content/courses/beta.md")
        try SiteBuilder.build(options, preview: preview)
        try site.write("---\ntitle: [unclosed\n---\n", to: "content/courses/alpha.md")
        try site.write("---\ntitle: Gamma\n---\n", to: "content/courses/gamma.md")
        for saved in [["content/courses/alpha.md"], ["content/courses/gamma.md"], ["content/site.yml"], ["templates/course.mustache"],
                      ["content/courses/beta.md", "content/instructors/anna-berg.md"]] {
            #expect(SavedCoursePages.write(saved: Set(saved), options: options, preview: preview).pages.isEmpty, "\(saved)")
        }
        // A course that gets the site its first past run changes every page's navigation: not shown ahead.
        try site.write("---\ntitle: Alpha\nstart: 2031-03-04\n---\nSecond text.\n", to: "content/courses/alpha.md")
        try site.write("---\ntitle: Beta\nstart: 2001-03-04\n---\nBody.\n", to: "content/courses/beta.md")
        #expect(SavedCoursePages.write(saved: ["content/courses/beta.md"], options: options, preview: preview).pages.isEmpty)
    }

    /// The pages open in a browser that a saved title changes (the catalog,
    /// where the entry moves, its topic's, instructor's and day's pages) are
    /// written ahead too, each as a full build writes it; open pages the save
    /// leaves as they are, and paths the site has no page at, are not.
    @Test func openPagesASaveChangesAreShownAheadAsAFullBuildWritesThem() throws {
        let alpha = "---\ntitle: Alpha\ntags: [Erlang]\ninstructors: [Anna Berg]\nstart: 2031-03-04\n---\nText.\n"
        let site = try TestSite(["content/courses/alpha.md": alpha,
                                 "content/courses/beta.md": "---\ntitle: Beta\ntags: [Erlang]\nstart: 2031-03-05\n---\nBody.\n",
                                 "content/courses/gamma.md": "---\ntitle: Gamma\ntags: [Elixir]\nstart: 2031-03-06\n---\nBody.\n"])
        defer { site.remove() }
        let (preview, output, options) = try site.startPreview()
        let open: Set = ["index.html", "tags/erlang/index.html", "tags/elixir/index.html", "courses/beta/index.html",
                         "instructors/anna-berg/index.html", "days/2031-03-04/index.html", "days/2031-03-06/index.html",
                         "nowhere/index.html"]
        let before = fileTree(output)

        try site.write(alpha.replacingOccurrences(of: "title: Alpha", with: "title: Omega"), to: "content/courses/alpha.md")
        let course = SavedCoursePages.write(saved: ["content/courses/alpha.md"], options: options, preview: preview,
                                            open: open)
        #expect(course.pages == ["courses/alpha/index.html"])
        // The catalog page is open and reads the search index: that is made meanwhile, into the records the rebuild reuses.
        course.finish()
        #expect(preview.cache.searchRecords?.all.values.contains { $0.course.title == "Omega" } == true)
        let listings = course.writingOpenPages(open)
        #expect(Set(listings.pages) == ["tags/erlang/index.html", "instructors/anna-berg/index.html", "days/2031-03-04/index.html"])
        // The catalog page reads the search index: it is written with that, after the others.
        let shown = listings.writingOpenPages(open, readingTheSearchIndex: true)
        #expect(Set(shown.pages) == ["index.html", "search/index.json"])
        for page in course.pages + listings.pages + shown.pages {
            let written = FileManager.default.contents(atPath: output.appendingPathComponent(page).path)
            #expect(written != nil && written == full(site, options, page: page), "\(page)")
        }
        try shown.undo()
        #expect(fileTree(output) == before)

        // No open page reads the search index: it waits for the rebuild.
        let topicOnly = SavedCoursePages.write(saved: ["content/courses/alpha.md"], options: options, preview: preview,
                                               open: ["tags/erlang/index.html"]).writingOpenPages(["tags/erlang/index.html"])
        #expect(topicOnly.pages == ["tags/erlang/index.html"])
        let noIndex = topicOnly.writingOpenPages(["tags/erlang/index.html"], readingTheSearchIndex: true)
        #expect(noIndex.pages.isEmpty)
        // A page that reads it, open only since: the index is made then, as the rebuild makes it.
        let late = noIndex.writingOpenPages(["tags/erlang/index.html", "index.html"], readingTheSearchIndex: true)
        #expect(Set(late.pages) == ["index.html", "search/index.json"])
        for page in late.pages {
            let written = FileManager.default.contents(atPath: output.appendingPathComponent(page).path)
            #expect(written != nil && written == full(site, options, page: page), "\(page)")
        }
        try late.undo()
        #expect(fileTree(output) == before)

        // A save that names another instructor makes an instructor page the
        // checker works out: only the course's own page is shown ahead.
        try site.write(alpha.replacingOccurrences(of: "Anna Berg", with: "Bo Chen"), to: "content/courses/alpha.md")
        let renamed = SavedCoursePages.write(saved: ["content/courses/alpha.md"], options: options, preview: preview,
                                             open: open)
        #expect(renamed.pages == ["courses/alpha/index.html"] && renamed.writingOpenPages(open).pages.isEmpty
                && renamed.writingOpenPages(open, readingTheSearchIndex: true).pages.isEmpty)
        try SiteBuilder.build(options, preview: preview)
        let pages = { (tree: [String: Data]) in tree.filter { $0.key.hasSuffix(".html") } }
        #expect(pages(fileTree(output)) == pages(fileTree(fullOutput(site, options))))
    }

    private func served(_ output: URL) -> Data? {
        FileManager.default.contents(atPath: output.appendingPathComponent(Self.page).path)
    }

    private func full(_ site: TestSite, _ options: BuildOptions, page: String = Self.page) -> Data? {
        let output = fullOutput(site, options)
        defer { try? FileManager.default.removeItem(at: output) }
        return FileManager.default.contents(atPath: output.appendingPathComponent(page).path)
    }

    /// A full build of the site with the preview's options, in a folder of its own.
    private func fullOutput(_ site: TestSite, _ options: BuildOptions) -> URL {
        var options = options
        options.output = site.folder.appendingPathComponent("full-\(UUID().uuidString)")
        _ = try? SiteBuilder.build(options)
        return options.output
    }
}
