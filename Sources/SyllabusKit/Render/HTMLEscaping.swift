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

    /// What the renderer calls (see Vendor/swift-mustache/SYLLABUS.md): the
    /// common value, with nothing to escape, is appended as it is, without a copy of its own.
    func escapeText(_ text: String, into output: inout String) {
        var contiguous = text
        if contiguous.withUTF8({ $0.contains(where: HTMLEscaping.needsEscape) }) {
            output += HTMLEscaping.escape(text)
        } else {
            output += text
        }
    }

    /// `apostrophe` is what `'` becomes: `&#39;` in HTML (HTML 4 has no
    /// `&apos;`), `&apos;` in the sitemap's XML (`XMLText`).
    static func escape(_ text: String, apostrophe: String = "&#39;") -> String {
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: needsEscape) else { return text }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case 0x26: out.append(contentsOf: "&amp;".utf8)
                case 0x3C: out.append(contentsOf: "&lt;".utf8)
                case 0x3E: out.append(contentsOf: "&gt;".utf8)
                case 0x22: out.append(contentsOf: "&quot;".utf8)
                case 0x27: out.append(contentsOf: apostrophe.utf8)
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    @inline(__always)
    static func needsEscape(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }
}
