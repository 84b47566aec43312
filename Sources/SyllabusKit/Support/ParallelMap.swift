import Dispatch

extension Array where Element: Sendable {
    /// `map` over both cores: pages and files are independent, and a build
    /// spends most of its time in such loops. Order is kept.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        // Each index is written by exactly one iteration, so no lock is needed.
        nonisolated(unsafe) let slots = results
        // Chunks of work amortise dispatch overhead on large catalogs.
        let chunk = Swift.max(1, count / 64)
        let chunks = (count + chunk - 1) / chunk
        self.withUnsafeBufferPointer { elements in
            nonisolated(unsafe) let input = elements
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let upper = Swift.min(count, (c + 1) * chunk)
                for i in (c * chunk)..<upper {
                    slots[i] = transform(input[i])
                }
            }
        }
        return results.map { $0! }
    }
}
