import Foundation

/// A preview's search index records between rebuilds, one per entry: what
/// `SearchIndex.json` reuses for an entry that is the same `Course` (the
/// build cache hands back the object of a file that did not change) at the
/// same table positions. Emptied when the settings every page depends on
/// change (`BuildCache.useSettings`), as its hours are spelt in the site's zone.
final class SearchRecords: @unchecked Sendable {
    struct Record: Sendable {
        /// Held, so that no other entry is ever made at its address while it is kept.
        let course: Course
        let keys: SearchIndex.EntryKeys
        let positions: SearchIndex.EntryPositions
        let bytes: [UInt8]
    }

    private let lock = NSLock()
    private var records: [ObjectIdentifier: Record] = [:]

    var all: [ObjectIdentifier: Record] { lock.withLock { records } }

    /// The records, leaving none: the index updates them in place and puts
    /// them back. (Builds are one at a time; one that finds none writes every
    /// record, which is all that two at once could cost.)
    func take() -> [ObjectIdentifier: Record] {
        lock.withLock {
            defer { records = [:] }
            return records
        }
    }

    func put(_ kept: [ObjectIdentifier: Record]) {
        lock.withLock { records = kept }
    }

    func removeAll() {
        lock.withLock { records = [:] }
    }
}
