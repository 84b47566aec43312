#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file by which a build knows a folder as its own (`OutputManifest`, `OutputDebris.Mark`).
enum MarkFile {
    /// Whether `folder/name` is a regular file (not a link, not a FIFO that
    /// would block) whose first line is `header`.
    static func isPresent(_ name: String, in folder: String, startingWith header: String) -> Bool {
        let descriptor = open(folder + "/" + name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return false }
        let expected = Array((header + "\n").utf8)
        var bytes = [UInt8](repeating: 0, count: expected.count)
        let count = read(descriptor, &bytes, bytes.count)
        return count == expected.count && bytes == expected
    }
}
