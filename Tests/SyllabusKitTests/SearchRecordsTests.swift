import Foundation
import Testing
@testable import SyllabusKit

/// A preview's search index reuses the record of an entry that is the same
/// object at the same table positions, and writes the others again.
/// (`IncrementalRebuildTests` checks, over 220 random edits, that the index
/// served always equals a full build's.)
@Suite struct SearchRecordsTests {
    @Test func anUnchangedEntrysRecordIsReusedAndAChangedOneWrittenAgain() throws {
        let site = try TestSite(CatalogIndexTests.files)
        defer { site.remove() }
        let cache = BuildCache(keeps: true)
        func index() throws -> CatalogIndex { CatalogIndex(try site.catalog(cache: cache, today: CalendarDate(year: 2020, month: 5, day: 26)!)) }
        let records = try #require(cache.searchRecords)
        let hours: (Run) -> String = { $0.hours.description }
        let first = try index()
        let whole = SearchIndex.json(first, hoursLabel: hours)
        #expect(SearchIndex.json(first, hoursLabel: hours, records: records) == whole)
        #expect(records.all.count == first.catalog.courses.count)

        // A record marked by hand shows whether the next index took it or wrote the entry again.
        let beam = try #require(first.catalog.courses.first { $0.slug.value == "beam" })
        let otp = try #require(first.catalog.courses.first { $0.slug.value == "otp" })
        var marked = records.all
        for course in [beam, otp] {
            let record = try #require(marked[ObjectIdentifier(course)])
            marked[ObjectIdentifier(course)] = .init(course: course, keys: record.keys, positions: record.positions,
                                                     bytes: Array(#"{"u":"kept \#(course.slug.value)"}"#.utf8))
        }
        records.put(marked)
        try site.write("---\ntitle: OTP again\ninstructors: [Mikael Muszyński, Robert Virding]\nstart: 2020-05-25\nend: 2020-05-27\ntags: [Erlang, OTP]\n---\n",
                       to: "content/courses/otp.md")
        let second = try index()
        let reused = SearchIndex.json(second, hoursLabel: hours, records: records)
        #expect(reused.contains(#"{"u":"kept beam"}"#), "beam's file did not change: its record is reused")
        #expect(!reused.contains("kept otp") && reused.contains("OTP again"), "otp's file changed: written again")
        #expect(records.all.count == second.catalog.courses.count)

        // New settings (another zone spells the hours otherwise) let go of every record.
        cache.useSettings(1)
        cache.useSettings(2)
        #expect(records.all.isEmpty)
    }
}
