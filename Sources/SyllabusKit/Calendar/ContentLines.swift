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
        // Most titles, places and tags have nothing to escape: kept as they are, not copied.
        guard value.withUTF8({ $0.contains(where: needsEscape) }) else { return value }
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

    /// What `escape` changes or drops: `\`, `;`, `,` and control characters but tab.
    private static func needsEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","), 0x7F: return true
        case 0..<0x20: return byte != UInt8(ascii: "\t")
        default: return false
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
        // Walk the bytes: a fold may only fall before a byte that starts a
        // character, never before a UTF-8 continuation byte (10xxxxxx). The
        // pieces between folds are appended straight from `line`.
        var pieceStart = utf8.startIndex
        var width = 0  // octets on the physical line so far, its leading space included
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte & 0xC0 != 0x80, width + Self.width(of: byte) > 75 {
                text += Substring(utf8[pieceStart..<index])
                text += "\r\n "
                pieceStart = index
                width = 1
            }
            width += 1
            utf8.formIndex(after: &index)
        }
        text += Substring(utf8[pieceStart...])
        text += "\r\n"
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
