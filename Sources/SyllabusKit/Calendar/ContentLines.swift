/// RFC 5545 content lines: TEXT escaping, folding at 75 octets without
/// splitting a UTF-8 character, and CRLF after every line.
struct ContentLines {
    private(set) var text = ""

    /// Appends `NAME[;PARAMS]:value`; `value` must already be escaped where it is TEXT.
    mutating func append(_ name: String, _ value: String) {
        fold(name + ":" + value)
    }

    /// Appends lines already folded and terminated, such as a cached VTIMEZONE.
    mutating func append(lines: ContentLines) {
        text += lines.text
    }

    /// Appends a TEXT property, escaping its value.
    mutating func appendText(_ name: String, _ value: String) {
        append(name, ContentLines.escape(value))
    }

    /// Escapes `\`, `;`, `,` and line breaks (RFC 5545 §3.3.11).
    static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count + 8)
        var previousWasCR = false
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            default:
                // Other control characters are not allowed in TEXT.
                if scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F { break }
                out.unicodeScalars.append(scalar)
            }
            previousWasCR = scalar == "\r"
        }
        return out
    }

    /// Folds one logical line: at most 75 octets per physical line, the
    /// continuation lines starting with a space, breaks only between characters.
    private mutating func fold(_ line: String) {
        var octets = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let width = UTF8.width(scalar)
            if octets + width > limit {
                text += "\r\n "
                octets = 1
                limit = 75
            }
            text.unicodeScalars.append(scalar)
            octets += width
        }
        text += "\r\n"
    }
}
