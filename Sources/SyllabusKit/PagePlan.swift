/// Every HTML page of the site, in a fixed order.
enum PagePlan {
    static func pages(_ contexts: PageContexts, templates: TemplateSet) -> [Page] {
        let index = contexts.index
        var pages: [Page] = contexts.catalogPages(templates: templates)
        pages += contexts.pastPages(templates: templates)
        pages += [
            contexts.searchPage(templates: templates),
            contexts.instructorsPage(templates: templates),
            contexts.tagsPage(templates: templates),
            contexts.notFoundPage(templates: templates),
        ]
        pages += contexts.daysPages(templates: templates)
        pages += index.catalog.courses.map { contexts.coursePage($0, templates: templates) }
        pages += index.catalog.instructors.flatMap { contexts.instructorPages($0, templates: templates) }
        pages += index.days.enumerated().map { contexts.dayPage($1, position: $0, templates: templates) }
        pages += index.tags.flatMap { contexts.tagPages($0, templates: templates) }
        pages += contexts.facets.flatMap { contexts.facetPages($0, templates: templates) }
        return pages
    }
}
