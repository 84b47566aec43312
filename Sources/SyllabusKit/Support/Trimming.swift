extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)` (or `.whitespacesAndNewlines`)
    /// without Foundation: that call bridges through `NSString`, and the
    /// loader makes it for every field of every file. Foundation's set is
    /// Unicode's space separators, tab and U+200B (zero width space); with
    /// newlines also line and paragraph separators, U+000A–U+000D and U+0085.
    func trimmingWhitespace(andNewlines: Bool = false) -> String {
        func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.properties.generalCategory {
            case .spaceSeparator: return true
            case .lineSeparator, .paragraphSeparator: return andNewlines
            default: return scalar == "\t" || scalar == "\u{200B}" || (andNewlines && ("\n"..."\r" ~= scalar || scalar == "\u{85}"))
            }
        }
        // Most values have nothing to trim: printable ASCII at both ends.
        let scalars = unicodeScalars
        if let first = scalars.first, let last = scalars.last, (0x21..<0x7F).contains(first.value), (0x21..<0x7F).contains(last.value) {
            return String(self)
        }
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
              let last = scalars.lastIndex(where: { !isTrimmed($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
