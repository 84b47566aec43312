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
    /// one, so a reader (`syllabus serve`) never sees half a page.
    static func write(_ text: String, to path: String, replacing: Bool = false) throws {
        var text = text
        try text.withUTF8 { buffer in
            try write(UnsafeRawBufferPointer(buffer), to: path, replacing: replacing)
        }
    }

    static func write(_ data: Data, to path: String, replacing: Bool = false) throws {
        try data.withUnsafeBytes { try write($0, to: path, replacing: replacing) }
    }

    private static func write(_ bytes: UnsafeRawBufferPointer, to path: String, replacing: Bool) throws {
        guard replacing else { return try writeFile(bytes, to: path) }
        let aside = path + ".syllabus-new"
        try writeFile(bytes, to: aside)
        guard rename(aside, path) == 0 else {
            let code = errno
            unlink(aside)
            throw Failure(path: path, code: code)
        }
    }

    private static func writeFile(_ bytes: UnsafeRawBufferPointer, to path: String) throws {
        var descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == ENOENT {
            try makeDirectories(parent(of: path))
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
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
    }

    /// `mkdir -p`.
    static func makeDirectories(_ path: String) throws {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw Failure(path: path, code: errno) }
        try makeDirectories(parent(of: path))
        if mkdir(path, 0o755) != 0, errno != EEXIST { throw Failure(path: path, code: errno) }
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash > path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}
