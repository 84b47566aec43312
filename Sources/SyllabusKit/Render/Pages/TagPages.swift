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

    /// `/tags/<slug>/`: the entries carrying one topic; each run of a course is listed.
    func tagPage(_ tag: Tag, templates: TemplateSet) -> Page {
        let hasFeed = FeedPlan.hasFeed(tag, site: site, buildDate: index.catalog.buildDate.today)
        return Page.html(at: SitePaths.tag(tag.slug), key: key(tag, hasFeed)) {
            let feed: [String: Any]? = hasFeed
                ? feedLinks(SitePaths.tagFeed(tag.slug), title: tag.name) : nil
            var context = page(title: tag.name, path: SitePaths.tag(tag.slug),
                               description: "\(tag.name) in \(site.title).", nav: "tags", feed: feed)
            context["feed"] = orFalse(feed)
            context["name"] = tag.name
            context["count"] = tag.courses.count
            context["plural"] = tag.courses.count != 1
            let entries = tag.courses.flatMap { course -> [[String: Any]] in
                course.runs.isEmpty ? [renderedCard(course, run: nil, templates: templates)]
                    : course.runs.map { renderedCard(course, run: $0, templates: templates) }
            }
            context["entries"] = entries
            context["entriesHTML"] = entries.map { $0["html"] as! String }.joined(separator: "\n")
            return templates.render("tag", context)
        }
    }
}
