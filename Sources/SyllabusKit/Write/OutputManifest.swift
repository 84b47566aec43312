#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// `.syllabus-output`, written into every output folder a build swaps in: the
/// mark by which the next build knows the folder is Syllabus's to replace, and
/// the list of the files the build wrote. A dotfile that no page links to and
/// the sitemap leaves out; web servers usually refuse dotfiles anyway.
enum OutputManifest {
    static let name = ".syllabus-output"
    /// The first line; a folder is recognised by it, not by the name alone.
    static let header = "# Written by syllabus build. The next build replaces this folder; the files it holds:"

    static func text(paths: Set<String>) -> String {
        ([header] + paths.sorted()).joined(separator: "\n") + "\n"
    }

    /// Whether `folder` holds a manifest (a regular file, not a link) that starts with the header.
    static func isPresent(in folder: String) -> Bool {
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
