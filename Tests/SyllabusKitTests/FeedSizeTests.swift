import Foundation
import Testing
@testable import SyllabusKit

@Suite struct FeedSizeTests {
    /// 60 courses of 50 days each: about 1.26 MB of catalog feed, each topic and course feed far smaller.
    @Test func aFeedOverOneMegabyteIsWarnedAboutNamingSmallerFeeds() throws {
        var files: [String: String] = [:]
        for index in 1...60 {
            files["content/courses/c\(index).md"] = "---\ntitle: Course \(index)\ntags: [Topic \(index % 4)]\nstart: 2020-06-01\nend: 2020-07-20\n---\n"
        }
        let site = try TestSite(files)
        defer { site.remove() }
        let summary = try site.build()
        let size = try site.read("calendar.ics").utf8.count
        #expect(size > 1_000_000)
        let warnings = summary.warnings.map(\.description)
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning.contains("out/calendar.ics:1:1: warning: the feed calendar.ics is \(String(format: "%.2f", Double(size) / 1_000_000)) MB, more than the 1 MB"))
        #expect(warning.contains("offer the smaller feeds instead: tags/<slug>/calendar.ics (4 feeds, the largest tags/topic-"))
        #expect(warning.contains("courses/<slug>/calendar.ics (60 feeds"))
    }
}
