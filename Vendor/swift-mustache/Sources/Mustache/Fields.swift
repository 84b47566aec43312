//
// Syllabus patch: not part of swift-mustache 2.1.1 (see SYLLABUS.md).
//

/// Named values for a template, in the order they were set: what a
/// `[String: Any]` offers as a context, without hashing. A page's or a
/// card's frame holds tens of short names and each is set once and looked up
/// a few times, so setting by appending and finding by comparing names
/// (short names compare as two machine words) costs less than building and
/// probing a hash table. When a name is set twice, the later value is the one found.
/// Names match byte for byte (their UTF-8), not by Unicode equivalence: a
/// template's names are the page data's field names, ASCII in practice.
public struct MustacheFields: MustacheParent {
    public private(set) var names: [String]
    public private(set) var values: [Any]
    /// Each name's `key`: a lookup compares these machine words first, and a
    /// name only where its word matches. Comparing two unequal Swift strings
    /// calls into the standard library (some 10 ns); a frame stack of 100
    /// names made that most of a lookup.
    private var keys: [UInt64]

    public init(capacity: Int = 8) {
        self.names = []
        self.values = []
        self.keys = []
        self.names.reserveCapacity(capacity)
        self.values.reserveCapacity(capacity)
        self.keys.reserveCapacity(capacity)
    }

    public var count: Int { self.names.count }

    public mutating func set(_ name: String, _ value: Any) {
        self.names.append(name)
        self.values.append(value)
        self.keys.append(Self.key(name))
    }

    public subscript(name: String) -> Any? {
        self.value(named: name, key: Self.key(name))
    }

    /// The value of `name`, whose `key(name)` the caller computed once for
    /// every frame it looks in.
    public func value(named name: String, key: UInt64) -> Any? {
        self.keys.withUnsafeBufferPointer { keys in
            var index = keys.count
            while index > 0 {
                index -= 1
                if keys[index] == key, self.names[index] == name { return self.values[index] }
            }
            return nil
        }
    }

    /// A name's length and its first and last bytes in one word: names that
    /// differ mostly differ there (`title`, `hasRuns`, `run_start`).
    @inline(__always)
    public static func key(_ name: String) -> UInt64 {
        var name = name
        return name.withUTF8 { bytes -> UInt64 in
            let count = bytes.count
            var key = UInt64(truncatingIfNeeded: count) << 56
            guard count > 0 else { return key }
            let head = min(count, 4)
            for index in 0..<head { key |= UInt64(bytes[index]) << (8 * UInt64(index)) }
            let tail = min(count, 3)
            for index in 0..<tail { key |= UInt64(bytes[count - 1 - index]) << (32 + 8 * UInt64(index)) }
            return key
        }
    }

    public func child(named name: String) -> Any? { self[name] }

    /// Each value passed through `transform`, names kept.
    public func mapValues(_ transform: (Any) -> Any) -> MustacheFields {
        var copy = self
        copy.values = self.values.map(transform)
        return copy
    }
}
