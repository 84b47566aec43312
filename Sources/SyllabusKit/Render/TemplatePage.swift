import Mustache

/// A page as a template and the frame it renders in, not yet rendered: a
/// build over the previous output first compares the frame's fingerprint
/// with the one that output's page was rendered from, and links the old file
/// instead of rendering when they match (`PageFingerprints`).
struct TemplatePage {
    let name: String
    let frame: MustacheFields
    let library: MustacheLibrary
    /// The sizes the template's last pages came to, to size the next one's buffer.
    var sizes: RenderedSizes? = nil

    func render() -> String {
        guard let sizes else { return library.render(frame, withTemplate: name) ?? "" }
        let expected = sizes.size(of: name)
        let text = library.render(frame, withTemplate: name, reservingCapacity: expected + expected / 8) ?? ""
        sizes.record(text.utf8.count, for: name)
        return text
    }

    /// What the page is rendered from: `salt` (the templates and the binary),
    /// the template's name and every name and value of the frame, or `nil`
    /// when the frame holds a value this walk does not know, which is then
    /// rendered every time rather than trusted.
    func fingerprint(salt: Fingerprint) -> Fingerprint? {
        var hasher = FingerprintHasher()
        hasher.combine(salt.high)
        hasher.combine(salt.low)
        hasher.combine(name)
        guard Self.combine(frame, into: &hasher) else { return nil }
        return hasher.finalize()
    }

    /// The fingerprint of a frame alone (an entry card's, `PageContexts.cardKey`),
    /// or `nil` when it holds a value this walk does not know.
    static func fingerprint(of frame: MustacheFields) -> Fingerprint? {
        var hasher = FingerprintHasher()
        guard combine(frame, into: &hasher) else { return nil }
        return hasher.finalize()
    }

    /// Each value is tagged with its kind, so `"1"`, `1` and `true` differ.
    /// The kind is told by the value's exact type before one cast to it: a
    /// failed cast from `Any` costs some 100 ns, several per value otherwise.
    private static func combine(_ value: Any, into hasher: inout FingerprintHasher) -> Bool {
        let type = ObjectIdentifier(Swift.type(of: value))
        if type == ObjectIdentifier(String.self), let text = value as? String {
            hasher.combine(1)
            hasher.combine(text)
        } else if type == ObjectIdentifier(MustacheFields.self), let fields = value as? MustacheFields {
            return combine(fields, into: &hasher)
        } else if type == ObjectIdentifier([Any].self), let items = value as? [Any] {
            hasher.combine(3)
            hasher.combine(items.count)
            let whole = items.withUnsafeBufferPointer { items in items.allSatisfy { combine($0, into: &hasher) } }
            if !whole { return false }
        } else if type == ObjectIdentifier(DeferredHTML.self), let deferred = value as? DeferredHTML {
            // Its inputs, not its text: hashing must not make it (`DeferredHTML`).
            hasher.combine(11)
            let key = deferred.key
            hasher.combine(key.high)
            hasher.combine(key.low)
        } else if type == ObjectIdentifier(Bool.self), let flag = value as? Bool {
            hasher.combine(flag ? 4 : 5)
        } else if type == ObjectIdentifier(Int.self), let number = value as? Int {
            hasher.combine(6)
            hasher.combine(number)
        } else if type == ObjectIdentifier(Double.self), let number = value as? Double {
            hasher.combine(7)
            hasher.combine(number.bitPattern)
        } else if type == ObjectIdentifier(Float.self), let number = value as? Float {
            hasher.combine(8)
            hasher.combine(UInt64(number.bitPattern))
        } else if type == ObjectIdentifier(UInt.self), let number = value as? UInt {
            hasher.combine(9)
            hasher.combine(UInt64(number))
        } else if type == ObjectIdentifier(UInt64.self), let number = value as? UInt64 {
            hasher.combine(10)
            hasher.combine(number)
        } else {
            return false
        }
        return true
    }

    private static func combine(_ fields: MustacheFields, into hasher: inout FingerprintHasher) -> Bool {
        hasher.combine(2)
        hasher.combine(fields.count)
        // Through the buffers, so each value is lent, not copied and released.
        return fields.names.withUnsafeBufferPointer { names in
            fields.values.withUnsafeBufferPointer { values in
                for index in 0..<names.count {
                    hasher.combine(names[index])
                    guard combine(values[index], into: &hasher) else { return false }
                }
                return true
            }
        }
    }
}
