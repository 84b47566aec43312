import Foundation

// Build-time helper of the EmbedTheme plugin: writes every file under the
// repository's `templates/` into one Swift file, so the binary carries the
// built-in theme and `templates/` stays its only copy.
//
//     ThemeEmbedder <templates folder> <output .swift file>
//
// Each file's bytes go in as one base64 string literal: exact for any byte
// (CR, binary icons), and a long string literal costs the type checker
// nothing, where a [UInt8] array literal of the same 25 KB takes seconds.

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: ThemeEmbedder <templates folder> <output .swift file>\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1], isDirectory: true).standardizedFileURL
let output = URL(fileURLWithPath: arguments[2])

/// Paths under `folder`, `/`-separated and sorted, so the output only
/// changes when a file does. Hidden files (editor droppings) are left out.
func files(under folder: URL) throws -> [String] {
    guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                                                      options: [.skipsHiddenFiles]) else {
        throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: folder.path])
    }
    var paths: [String] = []
    for case let url as URL in walker where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
        paths.append(String(url.standardizedFileURL.path.dropFirst(folder.path.count + 1)))
    }
    return paths.sorted()
}

do {
    var swift = "// Generated at build time by Sources/ThemeEmbedder from templates/; edit those files, not this one.\n"
    swift += "extension BuiltinTheme {\n    static let encodedFiles: [(path: String, base64: String)] = [\n"
    for path in try files(under: folder) {
        let bytes = try Data(contentsOf: folder.appendingPathComponent(path))
        // Paths are plain file names; refuse anything that would need escaping.
        guard !path.contains("\""), !path.contains("\\") else {
            throw CocoaError(.fileReadInvalidFileName, userInfo: [NSFilePathErrorKey: path])
        }
        swift += "        (\"\(path)\", \"\(bytes.base64EncodedString())\"),\n"
    }
    swift += "    ]\n}\n"
    try Data(swift.utf8).write(to: output, options: .atomic)
} catch {
    FileHandle.standardError.write(Data("ThemeEmbedder: \(error)\n".utf8))
    exit(1)
}
