import Foundation

/// Checks one course file's bytes on their own, as a build would, and
/// returns what it has to say. For fuzzing and editor integrations: it never
/// touches the file system.
public enum ContentLint {
    /// A site with the defaults a `site.yml` would give.
    static let defaultSite = SiteConfig(title: "Lint", baseURL: BaseURL("https://example.org/")!, timezone: "UTC",
                                        hours: nil, language: "en", description: nil, organizer: nil, unsafeHTML: false)

    public static func courseFile(_ data: Data, path: String = "content/courses/lint.md") -> [Diagnostic] {
        var log = DiagnosticLog()
        guard let text = String(validatingUTF8Data: data) else {
            log.error(SourceLocation(path: path), "the file is not valid UTF-8; save it as UTF-8")
            return log.sorted
        }
        let file = SourceFile(path: path, text: text)
        if let course = CourseLoader.load(file, site: defaultSite, log: &log) {
            let paths = SitePaths(base: defaultSite.baseURL)
            let renderer = BodyRenderer(paths: paths, options: .standard, courseFiles: [:], unpublishedFiles: [])
            _ = renderer.render(course.body, file: path, firstLine: course.bodyLine, log: &log)
        }
        return log.sorted
    }
}
