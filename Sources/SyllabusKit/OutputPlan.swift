import Foundation

/// Every file of a build, listed once: written from this list, recorded from
/// it in `.syllabus-output`, removed by a preview when it leaves the list,
/// and counted from it in the summary.
struct OutputPlan: Sendable {
    let pages: [Page]
    let feeds: [Page]
    /// The sitemaps and the search index.
    let indexes: [Page]
    /// The theme's assets, under `assets/`.
    let assets: [(path: String, data: Data)]
    /// Files under `content/media/`, published under `media/`.
    let media: [String]
    /// What the pages are rendered from.
    let contexts: PageContexts
    /// The size of each feed as it is rendered, for the warning about large feeds.
    private let feedSizes = FeedSizes()
    /// Course bodies rendered with their pages report their broken links here.
    private let bodies: RenderedBodies
    private let shownOutput: URL

    /// The path of every file the build writes.
    var paths: Set<String> {
        var paths = Set(pages.map(\.path) + feeds.map(\.path) + indexes.map(\.path))
        paths.formUnion(assets.map(\.path))
        paths.formUnion(media.map { "media/\($0)" })
        return paths
    }

    /// A warning for each feed written larger than calendar services accept.
    func reportFeedSizes(log: inout DiagnosticLog) {
        feedSizes.warn(output: shownOutput, log: &log)
    }

    /// The broken links of the bodies rendered with their pages, once the pages are.
    func reportBodyLinks(log: inout DiagnosticLog) {
        bodies.reportLate(log: &log)
    }

    /// Files that are neither pages nor feeds: sitemaps, the search index, assets and media.
    var otherFileCount: Int { indexes.count + assets.count + media.count }

    init(_ index: CatalogIndex, bodies: RenderedBodies, templates: TemplateSet, paths: SitePaths,
         options: BuildOptions, buildDate: BuildDate, policy: some BuildPolicy, ledger: SequenceLedger) {
        let contexts = PageContexts(index: index, paths: paths, bodies: bodies, serveScript: options.serveScript,
                                    fingerprints: policy.fingerprints, cards: policy.cache.cards,
                                    siteStylesheet: templates.assets["site.css"] != nil,
                                    upcoming: UpcomingRuns(buildDate),
                                    prices: PriceText(language: index.catalog.site.language),
                                    facets: Facets.of(index, site: index.catalog.site))
        // The feeds' plan needs none of the pages': worked out beside them
        // (a sixth of a preview rebuild at 10,000 courses, on one core otherwise).
        let fingerprints = policy.fingerprints
        let feedPlan = Concurrently { () -> [Feed] in
            let tombstones = Tombstone.kept(from: ledger, currentUIDs: FeedPlan.uids(index), buildDate: buildDate.today)
            return FeedPlan.feeds(index, tombstones: tombstones, buildDate: buildDate.today, fingerprints: fingerprints)
        }
        pages = PagePlan.pages(contexts, templates: templates)
        self.contexts = contexts
        self.bodies = bodies
        let feedWriter = FeedWriter(site: index.catalog.site, paths: paths, timestamp: options.timestamp,
                                    buildDate: buildDate.today, ledger: ledger, prices: contexts.prices, database: options.zones,
                                    // Each event is in several feeds (catalog, course,
                                    // instructor, topic): written once per build.
                                    events: policy.cache.events)
        let sizes = feedSizes
        feeds = feedPlan.value.map { feed in
            Page(path: feed.path, key: feed.key) {
                let text = feedWriter.render(feed)
                sizes.record(feed.path, text.utf8.count)
                return text
            }
        }
        shownOutput = options.output
        // The sitemap changes only when pages come or go; order-independent,
        // so the 10,000 pages need no sorting.
        var pageSet = 0
        for page in pages { pageSet ^= page.path.hashValue }
        let sitemaps = Sitemap.files(pagePaths: pages.map(\.path).filter { $0 != "404.html" }, paths: paths)
        let pageCount = pages.count
        indexes = sitemaps.map { file in
            Page(path: file.path, key: pageKey(pageSet, pageCount, file.path)) { file.xml }
        } + [SearchIndex.page(contexts, records: policy.cache.searchRecords)]
        assets = templates.assets.sorted(by: { $0.key < $1.key }).map { ("assets/\($0.key)", $0.value) }
        media = index.catalog.media
    }
}
