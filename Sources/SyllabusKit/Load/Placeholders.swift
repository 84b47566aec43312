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
        for (offset, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var text = Substring(line.trimmingWhitespace())
            if text.hasPrefix("- ") || text.hasPrefix("* ") { text = text.dropFirst(2) }
            guard samples.contains(String(text)) else { continue }
            log.warning(SourceLocation(path: file, line: firstLine + offset, column: 1),
                        "\"\(text)\" is the sample text 'syllabus new' wrote; replace it with your own before publishing")
        }
    }

    static func checkSummary(_ fields: YAMLFields, log: inout DiagnosticLog) {
        guard fields.node("summary")?.scalar?.string.trimmingWhitespace() == summary else { return }
        log.warning(fields.valueLocation("summary"),
                    "'summary' is the sample text 'syllabus new' wrote; write one sentence about this course")
    }
}
