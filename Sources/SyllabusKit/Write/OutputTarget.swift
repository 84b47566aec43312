#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The folder a build will replace, with every symbolic link on its way
/// resolved, and the decision whether replacing it is safe.
///
/// A build replaces its output folder wholesale, so the rule is narrow: the
/// output is replaced only when it is absent, an empty folder, or a folder
/// Syllabus wrote (it holds `OutputManifest.name`). A folder holding anything
/// else is replaced only with `--force`; a regular file, a device, a FIFO or a
/// socket never. A link (`public -> /srv/www/site`) is followed: the target is
/// replaced and the link stays.
struct OutputTarget: Sendable, Equatable {
    /// The folder to replace, symbolic links resolved.
    let folder: URL

    /// Resolves `output` and checks it against the sources under `root`.
    static func resolve(output: URL, root: URL, force: Bool) -> Result<OutputTarget, BuildFailed> {
        let location = SourceLocation.commandLine("--output")
        func refuse(_ message: String) -> Result<OutputTarget, BuildFailed> {
            .failure(BuildFailed(diagnostics: [.error(location, message)]))
        }
        guard let out = resolvedPath(output.path), let rootPath = resolvedPath(root.path) else {
            return refuse("the output path \(output.path) has a loop of symbolic links; point --output at a real folder")
        }
        let shown = out == output.path ? output.path : "\(output.path) (which resolves to \(out))"
        if out == rootPath || rootPath.hasPrefix(out + "/") || out == "/" {
            return refuse("the output folder \(shown) is the site root or contains it; a build replaces the output folder and would delete your sources. Use e.g. \(rootPath)/public")
        }
        for protected in ["content", "templates"] {
            let path = rootPath + "/" + protected
            if out == path || out.hasPrefix(path + "/") {
                return refuse("the output folder \(shown) lies inside \(protected)/; a build replaces the output folder, choose one outside it such as \(rootPath)/public")
            }
        }
        var status = stat()
        guard lstat(out, &status) == 0 else {
            if errno == ENOENT { return .success(OutputTarget(folder: URL(fileURLWithPath: out))) }
            return refuse("cannot inspect the output folder \(shown): \(String(cString: strerror(errno)))")
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: break
        case S_IFREG:
            return refuse("the output \(shown) is a file, not a folder; a build never replaces a file. Remove it or choose another --output")
        default:
            return refuse("the output \(shown) is a device, FIFO or socket, not a folder; a build never replaces it. Choose another --output")
        }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: out)
        } catch {
            return refuse("cannot list the output folder \(shown): \(error.localizedDescription)")
        }
        for protected in ["content", "templates"] where entries.contains(protected) {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: out + "/" + protected, isDirectory: &isDirectory), isDirectory.boolValue {
                return refuse("the output folder \(shown) contains a \(protected)/ folder; it looks like a site's sources, not a build output")
            }
        }
        if entries.isEmpty || OutputManifest.isPresent(in: out) || force {
            return .success(OutputTarget(folder: URL(fileURLWithPath: out)))
        }
        let examples = entries.sorted().prefix(3).joined(separator: ", ")
        return refuse("the output folder \(shown) holds files Syllabus did not write (\(examples)\(entries.count > 3 ? ", …" : "")) and has no \(OutputManifest.name); a build replaces the whole folder. Choose an empty or new --output, or pass --force to replace this folder and everything in it")
    }

    /// `path` with every symbolic link resolved, component by component, the
    /// way the kernel walks it: `lnk/newdir` with `lnk -> content` resolves to
    /// `…/content/newdir` although `newdir` does not exist yet. `nil` on a loop.
    static func resolvedPath(_ path: String) -> String? {
        var pending = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init).reversed() as [String]
        if !path.hasPrefix("/") {
            pending += FileManager.default.currentDirectoryPath.split(separator: "/").map(String.init).reversed()
        }
        var resolved: [String] = []
        var links = 0
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        while let component = pending.popLast() {
            if component == "." || component.isEmpty { continue }
            if component == ".." { _ = resolved.popLast(); continue }
            let candidate = "/" + (resolved + [component]).joined(separator: "/")
            let length = readlink(candidate, &buffer, buffer.count - 1)
            guard length >= 0 else { resolved.append(component); continue }
            links += 1
            if links > 40 { return nil }
            let target = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if target.hasPrefix("/") { resolved = [] }
            pending += target.split(separator: "/").map(String.init).reversed()
        }
        return "/" + resolved.joined(separator: "/")
    }
}
