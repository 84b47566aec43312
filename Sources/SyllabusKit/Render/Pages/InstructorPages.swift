extension PageContexts {
    /// `/instructors/`: everyone, A–Z.
    func instructorsPage(templates: TemplateSet) -> Page {
        Page.html(at: SitePaths.instructors,
                  key: key(index.catalog.instructors, index.catalog.instructors.map { index.coursesByInstructor[$0.slug]?.count ?? 0 })) { [self] in
            let content = InstructorsPage(instructors: index.catalog.instructors.map { instructor in
                InstructorSummary(name: instructor.name, url: paths.link(SitePaths.instructor(instructor.slug)),
                                  courseCount: index.coursesByInstructor[instructor.slug]?.count ?? 0, role: instructor.role)
            })
            return templates.page("instructors", page(
                content, title: "Instructors", path: SitePaths.instructors,
                description: "Everyone who teaches in \(site.title).", nav: .instructors))
        }
    }

    /// `/instructors/<slug>/` and its `page/<n>/`: profile, then the runs they
    /// teach that are upcoming, their entries without a run of theirs, and
    /// their past runs apart, newest first.
    func instructorPages(_ instructor: Instructor, templates: TemplateSet) -> [Page] {
        let runs = index.runsByInstructor[instructor.slug] ?? []
        let taughtRuns = Set(runs.map { ObjectIdentifier($0.course) })
        let others = (index.coursesByInstructor[instructor.slug] ?? []).filter { !taughtRuns.contains(ObjectIdentifier($0)) }
        let items = index.timeline.catalog(runs: runs, courses: others) + index.timeline.past(runs: runs)
        let key = self.key(instructor, bodies.instructors[instructor.slug], runs, index.coursesByInstructor[instructor.slug] ?? [],
                           index.catalog.buildDate)
        let feed = runs.isEmpty ? nil : feedLinks(SitePaths.instructorFeed(instructor.slug), title: instructor.name)
        return listingPages(at: SitePaths.instructor(instructor.slug), items: items, key: key, omitting: instructor.slug,
                            templates: templates) { [self] number, pagination, listing, _ in
            // The profile opens the first page; later pages continue the list.
            let content = InstructorPage(
                listing: listing, name: instructor.name, role: instructor.role,
                photo: instructor.photo.map { $0.hasPrefix("media/") ? paths.link($0) : $0 },
                bio: number == 1 ? bodies.instructors[instructor.slug] : nil,
                links: number == 1 ? instructor.links.map { ProfileLinkData(title: $0.title, url: $0.url) } : [],
                hasLinks: number == 1 && !instructor.links.isEmpty, feed: feed)
            let (previous, next) = pagination.neighbours(of: number, paths: paths)
            return templates.page("instructor", page(
                content, title: pagination.title(instructor.name, page: number), path: pagination.folder(number),
                description: instructor.role.map { "\(instructor.name), \($0)" } ?? "Courses taught by \(instructor.name).",
                nav: .instructors, feed: feed, ogType: "profile", previous: previous, next: next))
        }
    }
}
