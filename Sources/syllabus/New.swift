import ArgumentParser
import Foundation
import SyllabusKit

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new site, course or instructor with every field shown and commented, or a copy of the theme.",
        discussion: """
        Examples:
          syllabus new site "Harbour Data School" --base-url https://example.org/cursos/ --timezone Europe/Lisbon
          syllabus new course "OTP for the seasoned Erlanger"
          syllabus new instructor "Robert Virding"
          syllabus new theme        (the built-in templates, copied into templates/ to edit)
        """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case site, course, instructor, theme
    }

    @Argument(help: "What to create: site, course, instructor or theme.")
    var kind: Kind

    @Argument(help: "The site's title, the course title or the instructor's name (not for theme).")
    var title: String?

    @Option(name: .customLong("base-url"), help: "For a site: the absolute URL it will be served from.")
    var baseURL: String?

    @Option(help: "For a site: the IANA time zone of its courses, e.g. Europe/Lisbon.")
    var timezone: String?

    @OptionGroup var site: SiteOptions

    func validate() throws {
        switch (kind, title) {
        case (.theme, .some): throw ValidationError("'new theme' takes no title; it copies the built-in theme into templates/.")
        case (.site, .none): throw ValidationError("Give the site's title, e.g. syllabus new site \"Harbour Data School\".")
        case (.course, .none), (.instructor, .none): throw ValidationError("Give the \(kind == .course ? "course title" : "instructor's name"), e.g. syllabus new \(kind) \"\(kind == .course ? "OTP in practice" : "Robert Virding")\".")
        default: break
        }
        if kind != .site, baseURL != nil || timezone != nil {
            throw ValidationError("--base-url and --timezone are for 'new site'; a course sets 'timezone:' in its file")
        }
    }

    func run() throws {
        do {
            switch kind {
            case .site:
                let created = try SiteScaffold.create(title: title ?? "", baseURL: baseURL, timezone: timezone,
                                                      root: site.rootURL, timestamp: try Environment.timestamp())
                created.files.forEach { print($0) }
                // The same --root the editor gave, so each line can be pasted as it is.
                let root = site.root == "." ? "" : " --root \(Terminal.shellQuoted(site.root))"
                print("""

                Next:
                  syllabus new course "Your first course"\(root)
                  syllabus check\(root)
                  syllabus serve\(root)
                """)
            case .course, .instructor:
                let path = try Scaffold.create(kind == .course ? .course : .instructor, title: title ?? "", root: site.rootURL,
                                               timestamp: try Environment.timestamp())
                print(path)
            case .theme:
                let paths = try Scaffold.theme(root: site.rootURL)
                paths.forEach { print($0) }
                print("""

                The built-in theme is now in templates/; each file there replaces the built-in one of its name.
                Edit them and run `syllabus serve` to see each change. Delete a file you leave as it is,
                and that page keeps following the built-in theme of newer syllabus versions.
                """)
            }
        } catch let failure as BuildFailed {
            Terminal.report(failure.diagnostics)
            throw ExitCode.failure
        }
    }
}
