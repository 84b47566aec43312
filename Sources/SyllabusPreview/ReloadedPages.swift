import Foundation
import SyllabusKit

/// The URLs a rebuild's long-poll answer lists, which the live-reload script
/// compares with each open page: a changed page at its folder URL and at its
/// `index.html`, and a changed stylesheet, script or search index at its own
/// URL, which reloads the open pages that load it (`<link href>`,
/// `<script src>`, `data-index`: the search page and the catalog's filters).
/// Percent-encoded, as `location.pathname` is.
///
/// `nil` when any page may show a changed file the script cannot trace to
/// the pages using it: a media file or font (a stylesheet may name it), or
/// the page for URLs that are not found. Feeds and sitemaps change no open
/// page. `nil` too beyond `limit` pages (a template edit rewrites thousands):
/// every open page's long poll would get the whole list.
enum ReloadedPages {
    static let limit = 500

    static func urls(of paths: some Collection<String>, base: String) -> [String]? {
        var urls: [String] = []
        for path in paths.sorted() {
            if urls.count >= 2 * limit { return nil }
            if path.hasSuffix(".ics") || (!path.contains("/") && path.hasPrefix("sitemap") && path.hasSuffix(".xml")) { continue }
            if path == "index.html" || path.hasSuffix("/index.html") {
                urls += [base + path, base + String(path.dropLast("index.html".count))]
            } else if isTraced(path) {
                urls.append(base + path)
            } else {
                return nil
            }
        }
        return urls.map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? $0 }
    }

    /// Files the script finds the users of in an open page's own markup.
    private static func isTraced(_ path: String) -> Bool {
        path == SitePaths.searchIndex || path.hasSuffix(".css") || path.hasSuffix(".js")
    }
}
