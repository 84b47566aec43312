import ArgumentParser
import Foundation
import SyllabusKit

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new content file with every field shown and commented, or a copy of the theme.",
        discussion: """
        Examples:
          syllabus new course "OTP for the seasoned Erlanger"
          syllabus new instructor "Robert Virding"
          syllabus new theme        (the built-in templates, copied into templates/ to edit)
        """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case course, instructor, theme
    }

    @Argument(help: "What to create: course, instructor or theme.")
    var kind: Kind

    @Argument(help: "The course title or the instructor's name (not for theme).")
    var title: String?

    @OptionGroup var site: SiteOptions

    func validate() throws {
        switch (kind, title) {
        case (.theme, .some): throw ValidationError("'new theme' takes no title; it copies the built-in theme into templates/.")
        case (.course, .none), (.instructor, .none): throw ValidationError("Give the \(kind == .course ? "course title" : "instructor's name"), e.g. syllabus new \(kind) \"\(kind == .course ? "OTP in practice" : "Robert Virding")\".")
        default: break
        }
    }

    func run() throws {
        do {
            switch kind {
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
