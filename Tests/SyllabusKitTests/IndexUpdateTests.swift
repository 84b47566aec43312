import Foundation
import Testing
@testable import SyllabusKit

/// `CatalogIndex(_:after:)` against indexing the whole catalog again, after
/// each kind of edit a preview sees, one save after another as `syllabus
/// serve` makes them.
@Suite struct IndexUpdateTests {
    /// Each step's files are written over the last step's (`nil` deletes one).
    /// `changes`: the old and new versions of entries that differ.
    static let steps: [(name: String, changes: Int, files: [String: String?])] = [
        ("a title moves an entry A–Z", 2, ["content/courses/otp.md": "---\ntitle: Zealous OTP\ninstructors: [Mikael Muszyński, Robert Virding]\nstart: 2020-05-25\nend: 2020-05-27\ntags: [Erlang, OTP]\n---\n"]),
        ("a run moves to another day and hour", 2, ["content/courses/beam.md": "---\ntitle: BEAM\ninstructor: Robert Virding\nstart: 2020-07-02\ntime: 08:00-12:00\ntags: [erlang]\n---\n"]),
        ("the first entry of a topic spells it otherwise", 2, ["content/courses/otp.md": "---\ntitle: Zealous OTP\ninstructors: [Mikael Muszyński, Robert Virding]\nstart: 2020-05-25\nend: 2020-05-27\ntags: [ERLANG]\n---\n"]),
        ("an entry loses its runs, and a day its sessions", 2, ["content/courses/multi.md": "---\ntitle: Multi\ninstructors: [Zoë Brontë]\n---\n"]),
        ("a run names someone new", 2, ["content/courses/early.md": "---\ntitle: Early bird\nruns:\n  - {start: 2020-05-26, time: 07:00-08:00, instructors: [Nova Person]}\n  - {start: 2020-05-10, end: 2020-05-12}\n---\n"]),
        ("a file is deleted and another added", 2, [
            "content/courses/aardvark.md": nil,
            "content/courses/zebra.md": "---\ntitle: Zebra care\ninstructor: Robert Virding\nstart: 2020-05-26\ntags: [Zoology, OTP]\n---\n",
        ]),
        ("several files at once", 5, [
            "content/courses/exam.md": "---\ntitle: Certification\ninstructors: [Zoë Brontë, Nova Person]\nstart: 2020-05-26\ntags: [Erlang, Zoology]\n---\n",
            "content/courses/zebra.md": "---\ntitle: Zebra care\ninstructor: Robert Virding\ntags: [OTP]\n---\n",
            "content/courses/draft.md": "---\ntitle: Draft\ndraft: false\nstart: 2020-05-25\ninstructors: [Hidden Person]\n---\n",
        ]),
        ("an instructor loses their last entry; a title ties; a topic spelt twice in one entry", 4, [
            "content/courses/exam.md": "---\ntitle: Certification\ninstructors: [Zoë Brontë]\nstart: 2020-05-26\ntags: [Erlang, Zoology]\n---\n",
            "content/courses/early.md": "---\ntitle: Certification\nruns:\n  - {start: 2020-05-26, time: 07:00-08:00}\n  - {start: 2020-05-26, end: 2020-05-28}\ntags: [zoology, Zoology]\n---\n",
        ]),
    ]

    @Test func anIndexWorkedOutFromTheLastOneEqualsOneIndexedWhole() throws {
        let site = try TestSite(CatalogIndexTests.files)
        defer { site.remove() }
        let cache = BuildCache(keeps: true)
        func catalog() throws -> Catalog { try site.catalog(cache: cache, today: CalendarDate(year: 2020, month: 5, day: 26)!) }
        var last = CatalogIndex(try catalog())
        for step in Self.steps {
            for (path, text) in step.files {
                if let text { try site.write(text, to: path) } else { try FileManager.default.removeItem(at: site.root.appendingPathComponent(path)) }
            }
            let catalog = try catalog()
            // Worked out from the last index, not indexed whole behind its back.
            let change = try #require(EntryChange(from: last.catalog.courses, to: catalog.courses), "\(step.name)")
            #expect(change.removed.count + change.added.count == step.changes, "\(step.name)")
            let updated = CatalogIndex(catalog, after: last)
            let whole = CatalogIndex(catalog)
            #expect(Self.shape(updated) == Self.shape(whole), "\(step.name)")
            for (name, slug) in whole.instructorSlugs { #expect(updated.instructorSlugs[name] == slug, "\(step.name): \(name)") }
            for (name, slug) in whole.tagSlugs { #expect(updated.tagSlugs[name] == slug, "\(step.name): \(name)") }
            last = updated
        }
        // The steps reached every part: a tag renamed, one gone, a day gone, a new instructor.
        #expect(last.tags.map(\.name) == ["ERLANG", "OTP", "zoology"])
        #expect(last.tags.last?.courses.map(\.slug.value) == ["early", "early", "exam"])
        // Someone who was named, then no longer: no key left behind.
        #expect(last.runsByInstructor[Slug("nova-person")!] == nil && last.coursesByInstructor[Slug("nova-person")!] == nil)
        #expect(!last.days.contains(CalendarDate(year: 2020, month: 7, day: 1)!))
    }

    @Test func aCatalogMostlyChangedIsIndexedWhole() throws {
        let date = BuildDate(today: CalendarDate(year: 2020, month: 5, day: 26)!)
        func twice(_ files: [String: String]) throws -> (Catalog, Catalog) {
            let site = try TestSite(files)
            defer { site.remove() }
            // Loaded without a cache that keeps them: every entry is a new object.
            var log = DiagnosticLog()
            let loads = (0..<2).map { _ in ContentLoader.load(root: site.root, baseURLOverride: nil) }
            let catalogs = loads.map { CatalogChecker.check($0, site: $0.site!, includeDrafts: false, buildDate: date, log: &log) }
            #expect(!log.hasErrors)
            return (catalogs[0], catalogs[1])
        }
        let (few, fewAgain) = try twice(CatalogIndexTests.files)
        #expect(EntryChange(from: few.courses, to: fewAgain.courses)?.added.count == few.courses.count)
        #expect(Self.shape(CatalogIndex(fewAgain, after: CatalogIndex(few))) == Self.shape(CatalogIndex(fewAgain)))

        let (many, manyAgain) = try twice(Dictionary(uniqueKeysWithValues: (0..<40).map {
            ("content/courses/c\($0).md", "---\ntitle: C \($0 % 7)\nstart: 2020-05-\(10 + $0 % 20)\n---\n")
        }))
        #expect(EntryChange(from: many.courses, to: manyAgain.courses) == nil)
        #expect(Self.shape(CatalogIndex(manyAgain, after: CatalogIndex(many))) == Self.shape(CatalogIndex(manyAgain)))
    }

    /// Everything the index lists, entries and runs named by object.
    static func shape(_ index: CatalogIndex) -> [String] {
        func entry(_ course: Course) -> String { "\(course.slug.value)#\(ObjectIdentifier(course).hashValue)" }
        func run(_ course: Course, _ run: Run) -> String { "\(entry(course))@\(run.ordinal)#\(ObjectIdentifier(run).hashValue)" }
        var lines = [
            "runs " + index.runs.map { run($0.course, $0.run) }.joined(separator: " "),
            "unscheduled " + index.unscheduled.map(entry).joined(separator: " "),
            "days " + index.days.map(\.iso).joined(separator: " "),
            "past \(index.pastRunCount)",
            "A–Z " + index.order.alphabetical.map(entry).joined(separator: " "),
            "by date " + index.order.chronological.map { run($0.course, $0.run) }.joined(separator: " "),
            "ranked A–Z " + index.order.alphabetical(index.catalog.courses.reversed()).map(entry).joined(separator: " "),
            "ranked by date " + index.order.chronological(index.runs.reversed()).map { run($0.course, $0.run) }.joined(separator: " "),
            "listed " + index.order.listed(index.catalog.courses.reversed()).map(entry).joined(separator: " "),
        ]
        for day in index.sessionsByDay.keys.sorted() {
            lines.append("day \(day.iso) " + index.sessionsByDay[day]!.map { run($0.course, $0.run) + "/\($0.dayOfRun)" }.joined(separator: " "))
        }
        for slug in index.coursesByInstructor.keys.sorted() {
            lines.append("teaches \(slug.value) " + index.coursesByInstructor[slug]!.map(entry).joined(separator: " "))
        }
        for slug in index.runsByInstructor.keys.sorted() {
            lines.append("gives \(slug.value) " + index.runsByInstructor[slug]!.map { run($0.course, $0.run) }.joined(separator: " "))
        }
        for tag in index.tags {
            lines.append("topic \(tag.slug.value) \(tag.name) " + tag.courses.map(entry).joined(separator: " "))
        }
        return lines
    }
}
