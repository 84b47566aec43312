import Foundation
import Testing
@testable import SyllabusKit

/// A throwaway site in a temporary folder, written from a `[path: contents]`
/// dictionary (the Publish/Ink way), built with a fixed timestamp.
struct TestSite {
    /// 2020-05-20 18:40:00 UTC: every test build uses it, so output is fixed.
    static let timestamp = 1_590_000_000

    static let siteYML = """
    title: Test Training
    base_url: https://example.org/training/
    timezone: Europe/Stockholm
    time: "09:00-17:00"
    """

    /// The temporary folder holding `site/` (the root) and nothing else the test did not write.
    let folder: URL
    var root: URL { folder.appendingPathComponent("site") }
    var output: URL { folder.appendingPathComponent("out") }

    /// Writes `files` under a new root; `content/site.yml` is added unless given.
    init(_ files: [String: String], siteYML: String? = TestSite.siteYML) throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("syllabus-test-\(UUID().uuidString)")
        var all = files
        if let siteYML, all["content/site.yml"] == nil { all["content/site.yml"] = siteYML }
        if all.isEmpty { try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true) }
        for (path, text) in all { try write(Data(text.utf8), to: path) }
    }

    /// Copies a checked-in fixture folder as the root.
    init(copying fixture: URL) throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("syllabus-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixture, to: root)
    }

    func write(_ data: Data, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// The catalog as a build loads and checks it on `today`, through `cache`
    /// (a preview's, which hands back the same entry for an unchanged file).
    func catalog(cache: BuildCache, today: CalendarDate) throws -> Catalog {
        let content = ContentLoader.load(root: root, baseURLOverride: nil, cache: cache)
        var log = content.log
        let catalog = CatalogChecker.check(content, site: try #require(content.site), includeDrafts: false,
                                           buildDate: BuildDate(today: today), log: &log)
        #expect(!log.hasErrors, "\(log.sorted)")
        return catalog
    }

    func options(output: URL? = nil, includeDrafts: Bool = false, timestamp: Int = TestSite.timestamp) -> BuildOptions {
        BuildOptions(root: root, output: output ?? self.output, includeDrafts: includeDrafts, timestamp: timestamp)
    }

    /// The site as `syllabus serve` previews it: one rebuild state for the
    /// whole preview, its folder (`preview/` beside the site) and the options
    /// of every rebuild, after the first build.
    func startPreview() throws -> (preview: PreviewRebuild, output: URL, options: BuildOptions) {
        let preview = PreviewRebuild()
        let output = folder.appendingPathComponent("preview")
        var options = options(output: output)
        options.serveScript = #"<script src="/__syllabus/live.js"></script>"#
        try SiteBuilder.build(options, preview: preview)
        return (preview, output, options)
    }

    /// Builds into `output`; throws `BuildFailed` like the command line would report.
    @discardableResult
    func build(output: URL? = nil, includeDrafts: Bool = false, timestamp: Int = TestSite.timestamp) throws -> BuildSummary {
        try SiteBuilder.build(options(output: output, includeDrafts: includeDrafts, timestamp: timestamp))
    }

    /// The diagnostics of a build that is expected to fail; empty when it succeeded.
    func failures(output: URL? = nil) -> [String] {
        do {
            try build(output: output)
            return []
        } catch let failure as BuildFailed {
            return failure.diagnostics.map(\.description)
        } catch {
            return ["unexpected error: \(error)"]
        }
    }

    /// A file of the last build, as text.
    func read(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    /// The names in `folder` (the test's folder unless given), sorted, with
    /// the folders a build over an earlier output keeps for the next build
    /// (`FolderSkeleton`) shown as `.<output>.syllabus-retired-*`, and only
    /// when they hold no file but their mark (`OutputDebris.Mark`, checked):
    /// a folder with any other file, or without the mark, is shown under its real name.
    func names(in folder: URL? = nil) throws -> [String] {
        let folder = folder ?? self.folder
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).map { name in
            guard let mark = name.range(of: ".syllabus-retired-"), name.hasPrefix("."),
                  Array(fileTree(folder.appendingPathComponent(name)).keys) == [OutputDebris.Mark.name],
                  OutputDebris.Mark.isPresent(in: folder.appendingPathComponent(name).path) else { return name }
            return name[..<mark.upperBound] + "*"
        }.sorted()
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// Every regular file under `folder`, relative path to bytes.
func fileTree(_ folder: URL) -> [String: Data] {
    var tree: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return tree }
    while let relative = enumerator.nextObject() as? String {
        let url = folder.appendingPathComponent(relative)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            tree[relative] = FileManager.default.contents(atPath: url.path)
        }
    }
    return tree
}

/// `fileTree` less the record of page fingerprints (`PageFingerprints`),
/// which names inodes and times and so differs between two equal sites.
func siteTree(_ folder: URL) -> [String: Data] {
    fileTree(folder).filter { $0.key != PageFingerprints.name }
}

/// The checked-in test data folders, found from this file's path.
enum TestData {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")
    static let snapshots = testsFolder.appendingPathComponent("Snapshots")
}
