/// `filters`: the topic, instructor and month choices of the catalog filter
/// and the search form, and the level, language and format selects with
/// their links for visitors without JavaScript. Rendered on its own.
struct FilterOptions: Encodable, Sendable {
    let tags: [FilterChoice]
    let instructors: [FilterChoice]
    let months: [MonthChoice]
    let search: Bool
    let pageSize: Int
    let siteRoot: String
    let levels: [FacetChoice]
    let hasLevels: Bool
    let languages: [FacetChoice]
    let hasLanguages: Bool
    let modes: [FacetChoice]
    let hasModes: Bool
    let facetGroups: [FacetGroup]
    let hasFacetGroups: Bool

    enum CodingKeys: String, CodingKey {
        case tags, instructors, months, search, pageSize, siteRoot = "site_root", levels, hasLevels
        case languages, hasLanguages, modes, hasModes, facetGroups, hasFacetGroups
    }
}

/// A topic or an instructor to filter by.
struct FilterChoice: Encodable, Sendable {
    let slug: String
    let name: String
}

/// A month to filter by: `2020-05`, "May 2020".
struct MonthChoice: Encodable, Sendable {
    let key: String
    let name: String
}

/// A level, language or format, with its page.
struct FacetChoice: Encodable, Sendable {
    let key: String
    let name: String
    let url: String
}

/// "level: Beginner · Advanced": one kind of facet's links, in a sentence.
struct FacetGroup: Encodable, Sendable {
    let label: String
    let links: [FacetLink]
    let last: Bool
}

struct FacetLink: Encodable, Sendable {
    let key: String
    let name: String
    let url: String
    let last: Bool
}
