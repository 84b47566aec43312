import Mustache

/// HTML escaping for Mustache's `{{…}}`, the same five characters as the
/// library's own (`& < > " '`) but byte-wise, and free for the common value
/// that has none of them. The library's version walks Characters through a
/// dictionary and was a sixth of a large build's render time.
///
/// Built-in templates opt in with `{{% CONTENT_TYPE: SYLLABUS_HTML}}`; a site's
/// own templates without it get the library's escaping, which is equivalent.
struct HTMLEscaping: MustacheContentType {
    static let name = "SYLLABUS_HTML"
    static let pragma = "{{% CONTENT_TYPE: \(name)}}"

    /// Registers the content type before any template is parsed.
    static let registered: Void = {
        MustacheContentTypes.register(HTMLEscaping(), named: name)
    }()

    func escapeText(_ text: String) -> String {
        HTMLEscaping.escape(text)
    }

    static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
