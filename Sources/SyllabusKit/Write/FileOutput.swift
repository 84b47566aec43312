#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Plain POSIX file writes: a build writes tens of thousands of small files,
/// and `FileManager` plus `Data.write` cost several system calls and a copy
/// of the bytes each.
enum FileOutput {
    struct Failure: Error, LocalizedError {
        let path: String
        let code: Int32
        var errorDescription: String? { "\(path): \(String(cString: strerror(code)))" }
    }

    /// Writes `text` as UTF-8 to `path`, creating missing parent folders.
    /// With `replacing`, the file is written aside and renamed over the old
    /// one, so a reader (`syllabus serve`) never sees half a page. Without,
    /// `path` is a new file of a staging folder; should it exist already (a
    /// second write, or a link to the live site, see `LiveSite`) it is
    /// replaced the same way, never truncated and written in place.
    static func write(_ text: String, to path: String, replacing: Bool = false) throws {
        var text = text
        try text.withUTF8 { buffer in
            try write(UnsafeRawBufferPointer(buffer), to: path, replacing: replacing)
        }
    }

    static func write(_ data: Data, to path: String, replacing: Bool = false) throws {
        try data.withUnsafeBytes { try write($0, to: path, replacing: replacing) }
    }

    static func write(_ bytes: UnsafeRawBufferPointer, to path: String, replacing: Bool) throws {
        if !replacing, try writeFile(bytes, to: path, exclusive: true) { return }
        let aside = path + ".syllabus-new"
        _ = try writeFile(bytes, to: aside, exclusive: false)
        guard rename(aside, path) == 0 else {
            let code = errno
            unlink(aside)
            throw Failure(path: path, code: code)
        }
    }

    /// False when `exclusive` and `path` exists.
    private static func writeFile(_ bytes: UnsafeRawBufferPointer, to path: String, exclusive: Bool) throws -> Bool {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (exclusive ? O_EXCL : O_TRUNC)
        var descriptor = open(path, flags, 0o644)
        if descriptor < 0, errno == ENOENT {
            try makeDirectories(parent(of: path))
            descriptor = open(path, flags, 0o644)
        }
        if descriptor < 0, exclusive, errno == EEXIST { return false }
        guard descriptor >= 0 else { throw Failure(path: path, code: errno) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, code: errno)
            }
            offset += written
        }
        return true
    }

    /// `mkdir -p`.
    static func makeDirectories(_ path: String) throws {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw Failure(path: path, code: errno) }
        try makeDirectories(parent(of: path))
        if mkdir(path, 0o755) != 0, errno != EEXIST { throw Failure(path: path, code: errno) }
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash > path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}
