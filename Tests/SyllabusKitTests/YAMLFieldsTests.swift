import Testing
@testable import SyllabusKit

/// Diagnostics of front-matter fields point at the line and column of the
/// offending key or value in the file.
@Suite struct YAMLFieldsTests {
    private func diagnostics(_ text: String, path: String = "content/courses/x.md") -> [String] {
        var log = DiagnosticLog()
        _ = CourseLoader.load(SourceFile(path: path, text: text), site: nil, log: &log)
        return log.sorted.map(\.description)
    }

    @Test func badDatePointsAtTheValue() {
        let text = """
        ---
        title: Leap
        kind: course
        instructors: [Robert Virding]
        start: 2021-02-30
        ---
        """
        #expect(diagnostics(text) == [
            "content/courses/x.md:5:8: error: 'start': 2021-02-30 does not exist; February 2021 has 28 days",
        ])
    }

    @Test func dateThatIsNotADateSaysHowToWriteIt() {
        #expect(diagnostics("---\ntitle: X\nstart: 25/05/2020\n---\n") == [
            "content/courses/x.md:3:8: error: 'start': \"25/05/2020\" is not a date; write it as YYYY-MM-DD, e.g. 2020-05-25",
        ])
    }

    @Test func everyMistakeOfAFileIsReportedInLineOrder() {
        let text = """
        ---
        title: Two errors
        timezone: Mars/Base
        start: 2021-02-30
        time: "9-5"
        draft: maybe
        ---
        """
        #expect(diagnostics(text) == [
            "content/courses/x.md:3:11: error: 'timezone': unknown time zone \"Mars/Base\"; use an IANA name such as Europe/Stockholm",
            "content/courses/x.md:4:8: error: 'start': 2021-02-30 does not exist; February 2021 has 28 days",
            "content/courses/x.md:5:7: error: 'time': \"9-5\" is not a time range; write HH:MM-HH:MM, e.g. \"09:00-17:00\", or all-day",
            "content/courses/x.md:6:8: error: 'draft' must be true or false, not the value \"maybe\"",
        ])
    }

    @Test func nestedRunFieldsAreNamedWithTheirRun() {
        let text = """
        ---
        title: Runs
        runs:
          - {start: 2020-05-25}
          - start: 2020-06-01
            time: "10:00-09:00"
          - {start: 2020-07-01, timezone: Europe/Stokholm}
        ---
        """
        #expect(diagnostics(text) == [
            "content/courses/x.md:6:11: error: 'runs[2].time': the end 09:00 is not after the start 10:00; write e.g. \"10:00-17:00\"",
            "content/courses/x.md:7:35: error: 'runs[3].timezone': unknown time zone \"Europe/Stokholm\"; did you mean Europe/Stockholm?",
        ])
    }

    @Test func yamlSyntaxErrorsCountTheOpeningFence() {
        let text = "---\ntitle: Tab\n\tkind: course\n---\n"
        #expect(diagnostics(text) == [
            "content/courses/x.md:3:1: error: invalid YAML: while scanning a plain scalar found a tab character that violates indentation",
        ])
    }

    @Test func missingTitlePointsAtTheFrontMatter() {
        #expect(diagnostics("---\nkind: course\n---\n") == [
            "content/courses/x.md:2:1: error: 'title' is required; add e.g. title: OTP for the seasoned Erlanger",
        ])
    }

    @Test func blankTitlePointsAtTheValue() {
        #expect(diagnostics("---\ntitle: \"  \"\n---\n") == [
            "content/courses/x.md:2:8: error: 'title' must not be empty; write e.g. title: OTP for the seasoned Erlanger",
        ])
    }

    @Test func unknownKeysWarnWithTheClosestKnownKey() {
        let text = "---\ntitle: X\ninstuctors: [A]\nlocaton: Oslo\nflavour: vanilla\n---\n"
        #expect(diagnostics(text) == [
            "content/courses/x.md:3:1: warning: unknown key 'instuctors' is ignored; did you mean 'instructors'?",
            "content/courses/x.md:4:1: warning: unknown key 'locaton' is ignored; did you mean 'location'?",
            "content/courses/x.md:5:1: warning: unknown key 'flavour' is ignored; known keys are title, summary, kind, instructors, instructor, start, end, time, timezone, location, tags, draft, slug, runs, price, currency, register, status, seats, mode, level, language, audience, prerequisites",
        ])
    }

    @Test func startBesideRunsIsAnError() {
        let text = "---\ntitle: X\nstart: 2020-01-01\nruns:\n  - {start: 2020-01-02}\n---\n"
        #expect(diagnostics(text) == [
            "content/courses/x.md:3:1: error: 'start' cannot stand beside 'runs:'; give each run its own start and end",
        ])
    }

    @Test func aValidFileHasNoDiagnosticsAndKeepsItsValues() throws {
        var log = DiagnosticLog()
        let text = """
        ---
        title: OTP
        instructor: Robert Virding
        start: 2020-05-25
        end: 2020-05-27
        time: 09:00 - 17:00
        timezone: Europe/Stockholm
        tags: Erlang
        ---
        Body
        """
        let course = try #require(CourseLoader.load(SourceFile(path: "content/courses/otp.md", text: text), site: nil, log: &log))
        #expect(log.entries.isEmpty)
        #expect(course.slug.value == "otp")
        #expect(course.instructors == ["Robert Virding"])
        #expect(course.tags == ["Erlang"])
        #expect(course.runs.count == 1)
        #expect(course.runs.first?.days.map(\.iso) == ["2020-05-25", "2020-05-26", "2020-05-27"])
        #expect(course.runs.first?.hours.description == "09:00–17:00")
        #expect(course.bodyLine == 10)
    }
}
