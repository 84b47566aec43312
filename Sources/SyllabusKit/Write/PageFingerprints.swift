#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CommonMark
import Foundation

/// `.syllabus-pages`, beside the manifest in a published output: for each
/// HTML page, the fingerprint of the template frame it was rendered from
/// (`TemplatePage.fingerprint`) and the identity its file had once the build
/// was in place (inode, size, modification and change times).
///
/// Why: a build over the previous output used to render every page and then
/// compare its bytes with the old file's before linking it (`LiveSite`);
/// with this record it renders only pages whose frame changed, and links the
/// others unread. Rendering is most of a build's work, and an edit changes
/// few pages.
///
/// Why it is safe: the fingerprint covers all a page's text comes from — the
/// frame's every name and value (a course body by the inputs of its HTML,
/// `BodyKeys`, so that an unchanged page does not run cmark), the template
/// sources (`TemplateSet.digest`), this very executable and the cmark it
/// loaded (`salt`); the file identity proves the old file
/// is still the one the record describes, as `git` trusts its index. Any
/// change to a file (a write, a `touch`, a rename over it, a link to it, a
/// killed build's staging link) changes its change time, which no one can
/// set back; only a change within the same tick of the file system's clock
/// as the build's own last look at the file (a few milliseconds, as the end
/// of the build) could pass unseen, as with git's index. A record that is
/// missing, cut short or of another format is ignored: the build then
/// renders every page, as before there was one. A first build into a new
/// folder writes none (`OutputFolder.recordsPages`).
struct PageFingerprints: Sendable {
    static let name = ".syllabus-pages"
    // Format 2: a course body is hashed by its inputs (`BodyKeys`), not its HTML.
    static let header = "# syllabus page fingerprints, format 2"

    struct Entry: Sendable, Equatable {
        let fingerprint: Fingerprint
        let file: FileIdentity
    }

    let entries: [String: Entry]

    /// The record in `folder`, or `nil` when there is none or it does not read whole.
    static func read(in folder: String) -> PageFingerprints? {
        guard let data = FileManager.default.contents(atPath: folder + "/" + name),
              let text = String(data: data, encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == Substring(header), lines.last == "", lines.count >= 3 else { return nil }
        lines.removeLast()
        guard let footer = lines.popLast(), footer.hasPrefix("# end "), let count = Int(footer.dropFirst(6)),
              count == lines.count - 1 else { return nil }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(count)
        for line in lines.dropFirst() {
            let fields = line.split(separator: " ", maxSplits: 7, omittingEmptySubsequences: false)
            guard fields.count == 8, let fingerprint = Fingerprint(hex: fields[0]) else { return nil }
            let numbers = fields[1...6].compactMap { Int64($0) }
            guard numbers.count == 6 else { return nil }
            let file = FileIdentity(inode: UInt64(bitPattern: numbers[0]), size: numbers[1],
                                    modified: (numbers[2], numbers[3]), changed: (numbers[4], numbers[5]))
            entries[String(fields[7])] = Entry(fingerprint: fingerprint, file: file)
        }
        return PageFingerprints(entries: entries)
    }

    /// Records `pages` as the files in `folder` now are, written aside and
    /// renamed into place. Returns false when it could not be written, and
    /// then leaves no record: the next build renders every page.
    @discardableResult
    static func write(_ pages: [String: Fingerprint], in folder: String) -> Bool {
        var text = header + "\n"
        text.reserveCapacity(pages.count * 100)
        var count = 0
        for (path, fingerprint) in pages.sorted(by: { $0.key < $1.key }) {
            var status = stat()
            guard lstat(folder + "/" + path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
            let file = FileIdentity(status)
            text += "\(fingerprint.hex) \(file.inode) \(file.size) \(file.modified.0) \(file.modified.1) "
                + "\(file.changed.0) \(file.changed.1) \(path)\n"
            count += 1
        }
        text += "# end \(count)\n"
        let target = folder + "/" + name
        do {
            try FileOutput.write(text, to: target, replacing: true)
            return true
        } catch {
            unlink(target)
            return false
        }
    }

    /// What every fingerprint starts from: this format, the executable that
    /// renders and the cmark library it loaded (their files' identities: a
    /// rebuilt binary or an updated cmark may render otherwise, and course
    /// bodies are fingerprinted by their inputs), and the templates. `nil`
    /// when either file cannot be found, and then nothing is recorded or reused.
    static func salt(templates: TemplateSet) -> Fingerprint? {
        guard let executable = Self.executable, let markdown = Self.markdownLibrary else { return nil }
        var hasher = FingerprintHasher()
        hasher.combine(header)
        for file in [executable, markdown] {
            hasher.combine(file.inode)
            hasher.combine(UInt64(bitPattern: file.size))
            hasher.combine(UInt64(bitPattern: file.modified.0))
            hasher.combine(UInt64(bitPattern: file.modified.1))
        }
        hasher.combine(MarkdownRenderer.engine.version)
        hasher.combine(templates.digest.high)
        hasher.combine(templates.digest.low)
        return hasher.finalize()
    }

    /// cmark's file, as loaded (the executable itself when linked in).
    private static let markdownLibrary: FileIdentity? = {
        var status = stat()
        guard let path = MarkdownRenderer.engine.file, stat(path, &status) == 0 else { return nil }
        return FileIdentity(status)
    }()

    private static let executable: FileIdentity? = {
        #if os(Linux)
        let path = "/proc/self/exe"
        #else
        guard let path = Bundle.main.executablePath else { return nil }
        #endif
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return FileIdentity(status)
    }()
}

/// A file as `stat` tells it apart from any other version of it.
struct FileIdentity: Sendable, Equatable {
    let inode: UInt64
    let size: Int64
    /// Seconds and nanoseconds.
    let modified: (Int64, Int64)
    let changed: (Int64, Int64)

    init(inode: UInt64, size: Int64, modified: (Int64, Int64), changed: (Int64, Int64)) {
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    init(_ status: stat) {
        #if canImport(Darwin)
        let modified = status.st_mtimespec, changed = status.st_ctimespec
        #else
        let modified = status.st_mtim, changed = status.st_ctim
        #endif
        self.init(inode: UInt64(status.st_ino), size: Int64(status.st_size),
                  modified: (Int64(modified.tv_sec), Int64(modified.tv_nsec)),
                  changed: (Int64(changed.tv_sec), Int64(changed.tv_nsec)))
    }

    static func == (a: FileIdentity, b: FileIdentity) -> Bool {
        a.inode == b.inode && a.size == b.size && a.modified == b.modified && a.changed == b.changed
    }
}
