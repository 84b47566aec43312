import Foundation

/// Paths the file watcher reported since the rebuild loop last looked: a
/// save during a rebuild is merged into the next one, with every path kept
/// (the change stream itself holds only the latest signal).
final class ChangedPaths: @unchecked Sendable {
    /// Only under `lock`: the watcher's thread adds, the rebuild task takes.
    private var paths: Set<String> = []
    private let lock = NSLock()

    func add(_ changed: Set<String>) {
        lock.withLock { paths.formUnion(changed) }
    }

    /// Whether nothing was reported since the last `take()`.
    var isEmpty: Bool { lock.withLock { paths.isEmpty } }

    /// The paths so far, leaving none.
    func take() -> Set<String> {
        lock.withLock {
            defer { paths = [] }
            return paths
        }
    }
}
