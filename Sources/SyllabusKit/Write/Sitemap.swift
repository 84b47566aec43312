/// `sitemap.xml`: every HTML page but the 404 page, as absolute URLs.
enum Sitemap {
    static func xml(pagePaths: [String], paths: SitePaths) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in pagePaths.sorted() where path.hasSuffix("index.html") {
            let folder = String(path.dropLast("index.html".count))
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
