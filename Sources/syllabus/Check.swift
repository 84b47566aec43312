import ArgumentParser
import Foundation
import SyllabusKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run every check of a build (content, templates, links) without writing anything.")

    @OptionGroup var site: SiteOptions

    @Flag(help: "Check entries marked draft: true as well.")
    var drafts = false

    @Flag(help: "Treat every warning as an error (for CI).")
    var strict = false

    func run() throws {
        let options = BuildOptions(root: site.rootURL, includeDrafts: drafts, timestamp: try Environment.timestamp(),
                                   strict: strict, zones: Environment.zones)
        do {
            let summary = try SiteBuilder.build(options, write: false)
            Terminal.report(summary.warnings)
            print(summary.checkLine)
        } catch let failure as BuildFailed {
            Terminal.report(failure.diagnostics)
            throw ExitCode.failure
        }
    }
}
