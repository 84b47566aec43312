/// Where every page lives, relative to the output folder (`courses/otp/`)
/// and as a link inside the deployed site (`/training/courses/otp/`).
///
/// Links are root-relative under the base path, so the same pages work at
/// `https://example.org/training/` and in `syllabus serve`.
public struct SitePaths: Sendable {
    public let base: BaseURL

    public init(base: BaseURL) { self.base = base }

    // Output paths of folders (pages are their index.html). Each family's
    // paths start with its folder constant, which `PagePlan.pages(at:)`
    // relies on to build only the families asked for.
    public static let courses = "courses/"
    public static func course(_ slug: Slug) -> String { courses + slug.value + "/" }
    public static func courseFeed(_ slug: Slug) -> String { course(slug) + feedName }
    public static let instructors = "instructors/"
    public static func instructor(_ slug: Slug) -> String { instructors + slug.value + "/" }
    public static func instructorFeed(_ slug: Slug) -> String { instructor(slug) + feedName }
    public static let days = "days/"
    public static func day(_ date: CalendarDate) -> String { days + date.iso + "/" }
    public static let tags = "tags/"
    public static func tag(_ slug: Slug) -> String { tags + slug.value + "/" }
    public static func tagFeed(_ slug: Slug) -> String { tag(slug) + feedName }
    private static let feedName = "calendar.ics"
    public static let catalogFeed = feedName
    public static func facet(_ facet: Facet) -> String { "\(facet.kind.folder)/\(facet.slug.value)/" }
    public static let past = "past/"
    public static let search = "search/"
    public static let searchIndex = "search/index.json"

    /// Link to a site path from any page.
    public func link(_ sitePath: String) -> String { base.path + sitePath }
    /// Absolute URL, for canonical links, the sitemap and feeds.
    public func absolute(_ sitePath: String) -> String { base.absolute(sitePath) }
}
