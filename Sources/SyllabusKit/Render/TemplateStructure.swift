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
///
/// The same walk lists the data names each tag uses (`variables`), with the
/// sections open around it, so `docs/templates.md` can be checked against the
/// built-in theme and a site's override can be checked for misspelt names.
struct TemplateStructure: Sendable {
    /// A data name used by a tag: `{{name}}`, `{{{name}}}`, `{{&name}}`,
    /// `{{#name}}` or `{{^name}}`. Closing tags, blocks, partials and
    /// comments name no data.
    struct Variable: Sendable, Hashable {
        enum Kind: String, Sendable, CaseIterable {
            case value, section, inverted
        }
        let name: String
        let kind: Kind
        /// The innermost data section open around the tag, an index into
        /// `sections`; `context(of:)` gives all of them.
        let section: Int?
        let line: Int
        let column: Int
        /// The tag as written, for messages: `{{site_title}}`, `{{#runs}}`.
        let tag: String

        /// The name looked up in the context stack: `site` for `site.title`;
        /// `nil` for `.`, the current item, which every section has.
        var lookupName: String? {
            name == "." ? nil : String(name.split(separator: ".", omittingEmptySubsequences: false).first ?? "")
        }
    }

    private(set) var variables: [Variable] = []
    /// Every `{{#name}}` and `{{^name}}` section, with the data section it is
    /// inside. Kept as a tree rather than a list per variable, so 20,000
    /// nested sections cost 20,000 entries, not 200 million.
    private(set) var sections: [(name: String, parent: Int?)] = []

    /// Names of the data sections open around `variable`, outermost first:
    /// `["runs"]` for a name used inside `{{#runs}}…{{/runs}}`.
    func context(of variable: Variable) -> [String] {
        sectionNames(around: variable.section)
    }

    /// Names of the data sections open around `include`, outermost first: the
    /// data a partial included inside `{{#runs}}` renders with is a run.
    func context(of include: Include) -> [String] {
        sectionNames(around: include.section)
    }

    private func sectionNames(around section: Int?) -> [String] {
        var names: [String] = []
        var next = section
        while let index = next {
            names.append(sections[index].name)
            next = sections[index].parent
        }
        return names.reversed()
    }

    /// An included template: `{{> name}}` or `{{<name}}…{{/name}}`.
    struct Include: Sendable {
        let name: String
        let line: Int
        let column: Int
        /// Sections open around the tag, the tag's own for `{{<name}}`.
        let depth: Int
        /// The innermost data section open around the tag, an index into `sections`.
        let section: Int?
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
        // Every open `#`, `^`, `$` or `<` tag, with the innermost data
        // section (`#` or `^`) open at it, an index into `sections`.
        var openTags: [Int?] = []
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
            let section = openTags.last ?? nil
            func use(_ name: String, _ kind: Variable.Kind, tag: String) {
                guard !name.isEmpty else { return }
                variables.append(Variable(name: name, kind: kind, section: section, line: tagLine, column: column, tag: tag))
            }
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"):
                open += 1
                let name = inside.trimmingWhitespace()
                switch sigil {
                case UInt8(ascii: "#"): use(name, .section, tag: "{{#\(name)}}")
                case UInt8(ascii: "^"): use(name, .inverted, tag: "{{^\(name)}}")
                default: break
                }
                if sigil == UInt8(ascii: "$") {
                    openTags.append(section)
                } else {
                    sections.append((name, section))
                    openTags.append(sections.count - 1)
                }
            case UInt8(ascii: "/"):
                open = max(open - 1, 0)
                if !openTags.isEmpty { openTags.removeLast() }
            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                let name = inside.trimmingWhitespace()
                use(name, .value, tag: sigil == UInt8(ascii: "{") ? "{{{\(name)}}}" : "{{&\(name)}}")
            case UInt8(ascii: "!"), UInt8(ascii: "%"):
                break  // a comment or a pragma
            case UInt8(ascii: ">"), UInt8(ascii: "<"):
                var name = inside.trimmingWhitespace()
                let isDynamic = name.hasPrefix("*")
                if isDynamic { name = String(name.dropFirst()).trimmingWhitespace() }
                let isParent = sigil == UInt8(ascii: "<")
                if isParent { open += 1; openTags.append(openTags.last ?? nil) }
                includes.append(Include(name: name, line: tagLine, column: column, depth: open, section: section,
                                        isDynamic: isDynamic))
            case UInt8(ascii: "="):
                // `{{=<% %>=}}`: the next tags use the new delimiters.
                let parts = inside.hasSuffix("=") ? inside.dropLast().split(whereSeparator: \.isWhitespace) : []
                guard parts.count == 2 else { return }
                start = Array(parts[0].utf8)
                end = Array(parts[1].utf8)
            default:
                // A plain `{{name}}`: no sigil, so the name starts right after the delimiter.
                let name = String(decoding: bytes[(tag + start.count)..<max(close, tag + start.count)], as: UTF8.self).trimmingWhitespace()
                use(name, .value, tag: "{{\(name)}}")
            }
            if open > depth { depth = open; deepestLine = tagLine; deepestColumn = column }
        }
    }
}
