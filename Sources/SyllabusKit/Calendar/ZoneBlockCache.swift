import Foundation

/// VTIMEZONE blocks by zone and year window, computed once per build: asking
/// Foundation for transitions and reading the TZif file for every feed of a
/// 10,000-course catalog would cost more than writing the feeds.
final class ZoneBlockCache: @unchecked Sendable {
    private let lock = NSLock()
    private var blocks: [String: ContentLines] = [:]

    func block(for zone: TimeZoneDefinition) -> ContentLines {
        let key = "\(zone.identifier)|\(zone.firstYear)|\(zone.lastYear)"
        lock.lock()
        if let cached = blocks[key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        var lines = ContentLines()
        zone.write(to: &lines)
        lock.lock()
        blocks[key] = lines
        lock.unlock()
        return lines
    }
}
