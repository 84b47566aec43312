/// Which URLs from front matter may reach a page: http(s) links, and
/// site-relative paths into `media/`. Everything else (`javascript:`,
/// `data:`, paths climbing out with `..`) is refused.
enum SafeURL {
    static func web(_ text: String) -> String? {
        let trimmed = text.trimmingWhitespace()
        let lower = trimmed.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"),
              trimmed.count > lower.prefix(while: { $0 != "/" }).count + 2,
              !trimmed.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }) else { return nil }
        return trimmed
    }

    /// `media/x.jpg` or `/media/x.jpg` becomes `media/x.jpg`; web URLs pass as they are.
    static func mediaOrWeb(_ text: String) -> String? {
        if let web = web(text) { return web }
        var path = text.trimmingWhitespace()
        if path.hasPrefix("/") { path.removeFirst() }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.first == "media", segments.count >= 2,
              !segments.contains(where: { $0.isEmpty || $0 == ".." || $0 == "." }),
              !path.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "\\" }) else { return nil }
        return path
    }
}

extension SafeURL {
    /// `mailto:someone@example.org` (query such as `?subject=` allowed).
    static func mailto(_ text: String) -> String? {
        let trimmed = text.trimmingWhitespace()
        guard trimmed.lowercased().hasPrefix("mailto:"),
              !trimmed.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }) else { return nil }
        let address = trimmed.dropFirst(7).prefix { $0 != "?" }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return nil }
        return trimmed
    }
}
