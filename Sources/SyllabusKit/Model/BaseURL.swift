/// The absolute URL a site is served from, split into what links need:
/// the deploy sub-path for links inside the site, the host for calendar UIDs.
public struct BaseURL: Sendable, Hashable, CustomStringConvertible {
    /// `https` or `http`.
    public let scheme: String
    /// Host with port when one is given, e.g. `example.org` or `localhost:8000`.
    public let authority: String
    /// The host alone, lower-cased: the right-hand side of calendar UIDs.
    public let host: String
    /// Always starts and ends with `/`: `/` or `/training/`.
    public let path: String

    /// Accepts only absolute `http://` or `https://` URLs with a host.
    public init?(_ text: String) {
        let trimmed = text.trimmingWhitespace()
        guard BaseURL.characterNotAllowed(in: trimmed) == nil else { return nil }
        let lower = trimmed.lowercased()
        let scheme: String
        if lower.hasPrefix("https://") { scheme = "https" }
        else if lower.hasPrefix("http://") { scheme = "http" }
        else { return nil }
        var rest = trimmed.dropFirst(scheme.count + 3)
        if let cut = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<cut] }
        let authority = rest.prefix { $0 != "/" }
        guard !authority.isEmpty, !authority.contains("@"),
              authority.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else { return nil }
        var path = String(rest.dropFirst(authority.count))
        if path.isEmpty { path = "/" }
        if !path.hasSuffix("/") { path += "/" }
        guard !path.contains("//"), !path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        self.scheme = scheme
        self.authority = String(authority).lowercased()
        self.host = String(authority.split(separator: ":").first ?? authority).lowercased()
        self.path = path
    }

    /// The first character a URL cannot hold as written (RFC 3986): a space,
    /// a control character, `"<>\\^`{|}`, a `%` not followed by two hex digits,
    /// or anything beyond ASCII. The base URL lands verbatim in every link,
    /// feed and sitemap, so one of these would break or inject into them.
    public static func characterNotAllowed(in text: String) -> Character? {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%")
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            guard allowed.contains(character) else { return character }
            if character == "%" {
                let hex = characters.dropFirst(index + 1).prefix(2)
                guard hex.count == 2, hex.allSatisfy(\.isHexDigit) else { return character }
            }
        }
        return nil
    }

    /// The absolute URL of a site path such as `courses/otp/`.
    public func absolute(_ sitePath: String) -> String {
        "\(scheme)://\(authority)\(path)\(sitePath)"
    }

    /// The same URL with `webcal://`, which calendar apps open as a subscription.
    public func webcal(_ sitePath: String) -> String {
        "webcal://\(authority)\(path)\(sitePath)"
    }

    public var description: String { "\(scheme)://\(authority)\(path)" }
}
