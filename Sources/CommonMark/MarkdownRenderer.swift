import Ccmark

/// Renders CommonMark to HTML through cmark.
///
/// This is the only place in Syllabus that touches cmark's C API. Every
/// document, iterator and HTML buffer is freed before a function returns, and
/// no C pointer escapes: callers get Swift strings and values.
public enum MarkdownRenderer {
    /// Renders `markdown` to HTML.
    ///
    /// - Parameter rewriteLink: called once for every link and image, in
    ///   document order; return a new destination to replace it, or `nil` to
    ///   keep it as written.
    public static func html(
        from markdown: String,
        options: MarkdownOptions = .standard,
        rewriteLink: (MarkdownLink) -> String? = { _ in nil }
    ) -> String {
        let flags = options.cmarkFlags | CMARK_OPT_SOURCEPOS
        let utf8 = Array(markdown.utf8)
        guard let document = utf8.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parse_document($0, buffer.count, flags)
                }
            } ?? cmark_parse_document("", 0, flags)
        }) else {
            return ""
        }
        defer { cmark_node_free(document) }

        rewriteLinks(in: document, rewrite: rewriteLink)

        guard let rendered = cmark_render_html(document, options.cmarkFlags) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// Lists every link and image destination without rendering.
    public static func links(in markdown: String) -> [MarkdownLink] {
        var found: [MarkdownLink] = []
        _ = html(from: markdown) { link in
            found.append(link)
            return nil
        }
        return found
    }

    private static func rewriteLinks(in document: OpaquePointer, rewrite: (MarkdownLink) -> String?) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        // Inline nodes often carry no position of their own; the closest
        // block ancestor's start is the next best thing to report.
        var blockLine: Int32 = 0
        var blockColumn: Int32 = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let line = cmark_node_get_start_line(node)
            let column = cmark_node_get_start_column(node)
            if type.rawValue < CMARK_NODE_FIRST_INLINE.rawValue, line > 0 {
                blockLine = line
                blockColumn = column
            }
            let kind: MarkdownLink.Kind
            switch type {
            case CMARK_NODE_LINK: kind = .link
            case CMARK_NODE_IMAGE: kind = .image
            default: continue
            }
            let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let link = MarkdownLink(
                kind: kind,
                destination: destination,
                line: Int(line > 0 ? line : blockLine),
                column: Int(line > 0 ? column : blockColumn)
            )
            if let replacement = rewrite(link) {
                _ = cmark_node_set_url(node, replacement)
            }
        }
    }
}

import Foundation

extension MarkdownRenderer {
    /// The cmark this process renders with: its version and the file it was
    /// loaded from (`nil` when the system cannot tell). A build that trusts
    /// pages rendered by an earlier process needs both: a system update can
    /// replace the library without touching the executable.
    public static let engine: (version: String, file: String?) = {
        let version = cmark_version_string().map { String(cString: $0) } ?? "unknown"
        let symbol: @convention(c) () -> Int32 = cmark_version
        return (version, mappedFile(at: UInt(bitPattern: unsafeBitCast(symbol, to: UnsafeRawPointer.self))))
    }()

    /// The file mapped at `address` in this process, from `/proc/self/maps`
    /// (`start-end perms offset device inode path`): Swift's Glibc module
    /// leaves out `dladdr`, a GNU extension.
    private static func mappedFile(at address: UInt) -> String? {
        #if canImport(Darwin)
        var info = Dl_info()
        guard dladdr(UnsafeRawPointer(bitPattern: address), &info) != 0, let name = info.dli_fname else { return nil }
        return String(cString: name)
        #else
        // Read to its end: the file reports a size of 0, which whole-file reads trust.
        guard let data = FileHandle(forReadingAtPath: "/proc/self/maps")?.readDataToEndOfFile(),
              let maps = String(data: data, encoding: .utf8) else { return nil }
        for line in maps.split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            guard fields.count == 6 else { continue }
            let range = fields[0].split(separator: "-")
            guard range.count == 2, let start = UInt(range[0], radix: 16), let end = UInt(range[1], radix: 16),
                  start <= address, address < end else { continue }
            let path = fields[5].trimmingCharacters(in: .whitespaces)
            return path.hasPrefix("/") ? path : nil
        }
        return nil
        #endif
    }
}
