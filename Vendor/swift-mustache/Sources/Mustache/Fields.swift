//
// Syllabus patch: not part of swift-mustache 2.1.1 (see SYLLABUS.md).
//

/// Named values for a template, in the order they were set: what a
/// `[String: Any]` offers as a context, without hashing. A page's or a
/// card's frame holds tens of short names and each is set once and looked up
/// a few times, so setting by appending and finding by comparing names
/// (short names compare as two machine words) costs less than building and
/// probing a hash table. When a name is set twice, the later value is the one found.
public struct MustacheFields: MustacheParent {
    public private(set) var names: [String]
    public private(set) var values: [Any]

    public init(capacity: Int = 8) {
        self.names = []
        self.values = []
        self.names.reserveCapacity(capacity)
        self.values.reserveCapacity(capacity)
    }

    public var count: Int { self.names.count }

    public mutating func set(_ name: String, _ value: Any) {
        self.names.append(name)
        self.values.append(value)
    }

    public subscript(name: String) -> Any? {
        var index = self.names.count
        while index > 0 {
            index -= 1
            if self.names[index] == name { return self.values[index] }
        }
        return nil
    }

    public func child(named name: String) -> Any? { self[name] }

    /// Each value passed through `transform`, names kept.
    public func mapValues(_ transform: (Any) -> Any) -> MustacheFields {
        var copy = self
        copy.values = self.values.map(transform)
        return copy
    }
}
