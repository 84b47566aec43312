/// Every entry of one level, language or format: the catalog filter's way
/// in without JavaScript, as tag pages are for the topic filter.
public struct Facet: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case level, language, format

        /// Output folder of the kind's pages, `levels/<slug>/`.
        var folder: String { self == .level ? "levels" : self == .language ? "languages" : "formats" }
    }

    public let kind: Kind
    /// The filter's value: a level, a lower-cased language tag, a mode.
    public let slug: Slug
    public let name: String
    /// Catalog order, with the runs that belong (for a format, only the runs in it).
    public let entries: [(course: Course, run: Run?)]

    public static func == (lhs: Facet, rhs: Facet) -> Bool {
        lhs.kind == rhs.kind && lhs.slug == rhs.slug && lhs.entries.map(\.course) == rhs.entries.map(\.course)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(slug)
        for entry in entries { hasher.combine(entry.course) }
    }
}

/// Which facets a catalog has: a level where some course names one, and a
/// language or format only when entries differ in it, so a catalog without
/// the keys has none (and no extra pages or filter controls).
enum Facets {
    static let modeNames: [DeliveryMode: String] = [.onsite: "On site", .online: "Online", .blended: "Blended"]

    static func of(_ index: CatalogIndex, site: SiteConfig) -> [Facet] {
        let siteLanguage = LanguageTag(site.language)
        var ordered: [Course] = []
        // By object: one `Course` per slug, and a pointer hashes faster than a slug.
        var seen = Set<ObjectIdentifier>()
        for course in index.runs.map(\.course) + index.unscheduled where seen.insert(ObjectIdentifier(course)).inserted {
            ordered.append(course)
        }
        guard ordered.contains(where: { $0.facts != .none || $0.booking.mode != .onsite || $0.runs.contains { $0.booking.mode != .onsite } })
        else { return [] }

        func allRuns(_ course: Course) -> [(course: Course, run: Run?)] {
            course.runs.isEmpty ? [(course, nil)] : course.runs.map { (course, $0) }
        }
        var facets: [Facet] = []
        for level in CourseLevel.allCases where level != .all {
            let courses = ordered.filter { $0.facts.level?.suits.contains(level) == true }
            guard !courses.isEmpty else { continue }
            facets.append(Facet(kind: .level, slug: Slug(level.rawValue)!, name: PageContexts.levelNames[level]!,
                                entries: courses.flatMap(allRuns)))
        }
        var byLanguage: [String: (tag: LanguageTag?, courses: [Course])] = [:]
        for course in ordered {
            let tag = course.facts.language ?? siteLanguage
            let key = tag?.tag.lowercased() ?? site.language.lowercased()
            byLanguage[key, default: (tag, [])].courses.append(course)
        }
        if byLanguage.count > 1 {
            for (key, value) in byLanguage.sorted(by: { $0.key < $1.key }) {
                guard let slug = Slug(key) else { continue }
                facets.append(Facet(kind: .language, slug: slug, name: value.tag.map(LanguageNames.name) ?? key,
                                    entries: value.courses.flatMap(allRuns)))
            }
        }
        var byMode: [DeliveryMode: [(course: Course, run: Run?)]] = [:]
        for course in ordered {
            if course.runs.isEmpty { byMode[course.booking.mode, default: []].append((course, nil)) }
            for run in course.runs { byMode[run.booking.mode, default: []].append((course, run)) }
        }
        if byMode.count > 1 {
            for mode in DeliveryMode.allCases {
                guard let entries = byMode[mode] else { continue }
                facets.append(Facet(kind: .format, slug: Slug(mode.rawValue)!, name: modeNames[mode]!, entries: entries))
            }
        }
        return facets
    }
}
