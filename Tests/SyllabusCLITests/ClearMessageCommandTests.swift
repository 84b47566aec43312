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
