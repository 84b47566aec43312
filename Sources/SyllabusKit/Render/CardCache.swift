import Foundation

/// Entry cards rendered once per build: the same run appears as the same
/// card on the catalog and on each of its topics' pages. Keyed by course slug
/// and run; pages take the finished HTML as `html` beside the card's fields,
/// so a site's own templates can still render the fields themselves.
final class CardCache: @unchecked Sendable {
    private let lock = NSLock()
    private var cards: [String: [String: Any]] = [:]

    func removeAll() {
        lock.lock(); defer { lock.unlock() }
        cards = [:]
    }

    func card(_ key: String, make: () -> [String: Any]) -> [String: Any] {
        lock.lock()
        if let card = cards[key] {
            lock.unlock()
            return card
        }
        lock.unlock()
        let card = make()
        lock.lock()
        cards[key] = card
        lock.unlock()
        return card
    }
}
