import Mustache

/// Page data whose fields a template sees in the frame of the value that
/// holds it, not under the field's own name: the page shell and a listing's
/// sections are names of the page itself (`{{site_title}}`, `{{#sections}}`),
/// a run's booking badges names of the run. Mustache has no notion of an
/// embedded value, so the encoder writes such a field's fields into the
/// enclosing frame.
protocol TemplateInline: Encodable {}

/// Inline page data shown alike on several pages (a run on each of its days),
/// encoded when it is made: each page copies its fields into its own frame.
/// A test's marker for absent values (`TemplateEncoder.frame(_:absent:)`)
/// encodes the value afresh instead. Not generic, so the encoder knows it by
/// comparing types, which costs nothing next to a protocol cast.
final class EncodedOnce: TemplateInline, @unchecked Sendable {
    private let value: any TemplateInline & Sendable
    /// Read-only once made, and made of strings, numbers and arrays of them,
    /// so several threads may copy it (hence `@unchecked Sendable`).
    let fields: MustacheFields

    init(_ value: some TemplateInline & Sendable) {
        self.value = value
        fields = TemplateEncoder.frame(value)
    }

    /// Its fields at the end of `frame`, as those of an inline value.
    func copy(into frame: inout MustacheFields) {
        for index in 0..<fields.count { frame.set(fields.names[index], fields.values[index]) }
    }

    func encode(to encoder: Encoder) throws {
        try value.encode(to: encoder)
    }
}

/// The one edge between typed page data and Mustache: any `Encodable` page
/// struct becomes the values the vendored Mustache renders fastest (see
/// Vendor/swift-mustache/SYLLABUS.md) — `MustacheFields` for a struct (its
/// names in order, found without hashing), `[Any]` for an array, and
/// `String`, `Bool` and `Int` as themselves.
///
/// A `nil` optional is written as `false`, never left out: a missing key
/// makes Mustache search the enclosing frames, which is slow and can find a
/// value of the same name there (a run without a location would show its
/// course's).
enum TemplateEncoder {
    /// The frame a template renders `value` in. `absent` stands for a `nil`
    /// optional; a test passes a marker to see that a sample sets every field.
    /// Data that writes its own frame (`TemplateFields`) writes it, unless a
    /// marker is asked for: one cast per page, decided here for every caller.
    static func frame(_ value: some Encodable, absent: Any = false) -> MustacheFields {
        if (absent as? Bool) == false, let written = value as? any TemplateFields { return written.writtenFrame }
        return encoded(value, absent: absent)
    }

    /// The frame `Encodable` gives, also for data that writes its own: what
    /// `TemplateFieldsTests` compares the written frames with.
    static func encoded(_ value: some Encodable, absent: Any = false) -> MustacheFields {
        // A page has some 40 to 60 names: room for them up front spares the
        // arrays their regrowths.
        let encoder = ValueEncoder(absent: absent, capacity: 64)
        encode(value, with: encoder)
        return encoder.frame
    }

    /// Any value as Mustache sees it, for tests that walk page data.
    static func value(_ value: some Encodable, absent: Any = false) -> Any {
        let encoder = ValueEncoder(absent: absent)
        encode(value, with: encoder)
        return encoder.value
    }

    private static func encode(_ value: some Encodable, with encoder: ValueEncoder) {
        do {
            try value.encode(to: encoder)
        } catch {
            // The encoder below never throws, and page data uses the synthesized
            // conformances, which throw only what the encoder does.
            preconditionFailure("page data does not encode: \(error)")
        }
    }
}

/// Collects one value: a struct's fields, an array's items or a single value.
/// Nested containers handed out before they are filled are kept as their
/// encoders and read when the value is.
private final class ValueEncoder: Encoder {
    let absent: Any
    // One encoder is filled by one thread, through its containers only: the
    // dynamic exclusivity checks of class properties cost more than the
    // writes they guard.
    @exclusivity(unchecked) var fields = MustacheFields(capacity: 0)
    @exclusivity(unchecked) var items: [Any] = []
    @exclusivity(unchecked) var single: Any?
    var isUnkeyed = false
    /// Some field or item is still a `ValueEncoder` (a nested container).
    var hasNested = false
    /// Room for the fields of the next item of an array: those of the one
    /// before, as the items of an array are of one type.
    var itemCapacity = 8

    /// Room the struct's fields get when they are first asked for.
    let capacity: Int

    /// Absent values are the usual `false`, as in a frame made beforehand.
    let absentIsFalse: Bool

    init(absent: Any, capacity: Int = 8) {
        self.absent = absent
        self.capacity = capacity
        absentIsFalse = (absent as? Bool) == false
    }

    /// A nested value's encoder, absent values written as in `parent`.
    init(within parent: ValueEncoder, capacity: Int = 8) {
        absent = parent.absent
        absentIsFalse = parent.absentIsFalse
        self.capacity = capacity
    }

    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        // Asked again for an inline field's fields: already reserved.
        if fields.count == 0 { fields = MustacheFields(capacity: capacity) }
        return KeyedEncodingContainer(KeyedFields<Key>(encoder: self))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        isUnkeyed = true
        return UnkeyedItems(encoder: self)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        SingleValue(encoder: self)
    }

    var frame: MustacheFields {
        hasNested ? fields.mapValues(Self.resolved) : fields
    }

    var value: Any {
        if let single { return Self.resolved(single) }
        if isUnkeyed { return hasNested ? items.map(Self.resolved) : items }
        return frame
    }

    private static func resolved(_ value: Any) -> Any {
        (value as? ValueEncoder)?.value ?? value
    }

    /// A nested value: strings, bools and ints are written by the containers'
    /// own overloads, so this sees structs, arrays and optionals of them.
    func box<T: Encodable>(_ value: T, capacity: Int = 8) throws -> Any {
        let child = ValueEncoder(within: self, capacity: capacity)
        try value.encode(to: child)
        return child.value
    }

    /// An item of an array, with room for as many fields as the item before.
    func boxItem<T: Encodable>(_ value: T) throws -> Any {
        let child = ValueEncoder(within: self, capacity: itemCapacity)
        try value.encode(to: child)
        itemCapacity = max(child.fields.count, 1)
        return child.value
    }

    func nested() -> ValueEncoder {
        hasNested = true
        return ValueEncoder(within: self)
    }
}

private struct KeyedFields<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: ValueEncoder
    var codingPath: [CodingKey] { [] }

    private func set(_ value: Any, _ key: Key) { encoder.fields.set(key.stringValue, value) }

    mutating func encodeNil(forKey key: Key) { set(encoder.absent, key) }
    mutating func encode(_ value: Bool, forKey key: Key) { set(value, key) }
    mutating func encode(_ value: String, forKey key: Key) { set(value, key) }
    mutating func encode(_ value: Int, forKey key: Key) { set(value, key) }
    mutating func encode(_ value: Double, forKey key: Key) { set(value, key) }
    mutating func encode(_ value: Float, forKey key: Key) { set(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) { set(Int(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) { set(Int(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) { set(Int(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) { set(Int(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) { set(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) { set(Int(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) { set(Int(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) { set(Int(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) { set(value, key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        if T.self == DeferredHTML.self, encoder.absentIsFalse {
            // Kept as the object, made when the page renders (`DeferredHTML`).
            set(unsafeBitCast(value, to: DeferredHTML.self), key)
        } else if value is any TemplateInline {
            if T.self == EncodedOnce.self, encoder.absentIsFalse {
                // `T` is `EncodedOnce`, so the bits are that reference.
                unsafeBitCast(value, to: EncodedOnce.self).copy(into: &encoder.fields)
            } else {
                try value.encode(to: encoder)
            }
        } else {
            set(try encoder.box(value), key)
        }
    }

    // The defaults of these leave the key out; a template must see `false`.
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) { set(value ?? encoder.absent, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) { set(value ?? encoder.absent, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) { set(value ?? encoder.absent, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) { set(value ?? encoder.absent, key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) { set(value ?? encoder.absent, key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) { set(value.map { Int($0) } ?? encoder.absent, key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) { set(value.map { Int($0) } ?? encoder.absent, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) { set(value.map { Int($0) } ?? encoder.absent, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) { set(value.map { Int($0) } ?? encoder.absent, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) { set(value ?? encoder.absent, key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) { set(value.map { Int($0) } ?? encoder.absent, key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) { set(value.map { Int($0) } ?? encoder.absent, key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) { set(value.map { Int($0) } ?? encoder.absent, key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) { set(value ?? encoder.absent, key) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { set(encoder.absent, key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = encoder.nested()
        set(child, key)
        return child.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let child = encoder.nested()
        set(child, key)
        return child.unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder {
        let child = encoder.nested()
        encoder.fields.set("super", child)
        return child
    }

    mutating func superEncoder(forKey key: Key) -> Encoder {
        let child = encoder.nested()
        set(child, key)
        return child
    }
}

private struct UnkeyedItems: UnkeyedEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [CodingKey] { [] }
    var count: Int { encoder.items.count }

    private func append(_ value: Any) { encoder.items.append(value) }

    mutating func encodeNil() { append(encoder.absent) }
    mutating func encode(_ value: Bool) { append(value) }
    mutating func encode(_ value: String) { append(value) }
    mutating func encode(_ value: Int) { append(value) }
    mutating func encode(_ value: Double) { append(value) }
    mutating func encode(_ value: Float) { append(value) }
    mutating func encode(_ value: Int8) { append(Int(value)) }
    mutating func encode(_ value: Int16) { append(Int(value)) }
    mutating func encode(_ value: Int32) { append(Int(value)) }
    mutating func encode(_ value: Int64) { append(Int(value)) }
    mutating func encode(_ value: UInt) { append(value) }
    mutating func encode(_ value: UInt8) { append(Int(value)) }
    mutating func encode(_ value: UInt16) { append(Int(value)) }
    mutating func encode(_ value: UInt32) { append(Int(value)) }
    mutating func encode(_ value: UInt64) { append(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { append(try encoder.boxItem(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = encoder.nested()
        append(child)
        return child.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let child = encoder.nested()
        append(child)
        return child.unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder {
        let child = encoder.nested()
        append(child)
        return child
    }
}

private struct SingleValue: SingleValueEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [CodingKey] { [] }

    mutating func encodeNil() { encoder.single = encoder.absent }
    mutating func encode(_ value: Bool) { encoder.single = value }
    mutating func encode(_ value: String) { encoder.single = value }
    mutating func encode(_ value: Int) { encoder.single = value }
    mutating func encode(_ value: Double) { encoder.single = value }
    mutating func encode(_ value: Float) { encoder.single = value }
    mutating func encode(_ value: Int8) { encoder.single = Int(value) }
    mutating func encode(_ value: Int16) { encoder.single = Int(value) }
    mutating func encode(_ value: Int32) { encoder.single = Int(value) }
    mutating func encode(_ value: Int64) { encoder.single = Int(value) }
    mutating func encode(_ value: UInt) { encoder.single = value }
    mutating func encode(_ value: UInt8) { encoder.single = Int(value) }
    mutating func encode(_ value: UInt16) { encoder.single = Int(value) }
    mutating func encode(_ value: UInt32) { encoder.single = Int(value) }
    mutating func encode(_ value: UInt64) { encoder.single = value }
    mutating func encode<T: Encodable>(_ value: T) throws { encoder.single = try encoder.box(value) }
}
