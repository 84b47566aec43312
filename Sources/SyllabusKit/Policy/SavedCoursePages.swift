import Foundation

/// `syllabus serve`'s first answer to a save: the page of each course file
/// just saved, rendered from that file with everything else the last build
/// rendered from, and written into the served folder before the rebuild that
/// redraws the listings, days and feeds (most of a second at 10,000 courses);
/// and the listings open in a browser that the save changes, from the index
/// of the catalog with the saved courses in it (a tenth of the rebuild).
///
/// Only where that page is the one the rebuild will write: an edit of a
/// course file the last build published, with no errors, that keeps the
/// course's slug and publication and does not change whether the site has
/// past runs (every page's navigation shows that). Anything else (a new,
/// deleted or renamed file, a template, site.yml, a profile) waits for the
/// rebuild. `IncrementalRebuildTests` and `SavedCoursePagesTests` check the
/// pages against full builds.
public struct SavedCoursePages: Sendable {
    /// Site paths of the pages written, such as `courses/otp/index.html`.
    public let pages: [String]
    /// What each page held before, for `undo()`.
    private let previous: [(path: String, data: Data?)]
    private let folder: OutputFolder?
    private let cache: BuildCache?

    private static let none = SavedCoursePages(pages: [], previous: [], folder: nil, cache: nil)

    /// Writes the pages of the course files among `saved` (paths relative to
    /// the site root, as the file watcher names them), when every saved file
    /// is one whose page can be shown now; else writes nothing.
    ///
    /// `open`: the site paths of pages open in a browser (`index.html`,
    /// `tags/erlang/index.html`). Those the saved courses change are written
    /// too, from the catalog the rebuild will check, where the saved courses
    /// name the instructors they named before (a new name makes an instructor
    /// page, which only the checker works out).
    public static func write(saved: Set<String>, open: Set<String> = [], options: BuildOptions,
                             preview: PreviewRebuild) -> SavedCoursePages {
        guard let last = preview.last, last.options.shows(like: options) else { return .none }
        let index = last.contexts.index
        let timeline = index.timeline
        func pastRuns(_ course: Course) -> Int { course.runs.count { !timeline.isUpcoming($0) } }
        var courses: [Course] = [], sameInstructors = true
        var pastRunChange = 0
        var bodies = last.contexts.bodies
        for path in saved.sorted() {
            guard let name = path.removingPrefix("content/courses/"), !name.contains("/") else { return .none }
            // Files the build does not read (an editor's swap and backup files) change no page.
            if name.hasPrefix(".") || !name.hasSuffix(".md") { continue }
            guard let old = index.catalog.courses.first(where: { $0.source.path == path }) else { return .none }
            let loaded = ContentLoader.course(at: path, root: options.root, site: index.catalog.site, cache: preview.cache)
            guard let course = loaded.value, !loaded.log.hasErrors, course.slug == old.slug,
                  options.includeDrafts || !course.draft else { return .none }
            let body = bodies.replacing(course)
            // A broken link is reported by the rebuild, which shows no page with it.
            guard body.log.entries.isEmpty else { return .none }
            bodies = body.bodies
            pastRunChange += pastRuns(course) - pastRuns(old)
            sameInstructors = sameInstructors && course.allInstructors == old.allInstructors
            courses.append(course)
        }
        guard !courses.isEmpty, (index.pastRunCount + pastRunChange > 0) == index.hasPastRuns else { return .none }

        let contexts = last.contexts.with(bodies: bodies)
        var written: [String] = [], previous: [(path: String, data: Data?)] = []
        /// Writes one page; `always`: even when it holds those bytes already.
        func write(_ page: Page, always: Bool) {
            let text = page.render()
            let before = FileManager.default.contents(atPath: last.folder.output.appendingPathComponent(page.path).path)
            if !always, before == Data(text.utf8) { return }
            do {
                try last.folder.write(text, to: page.path)
            } catch {
                // The rebuild that follows writes it, or reports why it cannot.
                return
            }
            // Not the page of the file the rebuild reads, if that file changes back meanwhile: it is written whatever its fingerprint.
            preview.cache.forget(page.path)
            written.append(page.path)
            previous.append((page.path, before))
        }
        for course in courses { write(contexts.coursePage(course, templates: last.templates), always: true) }

        let others = open.subtracting(written)
        if !others.isEmpty, sameInstructors {
            let byslug = Dictionary(courses.map { ($0.slug, $0) }, uniquingKeysWith: { $1 })
            let catalog = index.catalog
            let saved = Catalog(site: catalog.site, courses: catalog.courses.map { byslug[$0.slug] ?? $0 },
                                draftsLeftOut: catalog.draftsLeftOut, instructors: catalog.instructors, media: catalog.media,
                                buildDate: catalog.buildDate)
            let fresh = contexts.with(index: CatalogIndex(saved), bodies: bodies)
            for page in PagePlan.pages(at: others, fresh, templates: last.templates) { write(page, always: false) }
        }
        return SavedCoursePages(pages: written, previous: previous, folder: last.folder, cache: preview.cache)
    }

    /// Puts back what the pages held, when the rebuild after them failed: the
    /// preview then shows the last good build, as it says. The next rebuild
    /// writes these pages whatever their fingerprints, in case one could not
    /// be put back.
    public func undo() throws {
        guard let folder else { return }
        for (path, _) in previous { cache?.forget(path) }
        for (path, data) in previous {
            if let data {
                try folder.write(data, to: path)
            } else {
                try folder.remove(path)
            }
        }
    }
}

extension BuildOptions {
    /// Whether pages built with these options are those built with `other`.
    fileprivate func shows(like other: BuildOptions) -> Bool {
        root == other.root && output == other.output && baseURL == other.baseURL && includeDrafts == other.includeDrafts
            && timestamp == other.timestamp && serveScript == other.serveScript
    }
}

extension String {
    fileprivate func removingPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}
