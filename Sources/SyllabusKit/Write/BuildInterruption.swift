#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Lets a signal (Ctrl-C, `kill`, a closed terminal) end a build without
/// leaving its staging folder behind. The command line installs the handlers;
/// this is the cleanup they call.
///
/// Every write into a staging folder holds `gate` for reading. The cleanup
/// takes it for writing and never gives it back: once it has it, no file is
/// half-written and none can be started, so removing the folders cannot race
/// a writer recreating them.
public enum BuildInterruption {
    /// Stops the running build's writes for good and removes its staging and
    /// retired folders. Call it from a normal thread (a `DispatchSource`
    /// signal handler), never from a signal handler itself, and end the
    /// process right after: the build's writers stay blocked.
    public static func removeStaging() {
        gate.blockForever()
        for path in folders.withLock({ $0 }) {
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    static let gate = WriteGate()
    private static let folders = LockedSet()

    static func track(_ path: String) { _ = folders.withLock { $0.insert(path) } }
    static func untrack(_ path: String) { _ = folders.withLock { $0.remove(path) } }
}

/// A read-write lock: many writers of files share it, the cleanup excludes them.
final class WriteGate: @unchecked Sendable {
    private let lock: UnsafeMutablePointer<pthread_rwlock_t>

    init() {
        lock = .allocate(capacity: 1)
        pthread_rwlock_init(lock, nil)
    }

    func whileOpen<T>(_ body: () throws -> T) rethrows -> T {
        pthread_rwlock_rdlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body()
    }

    func blockForever() { pthread_rwlock_wrlock(lock) }
}

final class LockedSet: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: Set<String> = []

    func withLock<T>(_ body: (inout Set<String>) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&paths)
    }
}
