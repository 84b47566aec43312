/// Everything loaded from `content/`, checked and ready to index.
public struct Catalog: Sendable {
    public let site: SiteConfig
    /// Published entries (drafts only when asked for), sorted by slug.
    public let courses: [Course]
    /// Entries marked `draft: true` that this build left out.
    public let draftsLeftOut: Int
    /// Profiles and named-only instructors, sorted by name.
    public let instructors: [Instructor]
    /// Files under `content/media/`, as paths relative to it.
    public let media: [String]
    /// The day of the build in the site's zone: upcoming versus past.
    public let buildDate: BuildDate
}
