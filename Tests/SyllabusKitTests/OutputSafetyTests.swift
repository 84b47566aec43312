#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import SyllabusKit

/// What a build may replace, and how: the output rule, symbolic links on the
/// way to the output, the atomic swap and the debris of killed builds.
@Suite struct OutputSafetyTests {
    static let course = ["content/courses/a.md": "---\ntitle: A\n---\n"]
    let fm = FileManager.default

    @Test func aFolderHoldingOtherFilesIsRefusedAndKept() throws {
        let site = try TestSite(Self.course)
        defer { site.remove() }
        try fm.createDirectory(at: site.output.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: site.output.appendingPathComponent("README.md"))
        let failures = site.failures()
        #expect(failures.count == 1)
        #expect(failures.first?.contains("the output folder \(site.output.path) holds files Syllabus did not write (.git, README.md)") == true)
        #expect(failures.first?.contains("--force") == true)
        #expect(try fm.contentsOfDirectory(atPath: site.output.path).sorted() == [".git", "README.md"])
    }

    @Test func forceReplacesAFolderHoldingOtherFiles() throws {
        let site = try TestSite(Self.course)
        defer { site.remove() }
        try fm.createDirectory(at: site.output, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: site.output.appendingPathComponent("notes.txt"))
        var options = site.options()
        options.force = true
        try SiteBuilder.build(options)
        #expect(!fm.fileExists(atPath: site.output.appendingPathComponent("notes.txt").path))
        #expect(fm.fileExists(atPath: site.output.appendingPathComponent("index.html").path))
    }

    /// Never replaced, not even with --force.
    @Test(arguments: [false, true])
    func aRegularFileIsNeverReplaced(force: Bool) throws {
        let site = try TestSite(Self.course)
        defer { site.remove() }
        try Data("keep".utf8).write(to: site.output)
        var options = site.options()
        options.force = force
        #expect(throws: BuildFailed.self) { try SiteBuilder.build(options) }
        #expect(try String(contentsOf: site.output, encoding: .utf8) == "keep")
        #expect(site.failures().first?.contains("is a file, not a folder; a build never replaces a file") == true)
    }

    @Test(arguments: [false, true])
    func aFIFOIsNeverReplaced(force: Bool) throws {
        let site = try TestSite(Self.course)
        defer { site.remove() }
        try fm.createDirectory(at: site.folder, withIntermediateDirectories: true)
        #expect(mkfifo(site.output.path, 0o644) == 0)
        var options = site.options()
        options.force = force
        do {
            try SiteBuilder.build(options)
            Issue.record("a build replaced a FIFO")
        } catch let failure as BuildFailed {
            #expect(failure.diagnostics.map(\.description) == [
                "syllabus: error: the output \(site.output.path) is a device, FIFO or socket, not a folder; a build never replaces it. Choose another --output",
            ])
        }
        var status = stat()
        #expect(lstat(site.output.path, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
    }

    @Test func anEmptyFolderIsReplaced() throws {
        let site = try TestSite(Self.course)
        defer { site.remove() }
        try fm.createDirectory(at: site.output, withIntermediateDirectories: true)
        try site.build()
        #expect(fm.fileExists(atPath: site.output.appendingPathComponent("index.html").path))
    }

    @Test func anEarlierBuildIsRecognisedByItsManifestAndReplaced() throws {
        let site = try TestSite(Self.course)
        defer { site.remove() }
        try site.build()
        let manifest = try site.read(OutputManifest.name)
        #expect(manifest.hasPrefix(OutputManifest.header + "\n"))
        let listed = Set(manifest.split(separator: "\n").dropFirst().map(String.init))
        #expect(listed == Set(fileTree(site.output).keys).subtracting([OutputManifest.name]))
        #expect(!(try site.read("sitemap.xml")).contains(OutputManifest.name))
        // A file the first build wrote and the second one does not is gone.
        try site.write("---\ntitle: B\n---\n", to: "content/courses/b.md")
        try fm.removeItem(at: site.root.appendingPathComponent("content/courses/a.md"))
        try site.build()
        #expect(fm.fileExists(atPath: site.output.appendingPathComponent("courses/b/index.html").path))
        #expect(!fm.fileExists(atPath: site.output.appendingPathComponent("courses/a/index.html").path))
    }

    @Test(arguments: ["", "# something else\n"])
    func aManifestWithoutTheHeaderIsNotRecognised(_ text: String) throws {
        let site = try TestSite(Self.course)
        defer { site.remove() }
        try fm.createDirectory(at: site.output, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: site.output.appendingPathComponent(OutputManifest.name))
        #expect(site.failures().first?.contains("holds files Syllabus did not write") == true)
    }

    @Test func aLinkOnTheWayIntoTheSourcesIsResolvedBeforeTheCheck() throws {
        let site = try TestSite(Self.course)
        defer { site.remove() }
        try fm.createSymbolicLink(atPath: site.folder.appendingPathComponent("lnk").path,
                                  withDestinationPath: site.root.appendingPathComponent("content").path)
        let before = fileTree(site.root)
        let failures = site.failures(output: site.folder.appendingPathComponent("lnk/newdir"))
        #expect(failures.count == 1)
        #expect(failures.first?.contains("lies inside content/") == true)
        #expect(fileTree(site.root) == before)
    }

    @Test func resolvedPathsFollowLinksComponentByComponent() throws {
        let site = try TestSite(Self.course)
        defer { site.remove() }
        let base = try #require(OutputTarget.resolvedPath(site.folder.path))
        try fm.createDirectory(at: site.folder.appendingPathComponent("real/deep"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: site.folder.appendingPathComponent("rel").path, withDestinationPath: "real/deep")
        try fm.createSymbolicLink(atPath: site.folder.appendingPathComponent("loop").path, withDestinationPath: "loop")
        #expect(OutputTarget.resolvedPath(site.folder.path + "/rel/x/y") == base + "/real/deep/x/y")
        // `..` after a link climbs from the link's target, as the kernel does.
        #expect(OutputTarget.resolvedPath(site.folder.path + "/rel/../out") == base + "/real/out")
        #expect(OutputTarget.resolvedPath(site.folder.path + "/loop/x") == nil)
    }

    @Test func aLinkedOutputReplacesItsTargetAndStaysALink() throws {
        let site = try TestSite(Self.course)
        defer { site.remove() }
        let target = site.folder.appendingPathComponent("srv/www/site")
        try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: site.output.path, withDestinationPath: "srv/www/site")
        try site.build()
        #expect(fm.fileExists(atPath: target.appendingPathComponent("index.html").path))
        try site.write("---\ntitle: B\n---\n", to: "content/courses/b.md")
        try fm.removeItem(at: site.root.appendingPathComponent("content/courses/a.md"))
        try site.build()
        #expect(try fm.destinationOfSymbolicLink(atPath: site.output.path) == "srv/www/site")
        #expect(fm.fileExists(atPath: target.appendingPathComponent("courses/b/index.html").path))
        #expect(!fm.fileExists(atPath: target.appendingPathComponent("courses/a/index.html").path), "the target kept stale files")
        // Staging happened beside the target, and only the previous site's empty folders are left there, nothing beside the link.
        #expect(try site.names(in: target.deletingLastPathComponent()) == [".site.syllabus-retired-*", "site"])
        #expect(try fm.contentsOfDirectory(atPath: site.folder.path).sorted() == ["out", "site", "srv"])
    }

    @Test func aBuildRemovesTheDebrisOfKilledBuildsAndNothingElse() throws {
        let site = try TestSite(Self.course)
        defer { site.remove() }
        let debris = [".out.syllabus-staging-4242-17", ".out.syllabus-retired-4242-17", ".out.building-99", ".out.old-99"]
        let kept = [".out.keep", ".other.syllabus-staging-1-2", ".out.old-notes", "out-backup"]
        for name in debris + kept {
            try fm.createDirectory(at: site.folder.appendingPathComponent("\(name)/sub"), withIntermediateDirectories: true)
        }
        try site.build()
        #expect(try fm.contentsOfDirectory(atPath: site.folder.path).sorted() == (kept + ["out", "site"]).sorted())
    }

    /// A folder is removed for its name only when it is a build's too: marked,
    /// holding a manifest, or holding no file. A publisher's folder or file
    /// that happens to have such a name keeps every byte.
    @Test func aFolderNamedLikeDebrisIsRemovedOnlyWhenABuildMadeIt() throws {
        let site = try TestSite(Self.course)
        defer { site.remove() }
        try site.build()
        func folder(_ name: String, holding files: [String: String]) throws {
            for (path, text) in files {
                let url = site.folder.appendingPathComponent("\(name)/\(path)")
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
        }
        // A killed build's staging folder (marked), and one killed after its manifest was in.
        try folder(".out.syllabus-staging-4242-17", holding: [OutputDebris.Mark.name: OutputDebris.Mark.header + "\n", "courses/a/index.html": "half"])
        try folder(".out.syllabus-staging-4242-18", holding: [OutputManifest.name: OutputManifest.header + "\nindex.html\n", "index.html": "new"])
        // A publisher's: a backup under a debris name, a mark that is not one, a plain file.
        let backup = [".out.syllabus-retired-backup": ["index.html": "my own site", "notes/plan.txt": "keep"],
                      ".out.syllabus-staging-1-1": [OutputDebris.Mark.name: "not our header\n", "a.txt": "mine"],
                      ".out.old-12": ["letter.txt": "keep this"]]
        for (name, files) in backup { try folder(name, holding: files) }
        try Data("a file".utf8).write(to: site.folder.appendingPathComponent(".out.syllabus-staging-9-9"))
        try site.build()
        try site.build()
        let names = try fm.contentsOfDirectory(atPath: site.folder.path).sorted()
        #expect(!names.contains(".out.syllabus-staging-4242-17") && !names.contains(".out.syllabus-staging-4242-18"))
        for (name, files) in backup {
            for (path, text) in files {
                #expect((try? String(contentsOf: site.folder.appendingPathComponent("\(name)/\(path)"), encoding: .utf8)) == text, "\(name)/\(path)")
            }
        }
        #expect((try? String(contentsOf: site.folder.appendingPathComponent(".out.syllabus-staging-9-9"), encoding: .utf8)) == "a file")
        #expect(names.filter { $0.hasPrefix(".out.syllabus-retired-") && $0 != ".out.syllabus-retired-backup" }.count == 1)
        #expect(!fm.fileExists(atPath: site.output.appendingPathComponent(OutputDebris.Mark.name).path), "the mark is never published")
        #expect(OutputDebris.Mark.isPresent(in: site.folder.appendingPathComponent(names.first { $0.hasPrefix(".out.syllabus-retired-") && $0 != ".out.syllabus-retired-backup" }!).path))
    }

    @Test func concurrentBuildsIntoOneOutputWaitForEachOther() async throws {
        let site = try TestSite(Self.course)
        defer { site.remove() }
        let options = site.options()
        let results = await withTaskGroup(of: String?.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    do { try SiteBuilder.build(options); return nil } catch { return "\(error)" }
                }
            }
            var all: [String?] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.compactMap { $0 }.isEmpty, "\(results)")
        #expect(try site.names() == [".out.syllabus-retired-*", "out", "site"], "one set of empty folders kept, not one per build")
        #expect(fm.fileExists(atPath: site.output.appendingPathComponent("index.html").path))
    }

    @Test func theLockIsHeldAgainstOtherOpenings() throws {
        let site = try TestSite(Self.course)
        defer { site.remove() }
        try fm.createDirectory(at: site.folder, withIntermediateDirectories: true)
        var held: OutputLock? = try OutputDebris(output: site.output).lock()
        let descriptor = open(site.folder.path, O_RDONLY | O_DIRECTORY)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK)
        #expect(held != nil)
        held = nil
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0, "dropping the lock releases it")
    }

    @Test func theSwapExchangesWhenThereIsAnOutputAndRenamesOtherwise() throws {
        let site = try TestSite(Self.course)
        defer { site.remove() }
        let staging = site.folder.appendingPathComponent("staging")
        let retired = site.folder.appendingPathComponent("retired")
        let output = site.folder.appendingPathComponent("output")
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data("1".utf8).write(to: staging.appendingPathComponent("first"))
        #expect(try OutputSwap.swap(staging: staging, into: output, retired: retired) == nil)
        #expect(fileTree(output) == ["first": Data("1".utf8)])
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data("2".utf8).write(to: staging.appendingPathComponent("second"))
        let previous = try OutputSwap.swap(staging: staging, into: output, retired: retired)
        // Linux exchanges in place: the old site ends up where staging was, never at `retired`.
        #expect(previous == staging)
        #expect(fileTree(output) == ["second": Data("2".utf8)])
        #expect(fileTree(staging) == ["first": Data("1".utf8)])
        #expect(!fm.fileExists(atPath: retired.path))
        // The fallback for file systems that cannot exchange.
        #expect(try OutputSwap.twoRenames(staging: staging, into: output, retired: retired) == retired)
        #expect(fileTree(output) == ["first": Data("1".utf8)])
        #expect(fileTree(retired) == ["second": Data("2".utf8)])
    }
}
