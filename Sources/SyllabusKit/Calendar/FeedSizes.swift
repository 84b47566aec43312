import Foundation

/// The size of every feed a build wrote, for the warning about feeds that
/// calendar services refuse to subscribe to.
final class FeedSizes: @unchecked Sendable {
    /// Google Calendar is reported to refuse subscriptions to larger feeds.
    static let limit = 1_000_000

    private let lock = NSLock()
    private var sizes: [String: Int] = [:]

    func record(_ path: String, _ bytes: Int) {
        lock.lock(); defer { lock.unlock() }
        sizes[path] = bytes
    }

    /// One warning per feed over the limit, naming the smaller feeds to link instead.
    func warn(output: URL, log: inout DiagnosticLog) {
        lock.lock(); defer { lock.unlock() }
        let large = sizes.filter { $0.value > Self.limit }.sorted { $0.key < $1.key }
        for (path, bytes) in large {
            let alternatives = path == SitePaths.catalogFeed ? [SitePaths.tags, SitePaths.courses, SitePaths.instructors]
                : path.hasPrefix(SitePaths.courses) ? [] : [SitePaths.courses]
            var offer: [String] = []
            for prefix in alternatives {
                let smaller = sizes.filter { $0.key.hasPrefix(prefix) && $0.value <= Self.limit }
                guard let largest = smaller.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else { continue }
                offer.append("\(prefix)<slug>/calendar.ics (\(smaller.count) feeds, the largest \(largest.key) at \(Self.megabytes(largest.value)))")
            }
            let windowed = path == SitePaths.catalogFeed || path.hasPrefix(SitePaths.tags)
            let hint = !offer.isEmpty ? "; offer the smaller feeds instead: " + offer.joined(separator: ", ")
                : windowed ? "; lower feed_past_days in site.yml to make it smaller" : ""
            log.warning(SourceLocation(path: output.appendingPathComponent(path).path),
                            "the feed \(path) is \(Self.megabytes(bytes)), more than the 1 MB calendar services accept for a subscription\(hint)")
        }
    }

    private static func megabytes(_ bytes: Int) -> String {
        String(format: "%.2f MB", Double(bytes) / 1_000_000)
    }
}
