import Foundation

/// What differs between a published build and a preview's rebuild: where the
/// output goes and how it is swapped in, what is kept from earlier builds, and
/// where calendar SEQUENCE numbers come from. The pipeline itself is the same
/// (`SiteBuilder.build`), so a rebuild's output is a full build's.
protocol BuildPolicy: Sendable {
    /// What this build may reuse from earlier ones.
    var cache: BuildCache { get }
    /// Whether pages and feeds carry fingerprints of their inputs: worth it
    /// only when they are compared with the last build's.
    var fingerprints: Bool { get }
    /// The folder the build ends in, checked before anything is read.
    func output(for options: BuildOptions) throws -> URL
    /// SEQUENCE numbers and tombstones of calendar events so far.
    func ledger(_ options: BuildOptions, output: URL, log: inout DiagnosticLog) -> SequenceLedger
    /// Where the files are written on their way to `output`.
    func folder(for options: BuildOptions, output: URL) -> OutputFolder
    /// The index of the checked catalog.
    func index(_ catalog: Catalog) -> CatalogIndex
    /// Told when a build starts and when it has written everything, with what
    /// its pages were rendered from.
    func started()
    func finished(_ plan: OutputPlan, templates: TemplateSet, options: BuildOptions, output: URL)
}

extension BuildPolicy {
    func index(_ catalog: Catalog) -> CatalogIndex { CatalogIndex(catalog) }
    func started() {}
    func finished(_ plan: OutputPlan, templates: TemplateSet, options: BuildOptions, output: URL) {}
}
