import Foundation
import Testing
@testable import SyllabusKit

/// One folder per mistake under `Fixtures/invalid/`; each must be reported
/// exactly, at the file, line and column of the offending key or value.
@Suite struct InvalidSiteTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let folder: String
        let diagnostics: [String]
        var outputIsRoot = false
        var testDescription: String { folder }
    }

    static let cases: [Case] = [
        Case(folder: "empty-course-file", diagnostics: [
            "content/courses/empty.md:1:1: error: the file is empty; start it with front matter: a line '---', a line such as 'title: My course', and another '---'",
        ]),
        Case(folder: "unclosed-front-matter", diagnostics: [
            "content/courses/open.md:1:1: error: front matter opened on line 1 is never closed; add a line '---' after the last field",
        ]),
        Case(folder: "invalid-yaml", diagnostics: [
            // Points at the `[` that is never closed, and says where the parser gave up.
            "content/courses/broken.md:4:7: error: invalid YAML: while parsing a flow sequence that starts here: did not find expected ',' or ']' on line 5",
        ]),
        Case(folder: "non-utf8", diagnostics: [
            "content/courses/latin1.md:2:11: error: the file is not valid UTF-8; save it as UTF-8",
        ]),
        Case(folder: "instructors-mapping", diagnostics: [
            "content/courses/odd.md:3:14: error: 'instructors' must be a list such as [A, B], not a mapping",
        ]),
        Case(folder: "run-without-start", diagnostics: [
            "content/courses/runs.md:5:6: error: 'runs[2].start' is missing: a run needs its first day, e.g. start: 2020-05-25",
        ]),
        Case(folder: "impossible-date", diagnostics: [
            "content/courses/leap.md:5:8: error: 'start': 2021-02-30 does not exist; February 2021 has 28 days",
        ]),
        Case(folder: "end-before-start", diagnostics: [
            "content/courses/backwards.md:4:6: error: 'end' 2020-05-25 is before 'start' 2020-05-27; the last day cannot come before the first",
        ]),
        Case(folder: "bad-run-ids", diagnostics: [
            "content/courses/otp.md:5:10: error: 'runs[2].id' \"spring\" is already the id of the run at line 4; each run of a course needs its own id",
            "content/courses/otp.md:6:10: error: 'runs[3].id': \"2030\" is not a run id; use a slug that starts with a letter, e.g. spring-2021",
            "content/courses/otp.md:7:10: error: 'runs[4].id': \"Spring Time\" is not a run id; use a slug that starts with a letter, e.g. spring-2021",
        ]),
        Case(folder: "feed-past-days-negative", diagnostics: [
            "content/site.yml:3:17: error: 'feed_past_days' must be a whole number of at least 0, not the value \"-3\"",
        ]),
        Case(folder: "reversed-hours", diagnostics: [
            #"content/courses/night.md:4:7: error: 'time': the end 09:00 is not after the start 17:00; write e.g. "09:00-17:00""#,
        ]),
        Case(folder: "unreadable-hours", diagnostics: [
            #"content/courses/vague.md:4:7: error: 'time': "mornings" is not a time range; write HH:MM-HH:MM, e.g. "09:00-17:00", or all-day"#,
        ]),
        Case(folder: "unknown-zone", diagnostics: [
            #"content/courses/zone.md:4:11: error: 'timezone': unknown time zone "Europe/Stokholm"; did you mean Europe/Stockholm?"#,
        ]),
        Case(folder: "bad-slug", diagnostics: [
            #"content/courses/escape.md:3:7: error: 'slug': "../../escape" is not a slug; use lower-case letters, digits and single hyphens, e.g. otp-seasoned"#,
        ]),
        Case(folder: "duplicate-slugs", diagnostics: [
            "content/courses/second.md:1:1: error: two entries have the slug 'first': content/courses/first.md and content/courses/second.md; give one of them another file name or 'slug:'",
        ]),
        Case(folder: "missing-course-link", diagnostics: [
            "content/courses/linker.md:7:5: error: the link to erlang-exam.md points at no course: there is no content/courses/erlang-exam.md",
        ]),
        Case(folder: "site-yml-missing", diagnostics: [
            "content/site.yml:1:1: error: site settings are missing; create content/site.yml with at least 'title:' and 'base_url:'",
        ]),
        Case(folder: "site-yml-without-title", diagnostics: [
            "content/site.yml:1:1: error: 'title' is required; add e.g. title: Training catalog",
        ]),
        Case(folder: "site-yml-without-base-url", diagnostics: [
            "content/site.yml:1:1: error: 'base_url' is required; add e.g. base_url: https://training.example.org/",
        ]),
        Case(folder: "site-yml-ftp-base-url", diagnostics: [
            #"content/site.yml:2:11: error: 'base_url': "ftp://x" is not an absolute http(s) URL; write e.g. https://example.org/training/"#,
        ]),
        Case(folder: "instructor-without-name", diagnostics: [
            "content/instructors/nobody.md:2:1: error: 'name' is required; add e.g. name: Robert Virding",
        ]),
        Case(folder: "broken-template", diagnostics: [
            "templates/course.mustache:6:4: error: template 'course' does not parse: a closing {{/…}} tag does not match the section it closes",
        ]),
        Case(folder: "output-is-root", diagnostics: [
            "syllabus: error: the output folder <root> is the site root or contains it; a build replaces the output folder and would delete your sources. Use e.g. <root>/public",
        ], outputIsRoot: true),
        Case(folder: "unknown-key", diagnostics: [
            "content/courses/typo.md:3:1: warning: unknown key 'instuctors' is ignored; did you mean 'instructors'?",
        ]),
    ]

    /// Every folder under Fixtures/invalid has a case, and every case a folder.
    @Test func everyFixtureFolderIsTested() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: TestData.fixtures.appendingPathComponent("invalid").path)
        #expect(folders.sorted() == Self.cases.map(\.folder).sorted())
    }

    @Test(arguments: cases)
    func reportsTheMistakeExactly(_ invalid: Case) throws {
        let site = try TestSite(copying: TestData.fixtures.appendingPathComponent("invalid/\(invalid.folder)"))
        defer { site.remove() }
        let sourcesBefore = fileTree(site.root)
        let output = invalid.outputIsRoot ? site.root : site.output
        let options = site.options(output: output)

        let reported: [String]
        let failed: Bool
        do {
            reported = try SiteBuilder.build(options).warnings.map(\.description)
            failed = false
        } catch let failure as BuildFailed {
            reported = failure.diagnostics.map(\.description)
            failed = true
        }
        let root = site.root.resolvingSymlinksInPath().path
        #expect(reported.map { $0.replacingOccurrences(of: root, with: "<root>") } == invalid.diagnostics)
        #expect(failed == invalid.diagnostics.contains { $0.contains(": error: ") })
        // A failed build leaves the sources as they were and writes no output.
        #expect(fileTree(site.root) == sourcesBefore)
        if failed, !invalid.outputIsRoot {
            #expect(!FileManager.default.fileExists(atPath: site.output.path))
        }
        // `check` finds the same problems (it writes nothing, so it has no output folder to refuse).
        if !invalid.outputIsRoot {
            let checked: [String]
            do {
                checked = try SiteBuilder.build(options, write: false).warnings.map(\.description)
            } catch let failure as BuildFailed {
                checked = failure.diagnostics.map(\.description)
            }
            #expect(checked == invalid.diagnostics)
        }
    }
}
