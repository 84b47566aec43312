#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Mustache
import Testing
@testable import SyllabusKit

/// A build over its previous output links the pages whose template frame it
/// recorded, unrendered (`PageFingerprints`): only while the frame, the
/// templates, the binary and the old file are all what the record says.
@Suite struct PageFingerprintsTests {
    static let courses = [
        "content/courses/a.md": "---\ntitle: Alpha\nstart: 2020-06-01\n---\nAbout alpha.\n",
        "content/courses/b.md": "---\ntitle: Beta\nstart: 2020-06-02\n---\nAbout beta.\n",
    ]

    func status(_ url: URL) -> stat {
        var status = stat()
        #expect(lstat(url.path, &status) == 0, "\(url.path)")
        return status
    }

    /// Builds `site.output` as `syllabus build` does, and beside it a
    /// reference output by the same builds with the record taken away before
    /// each, so that every page is rendered. Not a fresh build: a build over
    /// an earlier output carries its feeds' history on (SEQUENCE, cancelled
    /// events), and the two must agree byte for byte.
    @discardableResult
    func build(_ site: TestSite) throws -> BuildSummary {
        let reference = site.folder.appendingPathComponent("reference")
        unlink(reference.appendingPathComponent(PageFingerprints.name).path)
        let summary = try site.build()
        let referenceSummary = try site.build(output: reference)
        #expect(referenceSummary.unchanged == 0)
        return summary
    }

    func reference(_ site: TestSite) -> [String: Data] {
        siteTree(site.folder.appendingPathComponent("reference"))
    }

    func built(_ site: TestSite) -> [String: Data] {
        siteTree(site.output)
    }

    func difference(_ a: [String: Data], _ b: [String: Data]) -> [String] {
        Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
    }

    @Test func theSecondBuildRecordsAndTheThirdLinksUnrendered() throws {
        let site = try TestSite(Self.courses)
        defer { site.remove() }
        let first = try build(site)
        #expect(first.unchanged == 0)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent(PageFingerprints.name).path),
                "a first build into a new folder spends nothing on a record")
        let second = try build(site)
        #expect(second.unchanged == 0)
        let record = try #require(PageFingerprints.read(in: site.output.path))
        #expect(record.entries["courses/a/index.html"] != nil)
        #expect(record.entries["calendar.ics"] == nil, "feeds are made as text, not recorded")
        let third = try build(site)
        #expect(third.unchanged == record.entries.count)
        #expect(third.line.contains("(\(third.unchanged) unchanged since the last build, not rendered)"))
        #expect(built(site) == reference(site), "\(difference(built(site), reference(site)))")

        try site.write("---\ntitle: Beta, renamed\nstart: 2020-06-02\n---\nAbout beta.\n", to: "content/courses/b.md")
        let a = site.output.appendingPathComponent("courses/a/index.html")
        let aBefore = status(a)
        let fourth = try build(site)
        #expect(fourth.unchanged > 0 && fourth.unchanged < third.unchanged)
        #expect(status(a).st_ino == aBefore.st_ino)
        #expect(try site.read("courses/b/index.html").contains("Beta, renamed"))
        #expect(built(site) == reference(site))
    }

    /// A listing page is fingerprinted by its cards' frames (`PageContexts.cardKey`),
    /// not their HTML: it stays linked until a card on it changes, also a card
    /// that leaves out the instructor whose page it is on.
    @Test func aListingPageIsLinkedUntilOneOfItsCardsChanges() throws {
        let site = try TestSite([
            "content/courses/a.md": "---\ntitle: Alpha\nstart: 2020-06-01\ntags: [x]\ninstructors: [Ann, Bob]\n---\nAbout alpha.\n",
            "content/courses/b.md": "---\ntitle: Beta\nstart: 2020-06-02\ntags: [y]\ninstructors: [Cy]\n---\nAbout beta.\n",
        ])
        defer { site.remove() }
        try build(site)
        try build(site)
        let third = try build(site)
        let record = try #require(PageFingerprints.read(in: site.output.path))
        #expect(record.entries["tags/x/index.html"] != nil && record.entries["instructors/bob/index.html"] != nil)
        #expect(third.unchanged == record.entries.count, "every page, listings included, linked unrendered")
        func inode(_ path: String) -> ino_t { status(site.output.appendingPathComponent(path)).st_ino }
        let (x, y, bob, cy) = (inode("tags/x/index.html"), inode("tags/y/index.html"),
                               inode("instructors/bob/index.html"), inode("instructors/cy/index.html"))

        try site.write("---\ntitle: Alpha\nstart: 2020-06-01\ntags: [x]\ninstructors: [Ann Lee, Bob]\n---\nAbout alpha.\n",
                       to: "content/courses/a.md")
        try build(site)
        #expect(built(site) == reference(site), "\(difference(built(site), reference(site)))")
        #expect(inode("tags/x/index.html") != x && inode("instructors/bob/index.html") != bob, "a's cards changed")
        #expect(try site.read("instructors/bob/index.html").contains("Ann Lee"), "Bob's card of a names the others")
        #expect(inode("tags/y/index.html") == y && inode("instructors/cy/index.html") == cy, "b's pages stay linked")
    }

    /// A page changed in the output after the build, even to the same length
    /// with its modification time put back, is rendered again: its change
    /// time differs from the record's.
    @Test func aPageEditedInTheOutputIsRenderedAgain() throws {
        let site = try TestSite(Self.courses)
        defer { site.remove() }
        try build(site)
        try build(site)
        let page = site.output.appendingPathComponent("courses/a/index.html")
        let before = status(page)
        var text = try String(contentsOf: page, encoding: .utf8)
        text = text.replacingOccurrences(of: "About alpha.", with: "About gamma.")
        let descriptor = open(page.path, O_WRONLY | O_TRUNC)
        #expect(descriptor >= 0)
        _ = text.withCString { write(descriptor, $0, strlen($0)) }
        close(descriptor)
        #if canImport(Darwin)
        var times = [before.st_atimespec, before.st_mtimespec]
        #else
        var times = [before.st_atim, before.st_mtim]
        #endif
        #expect(utimensat(AT_FDCWD, page.path, &times, 0) == 0)
        let after = status(page)
        #expect(after.st_size == before.st_size && after.st_ino == before.st_ino)
        let rebuilt = try build(site)
        #expect(try site.read("courses/a/index.html").contains("About alpha."))
        #expect(built(site) == reference(site))
        let record = try #require(PageFingerprints.read(in: site.output.path))
        #expect(rebuilt.unchanged == record.entries.count - 1, "every other page is still linked")
    }

    @Test func aChangedTemplateRendersItsPagesAgain() throws {
        var files = Self.courses
        files["templates/course.mustache"] = "<p>{{title}}</p>\n"
        let site = try TestSite(files)
        defer { site.remove() }
        try build(site)
        try build(site)
        try site.write("<p>Course: {{title}}</p>\n", to: "templates/course.mustache")
        let rebuilt = try build(site)
        #expect(rebuilt.unchanged == 0, "the templates are part of every page's fingerprint")
        #expect(try site.read("courses/a/index.html") == "<p>Course: Alpha</p>\n")
        #expect(built(site) == reference(site))
    }

    /// A course body is fingerprinted by its text and by what each course
    /// file it can link to is (`BodyKeys`), not by its HTML: a page whose
    /// link's target moved is rendered again, one that links to nothing new
    /// stays linked, also when its link is written with an entity or escape.
    @Test(arguments: ["[Beta](b.md)", "[Beta](b&#46;md)", "[Beta](<b\\.md>)", "[Beta][b]\n\n[b]: ./b.md#runs"])
    func aBodyIsRenderedAgainWhenTheCourseItLinksToMoves(link: String) throws {
        var files = Self.courses
        files["content/courses/a.md"] = "---\ntitle: Alpha\nstart: 2020-06-01\n---\nAbout alpha; see \(link).\n"
        let site = try TestSite(files)
        defer { site.remove() }
        try build(site)
        try build(site)
        let a = site.output.appendingPathComponent("courses/a/index.html")
        #expect(try site.read("courses/a/index.html").contains("href=\"/training/courses/b/"))

        try site.write("---\ntitle: Gamma\nstart: 2020-06-03\n---\nAbout gamma.\n", to: "content/courses/c.md")
        let aBefore = status(a)
        try build(site)
        if !link.contains("&") && !link.contains("\\") {
            #expect(status(a).st_ino == aBefore.st_ino, "a course a body cannot name leaves its page linked")
        }
        #expect(built(site) == reference(site), "\(difference(built(site), reference(site)))")

        try site.write("---\ntitle: Beta\nslug: beta-moved\nstart: 2020-06-02\n---\nAbout beta.\n", to: "content/courses/b.md")
        try build(site)
        #expect(try site.read("courses/a/index.html").contains("href=\"/training/courses/beta-moved/"))
        #expect(built(site) == reference(site), "\(difference(built(site), reference(site)))")
    }

    /// Stems a byte scan could misread: an entity inside the name
    /// (`x&lowbar;y` is `x_y`), a name written decomposed that Swift's lookup
    /// takes for the composed file name (`cafe` and U+0301 for `café`), an
    /// escape beyond the longest stem's length. Each page follows its
    /// target's new slug.
    @Test(arguments: [
        ("See [t](x&lowbar;y.md).", "x_y"), ("See [t](cafe\u{301}.md).", "caf\u{E9}"),
        ("See [t](x\\_y.md).", "x_y"), ("See [t](<x_&#121;.md>).", "x_y"),
        ("See [t](<x\\\ny.md>).", "x\\\ny"), ("See [t](<x\\\r\ny.md>).", "x\\\ny"),
    ])
    func aStemWrittenOtherwiseIsFollowed(body: String, target: String) throws {
        let site = try TestSite([
            "content/courses/a.md": "---\ntitle: Alpha\nstart: 2020-06-01\n---\n\(body)\n",
            "content/courses/\(target).md": "---\ntitle: Target\nslug: one\nstart: 2020-06-02\n---\nAbout it.\n",
        ])
        defer { site.remove() }
        try build(site)
        try build(site)
        #expect(try build(site).unchanged > 0)
        #expect(try site.read("courses/a/index.html").contains("href=\"/training/courses/one/"))
        try site.write("---\ntitle: Target\nslug: two\nstart: 2020-06-02\n---\nAbout it.\n", to: "content/courses/\(target).md")
        try build(site)
        #expect(try site.read("courses/a/index.html").contains("href=\"/training/courses/two/"))
        #expect(built(site) == reference(site), "\(difference(built(site), reference(site)))")
    }

    /// A record cut short, or of another format, is not trusted at all.
    @Test(arguments: ["cut", "other format", "not a number", "empty"])
    func aRecordThatDoesNotReadWholeIsIgnored(_ damage: String) throws {
        let site = try TestSite(Self.courses)
        defer { site.remove() }
        try build(site)
        try build(site)
        let url = site.output.appendingPathComponent(PageFingerprints.name)
        let text = try String(contentsOf: url, encoding: .utf8)
        let damaged: String
        switch damage {
        case "cut": damaged = String(text.dropLast(20))
        case "other format": damaged = text.replacingOccurrences(of: "format 2", with: "format 3")
        case "not a number": damaged = text.replacingOccurrences(of: " courses/a/", with: "x courses/a/")
        default: damaged = ""
        }
        // Written in place, so the pages' files (and their change times) are untouched.
        try Data(damaged.utf8).write(to: url)
        #expect(PageFingerprints.read(in: site.output.path) == nil)
        let rebuilt = try build(site)
        #expect(rebuilt.unchanged == 0)
        #expect(built(site) == reference(site))
        #expect(PageFingerprints.read(in: site.output.path) != nil, "the build writes a whole record again")
    }

    /// A failed build leaves the live site and its record as they were; the
    /// links it made to the live pages (and took away again) changed those
    /// files' change times, so the next build renders them rather than trust
    /// the record, and comes out as the reference does.
    @Test func afterAFailedBuildThePagesItLinkedAreRenderedAgain() throws {
        let site = try TestSite(Self.courses)
        defer { site.remove() }
        try build(site)
        try build(site)
        let before = fileTree(site.output)
        try site.write("---\ntitle: Alpha\nstart: 2020-06-01\n---\nSee [nowhere](missing.md).\n", to: "content/courses/a.md")
        #expect(!site.failures().isEmpty)
        #expect(!site.failures(output: site.folder.appendingPathComponent("reference")).isEmpty)
        #expect(fileTree(site.output) == before)
        try site.write(Self.courses["content/courses/a.md"]!, to: "content/courses/a.md")
        let rebuilt = try build(site)
        #expect(PageFingerprints.read(in: site.output.path) != nil)
        #expect(rebuilt.unchanged == 1, "the failed build linked every page but a's, whose new text it wrote aside")
        #expect(built(site) == reference(site))
        #expect(try build(site).unchanged > 0, "and the build after trusts the new record")
    }
}

/// The fingerprint of a template frame: stable across processes, and
/// different for frames that render differently.
@Suite struct FrameFingerprintTests {
    func fingerprint(_ values: [(String, Any)], template: String = "page") -> Fingerprint? {
        var fields = MustacheFields()
        for (name, value) in values { fields.set(name, value) }
        return TemplatePage(name: template, frame: fields, library: MustacheLibrary())
            .fingerprint(salt: Fingerprint(high: 1, low: 2))
    }

    @Test func theSameFrameGivesTheSameFingerprintInEveryProcess() {
        let frame: [(String, Any)] = [("title", "Alpha"), ("runs", [Any]([1, true, "x"])), ("price", 12.5)]
        #expect(fingerprint(frame) == fingerprint(frame))
        // A value fixed here: a fingerprint that changed between processes or
        // platforms would make every build render every page.
        #expect(fingerprint(frame)?.hex == "e19f66a1d1cbc733e241ffd490281518")
    }

    @Test func framesThatRenderDifferentlyDiffer() {
        let variants: [[(String, Any)]] = [
            [("a", "1")], [("a", 1)], [("a", true)], [("a", false)], [("b", "1")],
            [("a", [Any](["ab", "c"]))], [("a", [Any](["a", "bc"]))], [("a", [Any](["abc"]))],
            [("a", "ab"), ("b", "c")], [("a", "a"), ("b", "bc")],
            [("a", String(repeating: "x", count: 15))], [("a", String(repeating: "x", count: 16))],
            [("a", String(repeating: "x", count: 17))], [("a", String(repeating: "x", count: 16) + "\u{0}")],
        ]
        let fingerprints = variants.map { fingerprint($0) }
        #expect(fingerprints.allSatisfy { $0 != nil })
        #expect(Set(fingerprints.compactMap { $0 }).count == variants.count)
        #expect(fingerprint([("a", "1")], template: "other") != fingerprint([("a", "1")]))
    }

    @Test func aValueOfAnUnknownKindIsNeverTrusted() {
        struct Opaque {}
        #expect(fingerprint([("a", Opaque())]) == nil)
        #expect(fingerprint([("a", [Any]([Opaque()]))]) == nil)
    }

    @Test func theHexFormReadsBack() {
        let value = Fingerprint(high: 0x0123_4567_89AB_CDEF, low: 0xF)
        #expect(value.hex == "0123456789abcdef000000000000000f")
        #expect(Fingerprint(hex: Substring(value.hex)) == value)
        #expect(Fingerprint(hex: "0123") == nil)
        #expect(Fingerprint(hex: Substring(String(repeating: "g", count: 32))) == nil)
    }
}
