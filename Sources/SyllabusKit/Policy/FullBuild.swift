import Foundation

/// `syllabus build`: everything is rendered into a staging folder that is
/// swapped in only when complete, and each event's SEQUENCE continues from
/// the catalog feed it replaces (or the one `--previous-feed` names).
struct FullBuild: BuildPolicy {
    /// Keeps nothing past this build; cards and events are still shared
    /// between the pages and feeds of the build.
    let cache = BuildCache(keeps: false)
    var fingerprints: Bool { false }

    func output(for options: BuildOptions) throws -> URL {
        try OutputTarget.resolve(output: options.output, root: options.root, force: options.force).get().folder
    }

    func ledger(_ options: BuildOptions, output: URL, log: inout DiagnosticLog) -> SequenceLedger {
        guard let previous = PreviousFeed.read(options.previousFeed, output: output, log: &log) else { return SequenceLedger() }
        return SequenceLedger(previousFeed: previous.text, source: previous.source, log: &log)
    }

    func folder(for options: BuildOptions, output: URL) -> OutputFolder {
        OutputFolder(root: options.root, output: output, inPlace: false, force: options.force)
    }
}
