import Testing
@testable import SyllabusKit

@Suite struct PlaceholderTests {
    private func warnings(_ body: String) -> [String] {
        var log = DiagnosticLog()
        Placeholders.checkBody(body, file: "content/courses/x.md", firstLine: 5, samples: Placeholders.courseBody, log: &log)
        return log.sorted.map(\.description)
    }

    @Test func findsSampleLinesWithTheirLineNumbers() {
        let body = "## Overview\n\n  \(Placeholders.overview)  \n\n- \(Placeholders.outcomes[0])\n* \(Placeholders.outcomes[1])\n"
        #expect(warnings(body) == [
            "content/courses/x.md:7:1: warning: \"\(Placeholders.overview)\" is the sample text 'syllabus new' wrote; replace it with your own before publishing",
            "content/courses/x.md:9:1: warning: \"\(Placeholders.outcomes[0])\" is the sample text 'syllabus new' wrote; replace it with your own before publishing",
            "content/courses/x.md:10:1: warning: \"\(Placeholders.outcomes[1])\" is the sample text 'syllabus new' wrote; replace it with your own before publishing",
        ])
    }

    @Test func findsThemInACRLFFile() {
        // "\r\n" is one Character: a Character split saw the whole body as one line.
        let body = "## Overview\r\n\r\n\(Placeholders.overview)\r\n"
        #expect(warnings(body).map { $0.prefix(24) } == ["content/courses/x.md:7:1"])
    }

    @Test func ownTextAroundSampleWordsIsNotSampleText() {
        #expect(warnings("\(Placeholders.overview) And more.\n- First outcomes\n").isEmpty)
        #expect(warnings("").isEmpty)
    }

    @Test func unicodeSpacesAroundASampleLineStillCount() {
        #expect(warnings("\u{3000}\(Placeholders.prerequisites)\u{00A0}\n").count == 1)
    }
}
