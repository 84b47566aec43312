import ArgumentParser
import Foundation
import SyllabusKit

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new content file with every field shown and commented.",
        discussion: "Examples:\n  syllabus new course \"OTP for the seasoned Erlanger\"\n  syllabus new instructor \"Robert Virding\""
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case course, instructor
    }

    @Argument(help: "What to create: course or instructor.")
    var kind: Kind

    @Argument(help: "The course title or the instructor's name.")
    var title: String

    @OptionGroup var site: SiteOptions

    func run() throws {
        do {
            let path = try Scaffold.create(kind == .course ? .course : .instructor, title: title, root: site.rootURL,
                                           timestamp: try Environment.timestamp())
            print(path)
        } catch let failure as BuildFailed {
            Terminal.report(failure.diagnostics)
            throw ExitCode.failure
        }
    }
}
