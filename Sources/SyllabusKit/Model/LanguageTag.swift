/// A BCP 47 language tag such as `en`, `sv`, `de-CH`, `zh-Hant-TW`.
///
/// Checked for RFC 5646 syntax (language, extlang, script, region, variant,
/// extension and private-use subtags in their order and lengths), not
/// against the IANA registry: `xx` passes, `english` and `en_US` do not.
/// The primary language has 2 or 3 letters (or is private use, `x-…`): the
/// RFC's 4- and 5-to-8-letter forms are reserved and no language has one.
/// Kept with the case conventions of the RFC (`de-CH`, `zh-Hant`).
public struct LanguageTag: Sendable, Hashable, CustomStringConvertible {
    public let tag: String

    public init?(_ text: String) {
        let subtags = text.trimmingWhitespace().split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let canonical = Self.canonical(subtags) else { return nil }
        tag = canonical
    }

    public var description: String { tag }

    /// The primary language subtag, `de` of `de-CH`.
    public var language: String { String(tag.prefix { $0 != "-" }) }

    private static func isAlpha(_ s: String) -> Bool { !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isLetter } }
    private static func isDigits(_ s: String) -> Bool { !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber } }
    private static func isAlnum(_ s: String) -> Bool { !s.isEmpty && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }

    private static func canonical(_ parts: [String]) -> String? {
        guard let first = parts.first else { return nil }
        // A tag that is all private use: x-klingon.
        if first.lowercased() == "x" { return privateUse(parts) }
        guard isAlpha(first), (2...3).contains(first.count) else { return nil }
        var out = [first.lowercased()]
        var i = 1
        // Up to three extended language subtags after a 2-3 letter language.
        var extlangs = 0
        while i < parts.count, extlangs < 3, parts[i].count == 3, isAlpha(parts[i]) {
            out.append(parts[i].lowercased()); i += 1; extlangs += 1
        }
        if i < parts.count, parts[i].count == 4, isAlpha(parts[i]) {
            out.append(parts[i].prefix(1).uppercased() + parts[i].dropFirst().lowercased()); i += 1
        }
        if i < parts.count, (parts[i].count == 2 && isAlpha(parts[i])) || (parts[i].count == 3 && isDigits(parts[i])) {
            out.append(parts[i].uppercased()); i += 1
        }
        while i < parts.count, isAlnum(parts[i]),
              (5...8).contains(parts[i].count) || (parts[i].count == 4 && parts[i].first!.isNumber) {
            out.append(parts[i].lowercased()); i += 1
        }
        // Extensions: a singleton other than x, then subtags of 2-8.
        while i < parts.count, parts[i].count == 1, isAlnum(parts[i]), parts[i].lowercased() != "x" {
            out.append(parts[i].lowercased()); i += 1
            var count = 0
            while i < parts.count, (2...8).contains(parts[i].count), isAlnum(parts[i]) {
                out.append(parts[i].lowercased()); i += 1; count += 1
            }
            guard count > 0 else { return nil }
        }
        if i < parts.count {
            guard let rest = privateUse(Array(parts[i...])) else { return nil }
            out.append(rest)
        }
        return out.joined(separator: "-")
    }

    private static func privateUse(_ parts: [String]) -> String? {
        guard parts.count >= 2, parts[0].lowercased() == "x",
              parts.dropFirst().allSatisfy({ (1...8).contains($0.count) && isAlnum($0) }) else { return nil }
        return parts.map { $0.lowercased() }.joined(separator: "-")
    }
}
