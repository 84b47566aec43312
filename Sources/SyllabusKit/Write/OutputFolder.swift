import Foundation

/// Writes a build beside the output folder and swaps it in only when every
/// file is written, so a failed build leaves the published site untouched.
struct OutputFolder: Sendable {
    let root: URL
    let output: URL
    /// `public.building-<pid>`, next to `public/` so the swap is a rename on one file system.
    let staging: URL
    /// Writes straight into `output` (for `syllabus serve`'s private folder,
    /// where errors are found before anything is written).
    let inPlace: Bool
    private let stagingPath: String

    /// Refuses output folders whose swap would delete sources.
    static func validate(output: URL, root: URL) -> Diagnostic? {
        let out = output.standardizedFileURL.resolvingSymlinksInPath().path
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        let location = SourceLocation.commandLine("--output")
        if out == rootPath || rootPath.hasPrefix(out + "/") || out == "/" {
            return .error(location, "the output folder \(output.path) is the site root or contains it; a build replaces the output folder and would delete your sources. Use e.g. \(rootPath)/public")
        }
        for protected in ["content", "templates"] {
            let path = rootPath + "/" + protected
            if out == path || out.hasPrefix(path + "/") {
                return .error(location, "the output folder \(output.path) lies inside \(protected)/; a build replaces the output folder, choose one outside it such as \(rootPath)/public")
            }
        }
        var isDirectory: ObjCBool = false
        for protected in ["content", "templates"] {
            if FileManager.default.fileExists(atPath: output.appendingPathComponent(protected).path, isDirectory: &isDirectory), isDirectory.boolValue {
                return .error(location, "the output folder \(output.path) contains a \(protected)/ folder; it looks like a site's sources, not a build output")
            }
        }
        return nil
    }

    init(root: URL, output: URL, inPlace: Bool = false) {
        self.root = root
        self.output = output.standardizedFileURL
        self.inPlace = inPlace
        let parent = self.output.deletingLastPathComponent()
        self.staging = inPlace ? self.output
            : parent.appendingPathComponent(".\(self.output.lastPathComponent).building-\(ProcessInfo.processInfo.processIdentifier)")
        self.stagingPath = staging.path
    }

    /// Creates an empty staging folder.
    func begin() throws {
        let fm = FileManager.default
        try fm.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        if inPlace {
            try fm.createDirectory(at: output, withIntermediateDirectories: true)
            return
        }
        if fm.fileExists(atPath: staging.path) { try fm.removeItem(at: staging) }
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    /// Writes one file under the staging folder. `path` comes from slugs and
    /// validated names; the check is a last line of defence against escaping.
    func write(_ data: Data, to path: String) throws {
        try FileOutput.write(data, to: checked(path), replacing: inPlace)
    }

    func write(_ text: String, to path: String) throws {
        try FileOutput.write(text, to: checked(path), replacing: inPlace)
    }

    /// The absolute path of `path` in the staging folder.
    private func checked(_ path: String) -> String {
        precondition(!path.split(separator: "/").contains(where: { $0 == ".." }) && !path.hasPrefix("/"), "output path escapes: \(path)")
        return stagingPath + "/" + path
    }

    /// Copies a file into the staging folder.
    func copy(_ source: URL, to path: String) throws {
        let url = URL(fileURLWithPath: checked(path))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if inPlace, FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        try FileManager.default.copyItem(at: source, to: url)
    }

    /// Deletes a file a serve-mode rebuild no longer produces.
    func remove(_ path: String) {
        guard inPlace, !path.split(separator: "/").contains("..") else { return }
        try? FileManager.default.removeItem(at: output.appendingPathComponent(path))
    }

    /// Moves the finished build into place: old output aside, new one in, old one removed.
    func commit() throws {
        if inPlace { return }
        let fm = FileManager.default
        let retired = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        if fm.fileExists(atPath: retired.path) { try fm.removeItem(at: retired) }
        if fm.fileExists(atPath: output.path) {
            try fm.moveItem(at: output, to: retired)
        }
        do {
            try fm.moveItem(at: staging, to: output)
        } catch {
            if fm.fileExists(atPath: retired.path) { try? fm.moveItem(at: retired, to: output) }
            throw error
        }
        try? fm.removeItem(at: retired)
    }

    /// Throws the staging folder away after a failed build.
    func abandon() {
        if inPlace { return }
        try? FileManager.default.removeItem(at: staging)
    }
}
