import Testing
@testable import SyllabusKit

@Suite struct ContentLinesReaderTests {
    @Test func unfoldsContinuationsAndNumbersLines() {
        let text = "BEGIN:VEVENT\r\nDESCRIPTION:ab\r\n c\r\n\td\r\n\r\nSUMMARY:x\r\nEND:VEVENT\r\n"
        let lines = ContentLinesReader.unfoldNumbered(text)
        #expect(lines.map(\.line) == ["BEGIN:VEVENT", "DESCRIPTION:abcd", "SUMMARY:x", "END:VEVENT"])
        #expect(lines.map(\.number) == [1, 2, 6, 7])
    }

    @Test func splitsOnlyAtCRLF() {
        // A bare CR, a bare LF and U+2028 are inside a value, not line ends.
        let text = "A:one\rtwo\nthree\u{2028}four\r\nB:é\r\n ü"
        #expect(ContentLinesReader.unfold(text) == ["A:one\rtwo\nthree\u{2028}four", "B:éü"])
    }

    @Test func aFoldInsideAMultiByteCharacterIsJoinedBack() {
        let bytes = Array("X:é".utf8)
        let text = String(decoding: bytes.dropLast() + Array("\r\n ".utf8) + [bytes.last!], as: UTF8.self)
        // The halves are not valid UTF-8 alone; joined as bytes they are "é" again.
        #expect(ContentLinesReader.unfold(text).count == 1)
    }

    @Test func aContinuationWithNothingBeforeItIsALineOfItsOwn() {
        #expect(ContentLinesReader.unfold(" lead\r\nA:b") == [" lead", "A:b"])
        #expect(ContentLinesReader.unfold("") == [])
    }

    @Test func aContinuationStartingWithACombiningMarkIsUnfolded() {
        // RFC 5545: a line that starts with a space continues the one before,
        // whatever follows the space. The Character-based reading saw " \u{301}"
        // as one Character, not a space, and kept it as a line of its own.
        #expect(ContentLinesReader.unfold("A:e\r\n \u{301}x") == ["A:e\u{301}x"])
    }

    /// The Character-based reading this replaced, on random text made of the
    /// characters that matter (combining marks aside, above): both must read
    /// the same lines.
    @Test func readsAsTheCharacterSplitDid() {
        func reference(_ text: String) -> [(Int, String)] {
            var lines: [(Int, String)] = []
            var number = 0
            for physical in text.split(separator: "\r\n", omittingEmptySubsequences: false) {
                number += 1
                if let first = physical.first, first == " " || first == "\t", !lines.isEmpty {
                    lines[lines.count - 1].1 += physical.dropFirst()
                } else if !physical.isEmpty {
                    lines.append((number, String(physical)))
                }
            }
            return lines
        }
        var random = RobustnessTests.Seeded(state: 42)
        let pieces = ["\r\n", "\r", "\n", " ", "\t", "A", "é", "\u{2028}", "🎓", ":", "\r\n "]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...30, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let ours = ContentLinesReader.unfoldNumbered(text)
            let theirs = reference(text)
            #expect(ours.map(\.number) == theirs.map(\.0) && ours.map(\.line) == theirs.map(\.1), "\(text.debugDescription)")
        }
    }
}
