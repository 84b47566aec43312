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
        // Every file is checked, so this walks bytes: splitting a body into
        // Characters (grapheme breaking) cost more than parsing its YAML.
        // Splitting at the byte "\n" also ends a CRLF line where a Character
        // split would not ("\r\n" is one Character).
        let sampleBytes = samples.map { Array($0.utf8) }
        for (offset, line) in body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            guard let text = sampleCandidate(line) else { continue }
            guard sampleBytes.contains(where: { $0.elementsEqual(text.utf8) }) else { continue }
            log.warning(SourceLocation(path: file, line: firstLine + offset, column: 1),
                        "\"\(text)\" is the sample text 'syllabus new' wrote; replace it with your own before publishing")
        }
    }

    /// The line without surrounding spaces and list marker, when it can be
    /// sample text (which is plain ASCII); nil for a line that cannot be.
    private static func sampleCandidate(_ line: Substring.UTF8View) -> Substring? {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0D }
        var bytes = line[...]
        while let first = bytes.first, isSpace(first) { bytes = bytes.dropFirst() }
        while let last = bytes.last, isSpace(last) { bytes = bytes.dropLast() }
        guard let first = bytes.first, let last = bytes.last else { return nil }
        guard (0x21..<0x7F).contains(first), (0x21..<0x7F).contains(last) else {
            // Unicode spaces at an end, or non-ASCII text: the exact rule.
            return nonASCIICandidate(Substring(line))
        }
        if bytes.starts(with: [0x2D, 0x20]) || bytes.starts(with: [0x2A, 0x20]) { bytes = bytes.dropFirst(2) }
        return Substring(bytes)
    }

    private static func nonASCIICandidate(_ line: Substring) -> Substring? {
        var text = Substring(line.trimmingWhitespace())
        if text.hasPrefix("- ") || text.hasPrefix("* ") { text = text.dropFirst(2) }
        return text.isEmpty ? nil : text
    }

    static func checkSummary(_ fields: YAMLFields, log: inout DiagnosticLog) {
        guard fields.node("summary")?.scalar?.string.trimmingWhitespace() == summary else { return }
        log.warning(fields.valueLocation("summary"),
                    "'summary' is the sample text 'syllabus new' wrote; write one sentence about this course")
    }
}
