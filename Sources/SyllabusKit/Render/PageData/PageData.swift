/// What a page template renders: the shell every page shares (`base`), the
/// page's own fields and, on a listing, its sections and pager, all seen as
/// names of the page itself.
struct PageData<Content: TemplateInline & Sendable>: Encodable, Sendable {
    let site: SiteShell
    let page: PageShell
    let content: Content
}

/// A page whose only names are the shell's: the 404 page.
struct NoContent: TemplateInline, Sendable {}
