import Foundation

/// Values computed once per key and shared between threads: rendered entry
/// cards, VTIMEZONE blocks, calendar events. Two threads asking for the same
/// missing key may both compute it; the values are the same, so the second
/// simply overwrites the first. Values must be `Sendable`: a value one
/// thread computes is handed to every other thread that asks.
final class Memo<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Value] = [:]

    func value(_ key: String, make: () -> Value) -> Value {
        lock.lock()
        if let value = values[key] {
            lock.unlock()
            return value
        }
        lock.unlock()
        let value = make()
        lock.lock()
        values[key] = value
        lock.unlock()
        return value
    }

    func remove(_ key: String) {
        lock.lock(); defer { lock.unlock() }
        values[key] = nil
    }

    func removeAll() {
        lock.lock(); defer { lock.unlock() }
        values = [:]
    }
}

/// Rendered HTML kept across pages.
final class CardCache: Sendable {
    /// Entry cards by course, run and fingerprint.
    let cards = Memo<RenderedCard>()
    /// The fingerprints of those cards' frames (`PageContexts.cardKey`).
    let keys = Memo<Fingerprint>()
    /// Months of the days index by their sessions.
    let months = Memo<String>()

    func removeAll() {
        cards.removeAll()
        keys.removeAll()
        months.removeAll()
    }
}
