#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import SyllabusKit

/// Sources that cannot be listed or read fail the build with their path,
/// instead of publishing a smaller site; symbolic links are refused everywhere.
@Suite struct SourceFolderTests {
    static let course = ["content/courses/a.md": "---\ntitle: A\n---\n"]
    let fm = FileManager.default

    @Test func aMissingCoursesFolderIsAnError() throws {
        let site = try TestSite(["content/instructors/ada.md": "---\nname: Ada\n---\n"])
        defer { site.remove() }
        #expect(site.failures() == [
            "content/courses:1:1: error: the folder content/courses/ is missing; create it and add a course with `syllabus new course \"Title\"`",
        ])
        #expect(!fm.fileExists(atPath: site.output.path))
    }

    @Test(arguments: ["content/courses", "content/instructors", "content/media", "templates", "templates/assets"])
    func aSourceFolderThatIsAFileIsAnError(_ folder: String) throws {
        var files = folder == "content/courses" ? [:] : Self.course
        files[folder] = "not a folder"
        let site = try TestSite(files)
        defer { site.remove() }
        #expect(site.failures() == ["\(folder):1:1: error: \(folder) is not a folder; it must be a folder holding the site's files"])
        #expect(!fm.fileExists(atPath: site.output.path))
    }

    @Test(arguments: ["content/courses/b.md", "content/instructors/b.md", "content/media/b.png", "templates/page.mustache", "templates/assets/b.css"])
    func aFIFOAmongTheSourcesIsAnErrorNotAHang(_ path: String) throws {
        let site = try TestSite(Self.course)
        defer { site.remove() }
        try fm.createDirectory(at: site.root.appendingPathComponent(path).deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(mkfifo(site.root.appendingPathComponent(path).path, 0o644) == 0)
        #expect(site.failures() == ["\(path):1:1: error: cannot read the file: it is not a regular file (a device, FIFO or socket)"])
    }

    /// Each would publish or render a file from outside the site.
    @Test(arguments: ["content/courses/b.md", "content/instructors/b.md", "content/media/passwd.txt",
                      "templates/page.mustache", "templates/assets/passwd.txt"])
    func aLinkedSourceFileIsRefused(_ path: String) throws {
        let site = try TestSite(Self.course)
        defer { site.remove() }
        let outside = site.folder.appendingPathComponent("outside.txt")
        try Data("---\nname: Secret\n---\n".utf8).write(to: outside)
        let link = site.root.appendingPathComponent(path)
        try fm.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: link.path, withDestinationPath: outside.path)
        let folder = (path as NSString).deletingLastPathComponent
        #expect(site.failures() == ["\(path):1:1: error: sources must be real files and folders, not symbolic links; copy the file itself into \(folder)/"])
        #expect(!fm.fileExists(atPath: site.output.path))
    }

    @Test(arguments: ["content/courses", "content/instructors", "content/media", "templates", "templates/assets"])
    func aLinkedSourceFolderIsRefused(_ folder: String) throws {
        let site = try TestSite(folder == "content/courses" ? [:] : Self.course)
        defer { site.remove() }
        let elsewhere = site.folder.appendingPathComponent("elsewhere")
        try fm.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try Data("---\ntitle: A\n---\n".utf8).write(to: elsewhere.appendingPathComponent("a.md"))
        let link = site.root.appendingPathComponent(folder)
        try fm.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: link.path, withDestinationPath: elsewhere.path)
        #expect(site.failures() == ["\(folder):1:1: error: sources must be real files and folders, not symbolic links; make \(folder)/ a real folder"])
    }

    @Test func aLinkedSiteFileIsRefused() throws {
        let site = try TestSite(Self.course, siteYML: nil)
        defer { site.remove() }
        let outside = site.folder.appendingPathComponent("site.yml")
        try Data(TestSite.siteYML.utf8).write(to: outside)
        try fm.createSymbolicLink(atPath: site.root.appendingPathComponent("content/site.yml").path, withDestinationPath: outside.path)
        #expect(site.failures() == ["content/site.yml:1:1: error: sources must be real files and folders, not symbolic links; copy the file itself here instead of linking to it"])
    }

    /// Reads as "cannot read" the media file, not "cannot write the output".
    @Test func aMediaFileThatCannotBeReadNamesTheMediaFile() throws {
        let site = try TestSite(Self.course)
        defer { site.remove() }
        try site.write("<svg/>", to: "content/media/logo.svg")
        var log = DiagnosticLog()
        // Swapped for a folder between listing and copying: the read is what fails.
        let media = ContentLoader.mediaFiles(root: site.root, log: &log)
        #expect(media == ["logo.svg"])
        try fm.removeItem(at: site.root.appendingPathComponent("content/media/logo.svg"))
        try fm.createDirectory(at: site.root.appendingPathComponent("content/media/logo.svg"), withIntermediateDirectories: true)
        #expect(SourceFile.bytes("content/media/logo.svg", under: site.root, log: &log) == nil)
        #expect(log.sorted.map(\.description) == [
            "content/media/logo.svg:1:1: error: cannot read the file: it is not a regular file (a folder, device, FIFO or socket)",
        ])
    }

    /// chmod has no effect on root, who reads everything: these run only as another user.
    @Test(.enabled(if: geteuid() != 0, "root reads files and folders whatever their mode"),
          arguments: ["content/courses", "templates", "content/media/logo.svg", "templates/404.mustache"])
    func anUnreadableSourceIsAnError(_ path: String) throws {
        var files = Self.course
        files["content/media/logo.svg"] = "<svg/>"
        files["templates/404.mustache"] = "Not here"
        let site = try TestSite(files)
        defer {
            chmod(site.root.appendingPathComponent(path).path, 0o755)
            site.remove()
        }
        #expect(chmod(site.root.appendingPathComponent(path).path, 0) == 0)
        let failures = site.failures()
        #expect(failures.count == 1)
        #expect(failures.first?.hasPrefix("\(path):1:1: error: cannot ") == true, "\(failures)")
        #expect(failures.first?.contains("Permission denied") == true, "\(failures)")
        #expect(!fm.fileExists(atPath: site.output.path))
    }
}

struct SourceFileStemTests {
    @Test(arguments: [
        ("content/courses/beam-vm.md", "beam-vm"), ("beam-vm.md", "beam-vm"), ("a/b/notes.txt", "notes.txt"),
        ("content/courses/Muszyński.md", "Muszyński"), ("x/.md", ""), ("x/md", "md"), ("x/a.md.md", "a.md"),
        ("x/y/", "y"), ("", ""), ("/", "/"), ("e\u{301}.md", "e\u{301}"),
    ])
    func theStemIsTheLastNameWithoutItsMd(_ path: String, _ stem: String) {
        #expect(SourceFile.stem(path) == stem)
    }
}
