extension Sequence {
    /// The elements in their order, each key's first only: instructor names,
    /// tags and courses listed twice are shown once, where they first stood.
    func uniqued<Key: Hashable>(by key: (Element) -> Key) -> [Element] {
        var seen = Set<Key>()
        return filter { seen.insert(key($0)).inserted }
    }
}

extension Sequence where Element: Hashable {
    func uniqued() -> [Element] { uniqued(by: { $0 }) }
}
