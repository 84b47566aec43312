/// Every HTML page of the site, in a fixed order: made group by group, so that
/// `syllabus serve` can make the groups of its open pages alone, ahead of a
/// rebuild (`SavedCoursePages`), without working out every listing.
enum PagePlan {
    static func pages(_ contexts: PageContexts, templates: TemplateSet) -> [Page] {
        groups(contexts, templates: templates, for: nil).flatMap { $0.pages() }
    }

    /// The pages among `paths` (site paths such as `tags/erlang/index.html`)
    /// that the site has, each as `pages(_:templates:)` makes it.
    static func pages(at paths: Set<String>, _ contexts: PageContexts, templates: TemplateSet) -> [Page] {
        groups(contexts, templates: templates, for: paths)
            .filter { group in paths.contains(where: group.holds) }
            .flatMap { $0.pages() }
            .filter { paths.contains($0.path) }
    }

    /// Pages made together (a listing and its later pages), and which paths they can be at.
    private struct Group {
        let holds: (String) -> Bool
        let pages: () -> [Page]

        /// The page at `folder` and a listing's later pages under `folder/page/`.
        init(listing folder: String, _ pages: @escaping () -> [Page]) {
            // Made once, not on every question: `pages(at:)` asks each of
            // 15,000 groups about every open page.
            let first = folder + "index.html", later = folder + "page/"
            holds = { $0 == first || $0.hasPrefix(later) }
            self.pages = pages
        }

        init(folder: String, _ pages: @escaping () -> [Page]) {
            holds = { $0.hasPrefix(folder) }
            self.pages = pages
        }

        init(page: @escaping () -> Page, at path: String) {
            holds = { $0 == path }
            pages = { [page()] }
        }
    }

    /// Every group, or (`paths`) at least those that can hold one of `paths`:
    /// a family of 10,000 course pages is not made to be asked about a topic page.
    private static func groups(_ contexts: PageContexts, templates: TemplateSet, for paths: Set<String>?) -> [Group] {
        func asked(_ folder: String) -> Bool { paths?.contains { $0.hasPrefix(folder) } ?? true }
        let index = contexts.index
        var groups = [
            Group(listing: "") { contexts.catalogPages(templates: templates) },
            Group(folder: SitePaths.past) { contexts.pastPages(templates: templates) },
            Group(page: { contexts.searchPage(templates: templates) }, at: SitePaths.search + "index.html"),
            Group(page: { contexts.instructorsPage(templates: templates) }, at: SitePaths.instructors + "index.html"),
            Group(page: { contexts.tagsPage(templates: templates) }, at: SitePaths.tags + "index.html"),
            Group(page: { contexts.notFoundPage(templates: templates) }, at: "404.html"),
            Group(listing: SitePaths.days) { contexts.daysPages(templates: templates) },
        ]
        if asked(SitePaths.courses) {
            groups += index.catalog.courses.map { course in
                Group(page: { contexts.coursePage(course, templates: templates) }, at: SitePaths.course(course.slug) + "index.html")
            }
        }
        if asked(SitePaths.instructors) {
            groups += index.catalog.instructors.map { instructor in
                Group(folder: SitePaths.instructor(instructor.slug)) { contexts.instructorPages(instructor, templates: templates) }
            }
        }
        if asked(SitePaths.days) {
            groups += index.days.enumerated().map { position, day in
                Group(page: { contexts.dayPage(day, position: position, templates: templates) }, at: SitePaths.day(day) + "index.html")
            }
        }
        if asked(SitePaths.tags) {
            groups += index.tags.map { tag in Group(folder: SitePaths.tag(tag.slug)) { contexts.tagPages(tag, templates: templates) } }
        }
        groups += contexts.facets.filter { asked(SitePaths.facet($0)) }.map { facet in
            Group(folder: SitePaths.facet(facet)) { contexts.facetPages(facet, templates: templates) }
        }
        return groups
    }
}
