extension PageContexts {
    /// `/tags/`: every topic with its count.
    func tagsPage(templates: TemplateSet) -> Page {
        Page.html(at: SitePaths.tags, key: key(index.tags.map { [AnyHashable($0.name), AnyHashable($0.courses.count)] })) { [self] in
            let content = TagsPage(tags: index.tags.map { TagCount(name: $0.name, url: paths.link(SitePaths.tag($0.slug)), count: $0.courses.count) },
                                   hasTags: !index.tags.isEmpty)
            return templates.page("tags", page(content, title: "Topics", path: SitePaths.tags,
                                                 description: "Browse \(site.title) by topic.", nav: .tags))
        }
    }

    /// `/tags/<slug>/` and its `page/<n>/`: the topic's upcoming runs in date
    /// order, then its entries with no upcoming run, A–Z.
    func tagPages(_ tag: Tag, templates: TemplateSet) -> [Page] {
        let runs = index.order.chronological(
            tag.courses.flatMap { course in course.runs.map { ScheduledRun(course: course, run: $0) } })
        let items = index.timeline.catalog(runs: runs, courses: tag.courses)
        let hasFeed = FeedPlan.hasFeed(tag, site: site, buildDate: index.catalog.buildDate.today)
        let feed = hasFeed ? feedLinks(SitePaths.tagFeed(tag.slug), title: tag.name) : nil
        return listingPages(at: SitePaths.tag(tag.slug), items: items, key: key(tag, index.catalog.buildDate, hasFeed),
                            templates: templates) { [self] number, pagination, listing, _ in
            let content = TagPage(listing: listing, feed: feed, name: tag.name, label: "Topic", indexPath: SitePaths.tags,
                                  indexName: "all topics", count: tag.courses.count, plural: tag.courses.count != 1)
            let (previous, next) = pagination.neighbours(of: number, paths: paths)
            return templates.page("tag", page(
                content, title: pagination.title(tag.name, page: number), path: pagination.folder(number),
                description: "\(tag.name) in \(site.title).", nav: .tags, feed: feed, previous: previous, next: next))
        }
    }

    /// `/levels/<level>/`, `/languages/<tag>/`, `/formats/<mode>/` and their
    /// `page/<n>/`: what the catalog's level, language and format filters
    /// show, without JavaScript — upcoming runs, then entries without one.
    func facetPages(_ facet: Facet, templates: TemplateSet) -> [Page] {
        let runs = index.order.chronological(
            facet.entries.compactMap { entry in entry.run.map { ScheduledRun(course: entry.course, run: $0) } })
        let items = index.timeline.catalog(runs: runs, courses: facet.entries.map(\.course).uniqued(by: \.slug))
        let label = facet.kind == .level ? "Level" : facet.kind == .language ? "Language" : "Format"
        let courses = Set(facet.entries.map(\.course.slug)).count
        return listingPages(at: SitePaths.facet(facet), items: items, key: key(facet, index.catalog.buildDate),
                            templates: templates) { [self] number, pagination, listing, _ in
            let content = TagPage(listing: listing, feed: nil, name: facet.name, label: label, indexPath: "",
                                  indexName: "the whole catalog", count: courses, plural: courses != 1)
            let (previous, next) = pagination.neighbours(of: number, paths: paths)
            return templates.page("tag", page(
                content, title: pagination.title("\(facet.name) · \(label)", page: number), path: pagination.folder(number),
                description: "\(label) \(facet.name) in \(site.title).", nav: .catalog, previous: previous, next: next))
        }
    }
}
