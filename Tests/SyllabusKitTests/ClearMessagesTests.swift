import Foundation
import Testing
@testable import SyllabusKit

/// Messages a reader can trust: values from the sources are escaped and cut,
/// and each mistake is reported once, where it was made.
@Suite struct ClearMessagesTests {
    static let course = "---\ntitle: A course\n---\nBody.\n"

    @Test func terminalEscapesInAValueAreShownEscaped() throws {
        let site = try TestSite(["content/courses/x.md": "---\ntitle: X\nstart: \"\\e]0;PWNED\\a\"\n---\n"])
        defer { site.remove() }
        let failures = site.failures()
        #expect(failures == [#"content/courses/x.md:3:8: error: 'start': "\u{1B}]0;PWNED\u{7}" is not a date; write it as YYYY-MM-DD, e.g. 2020-05-25"#])
    }

    @Test func bidiOverridesAndLongValuesAreEscapedAndCut() {
        #expect(QuotedValue.quoted("abc\u{202E}def") == #""abc\u{202E}def""#)
        #expect(QuotedValue.quoted(String(repeating: "a", count: 300)) == "\"" + String(repeating: "a", count: 79) + "…\"")
        #expect(QuotedValue.quoted("Zoë 🎓 \"x\"") == #""Zoë 🎓 \"x\"""#)
    }

    @Test func aWholeFileAsOneValueIsCut() throws {
        let passwd = (0..<40).map { "user\($0):x:\($0):\($0)::/home/user\($0):/bin/sh" }.joined(separator: "\n")
        let site = try TestSite(["content/courses/.keep": ""], siteYML: passwd)
        defer { site.remove() }
        let failures = site.failures()
        #expect(failures.count == 1)
        #expect(failures.allSatisfy { $0.count < 250 && !$0.contains("\n") })
    }

    @Test func controlCharactersAnywhereInAMessageNeverReachTheTerminal() {
        let diagnostic = Diagnostic.error(SourceLocation(path: "content/courses/a\u{1B}[2J.md"), "problem \u{7} here")
        #expect(diagnostic.description == #"content/courses/a\u{1B}[2J.md:1:1: error: problem \u{7} here"#)
    }

    @Test func carriageReturnOnlyLineEndsAreNamed() throws {
        let site = try TestSite(["content/courses/mac.md": "---\rtitle: Old Mac\r---\rBody.\r"])
        defer { site.remove() }
        #expect(site.failures() == [
            "content/courses/mac.md:1:4: error: lines end in a bare carriage return (CR, as on classic Mac OS); save the file with LF or CRLF line ends",
        ])
    }

    @Test func crlfLineEndsStillLoad() throws {
        let site = try TestSite(["content/courses/windows.md": "---\r\ntitle: Windows\r\n---\r\nBody.\r\n"])
        defer { site.remove() }
        #expect(site.failures() == [])
    }

    @Test func aCourseThatFailedToLoadIsStillKnownToLinks() throws {
        let site = try TestSite([
            "content/courses/broken.md": "---\ntitle: [unclosed\n---\n",
            "content/courses/a.md": "---\ntitle: A\n---\nSee [broken](broken.md).\n",
            "content/courses/b.md": "---\ntitle: B\n---\nSee [broken](broken.md) and [none](none.md).\n",
        ])
        defer { site.remove() }
        let failures = site.failures()
        #expect(failures.filter { $0.contains("broken.md points at") } == [])
        #expect(failures.filter { $0.hasPrefix("content/courses/broken.md:") }.count == 1)
        #expect(failures.contains { $0.hasPrefix("content/courses/b.md:4:") && $0.contains("there is no content/courses/none.md") })
    }

    @Test func namesWithNoLatinLettersGetPages() throws {
        let site = try TestSite(["content/courses/kungfu.md": "---\ntitle: Kung fu\ninstructors: [李小龍]\ntags: [功夫, Go]\n---\n"])
        defer { site.remove() }
        #expect(site.failures() == [])
        #expect(try site.read("instructors/li-xiao-long/index.html").contains("李小龍"))
        #expect(try site.read("tags/gong-fu/index.html").contains("功夫"))
    }

    @Test func aTagWithNoLettersIsNotDroppedSilently() throws {
        let site = try TestSite(["content/courses/x.md": "---\ntitle: X\ntags: [\"🎓\", Go]\n---\n"])
        defer { site.remove() }
        let summary = try site.build()
        #expect(summary.warnings.map(\.description) == [
            #"content/courses/x.md:3:7: warning: tag "🎓" has no letters or digits to make a page address from; it gets no topic page"#,
        ])
    }

    @Test func veryLongNamesMakePagesThatFitAFileName() throws {
        let name = String(repeating: "Anna ", count: 60).trimmingCharacters(in: .whitespaces)
        let site = try TestSite(["content/courses/x.md": "---\ntitle: X\ninstructors: [\"\(name)\"]\ntags: [\"\(name)\"]\n---\n"])
        defer { site.remove() }
        #expect(site.failures() == [])
        let slug = try #require(Slug(folding: name))
        #expect(try site.read("instructors/\(slug.value)/index.html").contains(name))
        #expect(try site.read("tags/\(slug.value)/index.html").contains(name))
    }

    @Test func aSlugFieldLongerThanTheLimitNamesTheField() throws {
        let slug = String(repeating: "ab-", count: 100) + "c"
        let site = try TestSite(["content/courses/x.md": "---\ntitle: X\nslug: \(slug)\n---\n"])
        defer { site.remove() }
        #expect(site.failures() == ["content/courses/x.md:3:7: error: 'slug' is 301 characters long; keep it to 96"])
    }

    /// Creates `folder/<name bytes>` holding `text`; the name need not be UTF-8.
    static func createFile(named name: [UInt8], in folder: URL, text: String) throws {
        let path = Array(folder.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        let descriptor = path.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY | O_TRUNC, 0o644) }
        }
        try #require(descriptor >= 0)
        _ = Array(text.utf8).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
    }

    @Test func aFileNameThatIsNotUTF8IsNamedWithItsBytes() throws {
        let site = try TestSite(["content/courses/ok.md": Self.course, "content/media/ok.txt": "x"])
        defer { site.remove() }
        try Self.createFile(named: Array("caf".utf8) + [0xE9] + Array(".md".utf8),
                            in: site.root.appendingPathComponent("content/courses"), text: Self.course)
        try Self.createFile(named: Array("ph".utf8) + [0xF6, 0xFF] + Array(".jpg".utf8),
                            in: site.root.appendingPathComponent("content/media"), text: "x")
        #expect(site.failures() == [
            #"content/courses/caf\xE9.md:1:1: error: the file name is not valid UTF-8 (the bytes shown as \xHH); rename the file with a UTF-8 name"#,
            #"content/media/ph\xF6\xFF.jpg:1:1: error: the file name is not valid UTF-8 (the bytes shown as \xHH); rename the file with a UTF-8 name"#,
        ])
    }

    @Test func escapingKeepsValidUTF8AndShowsEveryBadByte() {
        #expect(UndecodableFileName.escaped(Array("Zoë".utf8)) == "Zoë")
        #expect(UndecodableFileName.escaped([0x61, 0xC3, 0x62, 0xF0, 0x9F, 0x8E]) == #"a\xC3b\xF0\x9F\x8E"#)
    }

    @Test func spellingsThatFoldToOneSlugAreNamedWhenTheyMerge() throws {
        let site = try TestSite([
            "content/courses/a.md": "---\ntitle: A\ninstructors: [Anna Berg]\ntags: [Go]\n---\n",
            "content/courses/b.md": "---\ntitle: B\ninstructors: [Anna-Berg, Änna Berg, Anna Berg]\ntags: [GO, go!, Go]\n---\n",
        ])
        defer { site.remove() }
        let warnings = try site.build().warnings.map(\.description)
        let tail = "; write the name one way if they are the same, or tell them apart"
        #expect(warnings == [
            #"content/courses/b.md:1:1: warning: 'instructors': "Anna-Berg" and "Anna Berg" (in content/courses/a.md) make one instructor page 'anna-berg'"# + tail,
            #"content/courses/b.md:1:1: warning: 'instructors': "Änna Berg" and "Anna Berg" (in content/courses/a.md) make one instructor page 'anna-berg'"# + tail,
            #"content/courses/b.md:1:1: warning: 'tags': "GO" and "Go" (in content/courses/a.md) make one topic page 'go'"# + tail,
            #"content/courses/b.md:1:1: warning: 'tags': "go!" and "Go" (in content/courses/a.md) make one topic page 'go'"# + tail,
        ])
    }

    @Test func aPhotoMissingFromMediaIsAnErrorAtTheField() throws {
        let site = try TestSite(["content/courses/.keep": "", "content/instructors/anna-berg.md": "---\nname: Anna Berg\nphoto: media/anna.jpg\n---\n"])
        defer { site.remove() }
        #expect(site.failures() == [
            #"content/instructors/anna-berg.md:3:8: error: 'photo': "media/anna.jpg" is not in content/media/; add the file there or correct the path"#,
        ])
        try site.write("jpeg", to: "content/media/anna.jpg")
        #expect(site.failures() == [])
    }

    @Test func aProfileNamedUnlikeItsSlugIsAWarning() throws {
        let site = try TestSite(["content/courses/.keep": "", "content/instructors/anna.md": "---\nname: Anna Berg\n---\n"])
        defer { site.remove() }
        #expect(try site.build().warnings.map(\.description) == [
            #"content/instructors/anna.md:2:7: warning: 'name': "Anna Berg" makes the page 'anna-berg', but the file is named "anna.md"; rename it to anna-berg.md"#,
        ])
    }
}
