/// Cross-file rules that no single file can check: unique slugs, drafts,
/// and instructors named by courses without a profile.
enum CatalogChecker {
    static func check(_ content: LoadedContent, site: SiteConfig, includeDrafts: Bool, buildDate: BuildDate,
                      log: inout DiagnosticLog) -> Catalog {
        var bySlug: [Slug: Course] = [:]
        for course in content.courses {
            if let other = bySlug[course.slug] {
                log.error(course.source, "two entries have the slug '\(course.slug)': \(other.source.path) and \(course.source.path); give one of them another file name or 'slug:'")
                continue
            }
            bySlug[course.slug] = course
        }
        // In the loader's order, which is the files' and mostly already the
        // slugs': the sort then has little left to do.
        let published = content.courses
            .filter { bySlug[$0.slug] === $0 && (includeDrafts || !$0.draft) }
            .sorted { $0.slug < $1.slug }

        var instructors: [Slug: Instructor] = [:]
        for profile in content.instructors {
            if let other = instructors[profile.slug] {
                log.error(profile.source!, "two instructor profiles make the page '\(profile.slug)': \(other.source!.path) and \(profile.source!.path)")
                continue
            }
            instructors[profile.slug] = profile
            if let photo = profile.photo, photo.hasPrefix("media/"),
               !content.media.contains(String(photo.dropFirst("media/".count))) {
                log.error(profile.photoSource ?? profile.source!,
                          "'photo': \(quoted: photo) is not in content/media/; add the file there or correct the path")
            }
        }
        SpellingCheck.warnAboutMergedSpellings(courses: published, profiles: Array(instructors.values).sorted { $0.slug < $1.slug },
                                               log: &log)
        for course in published {
            for (name, slug) in zip(course.allInstructors, course.instructorSlugs) {
                guard instructors[slug] == nil else { continue }
                instructors[slug] = Instructor(slug: slug, name: name, role: nil, photo: nil, links: [], bio: "",
                                               bodyLine: 0, source: nil)
            }
        }
        // Each name lowercased once, not twice a comparison.
        let sortedInstructors = instructors.values.map { (key: $0.name.lowercased(), instructor: $0) }
            .sorted { ($0.key, $0.instructor.slug) < ($1.key, $1.instructor.slug) }
            .map(\.instructor)
        return Catalog(site: site, courses: published, draftsLeftOut: bySlug.count - published.count,
                       instructors: sortedInstructors, media: content.media,
                       buildDate: buildDate)
    }
}
