import Foundation

/// What a build did, for the one-line summary.
public struct BuildSummary: Sendable {
    public let entries: Int
    /// Entries marked `draft: true` that were left out (0 with `--drafts`).
    public let drafts: Int
    public let runs: Int
    public let pages: Int
    /// Pages linked from the previous output without being rendered: their
    /// inputs had not changed since it was built (`PageFingerprints`).
    public let unchanged: Int
    public let feeds: Int
    public let files: Int
    public let seconds: Double
    public let warnings: [Diagnostic]
    /// Time per stage, in pipeline order.
    public let stages: [BuildStage]
    /// The output files a preview's rebuild changed, added or removed (its
    /// open pages reload only when theirs is among them); `nil` for other builds.
    public var changed: Set<String>? = nil

    /// `Built 7 entries (5 runs): 31 pages, 13 feeds, 3 assets in 0.12 s`
    public var line: String {
        "Built \(entries) entr\(entries == 1 ? "y" : "ies") (\(runs) run\(runs == 1 ? "" : "s")): \(pages) pages"
            + (unchanged == 0 ? "" : " (\(unchanged) unchanged since the last build, not rendered)")
            + ", \(feeds) feeds, \(files) other files in \(String(format: "%.2f", seconds)) s" + draftsNote
    }

    /// `Checked 3 entries and 21 pages: no errors; 4 drafts left out (--drafts includes them)`
    public var checkLine: String {
        "Checked \(entries) entr\(entries == 1 ? "y" : "ies") and \(pages) pages: no errors"
            + (warnings.isEmpty ? "" : ", \(warnings.count) warning\(warnings.count == 1 ? "" : "s")") + draftsNote
    }

    /// Said on every build with drafts, so an empty-looking site is never a mystery.
    private var draftsNote: String {
        drafts == 0 ? "" : "; \(drafts) draft\(drafts == 1 ? "" : "s") left out (--drafts includes \(drafts == 1 ? "it" : "them"))"
    }
}

/// Options of one build, as the command line gives them.
public struct BuildOptions: Sendable {
    public var root: URL
    public var output: URL
    public var baseURL: String?
    public var includeDrafts: Bool
    /// Seconds since 1970 used for every timestamp (`SOURCE_DATE_EPOCH`, or now).
    public var timestamp: Int
    /// Injected into every page by `syllabus serve`; empty for a published build.
    public var serveScript: String
    /// Replace an output folder that holds files Syllabus did not write
    /// (`--force`). Files, devices, FIFOs and sockets are never replaced.
    public var force: Bool
    /// Every warning is an error (`--strict`, for CI).
    public var strict: Bool
    /// `--previous-feed`: a file path or http(s) URL of the published catalog
    /// feed; `nil` for the one in the output folder.
    public var previousFeed: String?
    /// The system's tz database (`TZDIR`, else `/usr/share/zoneinfo`).
    public var zones: TZDatabase

    public init(root: URL, output: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false,
                timestamp: Int, serveScript: String = "", force: Bool = false, strict: Bool = false,
                previousFeed: String? = nil, zones: TZDatabase = .system) {
        self.strict = strict
        self.previousFeed = previousFeed
        self.zones = zones
        self.root = root
        self.output = output ?? root.appendingPathComponent("public")
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.timestamp = timestamp
        self.serveScript = serveScript
        self.force = force
    }
}

/// The build pipeline: load → check → index → render → write.
public enum SiteBuilder {
    /// The deploy sub-path from `site.yml`'s `base_url` (`/training/`), for
    /// `syllabus serve`, which serves the site under that same path.
    public static func basePath(root: URL) throws -> String {
        var log = DiagnosticLog()
        guard let site = SiteConfigLoader.load(root: root, baseURLOverride: nil, log: &log) else {
            throw BuildFailed(diagnostics: log.sorted)
        }
        return site.baseURL.path
    }

    /// Builds the site into `options.output`, or throws `BuildFailed` with
    /// every diagnostic and leaves the previous output untouched.
    /// With `write: false` it runs every check and renders every page, writing nothing.
    @discardableResult
    public static func build(_ options: BuildOptions, write: Bool = true, progress: Progress = .silent) throws -> BuildSummary {
        try build(options, policy: FullBuild(), write: write, progress: progress)
    }

    /// Rebuilds `syllabus serve`'s folder in place, rendering again only the
    /// files whose inputs changed since the last call with the same `preview`.
    @discardableResult
    public static func build(_ options: BuildOptions, preview: PreviewRebuild) throws -> BuildSummary {
        try build(options, policy: preview, write: true, progress: .silent)
    }

    static func build(_ options: BuildOptions, policy: some BuildPolicy, write: Bool, progress: Progress) throws -> BuildSummary {
        var clock = StageClock()
        var log = DiagnosticLog()
        let output = write ? try policy.output(for: options) : options.output

        progress.stage("Loading")
        policy.started()
        policy.cache.startBuild()
        // Read beside the sources, and its errors reported with theirs (and with
        // the broken links, which are found up front when there are errors).
        let previousFeed = Concurrently { () -> (SequenceLedger, DiagnosticLog) in
            var ledgerLog = DiagnosticLog()
            return (policy.ledger(options, output: output, log: &ledgerLog), ledgerLog)
        }
        let content = ContentLoader.load(root: options.root, baseURLOverride: options.baseURL, cache: policy.cache)
        log.merge(content.log)
        let templates = TemplateSet.load(root: options.root, log: &log)
        let (ledger, ledgerLog) = previousFeed.value
        log.merge(ledgerLog)
        clock.lap("load")
        guard let site = content.site, let templates else { throw BuildFailed(diagnostics: log.sorted) }

        progress.stage("Checking")
        let buildDate = BuildDate(epochSeconds: options.timestamp, timezone: site.timezone, zones: options.zones)
        let catalog = CatalogChecker.check(content, site: site, includeDrafts: options.includeDrafts,
                                           buildDate: buildDate, log: &log)
        let paths = SitePaths(base: site.baseURL)
        // The index needs only the checked catalog: made beside the bodies (a
        // tenth of a preview rebuild each at 10,000 courses). A catalog with
        // errors gets none: it stops at the check after the bodies.
        let indexing = log.hasErrors ? nil : Concurrently { policy.index(catalog) }
        // A build that may skip pages renders every body now, so that each
        // rebuild reports every broken link, and so does a build that stops
        // here with errors, so that its broken links are reported with them;
        // one that renders every page renders each body with its page.
        let bodies = RenderedBodies.render(catalog, content: content, paths: paths, upFront: policy.fingerprints || log.hasErrors,
                                           cache: policy.cache, log: &log)
        clock.lap("markdown")
        guard !log.hasErrors, let index = indexing?.value else { throw BuildFailed(diagnostics: log.sorted) }
        clock.lap("index")

        // What every page's shell shows: a change re-renders every page.
        policy.cache.useSettings(pageKey(site, templates.fingerprint, options.serveScript, options.includeDrafts, buildDate,
                                         index.hasPastRuns))
        let plan = OutputPlan(index, bodies: bodies, templates: templates, paths: paths, options: options,
                              buildDate: buildDate, policy: policy, ledger: ledger)
        let sink = OutputSink(folder: write ? policy.folder(for: options, output: output) : nil, cache: policy.cache,
                              salt: PageFingerprints.salt(templates: templates))
        let unchanged = try sink.write(plan, root: options.root, strict: options.strict, progress: progress, clock: &clock, log: &log)
        if write { policy.finished(plan, templates: templates, options: options, output: output) }
        progress.finish()
        return BuildSummary(entries: catalog.courses.count, drafts: catalog.draftsLeftOut, runs: index.runs.count, pages: plan.pages.count,
                            unchanged: unchanged, feeds: plan.feeds.count, files: plan.otherFileCount, seconds: clock.total,
                            warnings: log.sorted, stages: clock.laps, changed: policy.fingerprints ? policy.cache.changedFiles : nil)
    }
}
