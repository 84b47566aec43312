/// A content file cut into its YAML front matter and Markdown body.
struct FrontMatter: Sendable {
    let yaml: String
    /// Line of the first YAML line in the file (the line after the opening `---`).
    let yamlFirstLine: Int
    let body: String
    /// Line of the first body line in the file.
    let bodyFirstLine: Int

    /// Splits only on lines that are exactly `---` (trailing blanks allowed),
    /// so a title such as `Intro---Advanced` is never cut in half.
    static func split(_ file: SourceFile, log: inout DiagnosticLog) -> FrontMatter? {
        let whole = SourceLocation(path: file.path, line: 1, column: 1)
        if file.text.allSatisfy(\.isWhitespace) {
            log.error(whole, "the file is empty; start it with front matter: a line '---', a line such as 'title: My course', and another '---'")
            return nil
        }
        // Work on UTF-8 bytes: splitting a 4 KB body into Characters (grapheme
        // breaking) was a measurable part of loading 10,000 courses.
        let bytes = file.text.utf8
        var fences: [(start: String.Index, end: String.Index, line: Int)] = []
        var lineNumber = 1
        var index = bytes.startIndex
        func isFence(_ from: String.Index, _ to: String.Index) -> Bool {
            // Exactly `---`, allowing trailing blanks and a CR.
            var i = from
            for _ in 0..<3 {
                guard i < to, bytes[i] == UInt8(ascii: "-") else { return false }
                i = bytes.index(after: i)
            }
            while i < to {
                guard bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") || bytes[i] == UInt8(ascii: "\r") else { return false }
                i = bytes.index(after: i)
            }
            return true
        }
        var lineStart = bytes.startIndex
        while fences.count < 2 {
            let lineEnd = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            if isFence(lineStart, lineEnd) {
                fences.append((lineStart, lineEnd, lineNumber))
            } else if lineNumber == 1 {
                break
            }
            guard lineEnd < bytes.endIndex else { break }
            index = bytes.index(after: lineEnd)
            lineStart = index
            lineNumber += 1
        }
        guard let opening = fences.first, opening.line == 1 else {
            if let bareCR = firstBareCarriageReturn(in: file.text) {
                // `---\rtitle: …` is one line to us, so it does not start
                // with a fence line; saying so would send the editor looking for
                // a mistake they did not make.
                log.error(SourceLocation(path: file.path, line: 1, column: bareCR),
                          "lines end in a bare carriage return (CR, as on classic Mac OS); save the file with LF or CRLF line ends")
                return nil
            }
            log.error(whole, "expected front matter: the file must start with a line '---', then YAML fields such as 'title:', then another '---'")
            return nil
        }
        guard fences.count == 2 else {
            log.error(whole, "front matter opened on line 1 is never closed; add a line '---' after the last field")
            return nil
        }
        let closing = fences[1]
        let yamlStart = opening.end < bytes.endIndex ? bytes.index(after: opening.end) : opening.end
        let bodyStart = closing.end < bytes.endIndex ? bytes.index(after: closing.end) : closing.end
        // The YAML ends before the closing fence's line break.
        var yamlEnd = closing.start
        if yamlEnd > yamlStart, bytes[bytes.index(before: yamlEnd)] == UInt8(ascii: "\n") {
            yamlEnd = bytes.index(before: yamlEnd)
            if yamlEnd > yamlStart, bytes[bytes.index(before: yamlEnd)] == UInt8(ascii: "\r") { yamlEnd = bytes.index(before: yamlEnd) }
        }
        return FrontMatter(
            yaml: String(file.text[yamlStart..<yamlEnd]),
            yamlFirstLine: 2,
            body: String(file.text[bodyStart...]),
            bodyFirstLine: closing.line + 1
        )
    }

    /// Byte column of the first CR on line 1 that no LF follows, if any.
    static func firstBareCarriageReturn(in text: String) -> Int? {
        let firstLine = Array(text.utf8.prefix { $0 != UInt8(ascii: "\n") })
        guard let index = firstLine.firstIndex(of: UInt8(ascii: "\r")), index + 1 < firstLine.count else { return nil }
        return index + 1
    }
}
