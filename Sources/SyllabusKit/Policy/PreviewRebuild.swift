import Foundation

/// `syllabus serve`'s rebuilds of its private folder: written in place (the
/// errors are found before anything is written), and only the files whose
/// inputs changed since the last rebuild are rendered again. One value lives
/// as long as the preview; pass the same one to every rebuild.
public final class PreviewRebuild: BuildPolicy, @unchecked Sendable {
    let cache = BuildCache(keeps: true)
    var fingerprints: Bool { true }
    /// What the last build rendered its pages from, while it is the build
    /// served (a failed or unfinished build leaves none): `SavedCoursePages`
    /// renders a saved course's page with it. Only under `lock`.
    private var lastBuild: LastBuild?
    /// The index of the last catalog checked, which the next one is worked
    /// out from (`CatalogIndex(_:after:)`): it depends on nothing but the
    /// entries, so a failed build's is as good as any. Only under `lock`.
    private var lastIndex: CatalogIndex?
    private let lock = NSLock()

    struct LastBuild: Sendable {
        let contexts: PageContexts
        let templates: TemplateSet
        let options: BuildOptions
        let folder: OutputFolder
    }

    public init() {}

    var last: LastBuild? { lock.withLock { lastBuild } }

    func index(_ catalog: Catalog) -> CatalogIndex {
        let index = CatalogIndex(catalog, after: lock.withLock { lastIndex })
        lock.withLock { lastIndex = index }
        return index
    }

    func started() {
        lock.withLock { lastBuild = nil }
    }

    func finished(_ plan: OutputPlan, templates: TemplateSet, options: BuildOptions, output: URL) {
        let built = LastBuild(contexts: plan.contexts, templates: templates, options: options,
                              folder: folder(for: options, output: output))
        lock.withLock { lastBuild = built }
    }

    func output(for options: BuildOptions) throws -> URL {
        // The folder is serve's own and is never replaced, so `force`: only
        // what can never be written into (a file, the site's sources) is refused.
        if case .failure(let refusal) = OutputTarget.resolve(output: options.output, root: options.root, force: true) {
            throw refusal
        }
        return options.output
    }

    /// SEQUENCE is for published feeds; the preview skips re-reading its own
    /// multi-megabyte feed on every save.
    func ledger(_ options: BuildOptions, output: URL, log: inout DiagnosticLog) -> SequenceLedger { SequenceLedger() }

    func folder(for options: BuildOptions, output: URL) -> OutputFolder {
        OutputFolder(root: options.root, output: output, inPlace: true, force: options.force)
    }
}
