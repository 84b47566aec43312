import ArgumentParser
import Foundation
import SyllabusKit

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")

    @OptionGroup var site: SiteOptions

    @Option(help: "Output folder (default: <root>/public). Replaced only when it is absent, empty or an earlier build's output.")
    var output: String?

    @Flag(help: "Replace the output folder even if it holds files Syllabus did not write. Files, devices, FIFOs and sockets are never replaced.")
    var force = false

    @Option(name: .customLong("base-url"), help: "Absolute URL the site is served from; overrides site.yml's base_url.")
    var baseURL: String?

    @Flag(help: "Include entries marked draft: true.")
    var drafts = false

    @Flag(help: "Treat every warning as an error and write nothing (for CI).")
    var strict = false

    @Option(name: .customLong("previous-feed"), help: ArgumentHelp(
        "The published catalog feed to compare with (a file or an http(s) URL); default: the calendar.ics in the output folder.",
        valueName: "file-or-url"))
    var previousFeed: String?

    @Flag(help: "Print the time each stage took (load, markdown, index, templates, feeds, write).")
    var timings = false

    func run() throws {
        if output?.isEmpty == true {
            // An empty path would mean the current folder, which a build would replace.
            Terminal.error("--output is empty; name the folder to build into, e.g. --output public")
            throw ExitCode.failure
        }
        let options = BuildOptions(
            root: site.rootURL,
            // Not standardized: `..` after a symbolic link is resolved the way the kernel does.
            output: output.map { URL(fileURLWithPath: $0) },
            baseURL: baseURL,
            includeDrafts: drafts,
            timestamp: try Environment.timestamp(),
            force: force,
            strict: strict,
            previousFeed: previousFeed,
            zones: Environment.zones
        )
        let signals = Interrupts.removeStagingOnSignal()
        defer { signals.forEach { $0.cancel() } }
        do {
            let summary = try SiteBuilder.build(options, progress: Progress(enabled: Terminal.isInteractive))
            Terminal.report(summary.warnings)
            print(summary.line)
            if timings {
                for stage in summary.stages {
                    print("  \(stage.name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(String(format: "%7.3f", stage.seconds)) s"
                          + String(format: "  %.1f cores  %5d MiB peak", stage.cores, stage.peakBytes >> 20))
                }
            }
        } catch let failure as BuildFailed {
            Terminal.report(failure.diagnostics)
            Terminal.error("build failed; the previous output was left as it was")
            throw ExitCode.failure
        }
    }
}
