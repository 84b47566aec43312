import Testing
@testable import SyllabusKit

@Suite struct CatalogIndexTests {
    /// Loads and checks a site the way a build does, and indexes it.
    private func index(_ files: [String: String], includeDrafts: Bool = false) throws -> CatalogIndex {
        let site = try TestSite(files)
        defer { site.remove() }
        let content = ContentLoader.load(root: site.root, baseURLOverride: nil)
        var log = content.log
        let config = try #require(content.site)
        let catalog = CatalogChecker.check(content, site: config, includeDrafts: includeDrafts,
                                           buildDate: BuildDate(today: CalendarDate(year: 2020, month: 1, day: 1)!), log: &log)
        #expect(!log.hasErrors, "\(log.sorted)")
        return CatalogIndex(catalog)
    }

    static let files = [
        "content/courses/otp.md": "---\ntitle: OTP\ninstructors: [Mikael Muszyński, Robert Virding]\nstart: 2020-05-25\nend: 2020-05-27\ntags: [Erlang, OTP]\n---\n",
        "content/courses/beam.md": "---\ntitle: BEAM\ninstructor: Robert Virding\nstart: 2020-05-26\ntime: all-day\ntags: [erlang]\n---\n",
        "content/courses/early.md": "---\ntitle: Early bird\nstart: 2020-05-26\ntime: 07:00-08:00\n---\n",
        "content/courses/exam.md": "---\ntitle: Certification\ninstructors: [Zoë Brontë]\ntags: [Erlang]\n---\n",
        "content/courses/aardvark.md": "---\ntitle: aardvark handling\n---\n",
        "content/courses/draft.md": "---\ntitle: Draft\ndraft: true\nstart: 2020-05-25\ninstructors: [Hidden Person]\n---\n",
        "content/courses/multi.md": "---\ntitle: Multi\nruns:\n  - {start: 2020-07-01}\n  - {start: 2020-05-27, instructors: [Zoë Brontë]}\n---\n",
        "content/instructors/mikael.md": "---\nname: Mikael Muszyński\nrole: Trainer\n---\nBio.\n",
    ]

    @Test func aThreeDayRunIsOnThreeDays() throws {
        let index = try index(Self.files)
        let days = index.days.filter { (index.sessionsByDay[$0] ?? []).contains { $0.course.slug.value == "otp" } }
        #expect(days.map(\.iso) == ["2020-05-25", "2020-05-26", "2020-05-27"])
        let sessions = days.compactMap { index.sessionsByDay[$0]?.first { $0.course.slug.value == "otp" } }
        #expect(sessions.map(\.dayOfRun) == [1, 2, 3])
    }

    @Test func runsAreInDateOrderThenStartHourThenTitle() throws {
        let index = try index(Self.files)
        #expect(index.runs.map { "\($0.course.slug.value)@\($0.run.start.iso)" } == [
            "otp@2020-05-25", "beam@2020-05-26", "early@2020-05-26", "multi@2020-05-27", "multi@2020-07-01",
        ])
        #expect(index.days.map(\.iso) == ["2020-05-25", "2020-05-26", "2020-05-27", "2020-07-01"])
        #expect(index.sessionsByDay[CalendarDate(iso: "2020-05-26")!]?.map(\.course.slug.value) == ["otp", "beam", "early"])
    }

    @Test func runsKeepTheirOrdinalAsWritten() throws {
        let index = try index(Self.files)
        let multi = index.runs.filter { $0.course.slug.value == "multi" }
        #expect(multi.map(\.run.ordinal) == [1, 0])
    }

    @Test func entriesWithoutDatesAreOrderedByTitle() throws {
        let index = try index(Self.files)
        #expect(index.unscheduled.map(\.title) == ["aardvark handling", "Certification"])
        #expect(!index.days.contains { (index.sessionsByDay[$0] ?? []).contains { $0.course.slug.value == "exam" } })
    }

    @Test func draftsAreLeftOutUnlessAskedFor() throws {
        let published = try index(Self.files)
        #expect(!published.catalog.courses.contains { $0.slug.value == "draft" })
        #expect(!published.catalog.instructors.contains { $0.name == "Hidden Person" })
        let withDrafts = try index(Self.files, includeDrafts: true)
        #expect(withDrafts.catalog.courses.contains { $0.slug.value == "draft" })
        #expect(withDrafts.catalog.instructors.contains { $0.name == "Hidden Person" })
    }

    @Test func everyNamedInstructorGetsAnEntryAtoZ() throws {
        let index = try index(Self.files)
        #expect(index.catalog.instructors.map(\.slug.value) == ["mikael-muszynski", "robert-virding", "zoe-bronte"])
        #expect(index.catalog.instructors.map { $0.source != nil } == [true, false, false])
        #expect(index.catalog.instructors.first?.role == "Trainer")
    }

    @Test func instructorsKnowTheirCoursesAndRuns() throws {
        let index = try index(Self.files)
        let robert = try #require(Slug("robert-virding")), zoe = try #require(Slug("zoe-bronte"))
        #expect(index.coursesByInstructor[robert]?.map(\.slug.value) == ["otp", "beam"])
        #expect(index.runsByInstructor[robert]?.map(\.course.slug.value) == ["otp", "beam"])
        // Zoë teaches one run of multi and the undated exam.
        #expect(index.coursesByInstructor[zoe]?.map(\.slug.value) == ["multi", "exam"])
        #expect(index.runsByInstructor[zoe]?.map { "\($0.course.slug.value)@\($0.run.start.iso)" } == ["multi@2020-05-27"])
    }

    @Test func tagsAreMergedBySlug() throws {
        let index = try index(Self.files)
        #expect(index.tags.map(\.slug.value) == ["erlang", "otp"])
        #expect(index.tags.first?.name == "Erlang")
        #expect(index.tags.first?.courses.map(\.slug.value) == ["otp", "beam", "exam"])
    }
}
