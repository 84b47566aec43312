extension PageContexts {
    /// `/`: scheduled runs in date order, then entries without dates.
    func catalogPage(templates: TemplateSet) -> Page {
        Page.html(at: "") {
            let runs = index.runs.map { renderedCard($0.course, run: $0.run, templates: templates) }
            let unscheduled = index.unscheduled.map { renderedCard($0, run: nil, templates: templates) }
            var context = page(title: site.title, path: "", description: site.description, nav: "catalog", isHome: true,
                               feed: feedLinks(SitePaths.catalogFeed, title: site.title),
                               jsonLD: StructuredData.itemList(index, paths: paths))
            context["runs"] = runs
            context["unscheduled"] = unscheduled
            context["hasRuns"] = !runs.isEmpty
            context["hasUnscheduled"] = !unscheduled.isEmpty
            context["hasEntries"] = !runs.isEmpty || !unscheduled.isEmpty
            context["filters"] = runs.count + unscheduled.count > 1 ? filterOptions() : false
            return templates.render("catalog", context)
        }
    }

    private func filterOptions() -> [String: Any] {
        var months = Set<String>()
        for scheduled in index.runs { months.formUnion(self.months(of: scheduled.run)) }
        var options: [String: Any] = facetOptions()
        options.merge([
            "tags": index.tags.map { ["slug": $0.slug.value, "name": $0.name] },
            "instructors": index.catalog.instructors
                .filter { index.coursesByInstructor[$0.slug] != nil }
                .map { ["slug": $0.slug.value, "name": $0.name] },
            "months": months.sorted().map { key -> [String: Any] in
                let parts = key.split(separator: "-")
                return ["key": key, "name": DateText.month(year: Int(parts[0])!, month: Int(parts[1])!)]
            },
        ]) { first, _ in first }
        return options
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
