import Foundation

/// `syllabus new site`: a `content/site.yml` with every key shown and
/// explained, and one example course, so that `check` and `build` work at
/// once and the editor changes values rather than writing YAML from a table.
public enum SiteScaffold {
    /// The files written, relative to the root.
    public struct Created: Sendable {
        public let files: [String]
    }

    public static let exampleCourse = "content/courses/example-course.md"

    /// Writes the site's first files; refuses when either exists, writing nothing.
    public static func create(title: String, baseURL: String?, timezone: String?, root: URL, timestamp: Int) throws -> Created {
        var log = DiagnosticLog()
        let cleaned = title.trimmingWhitespace(andNewlines: true)
        if cleaned.isEmpty {
            log.error(.commandLine("title"), "the site needs a title, e.g. syllabus new site \"Harbour Data School\"")
        }
        let url = baseURL ?? "https://training.example.org/"
        if BaseURL(url) == nil {
            log.error(.commandLine("--base-url"), "--base-url \(quoted: url) is not an absolute http(s) URL such as https://example.org/training/")
        }
        let zone = timezone?.trimmingWhitespace() ?? "UTC"
        if !TimeZones.isKnown(zone) {
            let hint = TimeZones.closest(to: zone).map { "did you mean \($0)?" } ?? "use an IANA name such as Europe/Lisbon"
            log.error(.commandLine("--timezone"), "--timezone \(quoted: zone) is not a known time zone; \(hint)")
        }
        let files = [SiteConfigLoader.path, exampleCourse]
        for file in files where FileManager.default.fileExists(atPath: root.appendingPathComponent(file).path) {
            log.error(SourceLocation(path: file), "\(file) already exists; nothing was written, so the site stays as it is")
        }
        if log.hasErrors { throw BuildFailed(diagnostics: log.sorted) }

        let texts = [siteYAML(title: cleaned, baseURL: url, timezone: zone), course(timestamp: timestamp)]
        for (file, text) in zip(files, texts) { try Scaffold.writeNew(Data(text.utf8), to: file, under: root) }
        return Created(files: files)
    }

    static func siteYAML(title: String, baseURL: String, timezone: String) -> String {
        """
        # Site settings. Every key Syllabus knows is listed; the optional ones
        # are commented out: remove the leading "# " to use one. A key that is
        # not in this list is an error, so a typo never goes unnoticed.

        title: \(Scaffold.quoted(title))      # required: in every page title, the header and the calendar's name
        base_url: "\(baseURL)"                # required: where the site is served; a path (https://example.org/training/) is the sub-path
        timezone: \(timezone)                 # IANA zone for runs that name none; hours are local to it
        # time: "09:00-17:00"                 # default daily hours; without it (or a run's own) runs are all-day
        language: en                          # the <html lang> of every page
        # description: "Courses for data teams, in person and online."   # the home page's meta description
        # organizer: {name: "Training team", email: "training@example.org"}   # who runs the courses, for calendars
        # unsafe_html: false                  # true lets raw HTML in course bodies through

        # The look, without overriding a template (see docs/content-format.md):
        # logo: media/logo.svg                # a file under content/media/, shown before the title
        # accent: "#0b5cad"                   # a CSS colour for links, buttons and badges
        # footer: "Harbour Data School · Rua do Porto 1, Lisboa"   # a line at the foot of every page
        # Extra CSS: put it in templates/assets/site.css; it is loaded after the built-in stylesheet.

        """
    }

    /// A published example, not a draft, so the first build shows a course
    /// page and a feed; its text says what to do with it.
    static func course(timestamp: Int) -> String {
        let day = CalendarDate(dayNumber: timestamp / 86_400 + 28)
        return """
        ---
        title: "Example course"
        summary: "A course page to look at and then change, or delete."
        kind: course
        start: \(day.iso)
        end: \(day.adding(days: 2).iso)
        time: "09:00-17:00"
        tags: [Example]
        ---

        This is the example course `syllabus new site` wrote. Its facts above come
        from the front matter at the top of `\(exampleCourse)`.

        Change it into one of your courses, or delete the file and start with
        `syllabus new course "Your course"`.

        """
    }
}
