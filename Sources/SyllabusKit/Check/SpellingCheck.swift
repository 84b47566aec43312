/// Names written differently that fold to one slug (`Anna Berg`,
/// `ANNA BERG`, `Änna Berg`; tags `Go`, `go!`) share one page: that is what
/// slugs are for, but it may also be two people or a typo, so the merge is
/// said aloud, naming both spellings and where each was written.
enum SpellingCheck {
    static func warnAboutMergedSpellings(courses: [Course], profiles: [Instructor], log: inout DiagnosticLog) {
        var instructors = Spellings(page: "instructor")
        for profile in profiles {
            instructors.note(profile.name, field: "name", slug: profile.slug, at: profile.source!, log: &log)
        }
        var tags = Spellings(page: "topic")
        // A catalog has a few hundred topics in tens of thousands of tag lists:
        // each spelling is folded once.
        var tagSlugs: [String: Slug?] = [:]
        for course in courses {
            for (name, slug) in zip(course.allInstructors, course.instructorSlugs) {
                instructors.note(name, field: "instructors", slug: slug, at: course.source, log: &log)
            }
            for name in course.tags {
                if tagSlugs[name] == nil { tagSlugs[name] = Slug(tag: name) }
                guard let slug = tagSlugs[name] ?? nil else { continue }
                tags.note(name, field: "tags", slug: slug, at: course.source, log: &log)
            }
        }
    }

    /// The first spelling of each slug, and the spellings already warned about.
    private struct Spellings {
        /// What the shared page is, for the message.
        let page: String
        var first: [Slug: (name: String, at: SourceLocation)] = [:]
        var warned: Set<String> = []

        mutating func note(_ name: String, field: String, slug: Slug, at location: SourceLocation, log: inout DiagnosticLog) {
            guard let known = first[slug] else {
                first[slug] = (name, location)
                return
            }
            guard known.name != name, warned.insert(name).inserted else { return }
            log.warning(location, "'\(field)': \(quoted: name) and \(quoted: known.name) (in \(known.at.path)) make one \(page) page '\(slug)'; write the name one way if they are the same, or tell them apart")
        }
    }
}
