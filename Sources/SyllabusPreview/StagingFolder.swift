import Foundation
import SyllabusKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The private folder `syllabus serve` builds into: made by `mkdtemp`, so it
/// is new (never one another user prepared), has an unpredictable name and is
/// readable by its owner only (0700).
struct StagingFolder: Sendable {
    struct CannotCreate: Error, CustomStringConvertible {
        let template: String
        let reason: String
        var description: String { "cannot create a private build folder \(template): \(reason)" }
    }

    let url: URL

    static func create() throws -> StagingFolder {
        let template = FileManager.default.temporaryDirectory.appendingPathComponent("syllabus-serve-XXXXXXXX").path
        var path = Array(template.utf8CString)
        guard mkdtemp(&path) != nil else {
            throw CannotCreate(template: template, reason: String(cString: strerror(errno)))
        }
        let made = String(decoding: path.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return StagingFolder(url: URL(fileURLWithPath: made, isDirectory: true))
    }

    /// Removes the folder and everything built in it (links inside are
    /// removed, not followed), unlinking from several threads: one thread
    /// took 12 s for a 10,000-course site on a disk that discards freed blocks.
    func remove() throws {
        try TreeRemoval.remove(url.path)
    }
}
