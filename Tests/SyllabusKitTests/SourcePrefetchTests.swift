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
    @Test func advisesRegularFilesAndSkipsWhatItCannotOpen() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("prefetch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "---\ntitle: A\n---\n".write(toFile: root + "/a.md", atomically: false, encoding: .utf8)
        try "---\ntitle: B\n---\n".write(toFile: root + "/b.md", atomically: false, encoding: .utf8)
        #expect(mkfifo(root + "/fifo.md", 0o644) == 0)
        #expect(symlink("/etc/passwd", root + "/link.md") == 0)
        let before = try FileManager.default.contentsOfDirectory(atPath: root).sorted()

        // A FIFO with no writer would block a plain open for ever: the value
        // arriving at all shows it did not.
        let advised = SourcePrefetch.start(["a.md", "fifo.md", "link.md", "missing.md", "b.md"], under: root).value

        #expect(advised == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == before)
        #expect(try String(contentsOfFile: root + "/a.md", encoding: .utf8) == "---\ntitle: A\n---\n")
    }
    #endif
}
