import Foundation
import Testing

/// Runs the built `syllabus` executable as a user or CI would, and checks
/// exit codes, stdout and stderr.
@Suite struct SyllabusCommandTests {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The `syllabus` binary: `SYLLABUS_BIN` when set, otherwise the one in
    /// the build products folder this test bundle was built into.
    static let binary: URL? = {
        let fm = FileManager.default
        if let path = ProcessInfo.processInfo.environment["SYLLABUS_BIN"], fm.isExecutableFile(atPath: path) {
            return URL(fileURLWithPath: path)
        }
        var folders: [URL] = []
        // macOS: the .xctest bundle sits in the products folder.
        folders += Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }.map { $0.bundleURL.deletingLastPathComponent() }
        // Linux: the test runner is itself an executable in the products folder.
        folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent())
        if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
        // Last resort: the scratch paths of this checkout.
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        folders += [".build-tests/debug", ".build/debug"].map { repository.appendingPathComponent($0) }
        return folders.map { $0.appendingPathComponent("syllabus") }.first { fm.isExecutableFile(atPath: $0.path) }
    }()

    /// A temporary folder that removes itself.
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("syllabus-cli-\(UUID().uuidString)")
        init(_ files: [String: String] = [:]) throws {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            for (path, text) in files {
                let file = url.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: file)
            }
        }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }
        func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }
        func read(_ relative: String) throws -> String { try String(contentsOfFile: path(relative), encoding: .utf8) }
    }

    static let site = [
        "content/site.yml": "title: CLI Training\nbase_url: https://example.org/training/\ntimezone: Europe/Stockholm\n",
        "content/courses/otp.md": "---\ntitle: OTP\ninstructors: [Zoë Brontë]\nstart: 2020-05-25\nend: 2020-05-26\ntime: 09:00-17:00\n---\nSee [BEAM](beam.md).\n",
        "content/courses/beam.md": "---\ntitle: BEAM\n---\nNo dates yet.\n",
    ]

    func run(_ arguments: [String], in folder: Folder, binary: URL? = nil) throws -> Result {
        let executable = try #require(binary ?? Self.binary, "build the syllabus product first, or set SYLLABUS_BIN")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder.url
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = "1590000000"
        environment["CI"] = "1"
        process.environment = environment
        // Files rather than pipes: no deadlock however much is printed.
        let out = folder.url.appendingPathComponent(".stdout-\(UUID().uuidString)")
        let err = folder.url.appendingPathComponent(".stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: try String(contentsOf: out, encoding: .utf8),
                      stderr: try String(contentsOf: err, encoding: .utf8))
    }

    @Test func helpListsTheCommands() throws {
        let result = try run(["--help"], in: Folder())
        #expect(result.status == 0)
        for command in ["build", "check", "new", "serve"] {
            #expect(result.stdout.contains("\n  \(command) "), "--help does not list \(command)")
        }
    }

    /// The tz data version comes from the system's tz database (tzdata.zi's first line).
    @Test func versionNamesTheTzData() throws {
        let result = try run(["--version"], in: Folder())
        #expect(result.status == 0)
        let line = try String(contentsOfFile: "/usr/share/zoneinfo/tzdata.zi", encoding: .utf8).split(separator: "\n")[0]
        #expect(result.stdout == "0.1.0, tz data \(line.dropFirst("# version ".count)) (/usr/share/zoneinfo)\n")
    }

    @Test func buildPrintsAOneLineSummary() throws {
        let folder = try Folder(Self.site)
        let result = try run(["build", "--root", folder.path(".")], in: folder)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("Built 2 entries (1 run): ") == true)
        #expect(lines.first?.hasSuffix(" s") == true)
        #expect(folder.exists("public/index.html"))
        #expect(folder.exists("public/instructors/zoe-bronte/index.html"))
        #expect(try folder.read("public/calendar.ics").contains("DTSTAMP:20200520T184000Z\r\n"))
    }

    @Test func timingsListEveryStageWithTheCoresItUsedAndThePeakMemory() throws {
        let folder = try Folder(Self.site)
        let result = try run(["build", "--timings", "--root", folder.path(".")], in: folder)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").dropFirst()
        #expect(lines.map { $0.split(separator: " ").first.map(String.init) ?? "" }
            == ["load", "markdown", "index", "templates", "feeds", "write"])
        for line in lines {
            let fields = line.split(separator: " ")
            #expect(fields.count == 8 && fields[2] == "s" && fields[4] == "cores" && fields[6] == "MiB" && fields[7] == "peak", "\(line)")
            #expect(Double(fields[1]).map { $0 >= 0 } == true && Double(fields[3]).map { $0 >= 0 } == true, "\(line)")
            // Any process running the pipeline holds more than a megabyte.
            #expect(Int(fields[5]).map { $0 >= 1 } == true, "\(line)")
        }
    }

    @Test func buildDefaultsToTheCurrentFolderAndHonoursOutput() throws {
        let folder = try Folder(Self.site)
        let result = try run(["build", "--output", "site-out"], in: folder)
        #expect(result.status == 0)
        #expect(folder.exists("site-out/courses/otp/index.html"))
        #expect(!folder.exists("public"))
    }

    @Test func aBadSiteFailsWithCompilerStyleDiagnostics() throws {
        var files = Self.site
        files["content/courses/otp.md"] = "---\ntitle: OTP\nstart: 2021-02-30\n---\n"
        files["content/courses/beam.md"] = "---\ntitle: BEAM\ntime: 17:00-09:00\nstart: 2020-01-01\n---\n"
        let folder = try Folder(files)
        let result = try run(["build"], in: folder)
        #expect(result.status != 0)
        #expect(result.stdout == "")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines == [
            #"content/courses/beam.md:3:7: error: 'time': the end 09:00 is not after the start 17:00; write e.g. "09:00-17:00""#,
            "content/courses/otp.md:3:8: error: 'start': 2021-02-30 does not exist; February 2021 has 28 days",
            "2 errors",
            "syllabus: error: build failed; the previous output was left as it was",
        ])
        #expect(!folder.exists("public"))
    }

    @Test func aFailedBuildKeepsThePreviousOutput() throws {
        let folder = try Folder(Self.site)
        #expect(try run(["build"], in: folder).status == 0)
        let before = try folder.read("public/courses/otp/index.html")
        try Data("---\ntitle: OTP\nstart: 2020-05-25\ntimezone: Europe/Stokholm\n---\n".utf8)
            .write(to: URL(fileURLWithPath: folder.path("content/courses/otp.md")))
        let result = try run(["build"], in: folder)
        #expect(result.status != 0)
        #expect(result.stderr.hasPrefix(#"content/courses/otp.md:4:11: error: 'timezone': unknown time zone "Europe/Stokholm"; did you mean Europe/Stockholm?"#))
        #expect(try folder.read("public/courses/otp/index.html") == before)
    }

    @Test func warningsGoToStderrAndDoNotFail() throws {
        var files = Self.site
        files["content/courses/beam.md"] = "---\ntitle: BEAM\ninstuctors: [A]\n---\n"
        let folder = try Folder(files)
        let result = try run(["build"], in: folder)
        #expect(result.status == 0)
        #expect(result.stderr == "content/courses/beam.md:3:1: warning: unknown key 'instuctors' is ignored; did you mean 'instructors'?\n")
        #expect(result.stdout.hasPrefix("Built "))
    }

    @Test func checkWritesNothing() throws {
        let folder = try Folder(Self.site)
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path(".")).sorted()
        let result = try run(["check", "--root", folder.path(".")], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Checked 2 entries and "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path(".")).sorted() == before)
        #expect(!folder.exists("public"))
    }

    @Test func checkFailsOnTheSameErrorsAsBuild() throws {
        var files = Self.site
        files["content/courses/beam.md"] = "---\ntitle: BEAM\n---\n[gone](gone.md)\n"
        let folder = try Folder(files)
        let result = try run(["check"], in: folder)
        #expect(result.status != 0)
        #expect(result.stderr == "content/courses/beam.md:4:1: error: the link to gone.md points at no course: there is no content/courses/gone.md\n")
    }

    @Test func newCourseCreatesAFileThatPassesCheck() throws {
        let folder = try Folder(Self.site)
        let created = try run(["new", "course", "Title"], in: folder)
        #expect(created.status == 0)
        #expect(created.stdout == "content/courses/title.md\n")
        let text = try folder.read("content/courses/title.md")
        #expect(text.hasPrefix("---\ntitle: \"Title\""))
        #expect(text.contains("draft: true"))

        // The skeleton is valid as it stands, also when its draft is checked.
        let checked = try run(["check", "--drafts"], in: folder)
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stderr == "")
        #expect(checked.stdout.hasPrefix("Checked 3 entries"))
        #expect(try run(["build", "--drafts"], in: folder).status == 0)
        #expect(folder.exists("public/courses/title/index.html"))
    }

    @Test func newRefusesToOverwrite() throws {
        let folder = try Folder(Self.site)
        #expect(try run(["new", "course", "OTP"], in: folder).status != 0)
        #expect(try folder.read("content/courses/otp.md") == Self.site["content/courses/otp.md"])

        #expect(try run(["new", "course", "Fresh Ideas"], in: folder).status == 0)
        try Data("edited by hand\n".utf8).write(to: URL(fileURLWithPath: folder.path("content/courses/fresh-ideas.md")))
        let again = try run(["new", "course", "Fresh Ideas"], in: folder)
        #expect(again.status != 0)
        #expect(again.stderr.contains("content/courses/fresh-ideas.md already exists"))
        #expect(try folder.read("content/courses/fresh-ideas.md") == "edited by hand\n")
    }

    @Test func newInstructorFoldsTheName() throws {
        let folder = try Folder(Self.site)
        let result = try run(["new", "instructor", "Zoë Brontë"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout == "content/instructors/zoe-bronte.md\n")
        #expect(try folder.read("content/instructors/zoe-bronte.md").contains("name: \"Zoë Brontë\""))
        #expect(try run(["check"], in: folder).status == 0)
    }

    @Test func outputFolderEqualToTheRootIsRefused() throws {
        let folder = try Folder(Self.site)
        let result = try run(["build", "--output", "."], in: folder)
        #expect(result.status != 0)
        #expect(result.stderr.contains("is the site root or contains it"))
        #expect(try folder.read("content/courses/otp.md") == Self.site["content/courses/otp.md"])
    }

    /// An empty --output used to mean the current folder, which the build then replaced.
    @Test func anEmptyOutputIsRefusedAndTheCurrentFolderKept() throws {
        let site = try Folder(Self.site)
        let current = try Folder(["notes.txt": "mine"])
        let result = try run(["build", "--root", site.path("."), "--output", ""], in: current)
        #expect(result.status == 1)
        #expect(result.stderr == "syllabus: error: --output is empty; name the folder to build into, e.g. --output public\n")
        #expect(try current.read("notes.txt") == "mine")
        #expect(!current.exists("index.html"))
    }

    @Test func aFolderOfOtherFilesIsReplacedOnlyWithForce() throws {
        let folder = try Folder(Self.site.merging(["elsewhere/notes.txt": "mine"]) { $1 })
        let refused = try run(["build", "--output", "elsewhere"], in: folder)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("holds files Syllabus did not write (notes.txt)"))
        #expect(refused.stderr.contains("pass --force"))
        #expect(try folder.read("elsewhere/notes.txt") == "mine")
        let forced = try run(["build", "--output", "elsewhere", "--force"], in: folder)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(!folder.exists("elsewhere/notes.txt"))
        #expect(folder.exists("elsewhere/index.html") && folder.exists("elsewhere/.syllabus-output"))
        // Now it is Syllabus's own: the next build needs no --force.
        #expect(try run(["build", "--output", "elsewhere"], in: folder).status == 0)
    }

    @Test func aRegularFileIsNotReplacedEvenWithForce() throws {
        let folder = try Folder(Self.site.merging(["out.txt": "mine"]) { $1 })
        let result = try run(["build", "--output", "out.txt", "--force"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("is a file, not a folder; a build never replaces a file"))
        #expect(try folder.read("out.txt") == "mine")
    }

    @Test func aCopiedBinaryBuildsWithItsBuiltInTemplates() throws {
        let original = try #require(Self.binary)
        let elsewhere = try Folder()
        let copy = elsewhere.url.appendingPathComponent("syllabus")
        try FileManager.default.copyItem(at: original, to: copy)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path(".")) == ["syllabus"])

        let folder = try Folder(Self.site)
        let result = try run(["build"], in: folder, binary: copy)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try folder.read("public/index.html").contains("<link rel=\"stylesheet\" href=\"/training/assets/style.css\">"))
        #expect(try folder.read("public/assets/style.css").count > 100)
        #expect(folder.exists("public/assets/favicon.svg"))
        // What it wrote is the repository's templates/, carried inside the binary.
        for asset in ["style.css", "favicon.svg", "search.js", "runs.js"] {
            #expect(try folder.read("public/assets/\(asset)") == String(contentsOf: Self.templates.appendingPathComponent("assets/\(asset)"), encoding: .utf8))
        }
    }

    /// The repository's top-level templates/: the built-in theme.
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("templates")

    @Test func newThemeCopiesTheBuiltInThemeAndChangesNoPage() throws {
        let folder = try Folder(Self.site)
        #expect(try run(["build", "--output", "before"], in: folder).status == 0)

        let result = try run(["new", "theme"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let theme = try FileManager.default.subpathsOfDirectory(atPath: Self.templates.path)
            .filter { !$0.hasPrefix(".") && !$0.contains("/.") && $0 != "assets" }.sorted()
        #expect(theme.contains("course.mustache") && theme.contains("assets/style.css"))
        #expect(result.stdout.hasPrefix(theme.map { "templates/\($0)\n" }.joined()))
        #expect(result.stdout.contains("syllabus serve"))
        for path in theme {
            #expect(try folder.read("templates/\(path)") == String(contentsOf: Self.templates.appendingPathComponent(path), encoding: .utf8))
        }

        // The copy now overrides every built-in file, and the pages stay byte for byte the same.
        #expect(try run(["build", "--output", "after"], in: folder).status == 0)
        let before = try FileManager.default.subpathsOfDirectory(atPath: folder.path("before")).sorted()
        #expect(before.count > 10)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: folder.path("after")).sorted() == before)
        for path in before {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path("before/\(path)"), isDirectory: &isFolder), !isFolder.boolValue else { continue }
            #expect(FileManager.default.contents(atPath: folder.path("after/\(path)")) == FileManager.default.contents(atPath: folder.path("before/\(path)")), "\(path)")
        }
    }

    @Test func newThemeHonoursRootAndRefusesToOverwrite() throws {
        let folder = try Folder(["site/templates/course.mustache": "mine\n", "site/templates/assets/style.css": "mine too\n"])
        let result = try run(["new", "theme", "--root", "site"], in: folder)
        #expect(result.status != 0)
        #expect(result.stderr.contains("templates/course.mustache:1:1: error: templates/course.mustache already exists"))
        #expect(result.stderr.contains("templates/assets/style.css:1:1: error: templates/assets/style.css already exists"))
        // Nothing was written, not even the files that did not exist.
        #expect(!folder.exists("site/templates/base.mustache"))
        #expect(try folder.read("site/templates/course.mustache") == "mine\n")

        try FileManager.default.removeItem(atPath: folder.path("site/templates"))
        let fresh = try run(["new", "theme", "--root", "site"], in: folder)
        #expect(fresh.status == 0, "\(fresh.stderr)")
        #expect(folder.exists("site/templates/base.mustache") && folder.exists("site/templates/assets/favicon.svg"))
        #expect(!folder.exists("templates"))
    }

    @Test func newThemeTakesNoTitleAndCourseNeedsOne() throws {
        let folder = try Folder(Self.site)
        let theme = try run(["new", "theme", "Dark"], in: folder)
        #expect(theme.status != 0)
        #expect(theme.stderr.contains("takes no title"))
        #expect(!folder.exists("templates"))
        let course = try run(["new", "course"], in: folder)
        #expect(course.status != 0)
        #expect(course.stderr.contains("Give the course title"))
    }

    @Test func unknownCommandFails() throws {
        let result = try run(["publish"], in: Folder())
        #expect(result.status != 0)
        #expect(result.stderr.contains("publish"))
    }
}
