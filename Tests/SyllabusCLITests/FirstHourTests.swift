import Foundation
import Testing

/// A new publisher's first hour (issue 17), through the built binary: a site
/// from nothing, honest checks, and a strict mode for CI.
@Suite struct FirstHourTests {
    typealias Folder = SyllabusCommandTests.Folder
    let cli = SyllabusCommandTests()

    @Test func newSiteThenNewCourseChecksAndBuildsInAnEmptyFolder() throws {
        let folder = try Folder()
        let created = try cli.run(["new", "site", "Harbour Data School", "--base-url", "https://example.org/cursos/",
                                   "--timezone", "Europe/Lisbon"], in: folder)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.hasPrefix("content/site.yml\ncontent/courses/example-course.md\n"))
        #expect(created.stdout.contains("""
        Next:
          syllabus new course "Your first course"
          syllabus check
          syllabus serve
        """))
        let yml = try folder.read("content/site.yml")
        #expect(yml.contains("title: \"Harbour Data School\""))
        #expect(yml.contains("timezone: Europe/Lisbon"))
        // Every key the loader knows is shown, set or commented out.
        for key in ["title", "base_url", "timezone", "time", "language", "description", "organizer", "unsafe_html",
                    "logo", "accent", "footer"] {
            #expect(yml.contains("\n\(key): ") || yml.contains("\n# \(key): ") || yml.hasPrefix("\(key): "), "\(key)")
        }

        #expect(try cli.run(["new", "course", "Data basics"], in: folder).status == 0)
        let checked = try cli.run(["check", "--strict"], in: folder)
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stderr.isEmpty)
        #expect(checked.stdout == "Checked 1 entry and 11 pages: no errors; 1 draft left out (--drafts includes it)\n")

        let built = try cli.run(["build"], in: folder)
        #expect(built.status == 0, "\(built.stderr)")
        let page = try folder.read("public/courses/example-course/index.html")
        #expect(page.contains("<h1>Example course</h1>"))
        #expect(page.contains("href=\"/cursos/courses/example-course/calendar.ics\"") || page.contains("https://example.org/cursos/courses/example-course/calendar.ics"))
        let feed = try folder.read("public/courses/example-course/calendar.ics")
        #expect(feed.contains("TZID=Europe/Lisbon:"))
    }

    @Test func newSiteRefusesToOverwriteAndWritesNothing() throws {
        let folder = try Folder(["content/site.yml": "title: Mine\nbase_url: https://example.org/\n"])
        let result = try cli.run(["new", "site", "Other"], in: folder)
        #expect(result.status != 0)
        #expect(result.stderr.contains("content/site.yml:1:1: error: content/site.yml already exists"))
        #expect(try folder.read("content/site.yml") == "title: Mine\nbase_url: https://example.org/\n")
        #expect(!folder.exists("content/courses/example-course.md"))
    }

    @Test func newSiteRejectsAnUnknownZoneWithASuggestion() throws {
        let folder = try Folder()
        let result = try cli.run(["new", "site", "X", "--timezone", "Europe/Lisbn"], in: folder)
        #expect(result.status != 0)
        #expect(result.stderr.contains("did you mean Europe/Lisbon?"))
        #expect(!folder.exists("content/site.yml"))
    }

    @Test func newSiteHonoursRootInItsNextCommands() throws {
        let folder = try Folder()
        let result = try cli.run(["new", "site", "X", "--root", "my site"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(folder.exists("my site/content/site.yml"))
        #expect(result.stdout.contains("  syllabus check --root 'my site'\n"))
    }

    @Test func buildAndCheckSayHowManyDraftsWereLeftOut() throws {
        var files = SyllabusCommandTests.site
        for name in ["a", "b", "c"] {
            files["content/courses/draft-\(name).md"] = "---\ntitle: Draft \(name)\ndraft: true\n---\nSoon.\n"
        }
        let folder = try Folder(files)
        let checked = try cli.run(["check"], in: folder)
        #expect(checked.stdout.hasSuffix(": no errors; 3 drafts left out (--drafts includes them)\n"))
        let built = try cli.run(["build"], in: folder)
        #expect(built.stdout.hasPrefix("Built 2 entries"))
        #expect(built.stdout.hasSuffix("; 3 drafts left out (--drafts includes them)\n"))
        let withDrafts = try cli.run(["check", "--drafts"], in: folder)
        #expect(withDrafts.stdout.hasPrefix("Checked 5 entries"))
        #expect(!withDrafts.stdout.contains("left out"))
    }

    @Test func placeholderTextFromNewIsAWarningUntilChanged() throws {
        let folder = try Folder(SyllabusCommandTests.site)
        #expect(try cli.run(["new", "instructor", "Ana Silva"], in: folder).status == 0)
        #expect(try cli.run(["new", "course", "Data basics"], in: folder).status == 0)
        // Published: the course's draft line removed.
        let course = try folder.read("content/courses/data-basics.md")
        try Data(course.replacingOccurrences(of: "draft: true", with: "draft: false").utf8)
            .write(to: URL(fileURLWithPath: folder.path("content/courses/data-basics.md")))
        let checked = try cli.run(["check"], in: folder)
        #expect(checked.status == 0)
        let warnings = checked.stderr.split(separator: "\n").map(String.init)
        #expect(warnings.contains("content/instructors/ana-silva.md:9:1: warning: \"A short biography in Markdown.\" is the sample text 'syllabus new' wrote; replace it with your own before publishing"))
        #expect(warnings.contains { $0.hasPrefix("content/courses/data-basics.md:3:") && $0.contains("warning: 'summary' is the sample text") })
        #expect(warnings.filter { $0.hasPrefix("content/courses/data-basics.md:") }.count == 5)
        #expect(checked.stdout.contains(", 6 warnings"))

        try Data("---\nname: Ana Silva\n---\nAna teaches data engineering.\n".utf8)
            .write(to: URL(fileURLWithPath: folder.path("content/instructors/ana-silva.md")))
        #expect(!(try cli.run(["check"], in: folder)).stderr.contains("ana-silva.md"))
    }

    @Test func strictTurnsEveryWarningIntoAnErrorAndWritesNothing() throws {
        var files = SyllabusCommandTests.site
        files["content/courses/beam.md"] = "---\ntitle: BEAM\nlocaton: Lisbon\n---\nNo dates yet.\n"
        let folder = try Folder(files)
        let lenient = try cli.run(["build", "--output", "lenient"], in: folder)
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("content/courses/beam.md:3:1: warning: unknown key 'locaton'"))

        let strict = try cli.run(["build", "--strict", "--output", "strict"], in: folder)
        #expect(strict.status != 0)
        #expect(strict.stderr.contains("content/courses/beam.md:3:1: error: unknown key 'locaton' is ignored; did you mean 'location'? (an error with --strict)"))
        #expect(!folder.exists("strict"))
        let check = try cli.run(["check", "--strict"], in: folder)
        #expect(check.status != 0)
        #expect(check.stderr.contains("error: unknown key 'locaton'"))
    }

    @Test func aMisspeltKeyInSiteYMLIsAnErrorEvenWithoutStrict() throws {
        var files = SyllabusCommandTests.site
        files["content/site.yml"] = "title: CLI Training\nbase_url: https://example.org/training/\ntimezon: Europe/Lisbon\n"
        let folder = try Folder(files)
        for command in [["check"], ["build"]] {
            let result = try cli.run(command, in: folder)
            #expect(result.status != 0)
            #expect(result.stderr.contains("content/site.yml:3:1: error: unknown key 'timezon' is not a setting; did you mean 'timezone'?"))
        }
        #expect(!folder.exists("public"))
    }
}
