#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// File names that are not valid UTF-8 (`caf\xE9.md`, saved by a Latin-1
/// system). Foundation lists them with U+FFFD in place of the bad bytes, so
/// the file can then not be opened by that name and the editor would be told
/// "cannot read the file"; reading the folder with `readdir` keeps the bytes,
/// so the message can show them.
struct UndecodableFileName: Sendable, Hashable {
    /// Path relative to the site root, e.g. `content/courses/caf\xE9.md`, bad bytes as `\xE9`.
    let escapedPath: String
    /// The same path as Foundation lists it, to leave it out of the build.
    let listedPath: String

    /// Every such name below `folder` (relative to `root`), sorted; hidden
    /// entries and symbolic links to folders are not entered.
    static func find(under folder: String, root: URL) -> [UndecodableFileName] {
        var found: [UndecodableFileName] = []
        walk(root.appendingPathComponent(folder).path, relative: Array(folder.utf8), into: &found)
        return found.sorted { $0.escapedPath < $1.escapedPath }
    }

    private static func walk(_ path: String, relative: [UInt8], into found: inout [UndecodableFileName]) {
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name: [UInt8] = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            guard let first = name.first, first != UInt8(ascii: ".") else { continue }
            let child = relative + [UInt8(ascii: "/")] + name
            if String(validating: name, as: UTF8.self) == nil {
                found.append(UndecodableFileName(escapedPath: escaped(child), listedPath: String(decoding: child, as: UTF8.self)))
            } else if entry.pointee.d_type == UInt8(DT_DIR) {
                walk(path + "/" + String(decoding: name, as: UTF8.self), relative: child, into: &found)
            }
        }
    }

    /// Valid UTF-8 as it is, every byte of an invalid sequence as `\xHH`.
    static func escaped(_ bytes: [UInt8]) -> String {
        var out = ""
        var index = 0
        while index < bytes.count {
            let length: Int
            switch bytes[index] {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            if length > 0, index + length <= bytes.count,
               let text = String(validating: bytes[index..<index + length], as: UTF8.self) {
                out += text
                index += length
            } else {
                out += "\\x" + String(bytes[index], radix: 16, uppercase: true).leftPadded(to: 2)
                index += 1
            }
        }
        return out
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
