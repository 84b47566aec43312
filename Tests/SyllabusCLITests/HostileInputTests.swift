import Foundation
import Testing

/// Inputs that crashed (SIGILL, SIGSEGV), hung or stalled the real binary
/// (issue 11). `build` and `check` must each end within the time limit with
/// exit status 1 and a diagnostic at the file, line and column at fault;
/// before the fixes they died of a signal or ran out the limit.
@Suite struct HostileInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let files: [String: String]
        /// The start of the first diagnostic line.
        let diagnostic: String
        var testDescription: String { name }
    }

    static let siteYML = "title: T\nbase_url: https://example.org/\ntimezone: Europe/Stockholm\ntime: \"09:00-17:00\"\n"
    static let course = "---\ntitle: X\nstart: 2020-05-25\n---\n"

    static func course(_ fields: String) -> [String: String] {
        ["content/courses/x.md": "---\ntitle: X\n\(fields)\n---\n"]
    }

    static func templates(_ templates: [String: String]) -> [String: String] {
        var files = ["content/courses/x.md": course]
        for (name, text) in templates { files["templates/\(name).mustache"] = text }
        return files
    }

    static let laughs: String = {
        var lines = ["l0: &l0 \"lol\""]
        for level in 1...9 { lines.append("l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ") + "]") }
        return (lines + ["k: {? *l9 : 1}"]).joined(separator: "\n")
    }()

    static let cases: [Case] = [
        Case(name: "timed 9999-12-31", files: course("start: 9999-12-31"), diagnostic: "content/courses/x.md:3:8: error: 'start': 9999-12-31 is outside"),
        Case(name: "0001-01-01 with hours", files: course("start: 0001-01-01\ntime: \"09:00-12:00\""), diagnostic: "content/courses/x.md:3:8: error: 'start': 0001-01-01 is outside"),
        Case(name: "9999-12-30 in UTC", files: course("start: 9999-12-30\ntimezone: UTC"), diagnostic: "content/courses/x.md:3:8: error: 'start': 9999-12-30 is outside"),
        Case(name: "end 9999-12-31", files: course("start: 2020-01-01\nend: 9999-12-31"), diagnostic: "content/courses/x.md:4:6: error: 'end': 9999-12-31 is outside"),
        Case(name: "a century-long run", files: course("start: 2020-01-01\nend: 2119-12-31"), diagnostic: "content/courses/x.md:4:6: error: 'end' 2119-12-31 makes a run of 36524 days"),
        Case(name: "a template including itself", files: templates(["course": "{{> course}}"]),
             diagnostic: "templates/course.mustache:1:1: error: template 'course' includes itself"),
        Case(name: "two templates including each other", files: templates(["course": "{{#runs}}{{> a}}{{/runs}}", "a": "{{> course}}"]),
             diagnostic: "templates/course.mustache:1:10: error: template 'course' includes 'a', which leads back to it: a → course → a"),
        Case(name: "20,000 nested sections", files: templates(["course": String(repeating: "{{#a}}", count: 20_000) + String(repeating: "{{/a}}", count: 20_000)]),
             diagnostic: "templates/course.mustache:1:119995: error: template 'course' nests sections 20000 deep"),
        Case(name: "nested YAML aliases", files: course(laughs), diagnostic: "content/courses/x.md:9:10: error: invalid YAML: with its aliases (*name) expanded"),
    ]

    /// Runs the binary with a deadline; a signal or the deadline is a failure of its own kind.
    static func run(_ arguments: [String], in folder: SyllabusCommandTests.Folder, seconds: Double = 30) throws
        -> (exited: Bool, status: Int32, stderr: String, timedOut: Bool) {
        let executable = try #require(SyllabusCommandTests.binary, "build the syllabus product first, or set SYLLABUS_BIN")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder.url
        let err = folder.url.appendingPathComponent(".stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let timedOut = process.isRunning
        if timedOut { process.terminate() }
        process.waitUntilExit()
        let stderr = try String(contentsOf: err, encoding: .utf8)
        try FileManager.default.removeItem(at: err)
        return (process.terminationReason == .exit, process.terminationStatus, stderr, timedOut)
    }

    @Test(arguments: cases, ["build", "check"])
    func endsWithADiagnostic(_ hostile: Case, command: String) throws {
        var files = hostile.files
        files["content/site.yml"] = Self.siteYML
        let folder = try SyllabusCommandTests.Folder(files)
        let result = try Self.run([command, "--root", "."], in: folder)
        #expect(!result.timedOut, "still running after 30 s")
        #expect(result.exited, "died of signal \(result.status): \(result.stderr.prefix(300))")
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix(hostile.diagnostic), "\(result.stderr.prefix(400))")
        #expect(!folder.exists("public"))
    }

    /// SEQUENCE:9223372036854775807 in the feed already published, then a
    /// reschedule: the rebuild trapped on overflow. Now it warns at the line.
    @Test func anOverflowingSequenceInThePreviousFeedIsIgnored() throws {
        // A run ahead of any build date, so it is in /calendar.ics, the feed compared with.
        let course = Self.course.replacingOccurrences(of: "2020-05-25", with: "2090-05-25")
        let folder = try SyllabusCommandTests.Folder(["content/site.yml": Self.siteYML, "content/courses/x.md": course])
        #expect(try Self.run(["build", "--root", "."], in: folder).status == 0)
        let feed = try folder.read("public/calendar.ics")
        try Data(feed.replacingOccurrences(of: #"SEQUENCE:[0-9]+\r\n"#, with: "SEQUENCE:9223372036854775807\r\n", options: .regularExpression).utf8)
            .write(to: folder.url.appendingPathComponent("public/calendar.ics"))
        try Data(course.replacingOccurrences(of: "2090-05-25", with: "2090-05-26").utf8)
            .write(to: folder.url.appendingPathComponent("content/courses/x.md"))
        let result = try Self.run(["build", "--root", "."], in: folder)
        #expect(result.exited && result.status == 0, "\(result.stderr.prefix(300))")
        #expect(result.stderr.contains("public/calendar.ics:"))
        #expect(result.stderr.contains("SEQUENCE \"9223372036854775807\" of the event at line"))
        #expect(result.stderr.contains("is not a number from 0 to 2147483647; it is ignored"))
        // Ignored: the event gets this build's minute, a 32-bit number.
        let sequence = try folder.read("public/calendar.ics").components(separatedBy: "SEQUENCE:")[1].prefix { $0.isNumber }
        #expect(Int(sequence).map { $0 > 26_500_000 && $0 <= Int(Int32.max) } == true)
    }
}
