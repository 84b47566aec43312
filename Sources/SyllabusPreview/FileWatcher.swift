import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Calls back when anything under the watched folders changes: inotify on
/// Linux (new and deleted files and folders included), a cheap modification-
/// time scan elsewhere. Bursts of events (an editor's save) are merged, and
/// the callback is told which paths changed, relative to `root`
/// (`content/courses/otp.md`), so that the preview can show a saved course's
/// page before it rebuilds the rest. When the kernel dropped events (its
/// queue overflowed) the callback gets the watched folders themselves.
final class FileWatcher: @unchecked Sendable {
    private let root: URL
    private let folders: [URL]
    private let onChange: @Sendable (Set<String>) -> Void
    /// Cleared by `stop()` on the caller's thread, read by the watching thread:
    /// only under `lock` (the only mutable state, hence `@unchecked Sendable`).
    private let lock = NSLock()
    private var stopped = false

    /// Watches `folders` (relative to `root`, e.g. `content`).
    init(root: URL, folders: [String], onChange: @escaping @Sendable (Set<String>) -> Void) {
        self.root = root
        self.folders = folders.map { root.appendingPathComponent($0) }
        self.onChange = onChange
    }

    /// `path` relative to the site root, as the build names its sources.
    private func relative(_ path: String) -> String {
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    func start() {
        let thread = Thread { [self] in self.run() }
        thread.name = "syllabus-watch"
        thread.start()
    }

    func stop() { lock.withLock { stopped = true } }

    private var running: Bool { lock.withLock { !stopped } }

    private func run() {
        #if os(Linux)
        if watchWithInotify() { return }
        #endif
        watchByPolling()
    }

    /// Every folder below the watched ones, for inotify (which is not recursive).
    private func allFolders() -> [String] {
        var result: [String] = []
        for folder in folders {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            result.append(folder.path)
            let enumerator = FileManager.default.enumerator(atPath: folder.path)
            while let relative = enumerator?.nextObject() as? String {
                let path = folder.appendingPathComponent(relative).path
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                    result.append(path)
                }
            }
        }
        return result
    }

    #if os(Linux)
    private func watchWithInotify() -> Bool {
        let fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let mask = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MODIFY)
        /// Each watch's folder, to name the files its events are about.
        var watched: [Int32: String] = [:]
        func addWatches() {
            let known = Set(watched.values)
            for path in allFolders() where !known.contains(path) {
                let descriptor = inotify_add_watch(fd, path, mask)
                if descriptor >= 0 { watched[descriptor] = path }
            }
        }
        // The site root too, so a content/ or templates/ folder created later is seen.
        for folder in folders {
            let descriptor = inotify_add_watch(fd, folder.deletingLastPathComponent().path, UInt32(IN_CREATE | IN_MOVED_TO))
            if descriptor >= 0 { watched[descriptor] = folder.deletingLastPathComponent().path }
        }
        addWatches()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var pollDescriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        var changed = Set<String>()
        /// Reads pending events into `changed`; true when a folder appeared or
        /// vanished, the only case that needs the (slow, on a large site) folder scan.
        func drain() -> Bool {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { return false }
            var foldersChanged = false
            var offset = 0
            while offset + 16 <= count {
                let descriptor = buffer.withUnsafeBytes { $0.load(fromByteOffset: offset, as: Int32.self) }
                let eventMask = buffer.withUnsafeBytes { $0.load(fromByteOffset: offset + 4, as: UInt32.self) }
                let nameLength = Int(buffer.withUnsafeBytes { $0.load(fromByteOffset: offset + 12, as: UInt32.self) })
                if eventMask & UInt32(IN_ISDIR) != 0 || eventMask & UInt32(IN_DELETE_SELF | IN_IGNORED) != 0 {
                    foldersChanged = true
                }
                if eventMask & UInt32(IN_IGNORED) != 0 {
                    // The kernel dropped this watch (its folder is gone): a folder made
                    // again at that path needs a watch of its own.
                    watched[descriptor] = nil
                } else if eventMask & UInt32(IN_Q_OVERFLOW) != 0 {
                    // Events were lost: which files changed is unknown, and folders may be new.
                    changed.formUnion(folders.map { relative($0.path) })
                    foldersChanged = true
                } else if let folder = watched[descriptor] {
                    let end = min(offset + 16 + nameLength, count)
                    // The name is NUL-padded to the event's length.
                    let name = buffer[(offset + 16)..<end].prefix { $0 != 0 }
                    changed.insert(relative(name.isEmpty ? folder : folder + "/" + String(decoding: name, as: UTF8.self)))
                }
                offset += 16 + nameLength
            }
            return foldersChanged
        }
        while running {
            let ready = poll(&pollDescriptor, 1, 250)
            guard ready > 0 else { continue }
            var foldersChanged = drain()
            // Merge the rest of the burst: editors write, rename and chmod in quick succession.
            while poll(&pollDescriptor, 1, 15) > 0 {
                foldersChanged = drain() || foldersChanged
            }
            if foldersChanged {
                watched = watched.filter { FileManager.default.fileExists(atPath: $0.value) }
                addWatches()
            }
            onChange(changed)
            changed = []
        }
        return true
    }
    #endif

    private func watchByPolling() {
        var last = snapshot()
        while running {
            Thread.sleep(forTimeInterval: 0.3)
            let now = snapshot()
            if now != last {
                let paths = Set(now.keys).union(last.keys).filter { now[$0] != last[$0] }
                last = now
                onChange(Set(paths.map(relative)))
            }
        }
    }

    private func snapshot() -> [String: Date] {
        var result: [String: Date] = [:]
        for folder in folders {
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.contentModificationDateKey])
            while let url = enumerator?.nextObject() as? URL {
                result[url.path] = (try? url.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate ?? .distantPast
            }
        }
        return result
    }
}
