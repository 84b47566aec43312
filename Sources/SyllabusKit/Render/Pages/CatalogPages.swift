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

    /// Level, language and format selects, each only when the catalog has a
    /// choice to make: some course has a level, or entries differ in
    /// language or format.
    private func facetOptions() -> [String: Any] {
        var levels = Set<CourseLevel>(), languages: [String: LanguageTag?] = [:], modes = Set<DeliveryMode>()
        let siteLanguage = site.language.lowercased()
        for course in index.catalog.courses {
            for level in course.facts.level?.suits ?? [] where level != .all { levels.insert(level) }
            let tag = course.facts.language
            languages[tag?.tag.lowercased() ?? siteLanguage] = tag ?? LanguageTag(site.language)
            if course.runs.isEmpty { modes.insert(course.booking.mode) }
            for run in course.runs { modes.insert(run.booking.mode) }
        }
        let levelOptions = CourseLevel.allCases.filter(levels.contains)
            .map { ["key": $0.rawValue, "name": Self.levelNames[$0]!] }
        let languageOptions = languages.map { key, tag in ["key": key, "name": tag.map(LanguageNames.name) ?? key] }
            .sorted { $0["name"]! < $1["name"]! }
        let modeNames: [DeliveryMode: String] = [.onsite: "On site", .online: "Online", .blended: "Blended"]
        let modeOptions = DeliveryMode.allCases.filter(modes.contains).map { ["key": $0.rawValue, "name": modeNames[$0]!] }
        return [
            "levels": levelOptions, "hasLevels": !levelOptions.isEmpty,
            "languages": languageOptions, "hasLanguages": languageOptions.count > 1, "siteLanguage": siteLanguage,
            "modes": modeOptions, "hasModes": modeOptions.count > 1,
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
