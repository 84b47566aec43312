import Foundation

/// A URL path segment: `[a-z0-9]+(-[a-z0-9]+)*`. Being that strict is what
/// keeps a slug from content from ever escaping the output folder.
public struct Slug: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: String

    /// The slug of a topic: like a name's, but `+` and `#` are spelled out,
    /// so C++ (`c-plus-plus`), C# (`c-sharp`) and C (`c`) get pages of their own.
    public init?(tag name: String) {
        var spelled = ""
        for character in name {
            switch character {
            case "+": spelled += " plus "
            case "#": spelled += " sharp "
            default: spelled.append(character)
            }
        }
        self.init(folding: spelled)
    }

    /// Accepts only a valid slug, as written.
    public init?(_ text: String) {
        guard Slug.isValid(text) else { return nil }
        value = text
    }

    /// Makes a slug from a name: lower-cased, accents folded to ASCII
    /// (`Muszyński` → `muszynski`), anything else to single hyphens.
    /// A name in another script is transliterated (`李小龍` → `li-xiao-long`,
    /// `Привет` → `privet`) where the platform's ICU can, otherwise it gets
    /// `u-` and a stable hash of its NFC form. A slug longer than `maxLength`
    /// is cut at a hyphen and ends in a hash of the whole, so it always fits a
    /// file name. `nil` only for a name with no letter or digit in any script.
    public init?(folding name: String) {
        var folded = Slug.fold(name)
        if folded.isEmpty {
            guard name.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil })
            else { return nil }
            let latin = name.applyingTransform(.toLatin, reverse: false).map(Slug.fold) ?? ""
            folded = latin.isEmpty ? "u-" + StableHash.short(name.precomposedStringWithCanonicalMapping) : latin
        }
        self.init(Slug.fitted(folded))
    }

    /// Longest slug in bytes (all ASCII). A file name may hold 255; the
    /// slug is a folder name, and well under the limit stays readable.
    public static let maxLength = 96

    /// `slug` itself when short enough; otherwise its first words up to
    /// `maxLength` with `-` and a hash of the whole slug, so two long names
    /// that share a beginning still get two pages.
    static func fitted(_ slug: String) -> String {
        guard slug.utf8.count > maxLength else { return slug }
        let suffix = "-" + StableHash.short(slug)
        var head = Substring(slug.prefix(maxLength - suffix.count + 1))
        // Cut at the last word boundary, unless that throws most of it away.
        if let hyphen = head.lastIndex(of: "-"), head.distance(from: head.startIndex, to: hyphen) >= maxLength / 2 {
            head = head[..<hyphen]
        } else {
            head = head.dropLast()
        }
        while head.hasSuffix("-") { head = head.dropLast() }
        return head + suffix
    }

    /// Lower-cased, accents folded to ASCII (`Muszyński` → `muszynski`),
    /// anything else to single hyphens; empty when no ASCII letter or digit is left.
    static func fold(_ name: String) -> String {
        // Most names are ASCII: fold those byte by byte, without Foundation.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(name.utf8.count)
            var pendingHyphen = false
            for byte in name.utf8 {
                let lower = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
                if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lower) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(lower) {
                    if pendingHyphen, !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                    pendingHyphen = false
                    bytes.append(lower)
                } else {
                    pendingHyphen = true
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return foldedNames.value(name) { foldUnicode(name) }
    }

    /// Names beyond ASCII, folded once per process: the same few hundred
    /// instructor names come back in every course file, every feed event and
    /// every card, and Foundation's decomposition made their folding a
    /// percent or two of a whole build.
    private static let foldedNames = Memo<String>()

    private static func foldUnicode(_ name: String) -> String {
        // Canonical decomposition splits "ń" into "n" and a combining accent;
        // the accents are then dropped as non-alphanumeric.
        let decomposed = name.lowercased().decomposedStringWithCanonicalMapping
        var result = ""
        var pendingHyphen = false
        for scalar in decomposed.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            let special: String? = Slug.ligatures[scalar]
            if let special {
                if pendingHyphen, !result.isEmpty { result += "-" }
                pendingHyphen = false
                result += special
            } else if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingHyphen, !result.isEmpty { result += "-" }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return result
    }

    /// Letters that do not decompose into a base letter and an accent.
    private static let ligatures: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
    ]

    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.first != UInt8(ascii: "-"), text.utf8.last != UInt8(ascii: "-") else { return false }
        var previousWasHyphen = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-"):
                if previousWasHyphen { return false }
                previousWasHyphen = true
            default:
                return false
            }
        }
        return true
    }

    public var description: String { value }
    public static func < (lhs: Slug, rhs: Slug) -> Bool { lhs.value < rhs.value }
}
