#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes a build beside the output folder and swaps it in only when every
/// file is written, so a failed or killed build leaves the published site
/// untouched. See `OutputTarget` for which folders a build may replace,
/// `OutputDebris` for the folders it keeps beside the output, and
/// `OutputSwap` for the exchange.
// `held` is set and cleared by the build's own thread (begin, commit, abandon).
final class OutputFolder: @unchecked Sendable {
    let root: URL
    /// The folder the site ends up in, symbolic links resolved.
    let output: URL
    /// Writes straight into `output` (for `syllabus serve`'s private folder,
    /// where errors are found before anything is written).
    let inPlace: Bool
    /// Replace a folder that holds files Syllabus did not write (`--force`).
    let force: Bool
    /// Where this build writes: beside `output`, so the swap is a rename on one file system.
    let staging: URL
    private let retired: URL
    private let debris: OutputDebris
    private let stagingPath: String
    private var held: OutputLock?
    /// The site being replaced, whose unchanged files are linked, not written again.
    private var live: LiveSite?
    /// What each HTML page of this build was rendered from, recorded for the next one.
    private var rendered: [String: Fingerprint] = [:]
    private let renderedLock = NSLock()

    init(root: URL, output: URL, inPlace: Bool = false, force: Bool = false) {
        self.root = root
        self.output = output
        self.inPlace = inPlace
        self.force = force
        debris = OutputDebris(output: output)
        let unique = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        staging = inPlace ? output : debris.staging(unique: unique)
        retired = debris.retired(unique: unique)
        stagingPath = staging.path
    }

    /// Takes the lock beside the output, removes what earlier builds left and
    /// makes the staging folder for a site of `paths`: an earlier build's
    /// folders when it left them (`FolderSkeleton`), else an empty folder.
    func begin(paths: Set<String>) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        if inPlace {
            try fm.createDirectory(at: output, withIntermediateDirectories: true)
            return
        }
        held = try debris.lock()
        let skeleton = try debris.removeLeftovers()
        try BuildInterruption.gate.whileOpen {
            BuildInterruption.track(stagingPath)
            BuildInterruption.track(retired.path)
            if let skeleton {
                guard rename(skeleton.path, stagingPath) == 0 else { throw FileOutput.Failure(path: skeleton.path, code: errno) }
                // Before its files go: it may be known as ours only by a manifest, or by holding no file.
                try OutputDebris.Mark.write(into: stagingPath)
                try FolderSkeleton.prepare(stagingPath, for: paths)
            } else {
                try FileOutput.makeDirectories(stagingPath)
                try OutputDebris.Mark.write(into: stagingPath)
            }
        }
        // After the leftovers: a killed build's staging folder held links to the live files.
        live = LiveSite.of(output.path)
    }

    /// Writes one file under the staging folder. `path` comes from slugs and
    /// validated names; the check is a last line of defence against escaping.
    /// Returns whether the file's bytes changed: in place, a file that
    /// already holds them is left alone (so `syllabus serve` reloads only
    /// pages that changed); a staging folder's files are all new.
    @discardableResult
    func write(_ data: Data, to path: String) throws -> Bool {
        try data.withUnsafeBytes { try write($0, to: path) }
    }

    @discardableResult
    func write(_ text: String, to path: String) throws -> Bool {
        var text = text
        return try text.withUTF8 { try write(UnsafeRawBufferPointer($0), to: path) }
    }

    private func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws -> Bool {
        let target = checked(path)
        if inPlace, LiveSite.file(target, holds: bytes) { return false }
        try BuildInterruption.gate.whileOpen {
            if let live, try live.reuse(path, holding: bytes, to: target) { return }
            try FileOutput.write(bytes, to: target, replacing: inPlace)
        }
        return true
    }

    /// Links the live site's `path` into the staging folder when the live
    /// site's record says it was rendered from a frame of this `fingerprint`
    /// (`PageFingerprints`); false when the page is to be rendered.
    func reuse(_ path: String, fingerprint: Fingerprint) throws -> Bool {
        guard let live, live.pages != nil else { return false }
        let target = checked(path)
        var linked = false
        try BuildInterruption.gate.whileOpen { linked = try live.reuse(path, fingerprint: fingerprint, to: target) }
        return linked
    }

    /// Notes what the page at `path` was rendered from, for the next build's
    /// `reuse`. Only a build that swaps its folder in keeps a record; a
    /// preview's folder is rewritten in place and has its own cache.
    func record(_ path: String, fingerprint: Fingerprint) {
        guard recordsPages else { return }
        renderedLock.lock(); defer { renderedLock.unlock() }
        rendered[path] = fingerprint
    }

    /// Whether pages are fingerprinted and recorded: when the build replaces
    /// a site of ours (after `begin`). A first build into a new folder (as in
    /// CI, from a clean checkout) does not spend the hashing on a record only
    /// a second build could use; the second records it for the third.
    var recordsPages: Bool { !inPlace && live != nil }

    /// The absolute path of `path` in the staging folder.
    private func checked(_ path: String) -> String {
        precondition(Self.staysInside(path), "output path escapes: \(path)")
        return stagingPath + "/" + path
    }

    /// Whether `path` is relative and has no `..` segment: read byte by byte,
    /// as every one of a build's 20,000 files is checked (splitting it made
    /// an array of its segments each time).
    static func staysInside(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
            if bytes.first == slash { return false }
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == slash {
                if end - start == 2, bytes[start] == dot, bytes[start + 1] == dot { return false }
                start = end + 1
            }
            return true
        }
    }

    /// Deletes a file a serve-mode rebuild no longer produces.
    func remove(_ path: String) throws {
        guard inPlace, Self.staysInside(path) else { return }
        let url = output.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        try FileManager.default.removeItem(at: url)
    }

    /// Writes the manifest and swaps the finished build in. The previous
    /// site's files are removed; its folders stay at the retired name for the
    /// next build when it was a site of ours, and go too when it was not (`--force`).
    func commit(paths: Set<String>) throws {
        if inPlace { return }
        // The output was checked before the build started; check again in
        // case something was put there since.
        if case .failure(let refusal) = OutputTarget.resolve(output: output, root: root, force: force) { throw refusal }
        try BuildInterruption.gate.whileOpen {
            try FileOutput.write(OutputManifest.text(paths: paths), to: checked(OutputManifest.name))
            // From here to the swap the manifest marks the staging folder as ours; the site goes out without the mark.
            guard unlink(checked(OutputDebris.Mark.name)) == 0 || errno == ENOENT else {
                throw FileOutput.Failure(path: checked(OutputDebris.Mark.name), code: errno)
            }
            if let previous = try OutputSwap.swap(staging: staging, into: output, retired: retired) {
                // Marked before anything is removed from it, so a build killed
                // meanwhile leaves a folder the next build knows as its own.
                try OutputDebris.Mark.write(into: previous.path)
                if live == nil {
                    try TreeRemoval.remove(previous.path)
                } else {
                    if previous != retired, rename(previous.path, retired.path) != 0 {
                        throw FileOutput.Failure(path: previous.path, code: errno)
                    }
                    try FolderSkeleton.empty(retired.path)
                }
            }
            // Last, once no other name links the pages' files, so that the
            // change times it records are the ones they keep.
            if !rendered.isEmpty { PageFingerprints.write(rendered, in: output.path) }
            BuildInterruption.untrack(stagingPath)
            BuildInterruption.untrack(retired.path)
        }
        held = nil
    }

    /// Throws the staging folder away after a failed build.
    func abandon() {
        if inPlace { return }
        BuildInterruption.gate.whileOpen {
            if FileManager.default.fileExists(atPath: stagingPath) {
                // Left for the next build's cleanup if it cannot be removed now.
                try? FileManager.default.removeItem(atPath: stagingPath)
            }
            BuildInterruption.untrack(stagingPath)
            BuildInterruption.untrack(retired.path)
        }
        held = nil
    }
}
