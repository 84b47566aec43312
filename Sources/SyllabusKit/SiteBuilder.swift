import Foundation

/// What a build did, for the one-line summary.
public struct BuildSummary: Sendable {
    public let entries: Int
    /// Entries marked `draft: true` that were left out (0 with `--drafts`).
    public let drafts: Int
    public let runs: Int
    public let pages: Int
    public let feeds: Int
    public let files: Int
    public let seconds: Double
    public let warnings: [Diagnostic]
    /// Time per stage, in pipeline order.
    public let stages: [BuildStage]

    /// `Built 7 entries (5 runs): 31 pages, 13 feeds, 3 assets in 0.12 s`
    public var line: String {
        "Built \(entries) entr\(entries == 1 ? "y" : "ies") (\(runs) run\(runs == 1 ? "" : "s")): \(pages) pages, \(feeds) feeds, \(files) other files in \(String(format: "%.2f", seconds)) s" + draftsNote
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
    ///
    /// With a `cache` (as `syllabus serve` keeps one) the build writes in place
    /// and re-renders only the pages whose inputs changed since the last call.
    public static func build(_ options: BuildOptions, write: Bool = true, cache: BuildCache? = nil,
                             progress: Progress = .silent) throws -> BuildSummary {
        var clock = StageClock()
        var log = DiagnosticLog()
        // serve's private folder is written in place and never replaced.
        var output = options.output
        if write, cache == nil {
            output = try OutputTarget.resolve(output: options.output, root: options.root, force: options.force).get().folder
        } else if write, case .failure(let refusal) = OutputTarget.resolve(output: options.output, root: options.root, force: true) {
            throw refusal
        }

        progress.stage("Loading")
        let content = ContentLoader.load(root: options.root, baseURLOverride: options.baseURL, cache: cache)
        log.merge(content.log)
        let templates = TemplateSet.load(root: options.root, log: &log)
        clock.lap("load")
        guard let site = content.site, let templates else { throw BuildFailed(diagnostics: log.sorted) }

        progress.stage("Checking")
        let buildDate = BuildDate(epochSeconds: options.timestamp, timezone: site.timezone, zones: options.zones)
        let catalog = CatalogChecker.check(content, site: site, includeDrafts: options.includeDrafts,
                                           buildDate: buildDate, log: &log)
        let paths = SitePaths(base: site.baseURL)
        let bodies = RenderedBodies.render(catalog, content: content, paths: paths, cache: cache, log: &log)
        clock.lap("markdown")
        if log.hasErrors { throw BuildFailed(diagnostics: log.sorted) }

        let index = CatalogIndex(catalog)
        clock.lap("index")

        let contexts = PageContexts(index: index, paths: paths, bodies: bodies, serveScript: options.serveScript,
                                    fingerprints: cache != nil, cards: cache?.cards ?? CardCache(),
                                    siteStylesheet: templates.assets["site.css"] != nil,
                                    upcoming: UpcomingRuns(buildDate),
                                    prices: PriceText(language: site.language),
                                    facets: Facets.of(index, site: site))
        let pages = PagePlan.pages(contexts, templates: templates)
        // SEQUENCE is for published feeds; serve's private preview skips
        // re-reading its own multi-megabyte feed on every save.
        var ledger = SequenceLedger()
        if cache == nil, let previous = PreviousFeed.read(options.previousFeed, output: output, log: &log) {
            ledger = SequenceLedger(previousFeed: previous.text, source: previous.source, log: &log)
        }
        if log.hasErrors { throw BuildFailed(diagnostics: log.sorted) }
        let tombstones = Tombstone.kept(from: ledger, currentUIDs: FeedPlan.uids(index), buildDate: buildDate.today)
        let feedWriter = FeedWriter(site: site, paths: paths, timestamp: options.timestamp, buildDate: buildDate.today,
                                    ledger: ledger, prices: contexts.prices, database: options.zones,
                                    // Each event is in several feeds (catalog, course,
                                    // instructor, topic): written once per build.
                                    events: cache?.events ?? Memo<ContentLines>())
        let feeds = FeedPlan.feeds(index, tombstones: tombstones, buildDate: buildDate.today, fingerprints: cache != nil)
        let feedSizes = FeedSizes()

        cache?.useSettings(pageKey(site, templates.fingerprint, options.serveScript, options.includeDrafts, buildDate))
        let folder = OutputFolder(root: options.root, output: output, inPlace: cache != nil, force: options.force)
        let sink = OutputSink(folder: write ? folder : nil, cache: cache)
        do {
            try sink.begin()
            progress.stage("Rendering pages", total: pages.count)
            try sink.write(pages, progress: progress)
            clock.lap("templates")
            progress.stage("Writing feeds", total: feeds.count)
            try sink.write(feeds.map { feed in
                Page(path: feed.path, key: feed.key) {
                    let text = feedWriter.render(feed)
                    feedSizes.record(feed.path, text.utf8.count)
                    return text
                }
            }, progress: progress)
            feedSizes.warn(output: options.output, log: &log)
            clock.lap("feeds")
            var other = 0
            // The sitemap changes only when pages come or go.
            var pageSet = 0
            if cache != nil { for page in pages { pageSet ^= page.path.hashValue } }
            let sitemaps = Sitemap.files(pagePaths: pages.map(\.path).filter { $0 != "404.html" }, paths: paths)
            try sink.write(sitemaps.map { file in
                Page(path: file.path, key: cache != nil ? pageKey(pageSet, pages.count, file.path) : nil) { file.xml }
            }, progress: .silent)
            try sink.write([Page(path: SitePaths.searchIndex, key: nil) {
                SearchIndex.json(index, facets: contexts.facets, hoursLabel: contexts.hoursLabel)
            }], progress: .silent)
            for (name, data) in templates.assets.sorted(by: { $0.key < $1.key }) {
                try sink.write(data, to: "assets/\(name)")
                other += 1
            }
            for file in catalog.media {
                // Read here, not copied by the file system, so that a media file
                // that cannot be read is reported as the source it is.
                guard let data = SourceFile.bytes("content/media/\(file)", under: options.root, log: &log) else { continue }
                try sink.write(data, to: "media/\(file)")
                other += 1
            }
            if log.hasErrors { throw BuildFailed(diagnostics: log.sorted) }
            if options.strict, !log.entries.isEmpty { throw BuildFailed(diagnostics: log.sorted.map(\.strict)) }
            var allPaths = Set(pages.map(\.path) + feeds.map(\.path) + sitemaps.map(\.path) + [SitePaths.searchIndex])
            allPaths.formUnion(templates.assets.keys.map { "assets/\($0)" })
            allPaths.formUnion(catalog.media.map { "media/\($0)" })
            try sink.commit(paths: allPaths)
            clock.lap("write")
            progress.finish()
            return BuildSummary(entries: catalog.courses.count, drafts: catalog.draftsLeftOut, runs: index.runs.count, pages: pages.count,
                                feeds: feeds.count, files: other + sitemaps.count + 1, seconds: clock.total, warnings: log.sorted,
                                stages: clock.laps)
        } catch let failure as BuildFailed {
            sink.abandon()
            throw failure
        } catch {
            sink.abandon()
            throw BuildFailed(diagnostics: log.sorted + [.error(SourceLocation(path: output.path), "cannot write the output: \(error.localizedDescription)")])
        }
    }
}
