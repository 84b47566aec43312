#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A text file of the site, read and decoded; `path` is relative to the root
/// so diagnostics read the same on every machine.
struct SourceFile: Sendable {
    let path: String
    let text: String

    /// The file name without its `.md`: `beam-vm` for `content/courses/beam-vm.md`,
    /// the slug a course or profile file names.
    static func stem(_ path: String) -> String {
        // On the bytes: splitting by Character walks grapheme clusters, and this
        // runs a few times for each of thousands of files.
        let slash = UInt8(ascii: "/")
        var end = path.utf8.endIndex
        while end > path.utf8.startIndex, path.utf8[path.utf8.index(before: end)] == slash { end = path.utf8.index(before: end) }
        let start = path.utf8[..<end].lastIndex(of: slash).map { path.utf8.index(after: $0) } ?? path.utf8.startIndex
        guard start < end else { return path }
        let name = path[start..<end]
        return String(name.utf8.count >= 3 && name.utf8.suffix(3).elementsEqual(".md".utf8) ? name.dropLast(3) : name)
    }

    /// Reads `relativePath` under `root`, reporting unreadable files and bytes
    /// that are not UTF-8 instead of guessing an encoding.
    static func read(_ relativePath: String, under root: URL, log: inout DiagnosticLog) -> SourceFile? {
        guard let data = bytes(relativePath, under: root, log: &log) else { return nil }
        guard var text = String(validatingUTF8Data: data) else {
            let (line, column) = firstInvalidUTF8(in: data)
            log.error(SourceLocation(path: relativePath, line: line, column: column),
                      "the file is not valid UTF-8; save it as UTF-8")
            return nil
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return SourceFile(path: relativePath, text: text)
    }

    /// The bytes of `relativePath` under `root`, or an error naming the file
    /// and the reason. Only regular files are read: a symbolic link is refused
    /// (it could publish any file of the machine, `passwd -> /etc/passwd`), and
    /// a FIFO or device is refused rather than read, which could block forever.
    static func bytes(_ relativePath: String, under root: URL, log: inout DiagnosticLog) -> Data? {
        let location = SourceLocation(path: relativePath)
        // Joined as text, as `SourceFolder` lists them: a URL per file cost more than its read.
        let path = root.path + "/" + relativePath
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ELOOP {
                log.error(location, "\(SourceFolder.linkRefusal) copy the file itself here instead of linking to it")
            } else {
                log.error(location, "cannot read the file: \(String(cString: strerror(errno)))")
            }
            return nil
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            log.error(location, "cannot read the file: \(String(cString: strerror(errno)))")
            return nil
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            log.error(location, "cannot read the file: it is not a regular file (a folder, device, FIFO or socket)")
            return nil
        }
        // The size `fstat` gave, plus one byte: a file read to that byte has
        // grown since, and only then is the buffer made larger. (Growing it by
        // 64 KB to see the end zero-filled 64 KB for every file.)
        var data = Data(count: Int(status.st_size) + 1)
        var filled = 0
        while true {
            if filled == data.count { data.count += max(65_536, data.count) }
            let count = data.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                log.error(location, "cannot read the file: \(String(cString: strerror(errno)))")
                return nil
            }
            if count == 0 { break }
            filled += count
        }
        data.count = filled
        return data
    }

    #if canImport(Glibc)
    private static let systemRead = Glibc.read
    #else
    private static let systemRead = Darwin.read
    #endif

    /// Line and byte column of the first byte that breaks UTF-8.
    private static func firstInvalidUTF8(in data: Data) -> (Int, Int) {
        let bytes = [UInt8](data)
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, index - lineStart + 1)
            }
            guard index + length <= bytes.count,
                  String(decoding: bytes[index..<index + length], as: UTF8.self).unicodeScalars.first != "\u{FFFD}"
            else { return (line, index - lineStart + 1) }
            if byte == 0x0A { line += 1; lineStart = index + 1 }
            index += length
        }
        return (line, 1)
    }
}

extension String {
    /// Strict UTF-8 decoding: `nil` rather than replacement characters.
    init?(validatingUTF8Data data: Data) {
        guard let decoded = data.withUnsafeBytes({ String(validating: $0.bindMemory(to: UInt8.self), as: UTF8.self) })
        else { return nil }
        self = decoded
    }
}
