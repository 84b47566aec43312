/// The part of the page shell that differs per page: its title, address and
/// `<head>` metadata, and which navigation link is current.
struct PageShell: TemplateInline, Sendable {
    /// The navigation link a page belongs under; `none` for the 404 page.
    enum Section: Sendable { case catalog, past, days, instructors, tags, search, none }

    let title: String
    let canonical: String
    let isHome: Bool
    let ogType: String
    let description: String?
    let feed: FeedLinks?
    let jsonLD: String?
    /// The previous and next pages of a paginated listing, linked from
    /// `<head>` with `rel="prev"`/`rel="next"`.
    let prev: String?
    let next: String?
    let section: Section

    enum CodingKeys: String, CodingKey {
        case title = "page_title", canonical = "page_canonical", isHome = "page_isHome", ogType = "page_ogType"
        case description = "page_description", feed = "page_feed", jsonLD = "page_jsonLD"
        case prev = "page_prev", next = "page_next"
        case catalog = "nav_catalog", past = "nav_past", days = "nav_days", instructors = "nav_instructors"
        case tags = "nav_tags", search = "nav_search"
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(title, forKey: .title)
        try container.encode(canonical, forKey: .canonical)
        try container.encode(isHome, forKey: .isHome)
        try container.encode(ogType, forKey: .ogType)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(feed, forKey: .feed)
        try container.encodeIfPresent(jsonLD, forKey: .jsonLD)
        try container.encodeIfPresent(prev, forKey: .prev)
        try container.encodeIfPresent(next, forKey: .next)
        // One flag per link, as a template can only test a name.
        let flags: [(Section, CodingKeys)] = [(.catalog, .catalog), (.past, .past), (.days, .days),
                                              (.instructors, .instructors), (.tags, .tags), (.search, .search)]
        for (section, key) in flags { try container.encode(self.section == section, forKey: key) }
    }
}
