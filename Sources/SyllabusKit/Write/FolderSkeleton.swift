#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folders of a replaced site, kept without its files beside the output
/// (as `OutputDebris`'s retired folder) so that the next build stages into
/// them instead of making them again.
///
/// Why: a site of 10,000 courses has about 12,000 folders. On ext4 mounted
/// with `discard` and no journal each `rmdir` waits for the device to discard
/// the folder's block, so removing the previous site after the swap made a
/// build over an existing output 2–4× a fresh one, and freshly freed inodes
/// made the next build's file creation slower still. Unlinking the previous
/// site's files is cheap (most are hard links to the new site, see `LiveSite`);
/// its folders are kept, and what a publisher finds between builds is one
/// hidden folder of empty folders, which any build (of any version) removes or reuses.
///
/// Why it keeps the guarantees: a skeleton is only ever folders of a staging
/// or retired folder, never the live site. Before a build writes into one,
/// everything in it that is not a folder is unlinked (a killed build's files,
/// half-written ones, anything planted, symbolic links in particular, which
/// are removed and never followed), each folder gets the mode `mkdir` would
/// give it, and the folders the new site has no file under are removed, so
/// the staging folder starts as the empty folders a fresh build would make.
enum FolderSkeleton {
    /// Turns the skeleton at `folder` into an empty staging folder for a site
    /// of `paths`; its mark stays.
    static func prepare(_ folder: String, for paths: Set<String>) throws {
        let levels = try TreeRemoval.removeFiles(under: folder, mode: 0o755 & ~FileCreationMask.current, keeping: OutputDebris.Mark.name)
        let needed = folders(of: paths)
        let prefix = folder.utf8.count + 1
        // Every level below the top: `folder` itself is the staging folder. An
        // unneeded folder's subfolders are unneeded too, so all of them are empty when removed.
        let unneeded = levels.dropFirst().map { level in
            level.filter { !needed.contains(String(Substring($0.utf8.dropFirst(prefix)))) }
        }
        try TreeRemoval.removeFolders(unneeded)
    }

    /// Unlinks every file under `folder` but its mark and keeps its folders, for the next build.
    static func empty(_ folder: String) throws {
        _ = try TreeRemoval.removeFiles(under: folder, keeping: OutputDebris.Mark.name)
    }

    /// Every folder that holds one of `paths`, as a relative path (`courses`, `courses/a`).
    static func folders(of paths: Set<String>) -> Set<String> {
        var folders: Set<String> = []
        for path in paths {
            var end = path.endIndex
            while let slash = path[..<end].lastIndex(of: "/") {
                guard folders.insert(String(path[..<slash])).inserted else { break }
                end = slash
            }
        }
        return folders
    }
}
