import Foundation
import Testing
@testable import SyllabusKit

/// Randomly mutated course files, seeded so a failure can be replayed:
/// loading and building must never crash, and every failure must be a
/// diagnostic that points into the mutated file.
@Suite struct RobustnessTests {
    /// SplitMix64: tiny, fast and the same on every platform.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let original = """
    ---
    title: "OTP for the seasoned Erlanger"
    summary: Learn the OTP behaviours.
    kind: course
    instructors: [Robert Virding, "Zoë Muszyński"]
    runs:
      - {start: 2020-05-25, end: 2020-05-27, time: "09:00-17:00", location: Stockholm}
      - {start: 2021-03-27, end: 2021-03-29, timezone: Europe/Stockholm, instructors: [Robert Virding]}
    tags: [Erlang, OTP]
    ---

    ## Overview

    See [the certification](other.md) and ![a map](../media/map.png).

    - one *two* `three`
    """

    /// Fragments that are meaningful to YAML, Markdown or our own parsers.
    static let fragments = ["---", "\n", ":", "- ", "[", "]", "{", "}", "\"", "'", "#", "&a", "*a", "!!binary", "|",
                            ">", "\t", "2021-02-30", "25:61-09:00", "all-day", "–", "é", "🎓", "\u{0}", "\r\n",
                            "../../escape", "start:", "runs:", "title:", "[x](missing.md)", "<script>", "\\"]

    static func mutate(_ text: String, with generator: inout Seeded) -> Data {
        var bytes = Array(text.utf8)
        for _ in 0..<Int.random(in: 1...6, using: &generator) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &generator)
            switch Int.random(in: 0..<5, using: &generator) {
            case 0 where !bytes.isEmpty: // delete a run of bytes
                let end = min(bytes.count, position + Int.random(in: 1...12, using: &generator))
                if position < end { bytes.removeSubrange(position..<end) }
            case 1: // insert a meaningful fragment
                bytes.insert(contentsOf: Array(fragments.randomElement(using: &generator)!.utf8), at: position)
            case 2 where !bytes.isEmpty: // flip a byte, possibly breaking UTF-8
                bytes[min(position, bytes.count - 1)] = UInt8.random(in: 0...255, using: &generator)
            case 3: // duplicate a line
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                let line = lines.randomElement(using: &generator) ?? ""
                bytes.insert(contentsOf: Array((line + "\n").utf8), at: position)
            default: // truncate
                bytes = Array(bytes.prefix(position))
            }
        }
        return Data(bytes)
    }

    @Test func mutatedCourseFilesNeverCrashTheLoader() {
        var generator = Seeded(state: 20_200_525)
        var failures = 0
        for round in 0..<2_000 {
            let data = Self.mutate(Self.original, with: &generator)
            let diagnostics = ContentLint.courseFile(data)
            for diagnostic in diagnostics {
                #expect(diagnostic.location.path == "content/courses/lint.md", "round \(round): \(diagnostic)")
                #expect(diagnostic.location.line >= 0 && !diagnostic.message.isEmpty, "round \(round): \(diagnostic)")
            }
            if diagnostics.contains(where: { $0.severity == .error }) { failures += 1 }
        }
        // The mutations must actually break files, or this test proves nothing.
        #expect(failures > 200)
        #expect(failures < 2_000)
    }

    @Test func mutatedSitesEitherBuildOrReportDiagnostics() throws {
        var generator = Seeded(state: 1_590_000_000)
        var built = 0, refused = 0
        for round in 0..<40 {
            let site = try TestSite([
                "content/courses/other.md": "---\ntitle: Other\n---\n",
                "content/instructors/robert.md": "---\nname: Robert Virding\n---\nBio.\n",
            ])
            defer { site.remove() }
            try site.write(Self.mutate(Self.original, with: &generator), to: "content/courses/otp.md")
            do {
                try site.build()
                built += 1
                #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("index.html").path), "round \(round)")
            } catch let failure as BuildFailed {
                refused += 1
                #expect(!failure.diagnostics.isEmpty, "round \(round)")
                for diagnostic in failure.diagnostics where diagnostic.severity == .error {
                    #expect(diagnostic.location.path.hasPrefix("content/"), "round \(round): \(diagnostic)")
                }
                #expect(!FileManager.default.fileExists(atPath: site.output.path), "round \(round): a failed first build wrote output")
            }
        }
        #expect(built > 0 && refused > 0, "built \(built), refused \(refused)")
    }
}
