extension PageContexts {
    /// `/` and `/page/<n>/`: upcoming runs in date order, then the entries
    /// with no upcoming run, A–Z.
    func catalogPages(templates: TemplateSet) -> [Page] {
        let items = index.timeline.catalog(runs: index.runs, courses: index.catalog.courses)
        // The filter form and the feed links are the same on every page: made once.
        let filters = items.count > 1 ? templates.render("filters", filterOptions()) : ""
        let feed = feedLinks(SitePaths.catalogFeed, title: site.title)
        let hasRuns = !index.runs.isEmpty
        return listingPages(at: "", items: items, key: key(filters, hasRuns, index.catalog.buildDate), templates: templates) {
            [self] number, pagination, listing, slice in
            let (previous, next) = pagination.neighbours(of: number, paths: paths)
            let content = CatalogPage(listing: listing, firstPage: number == 1, hasRuns: hasRuns,
                                      filtersHTML: filters, hasFilters: !filters.isEmpty)
            return templates.page("catalog", page(
                content, title: pagination.title(number == 1 ? site.title : "Catalog", page: number),
                path: pagination.folder(number), description: site.description, nav: .catalog, isHome: number == 1,
                feed: feed,
                jsonLD: StructuredData.itemList(slice.map(\.entry.course).uniqued(by: \.slug),
                                                from: (number - 1) * site.pageSize + 1, paths: paths),
                previous: previous, next: next))
        }
    }

    /// `/past/` and `/past/page/<n>/`: past runs, newest first, by year.
    func pastPages(templates: TemplateSet) -> [Page] {
        let items = index.timeline.past(runs: index.runs)
        guard !items.isEmpty else { return [] }
        return listingPages(at: SitePaths.past, items: items, key: key(index.catalog.buildDate), headings: .pastOnly,
                            templates: templates) {
            [self] number, pagination, listing, _ in
            let (previous, next) = pagination.neighbours(of: number, paths: paths)
            return templates.page("past", page(
                PastPage(listing: listing), title: pagination.title("Past runs", page: number), path: pagination.folder(number),
                description: "Runs of \(site.title) that have taken place, newest first.", nav: .past,
                previous: previous, next: next))
        }
    }

    /// `/search/`: the form; results come from `search/index.json` in the browser.
    func searchPage(templates: TemplateSet) -> Page {
        Page.html(at: SitePaths.search) { [self] in
            let content = SearchPage(filtersHTML: templates.render("filters", filterOptions(search: true)))
            return templates.page("search", page(
                content, title: "Search", path: SitePaths.search,
                description: "Find an entry of \(site.title) by words, topic, instructor or month.", nav: .search))
        }
    }

    /// The topic, instructor and month choices of the catalog filter and the
    /// search form: every topic and instructor, and the months of upcoming runs;
    /// and the level, language and format selects, with their links for
    /// visitors without JavaScript, from the catalog's facets.
    private func filterOptions(search: Bool = false) -> FilterOptions {
        var months = Set<String>()
        for scheduled in index.runs where index.timeline.isUpcoming(scheduled.run) {
            months.formUnion(self.months(of: scheduled.run))
        }
        func options(_ kind: Facet.Kind) -> [FacetChoice] {
            facets.filter { $0.kind == kind }.map { FacetChoice(key: $0.slug.value, name: $0.name, url: paths.link(SitePaths.facet($0))) }
        }
        let levels = options(.level), languages = options(.language), modes = options(.format)
        let groups = [("level", levels), ("language", languages), ("format", modes)].filter { !$0.1.isEmpty }
        return FilterOptions(
            tags: index.tags.map { FilterChoice(slug: $0.slug.value, name: $0.name) },
            instructors: index.catalog.instructors
                .filter { index.coursesByInstructor[$0.slug] != nil }
                .map { FilterChoice(slug: $0.slug.value, name: $0.name) },
            months: months.sorted().map { key in
                let parts = key.split(separator: "-")
                return MonthChoice(key: key, name: DateText.month(year: Int(parts[0])!, month: Int(parts[1])!))
            },
            search: search, pageSize: site.pageSize, siteRoot: paths.base.path,
            levels: levels, hasLevels: !levels.isEmpty,
            languages: languages, hasLanguages: !languages.isEmpty,
            modes: modes, hasModes: !modes.isEmpty,
            facetGroups: groups.enumerated().map { offset, group in
                FacetGroup(label: group.0,
                           links: group.1.enumerated().map { index, choice in
                               FacetLink(key: choice.key, name: choice.name, url: choice.url, last: index == group.1.count - 1)
                           },
                           last: offset == groups.count - 1)
            },
            hasFacetGroups: !groups.isEmpty)
    }

    /// `/404.html`
    func notFoundPage(templates: TemplateSet) -> Page {
        Page(path: "404.html") { [self] in
            templates.render("404", page(NoContent(), title: "Page not found", path: "404.html", description: nil, nav: .none))
        }
    }
}
