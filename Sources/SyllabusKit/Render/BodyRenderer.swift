import CommonMark

/// Turns Markdown bodies into HTML once per build, rewriting links to course
/// files into course URLs and `media/` paths into site links.
struct BodyRenderer: Sendable {
    let paths: SitePaths
    let options: MarkdownOptions
    /// Course file stems to the slugs of published entries.
    let courseFiles: [String: Slug]
    /// Stems of files that exist but are not published (drafts).
    let unpublishedFiles: Set<String>
    /// Stems of files that exist but failed to load: links to them are left
    /// alone, so one broken course is one error, not one per file linking to it.
    var unloadedFiles: Set<String> = []

    /// Renders `markdown` that starts at `firstLine` of `file`; broken links
    /// to course files are reported there.
    func render(_ markdown: String, file: String, firstLine: Int, log: inout DiagnosticLog) -> String {
        var problems: [Diagnostic] = []
        let html = MarkdownRenderer.html(from: markdown, options: options) { link in
            let location = SourceLocation(path: file, line: link.line > 0 ? link.line + firstLine - 1 : firstLine,
                                          column: max(link.column, 1))
            switch resolve(link.destination) {
            case .keep: return nil
            case .rewrite(let url): return url
            case .missing(let message):
                problems.append(.error(location, message))
                return nil
            }
        }
        for problem in problems { log.report(problem) }
        return html
    }

    private enum Resolution {
        case keep
        case rewrite(String)
        case missing(String)
    }

    private func resolve(_ destination: String) -> Resolution {
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("/") || destination.contains(":") {
            return .keep
        }
        var path = Substring(destination)
        var fragment = ""
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[hash...])
            path = path[..<hash]
        }
        let segments = path.split(separator: "/")
        if let mediaIndex = segments.firstIndex(of: "media"), segments[..<mediaIndex].allSatisfy({ $0 == ".." || $0 == "." }) {
            let rest = segments[mediaIndex...].joined(separator: "/")
            return .rewrite(paths.link(rest) + fragment)
        }
        guard path.hasSuffix(".md"), let last = segments.last else { return .keep }
        let stem = SourceFile.stem(String(last))
        if let slug = courseFiles[stem] {
            return .rewrite(paths.link(SitePaths.course(slug)) + fragment)
        }
        if unloadedFiles.contains(stem) { return .keep }
        if unpublishedFiles.contains(stem) {
            return .missing("the link to \(shown: destination) points at a draft, which is not published; publish it (draft: false) or remove the link")
        }
        return .missing("the link to \(shown: destination) points at no course: there is no content/courses/\(shown: stem).md")
    }
}
