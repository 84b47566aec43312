#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CRenameExchange
import Foundation

/// Puts a finished build in place of the output folder.
enum OutputSwap {
    /// Moves `staging` to `output`. With an existing output the two are
    /// exchanged in one atomic step (Linux `renameat2(RENAME_EXCHANGE)`,
    /// macOS `renamex_np(RENAME_SWAP)`), so there is never a moment without
    /// an output; the previous site is then at `staging` for the caller to
    /// remove. Where the file system cannot exchange (EINVAL, ENOTSUP, ENOSYS)
    /// it falls back to two renames, output to `retired` and staging to
    /// output, with a short window in which the output is missing.
    /// Returns the folder now holding the previous site, if there was one.
    static func swap(staging: URL, into output: URL, retired: URL) throws -> URL? {
        var status = stat()
        if lstat(output.path, &status) != 0 {
            guard errno == ENOENT else { throw FileOutput.Failure(path: output.path, code: errno) }
            guard rename(staging.path, output.path) == 0 else { throw FileOutput.Failure(path: output.path, code: errno) }
            return nil
        }
        if syllabus_rename_exchange(staging.path, output.path) == 0 { return staging }
        let code = errno
        guard code == EINVAL || code == ENOSYS || code == ENOTSUP || code == EOPNOTSUPP else {
            throw FileOutput.Failure(path: output.path, code: code)
        }
        return try twoRenames(staging: staging, into: output, retired: retired)
    }

    /// The fallback, also used by the tests to check it on file systems that can exchange.
    static func twoRenames(staging: URL, into output: URL, retired: URL) throws -> URL {
        guard rename(output.path, retired.path) == 0 else { throw FileOutput.Failure(path: output.path, code: errno) }
        guard rename(staging.path, output.path) == 0 else {
            let code = errno
            rename(retired.path, output.path)
            throw FileOutput.Failure(path: output.path, code: code)
        }
        return retired
    }
}
