extension PageContexts {
    /// `/` and `/page/<n>/`: upcoming runs in date order, then the entries
    /// with no upcoming run, A–Z.
    func catalogPages(templates: TemplateSet) -> [Page] {
        let items = index.timeline.catalog(runs: index.runs, courses: index.catalog.courses)
        // The filter form is the same on every page: rendered once.
        let filters = items.count > 1 ? templates.render("filters", filterOptions()) : ""
        let hasRuns = !index.runs.isEmpty
        return listingPages(at: "", items: items, key: nil, templates: templates) { number, pagination, sections, slice in
            let neighbours = pagination.neighbours(of: number, paths: paths)
            let path = pagination.folder(number)
            var context = page(title: pagination.title(number == 1 ? site.title : "Catalog", page: number), path: path,
                               description: site.description, nav: "catalog", isHome: number == 1,
                               feed: feedLinks(SitePaths.catalogFeed, title: site.title),
                               jsonLD: StructuredData.itemList(slice.map(\.entry.course).uniqued(by: \.slug),
                                                               from: (number - 1) * site.pageSize + 1, paths: paths),
                               neighbours: neighbours)
            context = listingContext(context, number: number, pagination: pagination, sections: sections)
            context["firstPage"] = number == 1
            context["hasRuns"] = hasRuns
            context["filtersHTML"] = filters
            context["hasFilters"] = !filters.isEmpty
            return templates.render("catalog", context)
        }
    }

    /// `/past/` and `/past/page/<n>/`: past runs, newest first, by year.
    func pastPages(templates: TemplateSet) -> [Page] {
        let items = index.timeline.past(runs: index.runs)
        guard !items.isEmpty else { return [] }
        return listingPages(at: SitePaths.past, items: items, key: nil, headings: .pastOnly, templates: templates) {
            number, pagination, sections, _ in
            var context = page(title: pagination.title("Past runs", page: number), path: pagination.folder(number),
                               description: "Runs of \(site.title) that have taken place, newest first.", nav: "past",
                               neighbours: pagination.neighbours(of: number, paths: paths))
            context = listingContext(context, number: number, pagination: pagination, sections: sections)
            return templates.render("past", context)
        }
    }

    /// `/search/`: the form; results come from `search/index.json` in the browser.
    func searchPage(templates: TemplateSet) -> Page {
        Page.html(at: SitePaths.search) {
            var context = page(title: "Search", path: SitePaths.search,
                               description: "Find an entry of \(site.title) by words, topic, instructor or month.",
                               nav: "search")
            context["filtersHTML"] = templates.render("filters", filterOptions(search: true))
            return templates.render("search", context)
        }
    }

    /// The topic, instructor and month choices of the catalog filter and the
    /// search form: every topic and instructor, and the months of upcoming runs.
    private func filterOptions(search: Bool = false) -> [String: Any] {
        var months = Set<String>()
        for scheduled in index.runs where index.timeline.isUpcoming(scheduled.run) {
            months.formUnion(self.months(of: scheduled.run))
        }
        var context: [String: Any] = [
            "tags": index.tags.map { ["slug": $0.slug.value, "name": $0.name] },
            "instructors": index.catalog.instructors
                .filter { index.coursesByInstructor[$0.slug] != nil }
                .map { ["slug": $0.slug.value, "name": $0.name] },
            "months": months.sorted().map { key -> [String: Any] in
                let parts = key.split(separator: "-")
                return ["key": key, "name": DateText.month(year: Int(parts[0])!, month: Int(parts[1])!)]
            },
            "search": search,
            "pageSize": site.pageSize,
        ]
        context["site_root"] = paths.base.path
        context.merge(facetOptions()) { first, _ in first }
        return context
    }

    /// Level, language and format selects, and their links for visitors
    /// without JavaScript, from the catalog's facets.
    private func facetOptions() -> [String: Any] {
        func options(_ kind: Facet.Kind) -> [[String: Any]] {
            facets.filter { $0.kind == kind }.map { ["key": $0.slug.value, "name": $0.name, "url": paths.link(SitePaths.facet($0))] }
        }
        let levels = options(.level), languages = options(.language), modes = options(.format)
        let groups = [("level", levels), ("language", languages), ("format", modes)].filter { !$0.1.isEmpty }
        return [
            "levels": levels, "hasLevels": !levels.isEmpty,
            "languages": languages, "hasLanguages": !languages.isEmpty, "siteLanguage": site.language.lowercased(),
            "modes": modes, "hasModes": !modes.isEmpty,
            "facetGroups": groups.enumerated().map { offset, group -> [String: Any] in
                ["label": group.0, "links": group.1.enumerated().map { $1.merging(["last": $0 == group.1.count - 1]) { a, _ in a } },
                 "last": offset == groups.count - 1]
            },
            "hasFacetGroups": !groups.isEmpty,
        ]
    }

    /// `/404.html`
    func notFoundPage(templates: TemplateSet) -> Page {
        Page(path: "404.html") {
            var context = page(title: "Page not found", path: "404.html", description: nil, nav: "none")
            context["notFound"] = true
            return templates.render("404", context)
        }
    }
}
