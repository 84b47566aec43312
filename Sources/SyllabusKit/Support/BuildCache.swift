import Foundation

/// What `syllabus serve` keeps between rebuilds so that one edited course
/// costs a re-read of that file and a re-render of the pages that show it,
/// not a whole build: parsed files by modification stamp, rendered bodies,
/// and a fingerprint of every page's inputs at its last write.
public final class BuildCache: @unchecked Sendable {
    struct FileStamp: Hashable {
        let modified: Double
        let size: Int
    }

    struct LoadedCourse {
        let stamp: FileStamp
        let siteKey: Int
        let course: Course?
        let log: DiagnosticLog
    }

    struct LoadedInstructor {
        let stamp: FileStamp
        let instructor: Instructor?
        let log: DiagnosticLog
    }

    private let lock = NSLock()
    private var instructors: [String: LoadedInstructor] = [:]

    func instructor(at path: String, stamp: FileStamp) -> LoadedInstructor? {
        lock.lock(); defer { lock.unlock() }
        guard let cached = instructors[path], cached.stamp == stamp else { return nil }
        return cached
    }

    func store(_ loaded: LoadedInstructor, at path: String) {
        lock.lock(); defer { lock.unlock() }
        instructors[path] = loaded
    }
    private var courses: [String: LoadedCourse] = [:]
    private var bodies: [Int: String] = [:]
    private var pageKeys: [String: Int] = [:]
    private var writtenPaths: Set<String> = []
    private var settingsKey: Int?
    /// Rendered entry cards and calendar events, kept across rebuilds.
    let cards = CardCache()
    let events = Memo<ContentLines>()

    public init() {}

    /// Modification time (to the nanosecond) and size, from one `stat` call.
    static func stamp(of path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
        return FileStamp(modified: modified, size: Int(info.st_size))
    }

    func course(at path: String, stamp: FileStamp, siteKey: Int) -> LoadedCourse? {
        lock.lock(); defer { lock.unlock() }
        guard let cached = courses[path], cached.stamp == stamp, cached.siteKey == siteKey else { return nil }
        return cached
    }

    func store(_ loaded: LoadedCourse, at path: String) {
        lock.lock(); defer { lock.unlock() }
        courses[path] = loaded
    }

    func body(for key: Int) -> String? {
        lock.lock(); defer { lock.unlock() }
        return bodies[key]
    }

    func store(body: String, for key: Int) {
        lock.lock(); defer { lock.unlock() }
        bodies[key] = body
    }

    /// Forgets page fingerprints when what every page depends on (site
    /// settings, templates, base URL) changed.
    func useSettings(_ key: Int) {
        lock.lock(); defer { lock.unlock() }
        if settingsKey != key {
            pageKeys = [:]
            cards.removeAll()
            events.removeAll()
        }
        settingsKey = key
    }

    func isCurrent(_ path: String, key: Int) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return pageKeys[path] == key
    }

    func wrote(_ path: String, key: Int?) {
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
