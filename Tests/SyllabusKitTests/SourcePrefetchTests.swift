#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import SyllabusKit

/// Reading ahead advises the kernel on regular files only, never blocks and
/// leaves every file as it was.
@Suite struct SourcePrefetchTests {
    #if os(Linux)
    // A FIFO with no writer would block a plain open for ever: the limit
    // turns that into a failure instead of a hung run.
    @Test(.timeLimit(.minutes(1)))
    func advisesRegularFilesAndSkipsWhatItCannotOpen() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("prefetch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "---\ntitle: A\n---\n".write(toFile: root + "/a.md", atomically: false, encoding: .utf8)
        try "---\ntitle: B\n---\n".write(toFile: root + "/b.md", atomically: false, encoding: .utf8)
        #expect(mkfifo(root + "/fifo.md", 0o644) == 0)
        #expect(symlink("/etc/passwd", root + "/link.md") == 0)
        let before = try FileManager.default.contentsOfDirectory(atPath: root).sorted()

        let advised = SourcePrefetch.start(["a.md", "fifo.md", "link.md", "missing.md", "b.md"], under: root).value

        #expect(advised == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == before)
        #expect(try String(contentsOfFile: root + "/a.md", encoding: .utf8) == "---\ntitle: A\n---\n")
    }
    #endif

    /// Who reads ahead: a full build, and a preview until it has kept files;
    /// a preview's rebuild reads only what changed, so it does not.
    @Test func aPreviewReadsAheadOnlyBeforeItKeepsFiles() throws {
        let site = try TestSite(["content/courses/a.md": "---\ntitle: A\n---\n"])
        defer { site.remove() }
        let full = BuildCache(keeps: false)
        let preview = BuildCache(keeps: true)
        #expect(full.readsEverySource)
        #expect(preview.readsEverySource)
        for cache in [full, preview] {
            cache.startBuild()
            _ = cache.course(at: "content/courses/a.md", root: site.root.path, settings: 0) {
                BuildCache.Loaded(value: nil, log: DiagnosticLog())
            }
        }
        #expect(full.readsEverySource)
        #expect(!preview.readsEverySource)
    }
}
