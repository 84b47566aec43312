/// Who runs the courses: the calendar `ORGANIZER` and the structured-data provider.
public struct Organizer: Sendable, Hashable {
    public let name: String
    public let email: String?
}

/// The settings of `content/site.yml`.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    /// Absolute http(s) URL the site is served from; always ends in `/`.
    public var baseURL: BaseURL
    public var timezone: String
    public var hours: DailyHours?
    public var language: String
    public var description: String?
    public var organizer: Organizer?
    public var unsafeHTML: Bool
    /// The site's look without overriding a template.
    public var style: SiteStyle = SiteStyle()
    /// `feed_past_days`: how long after its last day a run stays in
    /// `/calendar.ics` (and the topic feeds), so those feeds stay small.
    public var feedPastDays: Int = 30
    /// Entries per page of a listing (`page_size`): no page grows with the catalog.
    public var pageSize: Int = SiteConfig.defaultPageSize

    public static let defaultPageSize = 50
    /// Default currency of bare prices (`currency:`), and default booking link (`register:`).
    public var currency: CurrencyCode? = nil
    public var register: String? = nil
}

/// `logo`, `accent` and `footer` of `site.yml`.
public struct SiteStyle: Sendable, Hashable {
    /// `media/<file>`, shown in the header beside the title.
    public var logo: String?
    /// Replaces the built-in stylesheet's accent colour (links, buttons, badges).
    public var accent: CSSColour?
    /// A line of plain text at the foot of every page.
    public var footer: String?

    public init(logo: String? = nil, accent: CSSColour? = nil, footer: String? = nil) {
        self.logo = logo
        self.accent = accent
        self.footer = footer
    }
}
