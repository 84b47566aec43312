#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import SyllabusKit

/// A build over its previous output links the files whose bytes did not
/// change (`LiveSite`), and must still never alter the live site before the
/// swap; the previous site's files go, its folders stay for the next build
/// (`FolderSkeleton`).
@Suite struct OutputReuseTests {
    static let courses = [
        "content/courses/a.md": "---\ntitle: A\nstart: 2020-06-01\n---\n",
        "content/courses/b.md": "---\ntitle: B\nstart: 2020-06-02\n---\n",
    ]
    let fm = FileManager.default

    func status(_ url: URL) -> stat {
        var status = stat()
        #expect(lstat(url.path, &status) == 0, "\(url.path)")
        return status
    }

    @Test func aRebuildKeepsTheFilesWhoseBytesDidNotChangeAndWritesTheOthers() throws {
        let site = try TestSite(Self.courses)
        defer { site.remove() }
        try site.build()
        let a = site.output.appendingPathComponent("courses/a/index.html")
        let b = site.output.appendingPathComponent("courses/b/index.html")
        let (aBefore, bBefore) = (status(a), status(b))
        try site.write("---\ntitle: B, renamed\nstart: 2020-06-02\n---\n", to: "content/courses/b.md")
        try site.build()
        #expect(status(a).st_ino == aBefore.st_ino, "unchanged page linked, not written")
        #expect(status(a).st_nlink == 1, "the previous site's name for it is gone")
        #expect(status(b).st_ino != bBefore.st_ino, "changed page written anew")
        #expect(try site.read("courses/b/index.html").contains("B, renamed"))
        #expect(try site.names() == [".out.syllabus-retired-*", "out", "site"], "only the previous site's empty folders stay")
    }

    @Test func aFileWithAnotherLinkOrAnotherModeIsWrittenNotLinked() throws {
        let site = try TestSite(Self.courses)
        defer { site.remove() }
        try site.build()
        let a = site.output.appendingPathComponent("courses/a/index.html")
        let b = site.output.appendingPathComponent("courses/b/index.html")
        let elsewhere = site.folder.appendingPathComponent("a-copy.html")
        #expect(link(a.path, elsewhere.path) == 0)
        #expect(chmod(b.path, 0o600) == 0)
        let (aBefore, bBefore) = (status(a), status(b))
        try site.build()
        #expect(status(a).st_ino != aBefore.st_ino, "a file shared with a folder outside the output is not reused")
        #expect(status(b).st_ino != bBefore.st_ino)
        #expect(status(b).st_mode & 0o777 == 0o644 & ~currentUmask())
    }

    /// The staging folder shares inodes with the live site until the swap: a
    /// second write to a linked path must replace the name, not the bytes.
    @Test func writingALinkedPathAgainLeavesTheLiveSiteByteIdentical() throws {
        let site = try TestSite(Self.courses)
        defer { site.remove() }
        try site.build()
        let page = "courses/a/index.html"
        let before = try Data(contentsOf: site.output.appendingPathComponent(page))
        let folder = OutputFolder(root: site.root, output: site.output)
        try folder.begin(paths: [page, "new.html"])
        try folder.write(before, to: page)  // the same bytes: linked
        try folder.write("changed", to: page)
        try folder.write("added", to: "new.html")
        folder.abandon()
        #expect(try Data(contentsOf: site.output.appendingPathComponent(page)) == before)
        #expect(status(site.output.appendingPathComponent(page)).st_nlink == 1)
        #expect(!fm.fileExists(atPath: site.output.appendingPathComponent("new.html").path))
        #expect(try fm.contentsOfDirectory(atPath: site.folder.path).sorted() == ["out", "site"])
    }

    @Test func aTreeIsRemovedWithoutFollowingItsLinks() throws {
        let site = try TestSite([:])
        defer { site.remove() }
        let tree = site.folder.appendingPathComponent("tree")
        let outside = site.folder.appendingPathComponent("outside")
        try fm.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: outside.appendingPathComponent("keep.txt"))
        for i in 0..<40 {
            let sub = tree.appendingPathComponent("d\(i % 7)/e\(i)")
            try fm.createDirectory(at: sub, withIntermediateDirectories: true)
            try Data("x".utf8).write(to: sub.appendingPathComponent("index.html"))
        }
        try fm.createSymbolicLink(at: tree.appendingPathComponent("d1/link"), withDestinationURL: outside)
        try fm.createDirectory(at: tree.appendingPathComponent("empty/deeper/still"), withIntermediateDirectories: true)
        try TreeRemoval.remove(tree.path)
        #expect(!fm.fileExists(atPath: tree.path))
        #expect(try String(contentsOf: outside.appendingPathComponent("keep.txt"), encoding: .utf8) == "keep")
        try TreeRemoval.remove(tree.path)  // missing: nothing to do
    }

    func currentUmask() -> mode_t {
        let mask = umask(0)
        umask(mask)
        return mask
    }
}
