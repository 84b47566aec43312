import Testing
@testable import SyllabusKit

@Suite struct FrontMatterTests {
    private func split(_ text: String) -> (FrontMatter?, [String]) {
        var log = DiagnosticLog()
        let parts = FrontMatter.split(SourceFile(path: "content/courses/x.md", text: text), log: &log)
        return (parts, log.sorted.map(\.description))
    }

    @Test func cutsAtTheTwoFenceLines() throws {
        let (parts, errors) = split("---\ntitle: OTP\nkind: course\n---\n\n## Body\n")
        let matter = try #require(parts)
        #expect(errors.isEmpty)
        #expect(matter.yaml == "title: OTP\nkind: course")
        #expect(matter.yamlFirstLine == 2)
        #expect(matter.body == "\n## Body\n")
        #expect(matter.bodyFirstLine == 5)
    }

    @Test func dashesInsideAValueAreNotAFence() throws {
        let (parts, _) = split("---\ntitle: Intro---Advanced\nsummary: a --- b\n---\nBody\n")
        let matter = try #require(parts)
        #expect(matter.yaml == "title: Intro---Advanced\nsummary: a --- b")
        #expect(matter.body == "Body\n")
    }

    @Test func onlyLinesOfExactlyThreeDashesAreFences() throws {
        let (parts, _) = split("---\ntitle: x\n----\n ---\nmore: y\n---   \nBody\n---\nafter a thematic break\n")
        let matter = try #require(parts)
        #expect(matter.yaml == "title: x\n----\n ---\nmore: y")
        #expect(matter.body == "Body\n---\nafter a thematic break\n")
        #expect(matter.bodyFirstLine == 7)
    }

    @Test func windowsLineEndingsAreAccepted() throws {
        let (parts, errors) = split("---\r\ntitle: OTP\r\n---\r\nBody\r\n")
        #expect(errors.isEmpty)
        let matter = try #require(parts)
        #expect(matter.yaml == "title: OTP")
        #expect(matter.body.hasPrefix("Body"))
        #expect(matter.bodyFirstLine == 4)
    }

    @Test func emptyFrontMatterIsAllowed() throws {
        let (parts, _) = split("---\n---\nBody")
        let matter = try #require(parts)
        #expect(matter.yaml == "")
        #expect(matter.bodyFirstLine == 3)
    }

    @Test func unclosedFrontMatterIsAnError() {
        let (parts, errors) = split("---\ntitle: OTP\n\nBody text\n")
        #expect(parts == nil)
        #expect(errors == ["content/courses/x.md:1:1: error: front matter opened on line 1 is never closed; add a line '---' after the last field"])
    }

    @Test(arguments: ["", "\n", "  \n\n"])
    func emptyFileIsAnError(_ text: String) {
        let (parts, errors) = split(text)
        #expect(parts == nil)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("content/courses/x.md:1:1: error: the file is empty") == true)
    }

    @Test func fileWithoutFrontMatterIsAnError() {
        let (parts, errors) = split("title: OTP\n---\nBody\n")
        #expect(parts == nil)
        #expect(errors.first?.hasPrefix("content/courses/x.md:1:1: error: expected front matter") == true)
    }
}
