import Foundation

/// `syllabus new`: a content file with every field shown and commented,
/// whose values pass `syllabus check` as they stand.
public enum Scaffold {
    public enum Kind: Sendable { case course, instructor }

    /// Writes the file and returns its path relative to the root; refuses to overwrite.
    public static func create(_ kind: Kind, title: String, root: URL, timestamp: Int) throws -> String {
        let cleaned = title.trimmingWhitespace(andNewlines: true)
        guard let slug = Slug(folding: cleaned) else {
            throw BuildFailed(diagnostics: [.error(SourceLocation(path: "(command line)"), "\(quoted: title) has no letters or digits to make a file name (the page address) from; give a title with some, e.g. its English name, and change 'title:' in the file afterwards")])
        }
        let folder = kind == .course ? "content/courses" : "content/instructors"
        let relative = "\(folder)/\(slug.value).md"
        let url = root.appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: url.path) {
            throw BuildFailed(diagnostics: [.error(SourceLocation(path: relative), "\(relative) already exists; it was left as it is")])
        }
        let text = kind == .course ? course(title: cleaned, slug: slug, timestamp: timestamp) : instructor(name: cleaned)
        try writeNew(Data(text.utf8), to: relative, under: root)
        return relative
    }

    /// `syllabus new theme`: writes the built-in theme into `<root>/templates/`
    /// and returns the paths written, relative to the root. Writes nothing if
    /// any of them exists, so a publisher's own templates are never replaced.
    public static func theme(root: URL, theme: BuiltinTheme = .embedded) throws -> [String] {
        let paths = theme.files.keys.sorted()
        let existing = paths.map { "templates/\($0)" }.filter { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) }
        guard existing.isEmpty else {
            throw BuildFailed(diagnostics: existing.map {
                .error(SourceLocation(path: $0), "\($0) already exists; no file of the theme was written. Move your templates/ aside to get a fresh copy")
            })
        }
        for path in paths { try writeNew(theme.files[path]!, to: "templates/\(path)", under: root) }
        return paths.map { "templates/\($0)" }
    }

    /// Creates the file and its folders; never replaces a file, even one that
    /// appeared since the caller looked (the write is O_EXCL).
    static func writeNew(_ data: Data, to relative: String, under root: URL) throws {
        let url = root.appendingPathComponent(relative)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .withoutOverwriting)
        } catch {
            throw BuildFailed(diagnostics: [.error(SourceLocation(path: relative), "cannot create \(relative): \(SystemErrorReason.of(error))")])
        }
    }

    /// YAML-quotes a value so any title is read back as written.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func course(title: String, slug: Slug, timestamp: Int) -> String {
        // A start date four weeks from today keeps the skeleton valid and plausible.
        let day = CalendarDate(dayNumber: timestamp / 86_400 + 28)
        return """
        ---
        title: \(quoted(title))          # required
        summary: "\(Placeholders.summary)"   # plain-text teaser for lists and feeds
        kind: course                      # course, tutorial, certification, ...
        instructors: []                   # names, e.g. [Robert Virding]; each gets an instructor page
        start: \(day.iso)                 # first day, YYYY-MM-DD; remove start/end for an entry without dates
        end: \(day.iso)                   # last day, inclusive
        # time: "09:00-17:00"             # daily local hours, or all-day; default from site.yml
        # timezone: Europe/Stockholm      # IANA zone; default from site.yml
        # location: Stockholm
        tags: []                          # e.g. [Erlang, OTP]
        # level: intermediate             # beginner, intermediate, advanced or all: a badge and a catalog filter
        # language: en                    # BCP 47 tag it is taught in (en, sv, de-CH); default from site.yml
        # audience: "Developers who build services in Erlang"
        # prerequisites: ["A year of Erlang"]
        # price: 1800                     # per attendee: a number, {amount: 950.50, currency: EUR}, or free
        # currency: EUR                   # ISO 4217, for a bare price; default from site.yml
        # register: "https://tickets.example.org/"   # where to book (https:// or mailto:); default from site.yml
        # status: scheduled               # scheduled, tentative, full or cancelled
        # seats: 12                       # places left; 0 means full
        # mode: onsite                    # onsite, online or blended; an online run needs no location
        draft: true                       # left out of the site until you remove this or build with --drafts
        # slug: \(slug.value)             # the page address; defaults to the file name
        # A course given more than once lists runs instead of start/end:
        # runs:
        #   - {start: \(day.iso), end: \(day.adding(days: 2).iso), time: "09:00-17:00", location: Stockholm}
        #   - {start: \(day.adding(days: 35).iso), mode: online, price: 1500, status: tentative}   # booking keys per run override the course's
        ---

        ## Overview

        \(Placeholders.overview)

        ## You will learn

        \(Placeholders.outcomes.map { "- \($0)" }.joined(separator: "\n"))

        ## Prerequisites

        \(Placeholders.prerequisites)

        """
    }

    static func instructor(name: String) -> String {
        """
        ---
        name: \(quoted(name))             # required; courses refer to the instructor by this name
        role: "Trainer"                   # one line under the name
        # photo: media/photo.jpg          # a file under content/media/, or an https:// URL
        # links:
        #   - {title: Website, url: "https://example.org/"}
        ---

        \(Placeholders.biography)

        """
    }
}
