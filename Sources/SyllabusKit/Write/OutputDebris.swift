#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The folders a build keeps beside its output while it runs, named so that
/// any later build recognises and removes what a killed one left.
///
/// For an output `…/public` they are `…/.public.syllabus-staging-<pid>-<n>`
/// (the new site being written) and `…/.public.syllabus-retired-<pid>-<n>`
/// (the previous site on its way out, and after the swap its empty folders,
/// kept for the next build: see `FolderSkeleton`). A
/// build holds an exclusive `flock` on the folder that contains the output
/// from its cleanup to its swap, so a concurrent build into the same output
/// waits instead of removing a live staging folder; the kernel drops the
/// lock when a process dies, so anything found under it is debris.
struct OutputDebris: Sendable {
    let parent: URL
    let outputName: String

    init(output: URL) {
        parent = output.deletingLastPathComponent()
        outputName = output.lastPathComponent
    }

    func staging(unique: String) -> URL { parent.appendingPathComponent(".\(outputName).syllabus-staging-\(unique)") }
    func retired(unique: String) -> URL { parent.appendingPathComponent(".\(outputName).syllabus-retired-\(unique)") }

    /// Whether `name` is a folder this or an earlier version of Syllabus left
    /// beside the output (`.public.building-<pid>` and `.public.old-<pid>` before 2026-12).
    func isDebris(_ name: String) -> Bool {
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

    /// Removes what earlier builds left beside the output, except one folder
    /// of this version's naming whose folders the caller reuses (a retired
    /// folder, see `FolderSkeleton`, else a killed build's staging folder);
    /// returns that one. Call only while holding the lock.
    func removeLeftovers() throws -> URL? {
        let names = try FileManager.default.contentsOfDirectory(atPath: parent.path).filter(isDebris).sorted()
        let prefix = ".\(outputName).syllabus-"
        let kept = names.first { $0.hasPrefix(prefix + "retired-") } ?? names.first { $0.hasPrefix(prefix + "staging-") }
        for name in names where name != kept {
            try TreeRemoval.remove(parent.appendingPathComponent(name).path)
        }
        guard let kept else { return nil }
        let folder = parent.appendingPathComponent(kept)
        // Only a real folder is reused; anything else of that name was just another leftover.
        var status = stat()
        guard lstat(folder.path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
            try TreeRemoval.remove(folder.path)
            return nil
        }
        return folder
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
