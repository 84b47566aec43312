/// The part of the page shell that is the same on every page, computed once
/// per build: the site's title, root and look, and the feed of all dates.
struct SiteShell: TemplateInline, Sendable {
    let title: String
    let language: String
    let root: String
    let origin: String
    let zone: String
    let description: String?
    let logo: String?
    let accent: String?
    let footer: String?
    let today: String
    /// The navigation links /past/ only when there is something there.
    let hasPast: Bool
    /// The site has its own `templates/assets/site.css`, loaded after the built-in stylesheet.
    let stylesheet: Bool
    let feedHTTPS: String
    let feedWebcal: String
    /// The live-reload script of `syllabus serve`; empty in a build.
    let serveScript: String

    // Flat names: Mustache splits a dotted name and walks a level per part on
    // every lookup, and the shell is looked up on every page.
    enum CodingKeys: String, CodingKey {
        case title = "site_title", language = "site_language", root = "site_root", origin = "site_origin"
        case zone = "site_zone", description = "site_description", logo = "site_logo", accent = "site_accent"
        case footer = "site_footer", today = "site_today", hasPast = "site_hasPast", stylesheet = "site_stylesheet"
        case feedHTTPS = "site_feed_https", feedWebcal = "site_feed_webcal", serveScript
    }
}
