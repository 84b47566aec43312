#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// `rm -rf` of a previous site or a killed build's folder: entries are
/// unlinked relative to their folder's descriptor (no path is walked again
/// per file, no `stat` per entry where the folder says what it is), and the
/// folders are emptied by several threads. Most of a removal's time on this
/// kind of disk is waiting for the device (ext4 with `discard` discards a
/// freed block before `unlink` or `rmdir` returns), so threads help even
/// beyond the number of cores. `syllabus serve` removes its build folder
/// with it too: that is most of the time it takes to stop.
public enum TreeRemoval {
    static let threads = 8

    /// Removes `path` and everything under it; a missing `path` is no error.
    /// Symbolic links are removed, never followed.
    public static func remove(_ path: String) throws {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            if errno == ENOENT { return }
            throw FileOutput.Failure(path: path, code: errno)
        }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            guard unlink(path) == 0 else { throw FileOutput.Failure(path: path, code: errno) }
            return
        }
        try removeFolders(try removeFiles(under: path))
    }

    /// Unlinks everything under `path` that is not a folder (files, symbolic
    /// links, anything else), keeping the folders; returns them by depth,
    /// `[[path], its subfolders, theirs, …]`. Level by level: every folder of
    /// one depth is emptied in parallel. With `mode`, each folder is given
    /// that mode if it has another (a reused folder must be what `mkdir` makes).
    /// `keeping` names a file of `path` itself that stays (the mark of a
    /// staging folder, `OutputDebris.Mark`).
    static func removeFiles(under path: String, mode: mode_t? = nil, keeping: String? = nil) throws -> [[String]] {
        var levels: [[String]] = [try removeFiles(in: path, mode: mode, keeping: keeping)]
        while let deepest = levels.last, !deepest.isEmpty {
            let found = try deepest.parallelEach(threads: threads) { try removeFiles(in: $0, mode: mode, keeping: nil) }
            levels.append(found.flatMap { $0 })
        }
        return [[path]] + levels.filter { !$0.isEmpty }
    }

    /// Whether the tree at `path` is only folders: removing it loses no byte.
    /// Symbolic links count as files, and are never followed.
    static func holdsOnlyFolders(_ path: String) throws -> Bool {
        var pending = [path]
        while let folder = pending.popLast() {
            let (names, folders) = try listing(folder) { _, names, folders in (names, folders) }
            guard names.isEmpty else { return false }
            pending += folders
        }
        return true
    }

    /// Removes empty folders listed by depth (as `removeFiles` returns them),
    /// deepest first, in parallel within a depth: a folder's subfolders are gone by then.
    static func removeFolders(_ levels: [[String]]) throws {
        for level in levels.reversed() where !level.isEmpty {
            _ = try level.parallelEach(threads: threads) { folder -> [String] in
                guard rmdir(folder) == 0 else { throw FileOutput.Failure(path: folder, code: errno) }
                return []
            }
        }
    }

    /// Unlinks every entry of `folder` that is not a folder (but `keeping`); returns the subfolders.
    private static func removeFiles(in folder: String, mode: mode_t?, keeping: String?) throws -> [String] {
        try listing(folder, mode: mode) { descriptor, names, folders in
            // Unlinked after the listing: removing entries while readdir walks them may skip some.
            for name in names where name != keeping && unlinkat(descriptor, name, 0) != 0 && errno != ENOENT {
                throw FileOutput.Failure(path: folder + "/" + name, code: errno)
            }
            return folders
        }
    }

    /// Lists `folder` (opened without following a link) as the names of what
    /// is not a folder and the paths of its subfolders, and hands both to
    /// `body` with the folder's descriptor. With `mode`, the folder is given
    /// that mode first if it has another.
    private static func listing<T>(_ folder: String, mode: mode_t? = nil,
                                   _ body: (Int32, [String], [String]) throws -> T) throws -> T {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileOutput.Failure(path: folder, code: errno) }
        if let mode {
            var status = stat()
            guard fstat(descriptor, &status) == 0, status.st_mode & 0o7777 == mode || fchmod(descriptor, mode) == 0 else {
                let code = errno
                close(descriptor)
                throw FileOutput.Failure(path: folder, code: code)
            }
        }
        guard let stream = fdopendir(descriptor) else {
            let code = errno
            close(descriptor)
            throw FileOutput.Failure(path: folder, code: code)
        }
        defer { closedir(stream) }
        var names: [String] = []
        var folders: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name == "." || name == ".." { continue }
            var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                var status = stat()
                guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else {
                    throw FileOutput.Failure(path: folder + "/" + name, code: errno)
                }
                isFolder = status.st_mode & S_IFMT == S_IFDIR
            }
            if isFolder { folders.append(folder + "/" + name) } else { names.append(name) }
        }
        return try body(descriptor, names, folders)
    }
}

private extension Array where Element == String {
    /// `body` on each element from `threads` threads of their own (blocked in
    /// the kernel most of the time, so more than the cores, which is why not
    /// `concurrentPerform`); the first error is thrown after all finished.
    func parallelEach(threads: Int, _ body: @escaping @Sendable (String) throws -> [String]) throws -> [[String]] {
        guard count > 1 else { return try map(body) }
        let work = SharedWork(items: self, body: body)
        let done = DispatchGroup()
        for _ in 0..<Swift.min(threads, count) {
            done.enter()
            Thread {
                work.run()
                done.leave()
            }.start()
        }
        done.wait()
        return try work.results.map { try $0!.get() }
    }
}

/// The items, the next one to take and the results of `parallelEach`.
private final class SharedWork: @unchecked Sendable {
    let items: [String]
    let body: @Sendable (String) throws -> [String]
    private let lock = NSLock()
    private var cursor = 0
    // Each slot is written by the one thread that took its index, read after all joined.
    var results: [Result<[String], Error>?]

    init(items: [String], body: @escaping @Sendable (String) throws -> [String]) {
        self.items = items
        self.body = body
        results = Array(repeating: nil, count: items.count)
    }

    func run() {
        while true {
            lock.lock()
            let i = cursor
            cursor += 1
            lock.unlock()
            guard i < items.count else { return }
            let result = Result { try body(items[i]) }
            lock.lock()
            results[i] = result
            lock.unlock()
        }
    }
}
