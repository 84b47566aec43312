#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Lists the folders of a site's sources (`content/courses`, `content/instructors`,
/// `content/media`, `templates`, `templates/assets`), reporting every one that
/// cannot be listed instead of building a smaller site from what could be.
///
/// A symbolic link is refused, for the folder itself and for every file in
/// it that the build would read: published or rendered, it could expose any
/// file of the machine (`templates/assets/passwd.txt -> /etc/passwd`).
enum SourceFolder {
    static let linkRefusal = "sources must be real files and folders, not symbolic links;"

    /// Whether the folder must exist. A missing optional folder lists as empty.
    enum Presence {
        case optional
        /// Missing is an error; the text says how to create it.
        case required(hint: String)
    }

    /// Files directly in `folder` (relative to `root`) whose name passes
    /// `accept`, as `folder/name`, sorted so output never depends on the
    /// order the file system lists them in. Hidden files are skipped.
    /// Paths in `skipping` (names that are not UTF-8, already reported) are left out.
    static func files(in folder: String, root: URL, presence: Presence, accept: (String) -> Bool,
                      skipping: Set<String> = [], log: inout DiagnosticLog) -> [String] {
        guard let names = list(folder, root: root, presence: presence, log: &log) else { return [] }
        var found: [String] = []
        // Joined as text: `URL.appendingPathComponent` per file was a tenth of
        // a 10,000-course preview rebuild.
        let rootPath = root.path
        for name in names.sorted() where !name.hasPrefix(".") && accept(name) {
            let relative = "\(folder)/\(name)"
            if skipping.contains(relative) { continue }
            switch kind(rootPath + "/" + relative) {
            case S_IFREG: found.append(relative)
            case S_IFLNK: log.error(SourceLocation(path: relative), "\(linkRefusal) copy the file itself into \(folder)/")
            case S_IFDIR: continue
            default: log.error(SourceLocation(path: relative), "cannot read the file: it is not a regular file (a device, FIFO or socket)")
            }
        }
        return found
    }

    /// Every regular file below `folder`, relative to it, sorted; hidden files
    /// and folders skipped. Anything that is neither a file nor a folder is an error.
    static func tree(under folder: String, root: URL, skipping: Set<String> = [], log: inout DiagnosticLog) -> [String] {
        var found: [String] = []
        func walk(_ relative: String) {
            let folderPath = relative.isEmpty ? folder : "\(folder)/\(relative)"
            guard let names = list(folderPath, root: root, presence: .optional, log: &log) else { return }
            for name in names where !name.hasPrefix(".") {
                let entry = relative.isEmpty ? name : "\(relative)/\(name)"
                let sourcePath = "\(folder)/\(entry)"
                if skipping.contains(sourcePath) { continue }
                switch kind(root.appendingPathComponent(sourcePath).path) {
                case S_IFREG: found.append(entry)
                case S_IFDIR: walk(entry)
                case S_IFLNK: log.error(SourceLocation(path: sourcePath), "\(linkRefusal) copy the file itself into \(folder)/")
                default: log.error(SourceLocation(path: sourcePath), "cannot read the file: it is not a regular file (a device, FIFO or socket)")
                }
            }
        }
        walk("")
        return found.sorted()
    }

    /// The names in `folder`, or nil (with an error unless it is optional and absent).
    private static func list(_ folder: String, root: URL, presence: Presence, log: inout DiagnosticLog) -> [String]? {
        let location = SourceLocation(path: folder)
        let path = root.appendingPathComponent(folder).path
        switch kind(path) {
        case S_IFDIR: break
        case nil:
            if case .required(let hint) = presence { log.error(location, "the folder \(folder)/ is missing; \(hint)") }
            return nil
        case S_IFLNK:
            log.error(location, "\(linkRefusal) make \(folder)/ a real folder")
            return nil
        case S_IFMT:
            var status = stat()
            let code = lstat(path, &status) == 0 ? EIO : errno
            log.error(location, "cannot list the folder: \(String(cString: strerror(code)))")
            return nil
        default:
            log.error(location, "\(folder) is not a folder; it must be a folder holding the site's files")
            return nil
        }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            log.error(location, "cannot list the folder: \(reason(error))")
            return nil
        }
    }

    /// The file type bits of `path` without following a link, nil when it
    /// does not exist, and all of `S_IFMT` (no real type) when it cannot be inspected.
    private static func kind(_ path: String) -> mode_t? {
        var status = stat()
        // ENOTDIR: a parent is not a folder, which is reported for the parent.
        guard lstat(path, &status) == 0 else { return errno == ENOENT || errno == ENOTDIR ? nil : S_IFMT }
        return status.st_mode & S_IFMT
    }

    private static func reason(_ error: Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let code = underlying?.code, underlying?.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(code))) }
        return error.localizedDescription
    }
}
