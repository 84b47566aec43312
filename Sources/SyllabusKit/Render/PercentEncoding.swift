/// Percent-encoding of a value placed inside a URL's query: everything but
/// RFC 3986's unreserved characters is escaped, so a URL given as a
/// parameter keeps its own `:/?&=` to itself. Used by every calendar link
/// (a page has dozens), hence bytes in, bytes out, and no Foundation
/// `CharacterSet`, which cost a millisecond a page to build.
enum PercentEncoding {
    static func queryValue(_ text: String) -> String {
        let hex: StaticString = "0123456789ABCDEF"
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 2)
        hex.withUTF8Buffer { digits in
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                     UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                    out.append(byte)
                default:
                    out.append(UInt8(ascii: "%"))
                    out.append(digits[Int(byte >> 4)])
                    out.append(digits[Int(byte & 0x0F)])
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
