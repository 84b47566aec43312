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
        let published = bySlug.values
            .filter { includeDrafts || !$0.draft }
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
        let sortedInstructors = instructors.values.sorted {
            ($0.name.lowercased(), $0.slug) < ($1.name.lowercased(), $1.slug)
        }
        return Catalog(site: site, courses: published, draftsLeftOut: bySlug.count - published.count,
                       instructors: sortedInstructors, media: content.media,
                       buildDate: buildDate)
    }
}
