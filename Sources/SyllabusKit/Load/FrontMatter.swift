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
        // "\r\n" is a single Character: split on it too, so files saved with
        // Windows line ends read the same.
        var lines = file.text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })[...]
        func isFence(_ line: Substring) -> Bool {
            line.trimmingCharacters(in: .whitespaces) == "---" && line.hasPrefix("---")
        }
        guard let first = lines.first, isFence(first.trimmingTrailingCR) else {
            log.error(whole, "expected front matter: the file must start with a line '---', then YAML fields such as 'title:', then another '---'")
            return nil
        }
        lines = lines.dropFirst()
        guard let closing = lines.firstIndex(where: { isFence($0.trimmingTrailingCR) }) else {
            log.error(whole, "front matter opened on line 1 is never closed; add a line '---' after the last field")
            return nil
        }
        let yamlLines = lines[lines.startIndex..<closing]
        let bodyLines = lines[(closing + 1)...]
        return FrontMatter(
            yaml: yamlLines.joined(separator: "\n"),
            yamlFirstLine: 2,
            body: bodyLines.joined(separator: "\n"),
            bodyFirstLine: closing + 2
        )
    }
}

extension Substring {
    var trimmingTrailingCR: Substring {
        last == "\r" ? dropLast() : self
    }
}
