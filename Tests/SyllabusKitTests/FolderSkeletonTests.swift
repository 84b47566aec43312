#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import SyllabusKit

/// A build over its previous output keeps that site's folders, emptied of
/// files, and the next build stages into them (`FolderSkeleton`): no folder
/// of an unchanged site is made or removed again, and what it stages into
/// must still be exactly what a fresh build makes.
@Suite struct FolderSkeletonTests {
    static let courses = [
        "content/courses/a.md": "---\ntitle: A\nstart: 2020-06-01\n---\n",
        "content/courses/b.md": "---\ntitle: B\nstart: 2020-06-02\n---\n",
    ]
    let fm = FileManager.default

    /// The mask is read without setting it (which would change it for every
    /// thread meanwhile), and it is the one that decides the modes of new files.
    @Test func theFileCreationMaskIsTheOneNewFilesGet() throws {
        let site = try TestSite([:])
        defer { site.remove() }
        let path = site.folder.appendingPathComponent("probe").path
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o777)
        #expect(descriptor >= 0)
        close(descriptor)
        var status = stat()
        #expect(stat(path, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o777 & ~FileCreationMask.current)
        #if os(Linux)
        // On Linux from /proc, so reading it leaves the process's mask alone for good.
        #expect(FileManager.default.contents(atPath: "/proc/self/status").map { String(decoding: $0, as: UTF8.self).contains("Umask:") } == true)
        #endif
    }

    func inode(_ url: URL) -> ino_t {
        var status = stat()
        #expect(lstat(url.path, &status) == 0, "\(url.path)")
        return status.st_ino
    }

    func skeleton(_ site: TestSite) throws -> URL {
        let names = try fm.contentsOfDirectory(atPath: site.folder.path).filter { $0.hasPrefix(".out.syllabus-retired-") }
        #expect(names.count == 1, "\(names)")
        return site.folder.appendingPathComponent(names.first ?? "missing")
    }

    @Test func aBuildStagesIntoTheFoldersThePreviousBuildKept() throws {
        let site = try TestSite(Self.courses)
        defer { site.remove() }
        try site.build()
        try site.build()
        // The first site's folders, kept by the second build without their files.
        let kept = try skeleton(site)
        #expect(Array(fileTree(kept).keys) == [OutputDebris.Mark.name], "no file but the mark")
        let folder = inode(kept.appendingPathComponent("courses/a"))
        #expect(fm.fileExists(atPath: kept.appendingPathComponent("days/2020-06-02").path))
        // The same history into a second output, whose next build makes its folders anew.
        let other = site.folder.appendingPathComponent("other")
        try site.build(output: other)
        // Course B moves to June 1st: the day page of June 2nd, and its folder, go.
        try site.write("---\ntitle: B\nstart: 2020-06-01\n---\n", to: "content/courses/b.md")
        try site.build()
        #expect(inode(site.output.appendingPathComponent("courses/a")) == folder, "the kept folder was reused, not made again")
        #expect(!fm.fileExists(atPath: site.output.appendingPathComponent("days/2020-06-02").path), "a folder the site no longer has is removed")
        #expect(try site.names() == [".out.syllabus-retired-*", "other", "out", "site"])

        try site.build(output: other)
        #expect(siteTree(site.output) == siteTree(other))
        #expect(folders(site.output) == folders(other))
    }

    /// Whatever lies in a leftover folder (a killed build's files, a link out
    /// of the output, a folder where the site has a file, a loose mode) is gone
    /// before the build writes: the site is the one a fresh build makes.
    @Test func aLeftoverFolderIsCleanedBeforeItIsStagedInto() throws {
        let site = try TestSite(Self.courses)
        defer { site.remove() }
        let fresh = site.folder.appendingPathComponent("fresh")
        try site.build(output: fresh)
        let outside = site.folder.appendingPathComponent("outside")
        try fm.createDirectory(at: outside, withIntermediateDirectories: true)
        let leftover = site.folder.appendingPathComponent(".out.syllabus-retired-4242-17")
        try fm.createDirectory(at: leftover.appendingPathComponent("courses/a"), withIntermediateDirectories: true)
        try fm.createDirectory(at: leftover.appendingPathComponent("calendar.ics/deeper"), withIntermediateDirectories: true)
        try fm.createDirectory(at: leftover.appendingPathComponent("gone/away"), withIntermediateDirectories: true)
        try Data((OutputDebris.Mark.header + "\n").utf8).write(to: leftover.appendingPathComponent(OutputDebris.Mark.name))
        try Data("half a page".utf8).write(to: leftover.appendingPathComponent("courses/a/index.html"))
        try Data("aside".utf8).write(to: leftover.appendingPathComponent("index.html.syllabus-new"))
        try fm.createSymbolicLink(at: leftover.appendingPathComponent("courses/b"), withDestinationURL: outside)
        #expect(chmod(leftover.appendingPathComponent("courses").path, 0o777) == 0)
        try site.build()
        #expect(fileTree(site.output) == fileTree(fresh))
        #expect(folders(site.output) == folders(fresh))
        #expect(try fm.contentsOfDirectory(atPath: outside.path).isEmpty, "nothing written through the link")
        var status = stat()
        #expect(lstat(site.output.appendingPathComponent("courses").path, &status) == 0)
        #expect(status.st_mode & 0o7777 == 0o755 & ~currentUmask())
        #expect(try site.names() == ["fresh", "out", "outside", "site"])
    }

    @Test func aFailedBuildOverKeptFoldersLeavesTheSiteByteIdentical() throws {
        let site = try TestSite(Self.courses)
        defer { site.remove() }
        try site.build()
        try site.build()
        let before = fileTree(site.output)
        let inodes = before.keys.sorted().map { inode(site.output.appendingPathComponent($0)) }
        // A warning made an error by `--strict` fails the build after every file is written.
        try site.write("---\ntitle: C\nstart: 2020-06-03\ntags: [Go]\n---\n", to: "content/courses/c.md")
        try site.write("---\ntitle: D\nstart: 2020-06-04\ntags: [GO]\n---\n", to: "content/courses/d.md")
        var strict = site.options()
        strict.strict = true
        #expect(throws: BuildFailed.self) { try SiteBuilder.build(strict) }
        #expect(fileTree(site.output) == before)
        #expect(before.keys.sorted().map { inode(site.output.appendingPathComponent($0)) } == inodes)
        #expect(try site.names() == ["out", "site"], "the failed build's staging folder, once the kept folders, is gone")
    }

    /// Every folder under `root`, relative, with its mode.
    func folders(_ root: URL) -> [String: mode_t] {
        var found: [String: mode_t] = [:]
        guard let walk = fm.enumerator(atPath: root.path) else { return found }
        while let relative = walk.nextObject() as? String {
            var status = stat()
            if lstat(root.appendingPathComponent(relative).path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
                found[relative] = status.st_mode & 0o7777
            }
        }
        return found
    }

    func currentUmask() -> mode_t {
        let mask = umask(0)
        umask(mask)
        return mask
    }
}
