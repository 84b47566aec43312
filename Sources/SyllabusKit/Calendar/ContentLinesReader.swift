/// Reads back content lines: splits on CRLF only (a TEXT value may hold
/// U+2028 or a bare CR, which Swift counts as line breaks) and unfolds
/// continuation lines.
enum ContentLinesReader {
    static func unfold(_ text: String) -> [String] {
        unfoldNumbered(text).map(\.line)
    }

    /// Logical lines with the number of the physical line each starts on.
    static func unfoldNumbered(_ text: String) -> [(number: Int, line: String)] {
        var lines: [(number: Int, line: String)] = []
        var number = 0
        // "\r\n" is one Character in Swift: split on it as the one separator.
        for physical in text.split(separator: "\r\n", omittingEmptySubsequences: false) {
            number += 1
            if let first = physical.first, first == " " || first == "\t", !lines.isEmpty {
                lines[lines.count - 1].line += physical.dropFirst()
            } else if !physical.isEmpty {
                lines.append((number, String(physical)))
            }
        }
        return lines
    }
}
