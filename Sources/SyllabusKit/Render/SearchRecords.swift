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

    /// The last index's records only: an entry no longer in the catalog is let go.
    func replace(with new: [ObjectIdentifier: Record]) {
        lock.withLock { records = new }
    }

    func removeAll() {
        lock.withLock { records = [:] }
    }
}
