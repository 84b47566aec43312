/// RFC 5545 content lines: TEXT escaping, folding at 75 octets without
/// splitting a UTF-8 character, and CRLF after every line.
struct ContentLines: Sendable {
    private(set) var text = ""

    /// Appends `NAME[;PARAMS]:value`; `value` must already be escaped where it is TEXT.
    mutating func append(_ name: String, _ value: String) {
        fold(name + ":" + value)
    }

    /// Appends one whole logical line, `NAME[;PARAMS]:value`, already escaped.
    mutating func append(line: String) {
        fold(line)
    }

    /// Bytes so far.
    var byteCount: Int { text.utf8.count }

    /// Room for `bytes` in all, so that appending up to there copies nothing.
    mutating func reserveCapacity(_ bytes: Int) {
        text.reserveCapacity(bytes)
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
        var value = value
        return value.withUTF8 { bytes in
            // Every byte the switch acts on is ASCII, so bytes of multi-byte
            // characters (0x80 and up) always take the default.
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 8)
            var previousWasCR = false
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
                case UInt8(ascii: ";"): out.append(contentsOf: #"\;"#.utf8)
                case UInt8(ascii: ","): out.append(contentsOf: #"\,"#.utf8)
                case UInt8(ascii: "\r"): out.append(contentsOf: #"\n"#.utf8)
                case UInt8(ascii: "\n"): if !previousWasCR { out.append(contentsOf: #"\n"#.utf8) }
                // Other control characters are not allowed in TEXT.
                case 0..<0x20 where byte != UInt8(ascii: "\t"), 0x7F: break
                default: out.append(byte)
                }
                previousWasCR = byte == UInt8(ascii: "\r")
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Folds one logical line: at most 75 octets per physical line, the
    /// continuation lines starting with a space, breaks only between characters.
    private mutating func fold(_ line: String) {
        let utf8 = line.utf8
        if utf8.count <= 75 {
            text += line
            text += "\r\n"
            return
        }
        // Work on bytes: a fold may only fall before a byte that starts a
        // character, never before a UTF-8 continuation byte (10xxxxxx).
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + utf8.count / 70 * 3 + 2)
        var lineStart = 0
        var limit = 75
        for byte in utf8 {
            let startsCharacter = byte & 0xC0 != 0x80
            if startsCharacter, out.count - lineStart + Self.width(of: byte) > limit {
                out.append(contentsOf: [0x0D, 0x0A, 0x20])
                lineStart = out.count - 1
                limit = 75
            }
            out.append(byte)
        }
        out.append(contentsOf: [0x0D, 0x0A])
        text += String(decoding: out, as: UTF8.self)
    }

    /// Length in bytes of the UTF-8 sequence that `lead` starts.
    private static func width(of lead: UInt8) -> Int {
        switch lead {
        case 0..<0x80: return 1
        case 0xC0..<0xE0: return 2
        case 0xE0..<0xF0: return 3
        default: return 4
        }
    }
}
