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
    /// Default currency of bare prices (`currency:`), and default booking link (`register:`).
    public var currency: CurrencyCode? = nil
    public var register: String? = nil
}
