#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The site a build is about to replace, as a source of files it need not
/// write again: a page whose bytes did not change is hard-linked from it into
/// the staging folder instead of being created anew.
///
/// Why: on ext4 mounted with `discard` and no journal, removing a file whose
/// blocks were written back discards them synchronously, so deleting the
/// previous site after the swap cost more than writing the new one. A name
/// whose inode is linked from the new site frees no blocks.
///
/// Why it keeps the guarantees: the staging folder shares inodes with the
/// live site until the swap, so nothing may ever write into a staging file in
/// place. `FileOutput` never does: a staging file is created with `O_EXCL`,
/// and a second write to one path goes aside and is renamed over it, which
/// replaces the name and leaves the inode (and so the live file) alone. A
/// failed build then only unlinks names of its staging folder. A file is
/// linked only when it is a regular file of ours with the mode a new file
/// would get and no other link (so no folder outside the output shares it),
/// and only after its bytes were compared, or, unread, when the live site's
/// record says the page's inputs and the file are as they were when it was
/// written (`PageFingerprints`): never on size or time alone.
struct LiveSite: Sendable {
    /// The live output folder.
    let folder: String
    /// The mode a file created now gets (0644 less the umask).
    let mode: mode_t
    let owner: uid_t

    /// The live site's record of what its pages were rendered from, if it has a whole one.
    let pages: PageFingerprints?

    /// Links `folder/path` to `target` when that file holds exactly `bytes`.
    /// False when it does not, or cannot be linked (then the caller writes).
    func reuse(_ path: String, holding bytes: UnsafeRawBufferPointer, to target: String) throws -> Bool {
        try reuse(path, to: target) { descriptor, status in
            status.st_size == bytes.count && Self.holds(descriptor, bytes)
        }
    }

    /// Links `folder/path` to `target`, unread, when the live site's record
    /// says it was rendered from a frame of this `fingerprint` and the file is
    /// still the one it recorded (`PageFingerprints`).
    func reuse(_ path: String, fingerprint: Fingerprint, to target: String) throws -> Bool {
        guard let entry = pages?.entries[path], entry.fingerprint == fingerprint else { return false }
        return try reuse(path, to: target) { _, status in entry.file == FileIdentity(status) }
    }

    private func reuse(_ path: String, to target: String, when same: (Int32, stat) -> Bool) throws -> Bool {
        let live = folder + "/" + path
        let descriptor = open(live, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        // A page the live site lacks, or cannot show us, is simply written.
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_mode & 0o7777 == mode,
              status.st_nlink == 1, status.st_uid == owner, same(descriptor, status) else { return false }
        if linkInode(descriptor, at: live, to: target) { return true }
        guard errno == ENOENT else { return false }  // EEXIST, EXDEV, EMLINK, EPERM: written instead
        try FileOutput.makeDirectories(FileOutput.parent(of: target))
        return linkInode(descriptor, at: live, to: target)
    }

    /// Links the very inode that was compared, not whatever the path names by now.
    private func linkInode(_ descriptor: Int32, at live: String, to target: String) -> Bool {
        #if os(Linux)
        return linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, target, AT_SYMLINK_FOLLOW) == 0
        #else
        return link(live, target) == 0  // the build's lock keeps other builds from replacing it meanwhile
        #endif
    }

    /// Whether the file at `path` holds exactly `bytes` (a link is not followed).
    static func file(_ path: String, holds bytes: UnsafeRawBufferPointer) -> Bool {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size == bytes.count else { return false }
        return holds(descriptor, bytes)
    }

    /// Whether the file open at `descriptor` holds `bytes`, compared in blocks.
    private static func holds(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let block = 1 << 16
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: block, alignment: 16)
        defer { buffer.deallocate() }
        var offset = 0
        while offset < bytes.count {
            let got = read(descriptor, buffer, min(block, bytes.count - offset))
            if got < 0, errno == EINTR { continue }
            guard got > 0, memcmp(buffer, bytes.baseAddress! + offset, got) == 0 else { return false }
            offset += got
        }
        // The size matched at fstat; a file grown since differs.
        return read(descriptor, buffer, 1) == 0
    }

    /// The live site in `folder` when it is a build of ours (it has a manifest).
    static func of(_ folder: String) -> LiveSite? {
        guard OutputManifest.isPresent(in: folder) else { return nil }
        return LiveSite(folder: folder, mode: 0o644 & ~FileCreationMask.current, owner: geteuid(),
                        pages: PageFingerprints.read(in: folder))
    }
}
