extension PageContexts {
    /// `/instructors/`: everyone, A–Z.
    func instructorsPage(templates: TemplateSet) -> Page {
        Page.html(at: SitePaths.instructors,
                  key: key(index.catalog.instructors, index.catalog.instructors.map { index.coursesByInstructor[$0.slug]?.count ?? 0 })) {
            var context = page(title: "Instructors", path: SitePaths.instructors,
                               description: "Everyone who teaches in \(site.title).", nav: "instructors")
            context["instructors"] = index.catalog.instructors.map { instructor -> [String: Any] in
                var item: [String: Any] = [
                    "name": instructor.name,
                    "url": paths.link(SitePaths.instructor(instructor.slug)),
                    "courseCount": index.coursesByInstructor[instructor.slug]?.count ?? 0,
                ]
                item["role"] = orFalse(instructor.role)
                return item
            }
            return templates.render("instructors", context)
        }
    }

    /// `/instructors/<slug>/`: profile, then every run and entry they teach.
    func instructorPage(_ instructor: Instructor, templates: TemplateSet) -> Page {
        let key = self.key(instructor, bodies.instructors[instructor.slug], index.runsByInstructor[instructor.slug] ?? [],
                          index.coursesByInstructor[instructor.slug] ?? [])
        return Page.html(at: SitePaths.instructor(instructor.slug), key: key) {
            let runs = index.runsByInstructor[instructor.slug] ?? []
            let feed: [String: Any]? = runs.isEmpty ? nil : feedLinks(SitePaths.instructorFeed(instructor.slug), title: instructor.name)
            var context = page(title: instructor.name, path: SitePaths.instructor(instructor.slug),
                               description: instructor.role.map { "\(instructor.name), \($0)" } ?? "Courses taught by \(instructor.name).",
                               nav: "instructors", feed: feed, ogType: "profile")
            context["name"] = instructor.name
            context["role"] = orFalse(instructor.role)
            context["photo"] = orFalse(instructor.photo.map { $0.hasPrefix("media/") ? paths.link($0) : $0 })
            context["bio"] = orFalse(bodies.instructors[instructor.slug])
            context["links"] = instructor.links.map { ["title": $0.title, "url": $0.url] }
            context["hasLinks"] = !instructor.links.isEmpty
            // Their runs in date order, then entries of theirs without a run they teach.
            var entries = runs.map { entryCard($0.course, run: $0.run, omitting: instructor.slug) }
            let taughtRuns = Set(runs.map(\.course.slug))
            for course in index.coursesByInstructor[instructor.slug] ?? [] where !taughtRuns.contains(course.slug) {
                entries.append(entryCard(course, run: nil, omitting: instructor.slug))
            }
            context["entries"] = entries
            context["hasEntries"] = !entries.isEmpty
            context["feed"] = orFalse(feed)
            return templates.render("instructor", context)
        }
    }
}
