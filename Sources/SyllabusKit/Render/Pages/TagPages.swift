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
        Page.html(at: SitePaths.tag(tag.slug), key: key(tag)) {
            var context = page(title: tag.name, path: SitePaths.tag(tag.slug),
                               description: "\(tag.name) in \(site.title).", nav: "tags")
            context["name"] = tag.name
            context["label"] = "Topic"
            context["indexPath"] = SitePaths.tags
            context["indexName"] = "all topics"
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

    /// `/levels/<level>/`, `/languages/<tag>/`, `/formats/<mode>/`: what the
    /// catalog's level, language and format filters show, without JavaScript.
    func facetPage(_ facet: Facet, templates: TemplateSet) -> Page {
        Page.html(at: SitePaths.facet(facet), key: key(facet)) {
            let label = facet.kind == .level ? "Level" : facet.kind == .language ? "Language" : "Format"
            var context = page(title: "\(facet.name) · \(label)", path: SitePaths.facet(facet),
                               description: "\(label) \(facet.name) in \(site.title).", nav: "catalog")
            let courses = Set(facet.entries.map(\.course.slug)).count
            context["name"] = facet.name
            context["label"] = label
            context["indexPath"] = ""
            context["indexName"] = "the whole catalog"
            context["count"] = courses
            context["plural"] = courses != 1
            let entries = facet.entries.map { renderedCard($0.course, run: $0.run, templates: templates) }
            context["entriesHTML"] = entries.map { $0["html"] as! String }.joined(separator: "\n")
            return templates.render("tag", context)
        }
    }
}
