#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What a build may reuse. A preview keeps one across rebuilds, so that one
/// edited course costs a re-read of that file and a re-render of the pages
/// that show it: parsed files by modification stamp, rendered bodies, and a
/// fingerprint of every page's inputs at its last write. A full build uses
/// one that keeps nothing but the memos shared within the build.
final class BuildCache: @unchecked Sendable {
    /// A source file as loaded: its value (`nil` when it has errors) and its diagnostics.
    struct Loaded<Value: Sendable>: Sendable {
        let value: Value?
        let log: DiagnosticLog
        /// `false` when the file could not be read: that is not kept, the next build tries again.
        var wasRead = true
    }

    private struct Kept<Value> {
        /// The file's modification stamp and everything else the value was made from.
        let inputs: Int
        let value: Value
    }

    /// `false` for a full build: nothing is compared with an earlier build.
    private let keeps: Bool
    private let lock = NSLock()
    private var courses: [String: Kept<Loaded<Course>>] = [:]
    private var instructors: [String: Kept<Loaded<Instructor>>] = [:]
    private var bodies: [Int: String] = [:]
    private var pageKeys: [String: Int] = [:]
    private var writtenPaths: Set<String> = []
    private var settingsKey: Int?
    /// Source files read again (not reused) by the build under way.
    private var reread: Set<String> = []
    /// Output files the build under way changed, added or removed.
    private var changedPaths: Set<String> = []
    /// Rendered entry cards and calendar events: within one build, and across
    /// rebuilds for a preview.
    let cards = CardCache()
    let events = Memo<ContentLines>()
    private let keptSearchRecords = SearchRecords()
    /// The search index's records, for a preview's rebuilds (a full build writes each once).
    var searchRecords: SearchRecords? { keeps ? keptSearchRecords : nil }

    init(keeps: Bool) { self.keeps = keeps }

    /// Whether the build about to start reads every source file: a full
    /// build's does, and so does a preview's first (it has nothing kept yet).
    var readsEverySource: Bool { !keeps || lock.withLock { courses.isEmpty && instructors.isEmpty } }

    /// The course at `path` (under `root`) as last loaded if neither the file
    /// nor `settings` changed since, else `load()`'s.
    func course(at path: String, root: String, settings: Int, load: () -> Loaded<Course>) -> Loaded<Course> {
        reuse(\.courses, path: path, root: root, settings: settings, load: load)
    }

    /// The instructor at `path` as last loaded if the file did not change, else `load()`'s.
    func instructor(at path: String, root: String, load: () -> Loaded<Instructor>) -> Loaded<Instructor> {
        reuse(\.instructors, path: path, root: root, settings: 0, load: load)
    }

    private func reuse<Value>(_ table: ReferenceWritableKeyPath<BuildCache, [String: Kept<Loaded<Value>>]>,
                              path: String, root: String, settings: Int,
                              load: () -> Loaded<Value>) -> Loaded<Value> {
        // The stamp is taken before reading, so a save during the read is seen next time.
        guard keeps, let stamp = Self.stamp(of: root + "/" + path) else { return load() }
        let inputs = pageKey(stamp.modified, stamp.size, stamp.inode, settings)
        if let kept = lock.withLock({ self[keyPath: table][path] }), kept.inputs == inputs { return kept.value }
        let loaded = load()
        lock.withLock {
            reread.insert(path)
            if loaded.wasRead { self[keyPath: table][path] = Kept(inputs: inputs, value: loaded) }
        }
        return loaded
    }

    /// Starts a build: no source file has been read by it yet.
    func startBuild() {
        lock.withLock {
            reread = []
            changedPaths = []
        }
    }

    /// The output file at `path` was written with other bytes than it had, made, or removed.
    func changed(_ path: String) {
        guard keeps else { return }
        lock.withLock { _ = changedPaths.insert(path) }
    }

    /// What the build under way changed in the output (only a preview's keeps count).
    var changedFiles: Set<String> { lock.withLock { changedPaths } }

    /// Whether this build read `source` again because it changed (always
    /// false for a full build, which compares nothing).
    func wasReread(_ source: String?) -> Bool {
        guard keeps, let source else { return false }
        return lock.withLock { reread.contains(source) }
    }

    /// The HTML of a Markdown body whose inputs hash to `key`, rendered once;
    /// a body with errors is rendered again next time, to report them again.
    func body(for key: Int, render: () -> (html: String, log: DiagnosticLog)) -> (html: String, log: DiagnosticLog) {
        if keeps, let html = lock.withLock({ bodies[key] }) { return (html, DiagnosticLog()) }
        let rendered = render()
        if keeps, !rendered.log.hasErrors { lock.withLock { bodies[key] = rendered.html } }
        return rendered
    }

    /// Called once every page is written. A build that keeps nothing lets go
    /// of the entry cards, which no feed needs, so that the feeds reuse their
    /// memory (a few hundred megabytes at 100,000 courses).
    func pagesWritten() {
        if !keeps { cards.removeAll() }
    }

    /// Modification time (to the nanosecond), size and inode, from one `stat`
    /// call. The inode tells a file moved over another (`mv new.md old.md`,
    /// which keeps the new file's time) from the one it replaced, even when
    /// both were saved in the same clock tick with the same length.
    private static func stamp(of path: String) -> (modified: Double, size: Int, inode: UInt64)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let file = FileIdentity(info)
        return (Double(file.modified.0) + Double(file.modified.1) / 1e9, Int(file.size), file.inode)
    }

    /// Forgets page fingerprints and memos when what every page depends on
    /// (site settings, templates, base URL) changed.
    func useSettings(_ key: Int) {
        lock.lock(); defer { lock.unlock() }
        if settingsKey != key {
            pageKeys = [:]
            cards.removeAll()
            events.removeAll()
            keptSearchRecords.removeAll()
        }
        settingsKey = key
    }

    /// Whether the file at `path` was last written from inputs with this fingerprint.
    func isCurrent(_ path: String, key: Int?) -> Bool {
        guard keeps, let key else { return false }
        lock.lock(); defer { lock.unlock() }
        return pageKeys[path] == key
    }

    /// The file at `path` was changed outside a build: the next one writes it.
    func forget(_ path: String) {
        lock.withLock { _ = pageKeys.removeValue(forKey: path) }
    }

    func wrote(_ path: String, key: Int?) {
        guard keeps else { return }
        lock.lock(); defer { lock.unlock() }
        pageKeys[path] = key
    }

    /// Records the files of a finished build; returns those of the previous
    /// build that are gone now and must be deleted.
    func finish(paths: Set<String>) -> Set<String> {
        lock.lock(); defer { lock.unlock() }
        let stale = writtenPaths.subtracting(paths)
        writtenPaths = paths
        for path in stale { pageKeys[path] = nil }
        return stale
    }
}
