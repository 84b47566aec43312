import Foundation
import Testing
@testable import SyllabusKit

/// The bounds that keep a hostile or mistyped file from crashing or stalling
/// a build (issue 11: dates, spans, template includes, YAML aliases). Each
/// case used to crash (SIGILL, SIGSEGV), hang, or say something wrong.
@Suite struct LimitTests {
    static func course(_ fields: String) -> String {
        "---\ntitle: X\n\(fields)\n---\n"
    }

    static func failures(_ files: [String: String]) throws -> [String] {
        let site = try TestSite(files)
        defer { site.remove() }
        return site.failures()
    }

    // MARK: Dates (item 6)

    @Test(arguments: [
        ("start: 9999-12-31", "9999-12-31"), ("start: 0001-01-01", "0001-01-01"),
        ("start: 9999-12-30\ntimezone: UTC", "9999-12-30"), ("start: 0000-01-01", "0000-01-01"),
        ("start: -001-01-01", "-001-01-01"), ("start: 10000-01-01", "10000-01-01"), ("start: 1899-12-31", "1899-12-31"),
    ])
    func yearsOutsideTheSupportedRangeAreNamed(_ fields: String, _ written: String) throws {
        #expect(try Self.failures(["content/courses/x.md": Self.course(fields)]) == [
            "content/courses/x.md:3:8: error: 'start': \(written) is outside the years Syllabus supports, 1900 to 2999; write a date such as 2020-05-25",
        ])
    }

    @Test func endOutsideTheRangeNamesEnd() throws {
        #expect(try Self.failures(["content/courses/x.md": Self.course("start: 2020-01-01\nend: 9999-12-31")]) == [
            "content/courses/x.md:4:6: error: 'end': 9999-12-31 is outside the years Syllabus supports, 1900 to 2999; write a date such as 2020-05-25",
        ])
    }

    /// The first and last supported days build, timed and all-day, in zones
    /// with and without daylight saving time, feeds and VTIMEZONE included.
    @Test(arguments: [
        "start: 2999-12-31", "start: 1900-01-01", "start: 2999-12-31\ntimezone: UTC",
        "start: 1900-01-01\ntimezone: America/New_York", "start: 2999-12-31\ntime: all-day",
    ])
    func theEdgesOfTheRangeBuild(_ fields: String) throws {
        let site = try TestSite(["content/courses/x.md": Self.course(fields)])
        defer { site.remove() }
        try site.build()
        // The course feed: /calendar.ics leaves out runs long past the build date.
        #expect(try site.read("courses/x/calendar.ics").contains("BEGIN:VEVENT"))
    }

    /// A VTIMEZONE window reaching past year 9999 or before year 1 used to
    /// force-unwrap a date that does not exist.
    @Test func zoneWindowsBeyondCalendarDatesDoNotTrap() {
        for (first, last) in [(0, 2), (9998, 10000), (-1, 1)] {
            var lines = ContentLines()
            TimeZoneDefinition(identifier: "Europe/Stockholm", firstYear: first, lastYear: last).write(to: &lines)
            #expect(lines.text.hasPrefix("BEGIN:VTIMEZONE"))
        }
    }

    // MARK: Span (item 14)

    @Test func aRunOfAYearAndADayIsRefusedAtEnd() throws {
        // 366 days, first and last counted: allowed.
        #expect(try Self.failures(["content/courses/x.md": Self.course("start: 2021-01-01\nend: 2022-01-01")]) == [])
        #expect(try Self.failures(["content/courses/x.md": Self.course("start: 2021-01-01\nend: 2022-01-02")]) == [
            "content/courses/x.md:4:6: error: 'end' 2022-01-02 makes a run of 367 days from 'start' 2021-01-01; a run lasts at most 366 days, so split a longer one into several runs",
        ])
        #expect(try Self.failures(["content/courses/x.md": Self.course("runs:\n  - {start: 2020-01-01, end: 2999-12-31}")]) == [
            "content/courses/x.md:4:30: error: 'runs[1].end' 2999-12-31 makes a run of 357938 days from 'start' 2020-01-01; a run lasts at most 366 days, so split a longer one into several runs",
        ])
    }

    @Test func aLeapYearLongRunBuilds() throws {
        #expect(try Self.failures(["content/courses/x.md": Self.course("start: 2020-01-01\nend: 2020-12-31")]) == [])
    }

    // MARK: Templates (item 7)

    static let course = ["content/courses/x.md": "---\ntitle: X\nstart: 2020-05-25\n---\n"]

    static func templateFailures(_ templates: [String: String]) throws -> [String] {
        try failures(course.merging(templates.map { ("templates/\($0.key).mustache", $0.value) }) { $1 })
    }

    @Test func aTemplateThatIncludesItselfIsNamedAtTheTag() throws {
        #expect(try Self.templateFailures(["course": "<p>\n  {{> course}}\n"]) == [
            "templates/course.mustache:2:3: error: template 'course' includes itself: course → course; templates cannot include each other in a circle",
        ])
    }

    /// A cycle through three templates, one of them a parent (`{{<…}}`),
    /// found even where a section would keep it from rendering today.
    @Test func anIncludeCycleIsNamedWithEveryTemplateInIt() throws {
        #expect(try Self.templateFailures([
            "course": "{{> a}}", "a": "{{#x}}{{<b}}{{/b}}{{/x}}", "b": "line 1\n{{=<% %>=}}<%> a%>",
        ]) == [
            "templates/b.mustache:2:12: error: template 'b' includes 'a', which leads back to it: a → b → a; templates cannot include each other in a circle",
        ])
    }

    @Test func twentyThousandNestedSectionsAreRefusedBeforeParsing() throws {
        let deep = String(repeating: "{{#a}}", count: 20_000) + String(repeating: "{{/a}}", count: 20_000)
        #expect(try Self.templateFailures(["course": "x\n" + deep]) == [
            "templates/course.mustache:2:119995: error: template 'course' nests sections 20000 deep here; at most 100 are allowed",
        ])
    }

    /// Depth counts through includes: 60 sections around an include of a template nesting 50.
    @Test func nestingIsCountedThroughIncludes() throws {
        let sections = { (n: Int, inner: String) in String(repeating: "{{#a}}", count: n) + inner + String(repeating: "{{/a}}", count: n) }
        #expect(try Self.templateFailures(["course": sections(60, "{{> deep}}"), "deep": sections(50, "")]) == [
            "templates/course.mustache:1:361: error: template 'course' includes 'deep' inside 60 sections and it nests 50 more: 110 levels, more than the 100 allowed",
        ])
        #expect(try Self.templateFailures(["course": sections(50, "{{> deep}}"), "deep": sections(50, "")]) == [])
    }

    @Test func anIncludeOfAMissingTemplateIsAnError() throws {
        let failures = try Self.templateFailures(["course": "{{#runs}}{{>  nope }}{{/runs}}"])
        #expect(failures.count == 1)
        #expect(failures.first?.hasPrefix("templates/course.mustache:1:10: error: template 'course' includes 'nope', which does not exist; add templates/nope.mustache or use one of: 404, base,") == true)
    }

    @Test func aTemplateNamedByTheDataIsRefused() throws {
        #expect(try Self.templateFailures(["course": "{{>*title}}"]) == [
            "templates/course.mustache:1:1: error: template 'course' includes a template named by the data ({{>*title}}); name the template itself, e.g. {{> title}}, so it cannot include itself",
        ])
    }

    /// Comments, triple mustaches and changed delimiters are not mistaken for tags.
    @Test func ordinaryTemplatesStillBuild() throws {
        let site = try TestSite(Self.course.merging([
            "templates/course.mustache": "{{! a comment, not {{> course }}{{{title}}}{{=[[ ]]=}}[[#runs]]{{> course}}[[/runs]][[={{ }}=]]{{> entry-card}}",
        ]) { $1 })
        defer { site.remove() }
        try site.build()
        #expect(try site.read("courses/x/index.html").hasPrefix("X{{> course}}"))
    }

    // MARK: YAML aliases (item 11)

    /// 485 bytes that stand for 9^9 values: composing them took 142 s.
    static let billionLaughs: String = {
        var lines = ["l0: &l0 \"lol\""]
        for level in 1...9 { lines.append("l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ") + "]") }
        lines.append("k: {? *l9 : 1}")
        return lines.joined(separator: "\n")
    }()

    static let aliasError = "error: invalid YAML: with its aliases (*name) expanded the YAML would hold more than 100000 values; write the values out instead of nesting aliases"

    @Test(.timeLimit(.minutes(1))) func nestedAliasesAreBoundedInEveryLoadedFile() throws {
        let start = Date()
        #expect(try Self.failures(["content/courses/x.md": "---\ntitle: X\n\(Self.billionLaughs)\n---\n"]) == [
            "content/courses/x.md:9:10: \(Self.aliasError)",
        ])
        #expect(try Self.failures(Self.course.merging(["content/site.yml": TestSite.siteYML + "\n" + Self.billionLaughs]) { $1 }) == [
            "content/site.yml:11:10: \(Self.aliasError)",
        ])
        #expect(try Self.failures(Self.course.merging(["content/instructors/anna-berg.md": "---\nname: Anna Berg\n\(Self.billionLaughs)\n---\n"]) { $1 }) == [
            "content/instructors/anna-berg.md:9:10: \(Self.aliasError)",
        ])
        #expect(Date().timeIntervalSince(start) < 30)
    }

    @Test func aFewAliasesKeepWorking() throws {
        let site = try TestSite(["content/courses/x.md": "---\ntitle: &t OTP\nsummary: *t\ntags: &tags [Erlang, OTP]\nruns:\n  - {start: 2020-05-25, location: *t}\n  - {start: 2020-06-25, location: *t}\n---\n"])
        defer { site.remove() }
        try site.build()
        #expect(try site.read("calendar.ics").contains("LOCATION:OTP"))
    }
}
