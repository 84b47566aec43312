import Foundation
import Testing

/// The command line's own values get the same care as the sources'.
extension SyllabusCommandTests {
    @Test func aBaseURLOptionThatCannotBeALinkIsRefused() throws {
        let folder = try Folder(Self.site)
        let result = try run(["build", "--root", folder.path("."), "--base-url", #"https://example.org/"><x/"#], in: folder)
        #expect(result.status != 0)
        #expect(result.stderr.contains(#"syllabus: error: --base-url "https://example.org/\"><x/" contains "\"""#))
        #expect(!folder.exists("public/calendar.ics"))
    }
}

extension SyllabusCommandTests {
    @Test func aNewCourseWithAVeryLongTitleGetsAFileNameThatFits() throws {
        let folder = try Folder()
        let result = try run(["new", "course", String(repeating: "a", count: 300), "--root", folder.path(".")], in: folder)
        #expect(result.status == 0)
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        let path = result.stdout.trimmingCharacters(in: .newlines)
        #expect(path.hasPrefix("content/courses/aaaa") && path.hasSuffix(".md"))
        #expect(path.split(separator: "/").last!.utf8.count <= 100)
        #expect(folder.exists(path))
    }

    @Test func aNewFileThatCannotBeCreatedSaysWhyInOneLine() throws {
        let folder = try Folder(["content": "a file where the folder should be"])
        let result = try run(["new", "course", "Hello", "--root", folder.path(".")], in: folder)
        #expect(result.status != 0)
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        #expect(result.stderr.hasPrefix("content/courses/hello.md:1:1: error: cannot create content/courses/hello.md: "))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}
