import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Calls back when anything under the watched folders changes: inotify on
/// Linux (new and deleted files and folders included), a cheap modification-
/// time scan elsewhere. Bursts of events (an editor's save) are merged.
final class FileWatcher: @unchecked Sendable {
    private let folders: [URL]
    private let onChange: @Sendable () -> Void
    /// Cleared by `stop()` on the caller's thread, read by the watching thread:
    /// only under `lock` (the only mutable state, hence `@unchecked Sendable`).
    private let lock = NSLock()
    private var stopped = false

    init(folders: [URL], onChange: @escaping @Sendable () -> Void) {
        self.folders = folders
        self.onChange = onChange
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
        var watched = Set<String>()
        func addWatches() {
            for path in allFolders() where !watched.contains(path) {
                if inotify_add_watch(fd, path, mask) >= 0 { watched.insert(path) }
            }
        }
        // The site root too, so a content/ or templates/ folder created later is seen.
        for folder in folders { _ = inotify_add_watch(fd, folder.deletingLastPathComponent().path, UInt32(IN_CREATE | IN_MOVED_TO)) }
        addWatches()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var pollDescriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        /// Reads pending events; true when a folder appeared or vanished, the
        /// only case that needs the (slow, on a large site) folder scan.
        func drain() -> Bool {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { return false }
            var foldersChanged = false
            var offset = 0
            while offset + 16 <= count {
                let eventMask = buffer.withUnsafeBytes { $0.load(fromByteOffset: offset + 4, as: UInt32.self) }
                let nameLength = buffer.withUnsafeBytes { $0.load(fromByteOffset: offset + 12, as: UInt32.self) }
                if eventMask & UInt32(IN_ISDIR) != 0 || eventMask & UInt32(IN_DELETE_SELF | IN_IGNORED) != 0 {
                    foldersChanged = true
                }
                offset += 16 + Int(nameLength)
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
                watched = watched.filter { FileManager.default.fileExists(atPath: $0) }
                addWatches()
            }
            onChange()
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
                last = now
                onChange()
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
