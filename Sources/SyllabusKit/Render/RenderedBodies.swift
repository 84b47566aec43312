import CommonMark

/// Every Markdown body of the catalog rendered to HTML, once per build.
struct RenderedBodies: Sendable {
    var courses: [Slug: String] = [:]
    var instructors: [Slug: String] = [:]
    /// What the HTML of every body depends on besides its own file (the base
    /// URL, the options, which course files exist): with a course's
    /// fingerprint it identifies that course's HTML without hashing it.
    var contextKey = 0

    /// Renders in parallel; broken links to course files become errors at
    /// their line in the source file.
    static func render(_ catalog: Catalog, content: LoadedContent, paths: SitePaths, cache: BuildCache = BuildCache(keeps: false),
                       log: inout DiagnosticLog) -> RenderedBodies {
        let published = Set(catalog.courses.map(\.slug))
        let renderer = BodyRenderer(
            paths: paths,
            options: catalog.site.unsafeHTML ? [.smartPunctuation, .validateUTF8, .unsafeHTML] : .standard,
            courseFiles: content.courseFiles.filter { published.contains($0.value) },
            unpublishedFiles: Set(content.courseFiles.filter { !published.contains($0.value) }.keys),
            unloadedFiles: content.failedCourseFiles
        )
        // A body's HTML depends on its text and on which course files exist.
        var contextHasher = Hasher()
        contextHasher.combine(paths.base)
        contextHasher.combine(renderer.options.rawValue)
        // Order-independent, so the 10,000 entries need no sorting.
        var files = 0
        for (stem, slug) in renderer.courseFiles { files ^= (stem + "/" + slug.value).hashValue }
        for stem in renderer.unpublishedFiles { files ^= ("draft/" + stem).hashValue }
        for stem in renderer.unloadedFiles { files ^= ("failed/" + stem).hashValue }
        contextHasher.combine(files)
        contextHasher.combine(renderer.courseFiles.count)
        let contextKey = contextHasher.finalize()
        // A body's HTML is identified by the context and its own inputs.
        @Sendable func render(_ text: String, of inputs: Int, file: String, firstLine: Int) -> (html: String, log: DiagnosticLog) {
            cache.body(for: pageKey(contextKey, inputs)) {
                var bodyLog = DiagnosticLog()
                let html = renderer.render(text, file: file, firstLine: firstLine, log: &bodyLog)
                return (html, bodyLog)
            }
        }
        // The fingerprint covers the file's text and path.
        let courseResults = catalog.courses.parallelMap { course in
            render(course.body, of: course.fingerprint, file: course.source.path, firstLine: course.bodyLine)
        }
        var bodies = RenderedBodies()
        bodies.contextKey = contextKey
        for (course, result) in zip(catalog.courses, courseResults) {
            bodies.courses[course.slug] = result.html
            log.merge(result.log)
        }
        for instructor in catalog.instructors {
            guard let source = instructor.source, !instructor.bio.allSatisfy(\.isWhitespace) else { continue }
            let result = render(instructor.bio, of: instructor.hashValue, file: source.path, firstLine: instructor.bodyLine)
            log.merge(result.log)
            bodies.instructors[instructor.slug] = result.html
        }
        return bodies
    }
}
