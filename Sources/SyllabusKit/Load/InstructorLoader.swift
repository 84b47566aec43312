/// Reads one `content/instructors/<slug>.md` profile.
enum InstructorLoader {
    static let knownKeys = ["name", "role", "photo", "links"]

    static func load(_ file: SourceFile, log: inout DiagnosticLog) -> Instructor? {
        guard let parts = FrontMatter.split(file, log: &log),
              let fields = YAMLFields.parse(parts.yaml, file: file.path, firstLine: parts.yamlFirstLine, log: &log)
        else { return nil }
        fields.warnUnknownKeys(known: knownKeys, log: &log)
        var errors = DiagnosticLog()
        let name = fields.requiredString("name", example: "Robert Virding", log: &errors)?
            .trimmingWhitespace()
        let role = fields.string("role", log: &errors)
        var photo = fields.string("photo", log: &errors)
        if let written = photo {
            photo = SafeURL.mediaOrWeb(written)
            if photo == nil {
                errors.error(fields.valueLocation("photo"), "'photo': \(quoted: written) must be a file under media/ (e.g. media/robert.jpg) or an https:// URL")
            }
        }
        let links = profileLinks(fields, log: &errors)
        Placeholders.checkBody(parts.body, file: file.path, firstLine: parts.bodyFirstLine,
                               samples: [Placeholders.biography], log: &log)
        var slug: Slug?
        if let name {
            slug = Slug(folding: name)
            if slug == nil {
                errors.error(fields.valueLocation("name"), "'name': \(quoted: name) has no letters or digits to make a page address from")
            }
        }
        log.merge(errors)
        guard !errors.hasErrors, let name, let slug else { return nil }
        let stem = SourceFile.stem(file.path)
        if stem != slug.value {
            // Courses find the profile by name, not by file name: it works, but
            // the next editor looks for anna-berg.md and does not find it.
            log.warning(fields.valueLocation("name"), "'name': \(quoted: name) makes the page '\(slug)', but the file is named \(quoted: stem + ".md"); rename it to \(slug).md")
        }
        return Instructor(slug: slug, name: name, role: role, photo: photo, links: links,
                          bio: parts.body, bodyLine: parts.bodyFirstLine,
                          source: SourceLocation(path: file.path, line: 1, column: 1),
                          photoSource: photo == nil ? nil : fields.valueLocation("photo"))
    }

    /// `example.org` for `https://www.example.org/path`.
    static func host(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        var host = url[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if host.hasPrefix("www.") { host = host.dropFirst(4) }
        return host.isEmpty ? nil : String(host)
    }

    /// `links:` as a list of `{title, url}`, a list of URLs, or a mapping `Title: url`.
    private static func profileLinks(_ fields: YAMLFields, log: inout DiagnosticLog) -> [ProfileLink] {
        guard fields.has("links") else { return [] }
        var pairs: [(title: String?, url: String?, at: SourceLocation)] = []
        if let nested = fields.node("links")?.mapping {
            for (key, value) in nested {
                let at = YAMLFields.location(of: value, file: fields.file, lineOffset: fields.lineOffset) ?? fields.valueLocation("links")
                pairs.append((key.scalar?.string, value.scalar?.string, at))
            }
        } else if let sequence = fields.node("links")?.sequence, sequence.allSatisfy({ $0.scalar != nil }) {
            // A plain list of URLs: each link is titled with its host.
            for item in sequence {
                let url = item.scalar!.string
                let at = YAMLFields.location(of: item, file: fields.file, lineOffset: fields.lineOffset) ?? fields.valueLocation("links")
                pairs.append((Self.host(of: url) ?? url, url, at))
            }
        } else if let list = fields.fieldList("links", example: "{title: Website, url: \"https://example.org/\"}", log: &log) {
            for entry in list {
                entry.warnUnknownKeys(known: ["title", "url"], log: &log)
                let url = entry.requiredString("url", example: "https://example.org/", log: &log)
                let title = entry.string("title", log: &log)
                pairs.append((title ?? url, url, entry.has("url") ? entry.valueLocation("url") : entry.location))
            }
        }
        var links: [ProfileLink] = []
        for pair in pairs {
            guard let written = pair.url else { continue }
            guard let url = SafeURL.web(written) else {
                log.error(pair.at, "link \(quoted: written) must be an http:// or https:// URL")
                continue
            }
            links.append(ProfileLink(title: pair.title ?? url, url: url))
        }
        return links
    }
}
