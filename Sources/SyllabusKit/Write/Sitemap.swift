/// `sitemap.xml`: every HTML page but the 404 page, as absolute URLs. Past
/// the sitemaps protocol's 50,000 URLs a file, `sitemap.xml` becomes a
/// sitemap index of `sitemap-1.xml`, `sitemap-2.xml`, … of at most that many each.
enum Sitemap {
    static let urlsPerFile = 50_000
    static let namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"

    /// One sitemap file, whose XML is made only when it is asked for: a
    /// preview's rebuild writes it only when pages came or went, and making
    /// it escapes and sorts every page's URL.
    struct File: Sendable {
        let path: String
        fileprivate let make: @Sendable () -> String
        var xml: String { make() }
    }

    /// The sitemap files to write, `sitemap.xml` first. Which files there are
    /// depends only on how many pages there are; their URLs are sorted once,
    /// when the first file is made.
    static func files(pagePaths: [String], paths: SitePaths, limit: Int = urlsPerFile) -> [File] {
        let count = pagePaths.count { $0.hasSuffix("index.html") }
        let sorted = Memo<[String]>()
        @Sendable func folders() -> [String] {
            sorted.value("") {
                pagePaths.filter { $0.hasSuffix("index.html") }.sorted().map { String($0.dropLast("index.html".count)) }
            }
        }
        guard count > limit else { return [File(path: "sitemap.xml") { urlset(folders()[...], paths: paths) }] }
        let parts = stride(from: 0, to: count, by: limit).map { $0..<min(count, $0 + limit) }
        let names = parts.indices.map { "sitemap-\($0 + 1).xml" }
        let index = File(path: "sitemap.xml") {
            var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"\(namespace)\">\n"
            for name in names { index += "<sitemap><loc>\(XMLText.escape(paths.absolute(name)))</loc></sitemap>\n" }
            index += "</sitemapindex>\n"
            return index
        }
        return [index] + zip(names, parts).map { name, part in File(path: name) { urlset(folders()[part], paths: paths) } }
    }

    private static func urlset(_ folders: ArraySlice<String>, paths: SitePaths) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"\(namespace)\">\n"
        for folder in folders {
            xml += "<url><loc>\(XMLText.escape(paths.absolute(folder)))</loc></url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }
}

enum XMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` as entities: HTML's escaping,
    /// byte-wise and free for a text with none of them (nearly every URL),
    /// with XML's `&apos;`.
    static func escape(_ text: String) -> String {
        HTMLEscaping.escape(text, apostrophe: "&apos;")
    }
}
