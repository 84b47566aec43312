#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import SyllabusKit

/// A preview rebuild must produce what a full build produces. A seeded run of
/// random edits (edit, add, delete and rename courses and profiles, break a
/// file and fix it, override and change templates, change site.yml, add and
/// remove media), each followed by a rebuild the way `syllabus serve` drives
/// it (one `PreviewRebuild` for the whole run), is compared after every step
/// with a fresh full build, byte for byte; a broken step must fail both with
/// the same diagnostics.
@Suite struct IncrementalRebuildTests {
    static let serveScript = #"<script src="/__syllabus/live.js"></script>"#

    @Test func previewRebuildsEqualFullBuilds() throws {
        var edits = SiteEdits(seed: 15)
        let site = try TestSite(edits.initialFiles(), siteYML: nil)
        defer { site.remove() }
        let preview = PreviewRebuild()
        let previewOutput = site.folder.appendingPathComponent("preview")
        var kinds: [String: Int] = [:]
        var shownKinds: [String: Int] = [:]
        var compared = 0
        for step in 0..<220 {
            let sourcesBefore = sourceFiles(site)
            let kind = try edits.apply(to: site, step: step)
            kinds[kind, default: 0] += 1
            var options = site.options(output: previewOutput)
            options.serveScript = Self.serveScript
            // What serve does on a save: the saved courses' pages first, when it can.
            let servedBefore = fileTree(previewOutput)
            let shown = SavedCoursePages.write(saved: changedPaths(sourcesBefore, sourceFiles(site)), options: options, preview: preview)
            let shownPages = shown.pages.map { ($0, FileManager.default.contents(atPath: previewOutput.appendingPathComponent($0).path)) }
            if !shown.pages.isEmpty { shownKinds[kind, default: 0] += 1 }
            let servedBeforeRebuild = fileTree(previewOutput)
            let rebuilt = Result { try SiteBuilder.build(options, preview: preview) }
            if case .failure = rebuilt, !shown.pages.isEmpty {
                try shown.undo()
                #expect(fileTree(previewOutput) == servedBefore, "step \(step) (\(kind)): undo did not put the served pages back")
            }

            let fullOutput = site.folder.appendingPathComponent("full-\(step)")
            options.output = fullOutput
            let full = Result { try SiteBuilder.build(options) }
            defer { try? FileManager.default.removeItem(at: fullOutput) }

            switch (rebuilt, full) {
            case let (.success(rebuiltSummary), .success(fullSummary)):
                var fullTree = fileTree(fullOutput)
                let manifest = fullTree.removeValue(forKey: OutputManifest.name)
                let previewTree = fileTree(previewOutput)
                let different = previewTree != fullTree
                // What serve reloads by: exactly the files whose bytes the rebuild changed, made or removed.
                let changed = Set(previewTree.keys).union(servedBeforeRebuild.keys).filter { previewTree[$0] != servedBeforeRebuild[$0] }
                #expect(rebuiltSummary.changed == changed, "step \(step) (\(kind)): reported \(rebuiltSummary.changed.map { $0.sorted() } ?? []), changed \(changed.sorted())")
                #expect(fullSummary.changed == nil)
                #expect(!different, "step \(step) (\(kind)): \(difference(previewTree, fullTree))")
                // The manifest lists exactly the files written.
                #expect(manifest == Data(OutputManifest.text(paths: Set(fullTree.keys)).utf8), "step \(step) (\(kind))")
                #expect(rebuiltSummary.warnings.map(\.description) == fullSummary.warnings.map(\.description), "step \(step) (\(kind))")
                let counts: (BuildSummary) -> [Int] = { [$0.pages, $0.feeds, $0.files] }
                #expect(counts(rebuiltSummary) == counts(fullSummary), "step \(step) (\(kind))")
                #expect(fullSummary.pages + fullSummary.feeds + fullSummary.files == fullTree.count, "step \(step) (\(kind))")
                for (path, data) in shownPages {
                    #expect(data != nil && fullTree[path] == data, "step \(step) (\(kind)): \(path) as shown before the rebuild is not the full build's")
                }
                compared += 1
            case let (.failure(rebuiltFailure), .failure(fullFailure)):
                #expect("\(rebuiltFailure)" == "\(fullFailure)", "step \(step) (\(kind))")
            default:
                Issue.record("step \(step) (\(kind)): the rebuild gave \(rebuilt), the full build \(full)")
            }
        }
        // Most steps build; every kind of edit was exercised, and not too rarely.
        #expect(compared >= 150, "only \(compared) steps built")
        #expect(Set(kinds.keys) == SiteEdits.kinds, "\(kinds)")
        #expect(kinds.values.allSatisfy { $0 >= 5 }, "\(kinds)")
        // Edited courses' pages are shown ahead of most of their rebuilds, and nothing else is.
        #expect(Set(shownKinds.keys) == ["edit course"], "\(shownKinds)")
        #expect(shownKinds["edit course", default: 0] * 2 >= kinds["edit course", default: 0], "\(shownKinds) of \(kinds)")
    }

    /// `syllabus build` over its previous output links the pages whose
    /// frame's fingerprint it recorded (`PageFingerprints`) without rendering
    /// them. The same kind of seeded run, each step built twice over the
    /// previous output: as `syllabus build` does, and into a reference folder
    /// whose record is taken away first, so that it renders every page. The
    /// two must be byte for byte the same site (a fresh build would not be:
    /// feeds carry their history over), with most pages of most steps linked unrendered.
    @Test func buildsThatLinkRecordedPagesEqualBuildsThatRenderThem() throws {
        var edits = SiteEdits(seed: 27)
        let site = try TestSite(edits.initialFiles(), siteYML: nil)
        defer { site.remove() }
        let reference = site.folder.appendingPathComponent("reference")
        var compared = 0, unchanged = 0, pages = 0
        for step in 0..<90 {
            let kind = try edits.apply(to: site, step: step)
            let over = Result { try site.build() }
            unlink(reference.appendingPathComponent(PageFingerprints.name).path)
            let rendered = Result { try site.build(output: reference) }
            switch (over, rendered) {
            case let (.success(overSummary), .success(renderedSummary)):
                var overTree = fileTree(site.output)
                let record = overTree.removeValue(forKey: PageFingerprints.name)
                let renderedTree = siteTree(reference)
                #expect(overTree == renderedTree, "step \(step) (\(kind)): \(difference(overTree, renderedTree))")
                #expect(step == 0 || record != nil, "step \(step) (\(kind)): no record of the pages")
                #expect(renderedSummary.unchanged == 0)
                #expect(overSummary.pages == renderedSummary.pages)
                unchanged += overSummary.unchanged
                pages += overSummary.pages
                compared += 1
            case let (.failure(overFailure), .failure(renderedFailure)):
                #expect("\(overFailure)" == "\(renderedFailure)", "step \(step) (\(kind))")
            default:
                Issue.record("step \(step) (\(kind)): with the record \(over), without \(rendered)")
            }
        }
        #expect(compared >= 60, "only \(compared) steps built")
        // Template, site.yml and failed steps render everything; most others reuse most pages.
        #expect(unchanged * 3 >= pages, "\(unchanged) of \(pages) pages linked unrendered")
    }

    /// A file moved over another keeps its own modification time: with the
    /// same time and length as the file it replaced, only its inode tells
    /// the rebuild that the course must be read again.
    @Test func aFileMovedOverAnotherIsReadAgain() throws {
        let site = try TestSite(["content/courses/alpha.md": "---\ntitle: Aaaaa\n---\n",
                                 "content/courses/beta.md": "---\ntitle: Bbbbb\n---\n"])
        defer { site.remove() }
        let saved = Date(timeIntervalSince1970: 1_700_000_000)
        for name in ["alpha", "beta"] {
            try FileManager.default.setAttributes([.modificationDate: saved],
                                                  ofItemAtPath: site.root.appendingPathComponent("content/courses/\(name).md").path)
        }
        let preview = PreviewRebuild()
        let output = site.folder.appendingPathComponent("preview")
        try SiteBuilder.build(site.options(output: output), preview: preview)
        #expect(rename(site.root.appendingPathComponent("content/courses/beta.md").path,
                       site.root.appendingPathComponent("content/courses/alpha.md").path) == 0)
        try SiteBuilder.build(site.options(output: output), preview: preview)
        let page = try String(contentsOf: output.appendingPathComponent("courses/alpha/index.html"), encoding: .utf8)
        #expect(page.contains("Bbbbb"), "courses/alpha/ still shows the file that was replaced")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("courses/beta/index.html").path))
    }

    /// A page of the days index shows whole months: an edit to a course in
    /// May leaves the page of June's days as written (the same file, not
    /// one rewritten with the same bytes).
    @Test func anEditRewritesOnlyTheDaysPageOfItsMonths() throws {
        let site = try TestSite([
            "content/site.yml": TestSite.siteYML + "\npage_size: 1\n",
            "content/courses/may.md": "---\ntitle: May\nstart: 2020-05-25\n---\n",
            "content/courses/june.md": "---\ntitle: June\nstart: 2020-06-15\n---\n",
        ])
        defer { site.remove() }
        let preview = PreviewRebuild()
        let output = site.folder.appendingPathComponent("preview")
        try SiteBuilder.build(site.options(output: output), preview: preview)
        func inode(_ path: String) throws -> Int {
            try #require(FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(path).path)[.systemFileNumber] as? Int)
        }
        let (mayPage, junePage) = ("days/index.html", "days/page/2/index.html")
        let before = (try inode(mayPage), try inode(junePage))
        try site.write(Data("---\ntitle: May, edited\nstart: 2020-05-25\n---\n".utf8), to: "content/courses/may.md")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)],
                                              ofItemAtPath: site.root.appendingPathComponent("content/courses/may.md").path)
        try SiteBuilder.build(site.options(output: output), preview: preview)
        #expect(try inode(mayPage) != before.0, "the page of May's days was not written again")
        #expect(try inode(junePage) == before.1, "the page of June's days was written again")
        let page = try String(contentsOf: output.appendingPathComponent(mayPage), encoding: .utf8)
        #expect(page.contains("May, edited"))
    }

    /// The page of a file the save changed is rendered before the listings
    /// that also show it, so the page its author watches is up first; a
    /// page of an unchanged file waits its turn.
    @Test func theSavedFilesPageIsRenderedFirst() throws {
        let site = try TestSite(["content/courses/edited.md": "---\ntitle: Edited\n---\n",
                                 "content/courses/other.md": "---\ntitle: Other\n---\n"])
        defer { site.remove() }
        let cache = BuildCache(keeps: true)
        cache.startBuild()
        for path in ["content/courses/edited.md", "content/courses/other.md"] {
            _ = cache.course(at: path, root: site.root.path, settings: 0) { BuildCache.Loaded(value: nil, log: DiagnosticLog()) }
        }
        // The next build: only `edited.md` changed since.
        try site.write(Data("---\ntitle: Edited again\n---\n".utf8), to: "content/courses/edited.md")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)],
                                              ofItemAtPath: site.root.appendingPathComponent("content/courses/edited.md").path)
        cache.startBuild()
        for path in ["content/courses/edited.md", "content/courses/other.md"] {
            _ = cache.course(at: path, root: site.root.path, settings: 0) { BuildCache.Loaded(value: nil, log: DiagnosticLog()) }
        }
        let order = RenderOrder()
        func page(_ path: String, source: String?) -> Page {
            Page(path: path, key: 1, source: source) {
                order.started(path)
                return path
            }
        }
        let listings = (0..<300).map { page("page/\($0)/index.html", source: nil) }
        let pages = listings + [page("courses/other/index.html", source: "content/courses/other.md"),
                                page("courses/edited/index.html", source: "content/courses/edited.md")]
        try OutputSink(folder: nil, cache: cache).write(pages, progress: .silent)
        let position = order.position("courses/edited/index.html")
        // Every core starts at once: the edited page is among the first they take.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        #expect(position >= 1 && position <= cores, "the edited course's page was rendered as number \(position) of \(pages.count)")
        #expect(order.position("courses/other/index.html") > cores)
    }

    /// The site's source files, by path relative to its root.
    private func sourceFiles(_ site: TestSite) -> [String: Data] {
        var files: [String: Data] = [:]
        for folder in ["content", "templates"] {
            for (path, data) in fileTree(site.root.appendingPathComponent(folder)) { files["\(folder)/\(path)"] = data }
        }
        return files
    }

    /// What a file watcher reports: every path added, removed or changed.
    private func changedPaths(_ before: [String: Data], _ after: [String: Data]) -> Set<String> {
        Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
    }

    private func difference(_ preview: [String: Data], _ full: [String: Data]) -> String {
        let onlyPreview = Set(preview.keys).subtracting(full.keys).sorted()
        let onlyFull = Set(full.keys).subtracting(preview.keys).sorted()
        let changed = Set(preview.keys).intersection(full.keys).filter { preview[$0] != full[$0] }.sorted()
        return "only in the rebuild: \(onlyPreview); only in the full build: \(onlyFull); different: \(changed)"
    }
}

/// Which page each render call was for, in the order they started (1-based).
private final class RenderOrder: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: [String] = []
    func started(_ path: String) { lock.withLock { paths.append(path) } }
    func position(_ path: String) -> Int { lock.withLock { (paths.firstIndex(of: path) ?? -1) + 1 } }
}

/// The random edits, from a seed: the same seed gives the same run.
private struct SiteEdits {
    static let kinds: Set<String> = ["edit course", "add course", "delete course", "rename course", "break", "fix",
                                     "edit template", "remove template", "edit site.yml", "edit profile",
                                     "add media", "remove media"]

    private var random: RobustnessTests.Seeded
    private var courses: [String] = []
    private var profiles: [String] = []
    private var media: [String] = []
    private var broken: (path: String, original: Data?)?
    private var nextName = 0
    /// Modification times, one second apart: a file's stamp changes on every
    /// save however fast the test saves (the kernel's clock is coarser than
    /// its nanosecond field), as it does for an editor at human speed.
    private var clock = Date(timeIntervalSince1970: 1_700_000_000)

    private let people = ["Anna Berg", "Mikael Muszyński", "Robert Virding", "Ada Lovelace"]
    private let tags = ["Erlang", "Elixir", "OTP", "BEAM", "Testing"]

    init(seed: UInt64) { random = RobustnessTests.Seeded(state: seed) }

    mutating func initialFiles() -> [String: String] {
        var files = ["content/site.yml": siteYML(), "content/courses/intro.md": course(title: "Intro", linking: false)]
        courses = ["intro"]
        for _ in 0..<4 {
            let name = freshName("course")
            courses.append(name)
            files["content/courses/\(name).md"] = course(title: name.capitalized, linking: true)
        }
        for person in people.prefix(2) {
            let name = Slug(folding: person)!.value
            profiles.append(name)
            files["content/instructors/\(name).md"] = profile(person)
        }
        return files
    }

    /// Makes one edit and returns its kind.
    mutating func apply(to site: TestSite, step: Int) throws -> String {
        if let broken {
            self.broken = nil
            try restore(broken.path, broken.original, in: site)
            return "fix"
        }
        // Everything but `intro`, which other courses link to.
        let movable = Array(courses.dropFirst())
        var choice = random.next(12)
        if choice == 2, courses.count >= 9 { choice = 3 }
        switch choice {
        case 0, 1:
            let name = pick(courses)
            try save(course(title: name == "intro" ? "Intro" : "\(name.capitalized) \(random.next(100))", linking: name != "intro"),
                     "content/courses/\(name).md", in: site)
            return "edit course"
        case 2:
            let name = freshName("course")
            courses.append(name)
            try save(course(title: name.capitalized, linking: true), "content/courses/\(name).md", in: site)
            return "add course"
        case 3:
            guard let name = movable.randomElement(using: &random) else { return try apply(to: site, step: step) }
            courses.removeAll { $0 == name }
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/courses/\(name).md"))
            return "delete course"
        case 4:
            guard let name = movable.randomElement(using: &random) else { return try apply(to: site, step: step) }
            let renamed = freshName("course")
            courses = courses.map { $0 == name ? renamed : $0 }
            try FileManager.default.moveItem(at: site.root.appendingPathComponent("content/courses/\(name).md"),
                                             to: site.root.appendingPathComponent("content/courses/\(renamed).md"))
            return "rename course"
        case 5:
            let (path, text) = breakage()
            broken = (path, FileManager.default.contents(atPath: site.root.appendingPathComponent(path).path))
            try save(text, path, in: site)
            return "break"
        case 6:
            let marker = random.next(1000)
            switch random.next(3) {
            case 0: try save("<li class=\"card v\(marker)\"><a href=\"{{url}}\">{{title}}</a>{{#summary}} {{summary}}{{/summary}}</li>",
                             "templates/entry-card.mustache", in: site)
            // A comment: the pages stay the same, the templates' fingerprint does not.
            case 1: try save(theme("tag.mustache") + "{{! v\(marker) }}", "templates/tag.mustache", in: site)
            default: try save(theme("course.mustache").replacingOccurrences(of: "</h1>", with: "</h1><p>v\(marker)</p>"),
                              "templates/course.mustache", in: site)
            }
            return "edit template"
        case 7:
            for name in ["entry-card.mustache", "tag.mustache", "course.mustache"] {
                let url = site.root.appendingPathComponent("templates/\(name)")
                if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
            }
            return "remove template"
        case 8:
            try save(siteYML(), "content/site.yml", in: site)
            return "edit site.yml"
        case 9:
            let person = pick(people)
            let name = Slug(folding: person)!.value
            if profiles.contains(name), random.next(3) == 0 {
                profiles.removeAll { $0 == name }
                try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/instructors/\(name).md"))
            } else {
                if !profiles.contains(name) { profiles.append(name) }
                try save(profile(person), "content/instructors/\(name).md", in: site)
            }
            return "edit profile"
        case 10:
            let name = "handout-\(random.next(4)).txt"
            if !media.contains(name) { media.append(name) }
            try save("Handout \(random.next(1000))\n", "content/media/\(name)", in: site)
            return "add media"
        default:
            guard let name = media.randomElement(using: &random) else { return try apply(to: site, step: step) }
            media.removeAll { $0 == name }
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/media/\(name)"))
            return "remove media"
        }
    }

    /// A file made invalid: bad YAML, a bad date, an unknown field, a link to
    /// no course, an unclosed template section, a bad site.yml.
    private mutating func breakage() -> (String, String) {
        let name = pick(courses)
        switch random.next(5) {
        case 0: return ("content/courses/\(name).md", "---\ntitle: [unclosed\n---\nBody.\n")
        case 1: return ("content/courses/\(name).md", "---\ntitle: Broken\nstart: 2020-02-30\n---\n")
        case 2: return ("content/courses/\(name).md", "---\ntitle: Broken\n---\nSee [gone](no-such-course.md).\n")
        case 3: return ("templates/tag.mustache", "{{#site}}unclosed")
        default: return ("content/site.yml", "title: Broken\nbase_url: not a url\ntimezone: Mars/Olympus\n")
        }
    }

    private mutating func course(title: String, linking: Bool) -> String {
        var lines = ["---", "title: \(title)"]
        if random.next(2) == 0 { lines.append("summary: About \(title.lowercased()), take \(random.next(50)).") }
        if random.next(3) > 0 {
            let start = CalendarDate(year: 2020, month: 5, day: 1)!.adding(days: random.next(90))
            lines.append("start: \(start)")
            lines.append("end: \(start.adding(days: random.next(3)))")
            if random.next(2) == 0 { lines.append("location: Room \(random.next(5))") }
        }
        let teachers = (0..<random.next(3)).map { _ in pick(people) }
        if !teachers.isEmpty { lines.append("instructors: [\(Array(Set(teachers)).sorted().joined(separator: ", "))]") }
        let chosen = tags.filter { _ in random.next(3) == 0 }
        if !chosen.isEmpty { lines.append("tags: [\(chosen.joined(separator: ", "))]") }
        lines += ["---", "", "Text \(random.next(1000)) of *\(title)*."]
        if linking, random.next(2) == 0 { lines.append("Start with the [intro](intro.md).") }
        return lines.joined(separator: "\n") + "\n"
    }

    private mutating func profile(_ person: String) -> String {
        "---\nname: \(person)\nrole: Trainer \(random.next(10))\n---\n\n\(person) teaches \(pick(tags)) (\(random.next(100))).\n"
    }

    private mutating func siteYML() -> String {
        var lines = ["title: \(["Example Training", "Other Training", "Training Co"][random.next(3)])",
                     "base_url: https://example.org/training/",
                     "timezone: \(["Europe/Stockholm", "Europe/London"][random.next(2)])",
                     "time: \"\(["09:00-17:00", "10:00-16:00"][random.next(2)])\""]
        if random.next(2) == 0 { lines.append("description: Courses, take \(random.next(100)).") }
        return lines.joined(separator: "\n") + "\n"
    }

    private func theme(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    private mutating func freshName(_ prefix: String) -> String {
        nextName += 1
        return "\(prefix)-\(nextName)"
    }

    private mutating func pick<T>(_ items: [T]) -> T { items[random.next(items.count)] }

    private mutating func save(_ text: String, _ path: String, in site: TestSite) throws {
        try site.write(text, to: path)
        try touch(path, in: site)
    }

    private mutating func restore(_ path: String, _ original: Data?, in site: TestSite) throws {
        guard let original else {
            try FileManager.default.removeItem(at: site.root.appendingPathComponent(path))
            return
        }
        try site.write(original, to: path)
        try touch(path, in: site)
    }

    private mutating func touch(_ path: String, in site: TestSite) throws {
        clock += 1
        try FileManager.default.setAttributes([.modificationDate: clock], ofItemAtPath: site.root.appendingPathComponent(path).path)
    }
}

extension RobustnessTests.Seeded {
    /// A number in `0..<bound`.
    mutating func next(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
