import Foundation

/// The URLs at which open pages show the output files at `paths`, as the
/// live-reload script compares them with `location.pathname`: a folder page
/// at its folder URL and at its `index.html`, percent-encoded.
///
/// `nil` when any page may show a changed file: a stylesheet or script, the
/// search index (the search page and the catalog's filters read it), a media
/// file, or the page for URLs that are not found. Feeds and sitemaps change
/// no open page. `nil` too beyond `limit` pages (a template edit rewrites
/// thousands): every open page's long poll would get the whole list.
enum ReloadedPages {
    static let limit = 500

    static func urls(of paths: some Collection<String>, base: String) -> [String]? {
        var urls: [String] = []
        for path in paths.sorted() {
            if urls.count >= 2 * limit { return nil }
            if path.hasSuffix(".ics") || (!path.contains("/") && path.hasPrefix("sitemap") && path.hasSuffix(".xml")) { continue }
            guard path == "index.html" || path.hasSuffix("/index.html") else { return nil }
            urls += [base + path, base + String(path.dropLast("index.html".count))]
        }
        return urls.map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? $0 }
    }
}
