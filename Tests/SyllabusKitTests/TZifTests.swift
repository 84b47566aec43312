import Foundation
import Testing
@testable import SyllabusKit

@Suite struct TZifTests {
    private func file(_ zone: String) throws -> TZif {
        let data = try #require(FileManager.default.contents(atPath: "/usr/share/zoneinfo/\(zone)"))
        return try #require(TZif([UInt8](data)))
    }

    private func instant(_ y: Int, _ m: Int, _ d: Int, _ seconds: Int = 0) -> Int {
        CalendarDate(year: y, month: m, day: d)!.dayNumber * 86_400 + seconds
    }

    @Test func footerRulesGiveEuropeanSummerTime() throws {
        let rule = try #require(PosixTZ("CET-1CEST,M3.5.0,M10.5.0/3"))
        #expect(rule.standard == .init(offset: 3600, isDaylight: false, abbreviation: "CET"))
        // 2050-03-27 is the last Sunday of March; the change is at 01:00 UTC.
        #expect(rule.type(at: instant(2050, 3, 27, 3600 - 1)).abbreviation == "CET")
        #expect(rule.type(at: instant(2050, 3, 27, 3600)).abbreviation == "CEST")
        #expect(rule.type(at: instant(2050, 10, 30, 3600 - 1)).offset == 7200)
        #expect(rule.type(at: instant(2050, 10, 30, 3600)).offset == 3600)
    }

    @Test func footerRulesCoverNegativeDaylightTimeAndQuotedNames() throws {
        // Europe/Dublin: IST in summer is standard time, GMT in winter "daylight".
        let dublin = try #require(PosixTZ("IST-1GMT0,M10.5.0,M3.5.0/1"))
        #expect(dublin.type(at: instant(2050, 7, 1)).offset == 3600)
        #expect(dublin.type(at: instant(2050, 1, 1)).offset == 0)
        let kathmandu = try #require(PosixTZ("<+0545>-5:45"))
        #expect(kathmandu.standard == .init(offset: 20_700, isDaylight: false, abbreviation: "+0545"))
        #expect(kathmandu.daylight == nil)
        #expect(PosixTZ("<-03>3<-02>,M3.2.0/-2,M11.1.0/-1") != nil)
        #expect(PosixTZ("CET-1CEST,M13.5.0,M10.5.0") == nil)
        #expect(PosixTZ("") == nil)
    }

    @Test(arguments: ["Europe/Stockholm", "America/New_York", "Australia/Lord_Howe", "Pacific/Chatham", "Asia/Tehran",
                      "Africa/Casablanca", "Europe/Dublin", "America/Sao_Paulo", "Asia/Kathmandu"])
    func agreesWithFoundationFrom2000To2037(_ zone: String) throws {
        let tzif = try file(zone)
        let foundation = try #require(TimeZone(identifier: zone))
        var disagreements: [String] = []
        var at = instant(2000, 1, 1)
        while at < instant(2037, 12, 31), disagreements.count < 3 {
            let ours = tzif.type(at: at).offset
            let theirs = foundation.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(at)))
            if ours != theirs { disagreements.append("\(at): \(ours) != \(theirs)") }
            at += 6 * 3600
        }
        #expect(disagreements.isEmpty, "\(zone): \(disagreements)")
    }

    @Test func changesAfterTheLastTransitionComeFromTheFooter() throws {
        let changes = try file("Europe/Stockholm").changes(from: instant(2100, 1, 1), to: instant(2101, 1, 1))
        #expect(changes.map(\.epochSeconds) == [instant(2100, 3, 28, 3600), instant(2100, 10, 31, 3600)])
        #expect(changes.map(\.after.abbreviation) == ["CEST", "CET"])
    }

    @Test func malformedFilesAreRefused() {
        #expect(TZif(Array("TZif2".utf8)) == nil)
        #expect(TZif([]) == nil)
    }

    @Test func theVersionComesFromTheSystemDatabase() {
        #expect(TZDatabase.system.version.hasSuffix("(/usr/share/zoneinfo)"))
        #expect(TZDatabase(directory: "/nonexistent").version == "built into Foundation (no /nonexistent)")
    }
}
