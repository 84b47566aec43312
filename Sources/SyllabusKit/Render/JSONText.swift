import Foundation

/// JSON string literals for structured data and the search index, with `<`,
/// `>` and `&` written as `\u003c`-style escapes so no value can close the
/// `<script>` element the JSON sits in. Foundation's `JSONSerialization`
/// took a fifth of a large build's time; this works on UTF-8 bytes and
/// copies unescaped runs whole. `JSONWriter` writes the rest of the JSON.
enum JSONText {
    private static let hex = Array("0123456789abcdef".utf8)

    /// `text` as a JSON string literal at the end of `out`.
    static func writeString(_ text: String, to out: inout [UInt8]) {
        var text = text
        // The string's own bytes, not a copy: every page writes a few hundred of these.
        text.withUTF8 { writeString(bytes: $0, to: &out) }
    }

    private static func writeString(bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var copied = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var width = 1
            let escape: [UInt8]?
            switch byte {
            case UInt8(ascii: "\""): escape = Array(#"\""#.utf8)
            case UInt8(ascii: "\\"): escape = Array(#"\\"#.utf8)
            case UInt8(ascii: "\n"): escape = Array(#"\n"#.utf8)
            case UInt8(ascii: "\r"): escape = Array(#"\r"#.utf8)
            case UInt8(ascii: "\t"): escape = Array(#"\t"#.utf8)
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0..<0x20:
                escape = unicodeEscape(UInt32(byte))
            // U+2028 and U+2029 (E2 80 A8/A9) end a line in JavaScript.
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                escape = unicodeEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                width = 3
            default:
                escape = nil
            }
            if let escape {
                out.append(contentsOf: bytes[copied..<index])
                out.append(contentsOf: escape)
                copied = index + width
            }
            index += width
        }
        out.append(contentsOf: bytes[copied...])
        out.append(UInt8(ascii: "\""))
    }

    private static func unicodeEscape(_ value: UInt32) -> [UInt8] {
        var escape = Array(#"\u"#.utf8)
        for shift in stride(from: 12, through: 0, by: -4) {
            escape.append(hex[Int((value >> UInt32(shift)) & 0xF)])
        }
        return escape
    }
}
