/// The sample text `syllabus new` writes into a skeleton, in one place: the
/// skeleton is built from it, and a published file that still carries it
/// gets a warning, so "A short biography in Markdown." is never put online
/// unnoticed.
enum Placeholders {
    static let summary = "One sentence on what attendees will be able to do."
    static let overview = "What the course is about, in a paragraph or two."
    static let outcomes = ["First outcome", "Second outcome"]
    static let prerequisites = "What attendees should know before they come."
    static let biography = "A short biography in Markdown."

    static let courseBody = [overview] + outcomes + [prerequisites]

    /// Warns about each body line that is still sample text; list markers
    /// and surrounding spaces do not count.
    static func checkBody(_ body: String, file: String, firstLine: Int, samples: [String], log: inout DiagnosticLog) {
        // Every file is checked, so this walks the body's bytes in place:
        // splitting it into Characters (grapheme breaking), or even a generic
        // split of its UTF-8 view, cost more than parsing its YAML. A line
        // ends at the byte "\n", so CRLF lines end too ("\r\n" is one Character).
        let sampleBytes = samples.map { Array($0.utf8) }
        var body = body
        body.withUTF8 { bytes in
            var lineStart = 0, offset = 0
            while lineStart <= bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
                if let text = sampleText(line, samples: sampleBytes) {
                    log.warning(SourceLocation(path: file, line: firstLine + offset, column: 1),
                                "\"\(text)\" is the sample text 'syllabus new' wrote; replace it with your own before publishing")
                }
                lineStart = lineEnd + 1
                offset += 1
            }
        }
    }

    /// The line without surrounding spaces and list marker when that is one
    /// of the samples (plain ASCII), else nil; bytes are compared before any
    /// String is made.
    private static func sampleText(_ line: UnsafeBufferPointer<UInt8>, samples: [[UInt8]]) -> String? {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0D }
        var start = 0, end = line.count
        while start < end, isSpace(line[start]) { start += 1 }
        while end > start, isSpace(line[end - 1]) { end -= 1 }
        guard start < end else { return nil }
        if line[start] >= 0x80 || line[end - 1] >= 0x80, endsInUnicodeSpace(UnsafeBufferPointer(rebasing: line[start..<end])) {
            // Unicode spaces at an end (U+00A0, U+3000…): the exact rule.
            var text = Substring(String(decoding: line, as: UTF8.self).trimmingWhitespace())
            if text.hasPrefix("- ") || text.hasPrefix("* ") { text = text.dropFirst(2) }
            return samples.contains(where: { $0.elementsEqual(text.utf8) }) ? String(text) : nil
        }
        if end - start >= 2, line[start] == 0x2D || line[start] == 0x2A, line[start + 1] == 0x20 { start += 2 }
        let text = UnsafeBufferPointer(rebasing: line[start..<end])
        return samples.contains(where: { $0.count == text.count && $0.elementsEqual(text) })
            ? String(decoding: text, as: UTF8.self) : nil
    }

    /// Whether the first or last character of `text` (non-empty) is one that
    /// `trimmingWhitespace` removes; only those two are decoded.
    private static func endsInUnicodeSpace(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let isContinuation = { (byte: UInt8) in byte & 0xC0 == 0x80 }
        var firstEnd = 1
        while firstEnd < text.count, isContinuation(text[firstEnd]) { firstEnd += 1 }
        var lastStart = text.count - 1
        while lastStart > 0, isContinuation(text[lastStart]) { lastStart -= 1 }
        return [0..<firstEnd, lastStart..<text.count].contains { range in
            String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self).trimmingWhitespace().isEmpty
        }
    }

    static func checkSummary(_ fields: YAMLFields, log: inout DiagnosticLog) {
        guard fields.node("summary")?.scalar?.string.trimmingWhitespace() == summary else { return }
        log.warning(fields.valueLocation("summary"),
                    "'summary' is the sample text 'syllabus new' wrote; write one sentence about this course")
    }
}
