import Testing
@testable import SyllabusKit

@Suite struct ContentLinesTests {
    /// Physical lines as bytes, split at CRLF; fails on a bare CR or LF.
    private func physicalLines(_ text: String) -> [[UInt8]] {
        let bytes = Array(text.utf8)
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                lines.append(current)
                current = []
                index += 2
                continue
            }
            #expect(bytes[index] != 0x0D && bytes[index] != 0x0A, "bare CR or LF at byte \(index)")
            current.append(bytes[index])
            index += 1
        }
        #expect(current.isEmpty, "the text must end with CRLF")
        return lines
    }

    private func unfold(_ lines: [[UInt8]]) -> String {
        var logical: [UInt8] = []
        for (number, line) in lines.enumerated() {
            logical += number == 0 ? line : Array(line.dropFirst())
        }
        return String(decoding: logical, as: UTF8.self)
    }

    @Test func shortLinesEndWithCRLF() {
        var lines = ContentLines()
        lines.append("BEGIN", "VCALENDAR")
        lines.append("VERSION", "2.0")
        #expect(lines.text == "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    }

    @Test func aLineOfExactly75OctetsIsNotFolded() {
        var lines = ContentLines()
        let value = String(repeating: "x", count: 75 - "SUMMARY:".count)
        lines.append("SUMMARY", value)
        #expect(lines.text == "SUMMARY:\(value)\r\n")
        var longer = ContentLines()
        longer.append("SUMMARY", value + "y")
        #expect(longer.text == "SUMMARY:\(value)\r\n y\r\n")
    }

    @Test(arguments: [
        String(repeating: "é", count: 120),
        String(repeating: "🎓", count: 60),
        "Résumé of the course — " + String(repeating: "Zoë 🎓 Muszyński, ", count: 12),
        String(repeating: "a", count: 74) + "é" + String(repeating: "b", count: 73) + "🎓🎓",
    ])
    func foldsAt75OctetsWithoutSplittingACharacter(_ value: String) {
        var lines = ContentLines()
        lines.appendText("DESCRIPTION", value)
        let physical = physicalLines(lines.text)
        #expect(physical.count > 1)
        for (number, line) in physical.enumerated() {
            #expect(line.count <= 75, "line \(number + 1) has \(line.count) octets")
            // Each physical line must be valid UTF-8 on its own.
            #expect(String(validating: line, as: UTF8.self) != nil, "line \(number + 1) splits a character")
            if number > 0 { #expect(line.first == UInt8(ascii: " ")) }
        }
        #expect(unfold(physical) == "DESCRIPTION:" + ContentLines.escape(value))
    }

    @Test func foldsUsingAsMuchOfEachLineAsFits() {
        var lines = ContentLines()
        lines.appendText("X", String(repeating: "é", count: 60))  // "X:" + 120 octets
        let physical = physicalLines(lines.text)
        // 2 + 36×2 = 74 octets (one more é would make 76), then " " + 24×2 = 49.
        #expect(physical.map(\.count) == [74, 49])
    }

    @Test func escapesTextValues() {
        #expect(ContentLines.escape(#"a,b;c\d"#) == #"a\,b\;c\\d"#)
        #expect(ContentLines.escape("one\ntwo\r\nthree\rfour") == #"one\ntwo\nthree\nfour"#)
        #expect(ContentLines.escape("tab\tkept, bell\u{07} dropped") == "tab\tkept\\, bell dropped")
        #expect(ContentLines.escape("Zoë: 🎓") == "Zoë: 🎓")
    }

    @Test func appendTextEscapesButAppendDoesNot() {
        var lines = ContentLines()
        lines.appendText("LOCATION", "Stockholm, Sweden")
        lines.append("CATEGORIES", "Erlang,OTP")
        #expect(lines.text == "LOCATION:Stockholm\\, Sweden\r\nCATEGORIES:Erlang,OTP\r\n")
    }

    @Test func readerUnfoldsWhatTheWriterFolded() {
        var lines = ContentLines()
        let long = String(repeating: "Zoë 🎓 ", count: 30)
        lines.appendText("DESCRIPTION", long)
        lines.append("UID", "x-1@example.org")
        #expect(ContentLinesReader.unfold(lines.text) == ["DESCRIPTION:" + ContentLines.escape(long), "UID:x-1@example.org"])
    }
}
