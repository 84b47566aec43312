/// How a diagnostic shows text that came from the sources: a value is printed
/// to a terminal, so a control character or escape sequence in it
/// (`start: "\e]0;PWNED\a"`) must never reach the terminal as such, and a
/// value of kilobytes (`site.yml -> /etc/passwd`) must not flood it.
public enum QuotedValue {
    /// Longest value shown whole, in characters; longer ones end in `…`.
    public static let limit = 80

    /// `"value"`, escaped and cut: what every message uses to quote a value.
    public static func quoted(_ text: String, limit: Int = QuotedValue.limit) -> String {
        "\"" + cut(escaped(text, quotes: true), limit: limit) + "\""
    }

    /// Control characters, format characters (bidi overrides, zero-width
    /// characters) and line separators as `\u{1B}`; everything else as written.
    public static func escaped(_ text: String, quotes: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0) || (quotes && ($0 == "\"" || $0 == "\\")) }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else if quotes, scalar == "\"" || scalar == "\\" {
                out += "\\"
                out.unicodeScalars.append(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// At most `limit` characters, the last of them `…` when cut.
    public static func cut(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(max(limit - 1, 0))) + "…"
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        // Zero-width (non-)joiners are part of emoji and of Persian words.
        if scalar == "\u{200C}" || scalar == "\u{200D}" { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator:
            return true
        default:
            return false
        }
    }
}

extension DefaultStringInterpolation {
    /// `"…\(quoted: value)…"`: the value in double quotes, escaped and cut.
    mutating func appendInterpolation(quoted value: String) {
        appendLiteral(QuotedValue.quoted(value))
    }

    /// `…\(shown: text)…`: text from the sources without quotes (a key's
    /// name, a problem Yams describes), escaped and cut.
    mutating func appendInterpolation(shown text: String, limit: Int = QuotedValue.limit) {
        appendLiteral(QuotedValue.cut(QuotedValue.escaped(text), limit: limit))
    }
}
