import Dispatch

extension Array where Element: Sendable {
    /// `map` over both cores: pages and files are independent, and a build
    /// spends most of its time in such loops. Order is kept. Elements go to
    /// the cores `chunk` at a time (by default a 64th of them, which amortises
    /// the hand-out over cheap elements); where a few elements cost far more
    /// than the rest, as the catalog and topic feeds do, a chunk of 1 keeps
    /// one core from being left with a heavy chunk at the end.
    func parallelMap<T: Sendable>(chunk: Int? = nil, _ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        // Each index is written by exactly one iteration, so no lock is needed.
        nonisolated(unsafe) let slots = results
        let chunk = Swift.max(1, chunk ?? count / 64)
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
