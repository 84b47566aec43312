import Foundation

/// JSON written straight to UTF-8 bytes, in the order the caller gives:
/// for the search index and the pages' JSON-LD, whose objects list their
/// keys in sorted byte order (reproducible output, as a sorting writer would
/// give). Building a tree of values first and sorting each object's keys
/// took most of the search index's write and about 4% of a fresh build in
/// the course pages' JSON-LD.
///
/// Debug builds check that each object's keys come in ascending order (and
/// that keys are written only in objects), so a test that writes an object
/// catches a key put in the wrong place.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private var afterValue = false
    #if DEBUG
    /// What is open, innermost last: an array, or an object with its last key.
    private enum Level { case array, object(lastKey: [UInt8]?) }
    private var levels: [Level] = []
    #endif

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func open(_ bracket: Unicode.Scalar) {
        separate()
        bytes.append(UInt8(ascii: bracket))
        afterValue = false
        #if DEBUG
        levels.append(bracket == "{" ? .object(lastKey: nil) : .array)
        #endif
    }

    mutating func close(_ bracket: Unicode.Scalar) {
        bytes.append(UInt8(ascii: bracket))
        afterValue = true
        #if DEBUG
        levels.removeLast()
        #endif
    }

    /// `{`, what `body` writes, `}`.
    mutating func object(_ body: (inout JSONWriter) -> Void) {
        open("{")
        body(&self)
        close("}")
    }

    /// `[`, what `body` writes, `]`.
    mutating func array(_ body: (inout JSONWriter) -> Void) {
        open("[")
        body(&self)
        close("]")
    }

    /// A key of ASCII letters, digits, `@` or `_`, which needs no escaping.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { name in
            #if DEBUG
            assert(name.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") && $0 >= 0x20 },
                   "JSON key \(String(decoding: name, as: UTF8.self)) needs escaping")
            if case let .object(last) = levels.last {
                assert(last.map { $0.lexicographicallyPrecedes(name) } ?? true,
                       "JSON key \(String(decoding: name, as: UTF8.self)) out of sorted order")
                levels[levels.count - 1] = .object(lastKey: Array(name))
            } else {
                assertionFailure("JSON key \(String(decoding: name, as: UTF8.self)) outside an object")
            }
            #endif
            bytes.append(contentsOf: name)
        }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        afterValue = false
    }

    mutating func string(_ text: String) {
        separate()
        JSONText.writeString(text, to: &bytes)
        afterValue = true
    }

    mutating func int(_ number: Int) {
        separate()
        // A small string: no allocation.
        bytes.append(contentsOf: String(number).utf8)
        afterValue = true
    }

    /// A number written as it is exact, `1800` or `950.5`: never in a
    /// locale's digits or with a grouping separator.
    mutating func decimal(_ number: Decimal) {
        separate()
        bytes.append(contentsOf: NSDecimalNumber(decimal: number).stringValue.utf8)
        afterValue = true
    }

    mutating func bool(_ flag: Bool) {
        separate()
        bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        afterValue = true
    }

    mutating func ints(_ list: [Int]) {
        array { json in
            for number in list { json.int(number) }
        }
    }

    /// Bytes of a whole value written elsewhere.
    mutating func value(_ written: [UInt8]) {
        separate()
        bytes.append(contentsOf: written)
        afterValue = true
    }

    /// A field left out when it is absent or an empty list.
    mutating func field(_ name: StaticString, _ text: String?) {
        if let text { key(name); string(text) }
    }

    mutating func field(_ name: StaticString, _ number: Int?) {
        if let number { key(name); int(number) }
    }

    mutating func field(_ name: StaticString, _ list: [Int]) {
        if !list.isEmpty { key(name); ints(list) }
    }

    private mutating func separate() {
        if afterValue { bytes.append(UInt8(ascii: ",")) }
    }
}
