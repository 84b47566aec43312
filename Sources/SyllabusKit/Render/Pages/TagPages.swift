extension PageContexts {
    /// `/tags/`: every topic with its count.
    func tagsPage(templates: TemplateSet) -> Page {
        Page.html(at: SitePaths.tags, key: key(index.tags.map { [AnyHashable($0.name), AnyHashable($0.courses.count)] })) {
            var context = page(title: "Topics", path: SitePaths.tags, description: "Browse \(site.title) by topic.", nav: "tags")
            context["tags"] = index.tags.map { ["name": $0.name, "url": paths.link(SitePaths.tag($0.slug)), "count": $0.courses.count] }
            context["hasTags"] = !index.tags.isEmpty
            return templates.render("tags", context)
        }
    }

    /// `/tags/<slug>/` and its `page/<n>/`: the topic's upcoming runs in date
    /// order, then its entries with no upcoming run, A–Z.
    func tagPages(_ tag: Tag, templates: TemplateSet) -> [Page] {
        let runs = tag.courses.flatMap { course in course.runs.map { ScheduledRun(course: course, run: $0) } }
            .sorted(by: CatalogIndex.chronological)
        let items = index.timeline.catalog(runs: runs, courses: tag.courses)
        let hasFeed = FeedPlan.hasFeed(tag, site: site, buildDate: index.catalog.buildDate.today)
        return listingPages(at: SitePaths.tag(tag.slug), items: items, key: key(tag, index.catalog.buildDate, hasFeed),
                            templates: templates) { number, pagination, sections, _ in
            let feed: [String: Any]? = hasFeed
                ? feedLinks(SitePaths.tagFeed(tag.slug), title: tag.name) : nil
            var context = page(title: pagination.title(tag.name, page: number), path: pagination.folder(number),
                               description: "\(tag.name) in \(site.title).", nav: "tags", feed: feed,
                               neighbours: pagination.neighbours(of: number, paths: paths))
            context = listingContext(context, number: number, pagination: pagination, sections: sections)
            context["feed"] = orFalse(feed)
            context["name"] = tag.name
            context["label"] = "Topic"
            context["indexPath"] = SitePaths.tags
            context["indexName"] = "all topics"
            context["count"] = tag.courses.count
            context["plural"] = tag.courses.count != 1
            return templates.render("tag", context)
        }
    }

    /// `/levels/<level>/`, `/languages/<tag>/`, `/formats/<mode>/` and their
    /// `page/<n>/`: what the catalog's level, language and format filters
    /// show, without JavaScript — upcoming runs, then entries without one.
    func facetPages(_ facet: Facet, templates: TemplateSet) -> [Page] {
        let runs = facet.entries.compactMap { entry in entry.run.map { ScheduledRun(course: entry.course, run: $0) } }
            .sorted(by: CatalogIndex.chronological)
        let items = index.timeline.catalog(runs: runs, courses: facet.entries.map(\.course).uniqued(by: \.slug))
        let label = facet.kind == .level ? "Level" : facet.kind == .language ? "Language" : "Format"
        let courses = Set(facet.entries.map(\.course.slug)).count
        return listingPages(at: SitePaths.facet(facet), items: items, key: key(facet, index.catalog.buildDate),
                            templates: templates) { number, pagination, sections, _ in
            var context = page(title: pagination.title("\(facet.name) · \(label)", page: number), path: pagination.folder(number),
                               description: "\(label) \(facet.name) in \(site.title).", nav: "catalog",
                               neighbours: pagination.neighbours(of: number, paths: paths))
            context = listingContext(context, number: number, pagination: pagination, sections: sections)
            context["feed"] = false
            context["name"] = facet.name
            context["label"] = label
            context["indexPath"] = ""
            context["indexName"] = "the whole catalog"
            context["count"] = courses
            context["plural"] = courses != 1
            return templates.render("tag", context)
        }
    }
}
