#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The folders a build keeps beside its output while it runs, named and
/// marked so that any later build recognises and removes what a killed one
/// left, and nothing else.
///
/// For an output `…/public` they are `…/.public.syllabus-staging-<pid>-<n>`
/// (the new site being written) and `…/.public.syllabus-retired-<pid>-<n>`
/// (the previous site on its way out, and after the swap its empty folders,
/// kept for the next build: see `FolderSkeleton`). A
/// build holds an exclusive `flock` on the folder that contains the output
/// from its cleanup to its swap, so a concurrent build into the same output
/// waits instead of removing a live staging folder; the kernel drops the
/// lock when a process dies, so anything of ours found under it is debris.
///
/// Why a name is not enough: a publisher may keep a folder of that name
/// beside the output (a backup, another tool's), and a build must not delete
/// a byte of it. So a build removes or reuses a folder of such a name only
/// when it can tell the folder is a build's: it holds `Mark` (written the
/// moment the staging folder is made, kept in it until the manifest is in,
/// written into the previous site right after the swap), or the manifest of
/// a site of ours (between those two moments), or no file at all (a folder
/// killed before its mark, or the folders an earlier version kept). Anything
/// else of such a name, files and links included, is left where it is.
struct OutputDebris: Sendable {
    let parent: URL
    let outputName: String

    init(output: URL) {
        parent = output.deletingLastPathComponent()
        outputName = output.lastPathComponent
    }

    /// `.syllabus-scratch`, the file by which a staging or retired folder is
    /// known as a build's. Never part of a published site.
    enum Mark {
        static let name = ".syllabus-scratch"
        static let header = "# A folder of syllabus build's, beside its output: the next build removes or reuses it."

        /// Marks `folder` (a staging folder just made, or the previous site just swapped out).
        static func write(into folder: String) throws {
            try FileOutput.write(header + "\n", to: folder + "/" + name, replacing: true)
        }

        static func isPresent(in folder: String) -> Bool {
            MarkFile.isPresent(name, in: folder, startingWith: header)
        }
    }

    func staging(unique: String) -> URL { parent.appendingPathComponent(".\(outputName).syllabus-staging-\(unique)") }
    func retired(unique: String) -> URL { parent.appendingPathComponent(".\(outputName).syllabus-retired-\(unique)") }

    /// Whether `name` is named as a folder this or an earlier version of Syllabus leaves
    /// beside the output (`.public.building-<pid>` and `.public.old-<pid>` before 2026-12).
    func isDebrisName(_ name: String) -> Bool {
        let prefix = ".\(outputName)."
        guard name.hasPrefix(prefix) else { return false }
        let rest = name.dropFirst(prefix.count)
        if rest.hasPrefix("syllabus-staging-") || rest.hasPrefix("syllabus-retired-") { return true }
        for legacy in ["building-", "old-"] where rest.hasPrefix(legacy) {
            let pid = rest.dropFirst(legacy.count)
            return !pid.isEmpty && pid.allSatisfy(\.isASCII) && pid.allSatisfy(\.isNumber)
        }
        return false
    }

    /// Whether the entry `name` beside the output is a build's folder (see the type's comment).
    func isBuildFolder(_ name: String) throws -> Bool {
        guard isDebrisName(name) else { return false }
        let path = parent.appendingPathComponent(name).path
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return false }
        if Mark.isPresent(in: path) || OutputManifest.isPresent(in: path) { return true }
        return try TreeRemoval.holdsOnlyFolders(path)
    }

    /// Removes what earlier builds left beside the output, except one folder
    /// of this version's naming whose folders the caller reuses (a retired
    /// folder, see `FolderSkeleton`, else a killed build's staging folder);
    /// returns that one. Call only while holding the lock.
    func removeLeftovers() throws -> URL? {
        let names = try FileManager.default.contentsOfDirectory(atPath: parent.path).filter(isBuildFolder).sorted()
        let prefix = ".\(outputName).syllabus-"
        let kept = names.first { $0.hasPrefix(prefix + "retired-") } ?? names.first { $0.hasPrefix(prefix + "staging-") }
        for name in names where name != kept {
            try TreeRemoval.remove(parent.appendingPathComponent(name).path)
        }
        return kept.map { parent.appendingPathComponent($0) }
    }

    /// Takes the exclusive lock on the output's parent folder, waiting for a
    /// build that holds it. Released when the returned lock is dropped.
    func lock() throws -> OutputLock {
        try OutputLock(folder: parent.path)
    }
}

/// An exclusive `flock` on a folder, held for the lifetime of the value.
final class OutputLock: Sendable {
    private let descriptor: Int32

    init(folder: String) throws {
        descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileOutput.Failure(path: folder, code: errno) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let code = errno
                close(descriptor)
                throw FileOutput.Failure(path: folder, code: code)
            }
        }
    }

    deinit { close(descriptor) }
}
