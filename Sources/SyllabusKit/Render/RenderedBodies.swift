import CommonMark

/// Every Markdown body of the catalog as HTML, rendered once per build.
///
/// A course's HTML is made where its page is rendered and dropped once that
/// page is written: at 100,000 courses the bodies held together were half a
/// gigabyte. Only a build that may skip pages (`syllabus serve`, whose cache
/// keeps every body anyway) renders them all up front, so that a broken link
/// is reported on every rebuild, not only on the one that renders its page.
struct RenderedBodies: Sendable {
    var instructors: [Slug: String] = [:]
    /// What the HTML of every body depends on besides its own file (the base
    /// URL, the options, which course files exist): with a course's
    /// fingerprint it identifies that course's HTML without hashing it.
    var contextKey = 0
    /// Bodies rendered up front, by course; empty when they are rendered with their pages.
    private var courses: [Slug: String] = [:]
    private let renderer: BodyRenderer
    /// Keys of the courses' HTML that hold across builds (`DeferredHTML`).
    private let keys: BodyKeys
    private let cache: BuildCache
    /// Broken links found while pages render, for `reportLate`.
    private let lateLog = SharedLog()

    /// Renders the instructors' bios, and the courses' bodies too when
    /// `upFront`; broken links to course files become errors at their line
    /// in the source file.
    static func render(_ catalog: Catalog, content: LoadedContent, paths: SitePaths, upFront: Bool,
                       cache: BuildCache = BuildCache(keeps: false), log: inout DiagnosticLog) -> RenderedBodies {
        let published = Set(catalog.courses.map(\.slug))
        let renderer = BodyRenderer(
            paths: paths,
            options: catalog.site.unsafeHTML ? [.smartPunctuation, .unsafeHTML] : .standard,
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
        var bodies = RenderedBodies(contextKey: contextHasher.finalize(), renderer: renderer, cache: cache)
        if upFront {
            let rendering = bodies
            let results = catalog.courses.parallelMap { rendering.render($0) }
            for (course, result) in zip(catalog.courses, results) {
                bodies.courses[course.slug] = result.html
                log.merge(result.log)
            }
        }
        for instructor in catalog.instructors {
            guard let source = instructor.source, !instructor.bio.allSatisfy(\.isWhitespace) else { continue }
            let result = bodies.render(instructor.bio, of: instructor.hashValue, file: source.path, firstLine: instructor.bodyLine)
            log.merge(result.log)
            bodies.instructors[instructor.slug] = result.html
        }
        return bodies
    }

    private init(contextKey: Int, renderer: BodyRenderer, cache: BuildCache) {
        self.contextKey = contextKey
        self.renderer = renderer
        keys = BodyKeys(renderer)
        self.cache = cache
    }

    /// The HTML of `course`'s body: the one rendered up front, else rendered
    /// now, its broken links kept for `reportLate`.
    func html(of course: Course) -> String {
        if let html = courses[course.slug] { return html }
        let result = render(course)
        if !result.log.entries.isEmpty { lateLog.merge(result.log) }
        return result.html
    }

    /// The HTML of `course`'s body as a page's frame holds it: made when the
    /// page is rendered, and hashed by its inputs when the page is only
    /// fingerprinted (a build over the previous output).
    func deferredHTML(of course: Course) -> DeferredHTML {
        DeferredHTML(key: { [keys] in keys.key(of: course.body, file: course.source.path, firstLine: course.bodyLine) },
                     make: { [self] in html(of: course) })
    }

    /// These bodies with `course`'s rendered again from its (saved) text, and
    /// the diagnostics of that body.
    func replacing(_ course: Course) -> (bodies: RenderedBodies, log: DiagnosticLog) {
        let result = render(course)
        var bodies = self
        bodies.courses[course.slug] = result.html
        return (bodies, result.log)
    }

    /// The broken links of the bodies rendered with their pages.
    func reportLate(log: inout DiagnosticLog) {
        log.merge(lateLog.collected)
    }

    /// The fingerprint covers the file's text and path.
    private func render(_ course: Course) -> (html: String, log: DiagnosticLog) {
        render(course.body, of: course.fingerprint, file: course.source.path, firstLine: course.bodyLine)
    }

    /// A body's HTML is identified by the context and its own inputs.
    private func render(_ text: String, of inputs: Int, file: String, firstLine: Int) -> (html: String, log: DiagnosticLog) {
        cache.body(for: pageKey(contextKey, inputs)) {
            var bodyLog = DiagnosticLog()
            let html = renderer.render(text, file: file, firstLine: firstLine, log: &bodyLog)
            return (html, bodyLog)
        }
    }
}
