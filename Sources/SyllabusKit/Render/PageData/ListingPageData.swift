/// `catalog`: the home page and its further pages.
struct CatalogPage: TemplateInline, Sendable {
    let listing: Listing
    let firstPage: Bool
    let hasRuns: Bool
    /// The filter form, rendered once per build; empty with fewer than two entries.
    let filtersHTML: String
    let hasFilters: Bool
}

/// `past`: past runs, newest first.
struct PastPage: TemplateInline, Sendable {
    let listing: Listing
}

/// `tag`: a topic's page, or a level, language or format page.
struct TagPage: TemplateInline, Sendable {
    let listing: Listing
    let feed: FeedLinks?
    let name: String
    /// `Topic`, `Level`, `Language` or `Format`.
    let label: String
    /// The page that lists all of its kind, under the site's root, and its name.
    let indexPath: String
    let indexName: String
    /// Entries listed.
    let count: Int
    let plural: Bool
}

/// `instructor`: a profile, then the instructor's entries.
struct InstructorPage: TemplateInline, Sendable {
    let listing: Listing
    let name: String
    let role: String?
    let photo: String?
    /// The rendered profile; on the first page only.
    let bio: String?
    let links: [ProfileLinkData]
    let hasLinks: Bool
    let feed: FeedLinks?
}

/// A link of an instructor's profile (`links:`), as shown.
struct ProfileLinkData: Encodable, Sendable {
    let title: String
    let url: String
}
