import ArgumentParser
import Foundation
import SyllabusKit

struct SiteOptions: ParsableArguments {
    @Option(help: "Folder that holds content/ and, optionally, templates/.")
    var root: String = "."

    var rootURL: URL { URL(fileURLWithPath: root).standardizedFileURL }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")

    @OptionGroup var site: SiteOptions

    @Option(help: "Output folder (default: <root>/public).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "Absolute URL the site is served from; overrides site.yml's base_url.")
    var baseURL: String?

    @Flag(help: "Include entries marked draft: true.")
    var drafts = false

    @Flag(help: "Print the time each stage took (load, markdown, index, templates, feeds, write).")
    var timings = false

    func run() throws {
        let options = BuildOptions(
            root: site.rootURL,
            output: output.map { URL(fileURLWithPath: $0).standardizedFileURL },
            baseURL: baseURL,
            includeDrafts: drafts,
            timestamp: try Environment.timestamp()
        )
        do {
            let summary = try SiteBuilder.build(options, progress: Progress(enabled: Terminal.isInteractive))
            Terminal.report(summary.warnings)
            print(summary.line)
            if timings {
                for stage in summary.stages {
                    print("  \(stage.name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(String(format: "%7.3f", stage.seconds)) s"
                          + String(format: "  %.1f cores", stage.cores))
                }
            }
        } catch let failure as BuildFailed {
            Terminal.report(failure.diagnostics)
            Terminal.error("build failed; the previous output was left as it was")
            throw ExitCode.failure
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run every check of a build (content, templates, links) without writing anything.")

    @OptionGroup var site: SiteOptions

    @Flag(help: "Check entries marked draft: true as well.")
    var drafts = false

    func run() throws {
        let options = BuildOptions(root: site.rootURL, includeDrafts: drafts, timestamp: try Environment.timestamp())
        do {
            let summary = try SiteBuilder.build(options, write: false)
            Terminal.report(summary.warnings)
            print("Checked \(summary.entries) entries and \(summary.pages) pages: no errors\(summary.warnings.isEmpty ? "" : ", \(summary.warnings.count) warning(s)")")
        } catch let failure as BuildFailed {
            Terminal.report(failure.diagnostics)
            throw ExitCode.failure
        }
    }
}
