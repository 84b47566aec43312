/// A small JSON writer for structured data: sorted keys for reproducible
/// output, and `<`, `>` and `&` written as `\u003c`-style escapes so no value
/// can close the `<script>` element the JSON sits in. Foundation's
/// `JSONSerialization` took a fifth of a large build's time.
enum JSONText {
    static func encode(_ value: Any) -> String {
        var out = ""
        out.reserveCapacity(1024)
        write(value, to: &out)
        return out
    }

    private static func write(_ value: Any, to out: inout String) {
        switch value {
        case let text as String:
            writeString(text, to: &out)
        case let flag as Bool:
            out += flag ? "true" : "false"
        case let number as Int:
            out += String(number)
        case let number as Double:
            out += number.isFinite ? String(number) : "null"
        case let object as [String: Any]:
            out += "{"
            for (offset, key) in object.keys.sorted().enumerated() {
                if offset > 0 { out += "," }
                writeString(key, to: &out)
                out += ":"
                write(object[key]!, to: &out)
            }
            out += "}"
        case let array as [Any]:
            out += "["
            for (offset, element) in array.enumerated() {
                if offset > 0 { out += "," }
                write(element, to: &out)
            }
            out += "]"
        default:
            out += "null"
        }
    }

    /// A JSON string literal, quotes included.
    static func quoted(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 2)
        writeString(text, to: &out)
        return out
    }

    private static let hex: [Character] = Array("0123456789abcdef")

    private static func writeString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                appendEscaped(scalar.value, to: &out)
            default:
                if scalar.value < 0x20 { appendEscaped(scalar.value, to: &out) } else { out.unicodeScalars.append(scalar) }
            }
        }
        out += "\""
    }

    private static func appendEscaped(_ value: UInt32, to out: inout String) {
        out += "\\u"
        for shift in stride(from: 12, through: 0, by: -4) {
            out.append(hex[Int((value >> UInt32(shift)) & 0xF)])
        }
    }
}
