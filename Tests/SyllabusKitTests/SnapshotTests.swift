import Foundation
import Testing
@testable import SyllabusKit

/// End to end: the checked-in site `Fixtures/basic` built with a fixed
/// timestamp must give exactly the files in `Snapshots/basic`.
/// Run with `RECORD_SNAPSHOTS=1` to re-record them, then read the diff.
@Suite struct SnapshotTests {
    static let fixture = TestData.fixtures.appendingPathComponent("basic")
    static let snapshot = TestData.snapshots.appendingPathComponent("basic")
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    @Test func basicSiteMatchesItsSnapshot() throws {
        let summary = try Self.matchSnapshot("basic")
        #expect(summary.warnings.isEmpty)
        #expect((summary.entries, summary.runs, summary.pages, summary.feeds) == (4, 4, 23, 9)) // 3 topic feeds
    }

    /// Every booking key at course and run level: currencies, free, tentative,
    /// full, cancelled, online, blended, seats, the four levels, two languages.
    @Test func bookingSiteMatchesItsSnapshot() throws {
        let summary = try Self.matchSnapshot("booking")
        #expect(summary.warnings.isEmpty)
        #expect(summary.entries == 6 && summary.runs == 9)
    }

    /// Runs on both sides of the build date (2020-05-20 in Stockholm), with
    /// `page_size: 2`: the home page, `/past/` and the Erlang topic each span
    /// several pages.
    @Test func overTimeSiteMatchesItsSnapshot() throws {
        let summary = try Self.matchSnapshot("overtime")
        #expect(summary.warnings.isEmpty)
        #expect((summary.entries, summary.runs, summary.pages) == (6, 6, 38))
    }

    /// Builds `Fixtures/<name>` and compares every file with `Snapshots/<name>`.
    static func matchSnapshot(_ name: String) throws -> BuildSummary {
        let site = try TestSite(copying: TestData.fixtures.appendingPathComponent(name))
        defer { site.remove() }
        let snapshot = TestData.snapshots.appendingPathComponent(name)
        let summary = try site.build()
        let built = fileTree(site.output)

        if Self.recording {
            try? FileManager.default.removeItem(at: snapshot)
            try FileManager.default.copyItem(at: site.output, to: snapshot)
            return summary
        }
        let expected = fileTree(snapshot)
        try #require(!expected.isEmpty, "no snapshot at \(snapshot.path); record it with RECORD_SNAPSHOTS=1")
        let missing = Set(expected.keys).subtracting(built.keys).sorted()
        let extra = Set(built.keys).subtracting(expected.keys).sorted()
        #expect(missing.isEmpty, "in the snapshot but not built: \(missing)")
        #expect(extra.isEmpty, "built but not in the snapshot: \(extra)")
        for (path, data) in expected.sorted(by: { $0.key < $1.key }) {
            guard let actual = built[path] else { continue }
            #expect(actual == data, "\(name)/\(path) differs from the snapshot\(Self.firstDifference(actual, data))")
        }
        return summary
    }

    /// The first differing line, so a failure says more than "differs".
    static func firstDifference(_ actual: Data, _ expected: Data) -> String {
        let a = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for (number, (x, y)) in zip(a, e).enumerated() where x != y {
            return " at line \(number + 1):\n  got:      \(x)\n  expected: \(y)"
        }
        return a.count == e.count ? "" : ": \(a.count) lines instead of \(e.count)"
    }

    @Test func sameInputGivesByteIdenticalOutput() throws {
        let site = try TestSite(copying: Self.fixture)
        defer { site.remove() }
        let first = site.folder.appendingPathComponent("first")
        let second = site.folder.appendingPathComponent("second")
        try site.build(output: first)
        try site.build(output: second)
        let one = fileTree(first), two = fileTree(second)
        #expect(one.count > 20)
        #expect(one == two)
    }

    @Test func rebuildingOverThePreviousOutputChangesNothing() throws {
        let site = try TestSite(copying: Self.fixture)
        defer { site.remove() }
        try site.build()
        let first = fileTree(site.output)
        try site.build()
        #expect(siteTree(site.output) == first)
        // What the second build adds: its record of the pages, for the third.
        #expect(first[PageFingerprints.name] == nil && PageFingerprints.read(in: site.output.path) != nil)
    }

    @Test func failedBuildLeavesThePreviousOutputUntouched() throws {
        let site = try TestSite(copying: Self.fixture)
        defer { site.remove() }
        try site.build()
        let before = fileTree(site.output)
        #expect(before["index.html"] != nil)

        try site.write("---\ntitle: Broken\nstart: 2021-02-30\n---\n", to: "content/courses/broken.md")
        #expect(site.failures() == [
            "content/courses/broken.md:3:8: error: 'start': 2021-02-30 does not exist; February 2021 has 28 days",
        ])
        #expect(fileTree(site.output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.folder.path).sorted()
        #expect(leftovers == ["out", "site"], "no staging or retired folder may stay behind")
    }

    @Test func failedFirstBuildCreatesNoOutput() throws {
        let site = try TestSite(copying: Self.fixture)
        defer { site.remove() }
        try site.write("---\ntitle: Broken\ntime: late\nstart: 2020-01-01\n---\n", to: "content/courses/broken.md")
        #expect(!site.failures().isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.folder.path) == ["site"])
    }

    @Test func buildWritesNothingOutsideTheOutputFolder() throws {
        let site = try TestSite(copying: Self.fixture)
        defer { site.remove() }
        let sourcesBefore = fileTree(site.root)
        try site.build()
        #expect(fileTree(site.root) == sourcesBefore)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.folder.path).sorted() == ["out", "site"])
    }

    /// Every page links back to the catalog, instructors and days, and every
    /// link inside the site (under the base path) reaches a built file.
    @Test(arguments: ["basic", "overtime"]) func everyInternalLinkResolves(_ fixture: String) throws {
        let site = try TestSite(copying: TestData.fixtures.appendingPathComponent(fixture))
        defer { site.remove() }
        try site.build()
        let tree = fileTree(site.output)
        let pages = tree.filter { $0.key.hasSuffix(".html") }
        #expect(pages.count == (fixture == "basic" ? 23 : 38))
        var broken: [String] = []
        for (path, data) in pages.sorted(by: { $0.key < $1.key }) {
            let html = String(decoding: data, as: UTF8.self)
            for required in [#"href="/training/""#, #"href="/training/instructors/""#, #"href="/training/days/""#] {
                #expect(html.contains(required), "\(path) does not link \(required)")
            }
            for link in Self.attributes(in: html) where link.hasPrefix("/training/") {
                var target = String(link.dropFirst("/training/".count))
                if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]) }
                if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
                if tree[target] == nil { broken.append("\(path) → \(link)") }
            }
            #expect(!html.contains(#"href="/courses"#) && !html.contains(#"src="/assets"#), "\(path) has a link outside the base path")
        }
        #expect(broken.isEmpty)
    }

    /// Values of `href="…"` and `src="…"` attributes.
    static func attributes(in html: String) -> [String] {
        var values: [String] = []
        for name in ["href=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: name) {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                values.append(String(rest[..<end]))
                rest = rest[end...]
            }
        }
        return values
    }
}
