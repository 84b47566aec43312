/// `sitemap.xml`: every HTML page but the 404 page, as absolute URLs. Past
/// the sitemaps protocol's 50,000 URLs a file, `sitemap.xml` becomes a
/// sitemap index of `sitemap-1.xml`, `sitemap-2.xml`, … of at most that many each.
enum Sitemap {
    static let urlsPerFile = 50_000
    static let namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"

    /// The sitemap files to write, `sitemap.xml` first.
    static func files(pagePaths: [String], paths: SitePaths, limit: Int = urlsPerFile) -> [(path: String, xml: String)] {
        let folders = pagePaths.filter { $0.hasSuffix("index.html") }.sorted()
            .map { String($0.dropLast("index.html".count)) }
        guard folders.count > limit else { return [("sitemap.xml", urlset(folders[...], paths: paths))] }
        let parts = stride(from: 0, to: folders.count, by: limit).map { folders[$0..<min(folders.count, $0 + limit)] }
        var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"\(namespace)\">\n"
        var files: [(path: String, xml: String)] = []
        for (offset, part) in parts.enumerated() {
            let name = "sitemap-\(offset + 1).xml"
            index += "<sitemap><loc>\(XMLText.escape(paths.absolute(name)))</loc></sitemap>\n"
            files.append((name, urlset(part, paths: paths)))
        }
        index += "</sitemapindex>\n"
        return [("sitemap.xml", index)] + files
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
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(ch)
            }
        }
        return out
    }
}
