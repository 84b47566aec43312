/// What a Mustache template includes and how deeply its sections nest, read
/// from its text before the template engine parses it.
///
/// swift-mustache parses and renders sections and partials by recursion, so a
/// template that includes itself, two that include each other, or 20,000
/// nested sections ran the stack out (SIGSEGV, no message). This scan walks
/// only the tags (`{{#…}}`, `{{/…}}`, `{{>…}}`, `{{<…}}`, set-delimiter tags),
/// as the engine reads them, so `TemplateSet` can refuse such templates with
/// their line before any recursion starts. Everything else is left to the
/// engine, which reports its own syntax errors.
struct TemplateStructure: Sendable {
    /// An included template: `{{> name}}` or `{{<name}}…{{/name}}`.
    struct Include: Sendable {
        let name: String
        let line: Int
        let column: Int
        /// Sections open around the tag, the tag's own for `{{<name}}`.
        let depth: Int
        /// `{{>*name}}`: the name is looked up in the data when rendering.
        let isDynamic: Bool
    }

    private(set) var includes: [Include] = []
    /// The deepest nesting of sections, and where it is first reached.
    private(set) var depth = 0
    private(set) var deepestLine = 1
    private(set) var deepestColumn = 1

    init(_ text: String) {
        let bytes = Array(text.utf8)
        var start = Array("{{".utf8), end = Array("}}".utf8)
        var open = 0
        var index = 0
        var line = 1, lineStart = 0
        func matches(_ token: [UInt8], at position: Int) -> Bool {
            position + token.count <= bytes.count && bytes[position..<position + token.count].elementsEqual(token)
        }
        func find(_ token: [UInt8], from position: Int) -> Int? {
            var i = position
            while i + token.count <= bytes.count {
                if matches(token, at: i) { return i }
                if bytes[i] == UInt8(ascii: "\n") { line += 1; lineStart = i + 1 }
                i += 1
            }
            return nil
        }
        while let tag = find(start, from: index) {
            let column = tag - lineStart + 1, tagLine = line
            let sigil = tag + start.count < bytes.count ? bytes[tag + start.count] : 0
            guard let close = find(end, from: tag + start.count) else { break }
            let inside = String(decoding: bytes[(tag + start.count + 1)..<max(close, tag + start.count + 1)], as: UTF8.self)
            index = close + end.count
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"):
                open += 1
            case UInt8(ascii: "/"):
                open = max(open - 1, 0)
            case UInt8(ascii: ">"), UInt8(ascii: "<"):
                var name = inside.trimmingWhitespace()
                let isDynamic = name.hasPrefix("*")
                if isDynamic { name = String(name.dropFirst()).trimmingWhitespace() }
                let isParent = sigil == UInt8(ascii: "<")
                if isParent { open += 1 }
                includes.append(Include(name: name, line: tagLine, column: column, depth: open, isDynamic: isDynamic))
            case UInt8(ascii: "="):
                // `{{=<% %>=}}`: the next tags use the new delimiters.
                let parts = inside.hasSuffix("=") ? inside.dropLast().split(whereSeparator: \.isWhitespace) : []
                guard parts.count == 2 else { return }
                start = Array(parts[0].utf8)
                end = Array(parts[1].utf8)
            default:
                break
            }
            if open > depth { depth = open; deepestLine = tagLine; deepestColumn = column }
        }
    }
}
