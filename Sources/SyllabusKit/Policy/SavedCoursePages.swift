import Foundation

/// `syllabus serve`'s first answer to a save: the page of each course file
/// just saved, rendered from that file with everything else the last build
/// rendered from, and written into the served folder before the rebuild that
/// redraws the listings, days and feeds (most of a second at 10,000 courses);
/// and the listings open in a browser that the save changes, from the index
/// of the catalog with the saved courses in it (a tenth of the rebuild), with
/// the search index when one of them reads it.
///
/// Only where that page is the one the rebuild will write: an edit of a
/// course file the last build published, with no errors, that keeps the
/// course's slug and publication and does not change whether the site has
/// past runs (every page's navigation shows that). Anything else (a new,
/// deleted or renamed file, a template, site.yml, a profile) waits for the
/// rebuild. `IncrementalRebuildTests` and `SavedCoursePagesTests` check the
/// pages against full builds.
public struct SavedCoursePages: Sendable {
    /// Site paths of the pages written, such as `courses/otp/index.html`
    /// (by `writingOpenPages`: the open pages it wrote).
    public let pages: [String]
    /// What each page held before, for `undo()`.
    private let previous: [(path: String, data: Data?)]
    private let folder: OutputFolder?
    private let cache: BuildCache?
    /// What open pages are rendered from (`writingOpenPages`): the catalog
    /// with the saved courses in it; `nil` where the checker alone can tell
    /// what it holds.
    private let saved: SavedCatalog?

    private struct SavedCatalog: Sendable {
        /// Made beside the saved courses' own pages: the index from the last
        /// build's, and the facets from that.
        let contexts: Concurrently<PageContexts>
        /// Made from those on a thread of its own when an open page reads it,
        /// while the other open pages are written.
        let searchIndex: Concurrently<String?>
        let templates: TemplateSet
        /// The pages open at the save, and those of them that read the search
        /// index: each file read once, not again at each step.
        let open: Set<String>
        let readers: Set<String>
    }

    private static let none = SavedCoursePages(pages: [], previous: [], folder: nil, cache: nil, saved: nil)

    /// Writes the pages of the course files among `saved` (paths relative to
    /// the site root, as the file watcher names them), when every saved file
    /// is one whose page can be shown now; else writes nothing. `open`: the
    /// site paths of the pages open in a browser, which `writingOpenPages`
    /// will be asked for, so what it needs is made meanwhile.
    public static func write(saved: Set<String>, options: BuildOptions, preview: PreviewRebuild,
                             open: Set<String> = []) -> SavedCoursePages {
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
        // A course that names someone new makes an instructor page, which only the checker works out.
        let bySlug = Dictionary(courses.map { ($0.slug, $0) }, uniquingKeysWith: { $1 })
        let records = preview.cache.searchRecords
        var savedCatalog: SavedCatalog?
        if sameInstructors && !open.isEmpty {
            let readers = open.filter { loadsSearchIndex($0, in: last.folder, paths: contexts.paths) }
            let made = Concurrently {
                let catalog = index.catalog
                let saved = CatalogIndex(Catalog(site: catalog.site, courses: catalog.courses.map { bySlug[$0.slug] ?? $0 },
                                                 draftsLeftOut: catalog.draftsLeftOut, instructors: catalog.instructors, media: catalog.media,
                                                 buildDate: catalog.buildDate), after: index)
                return contexts.with(index: saved, bodies: contexts.bodies)
            }
            savedCatalog = SavedCatalog(contexts: made, searchIndex: Concurrently {
                readers.isEmpty ? nil : SearchIndex.page(made.value, records: records).render()
            }, templates: last.templates, open: open, readers: readers)
        }
        let shown = SavedCoursePages(pages: [], previous: [], folder: last.folder, cache: preview.cache, saved: savedCatalog)
        return shown.writing(courses.map { contexts.coursePage($0, templates: last.templates) }, always: true)
    }

    /// Writes the pages among `open` (site paths of pages open in a browser,
    /// such as `index.html` or `tags/erlang/index.html`) that the saved
    /// courses change, as the rebuild will write them: from the index of the
    /// catalog with those courses in it. Returns what has been written so
    /// far, with only this step's pages in `pages`.
    ///
    /// In two steps, each announced as soon as it is written: first the open
    /// pages that do not read the search index, then (`readingTheSearchIndex`)
    /// the search index, which a save changes too, with the open pages that
    /// read it (the catalog's filters, the search page). Such a page reloads
    /// once, with the index, instead of again with the rebuild; and the other
    /// open pages do not wait for the index (a tenth of a second at 10,000
    /// courses).
    public func writingOpenPages(_ open: Set<String>, readingTheSearchIndex: Bool = false) -> SavedCoursePages {
        let nothing = SavedCoursePages(pages: [], previous: previous, folder: folder, cache: cache, saved: saved)
        guard let saved, let folder, !open.isEmpty else { return nothing }
        let contexts = saved.contexts.value
        let readers = open.filter {
            saved.open.contains($0) ? saved.readers.contains($0) : Self.loadsSearchIndex($0, in: folder, paths: contexts.paths)
        }
        if readingTheSearchIndex && readers.isEmpty { return nothing }
        // Not again a page an earlier step wrote: undo puts back what it held before any.
        let paths = (readingTheSearchIndex ? readers : open.subtracting(readers)).subtracting(previous.map(\.path))
        var new = PagePlan.pages(at: paths, contexts, templates: saved.templates)
        if readingTheSearchIndex {
            let made = saved.searchIndex.value.map { text in Page(path: SitePaths.searchIndex, key: nil) { text } }
            new.insert(made ?? SearchIndex.page(contexts, records: cache?.searchRecords), at: 0)
        }
        return nothing.writing(new, always: false)
    }

    /// Whether the page served at `path` fetches the search index (its markup
    /// names it in `data-index`); a path out of the folder is no page of it.
    private static func loadsSearchIndex(_ path: String, in folder: OutputFolder, paths: SitePaths) -> Bool {
        guard path.hasSuffix(".html"), !path.hasPrefix("/"), !path.split(separator: "/").contains(".."), let page = FileManager.default.contents(atPath: folder.output.appendingPathComponent(path).path)
        else { return false }
        return page.range(of: Data("data-index=\"\(paths.link(SitePaths.searchIndex))\"".utf8)) != nil
    }

    /// These pages and `new` ones written; `always`: listed even where the file held those bytes already.
    private func writing(_ new: [Page], always: Bool) -> SavedCoursePages {
        guard let folder, let cache else { return self }
        var written = pages, previous = previous
        // A topic's and an instructor's page, one on each core.
        for (page, text) in zip(new, new.parallelMap { $0.render() }) {
            let before = FileManager.default.contents(atPath: folder.output.appendingPathComponent(page.path).path)
            do {
                // The folder leaves a file that holds these bytes as it is, and says so.
                guard try folder.write(text, to: page.path) || always else { continue }
            } catch {
                // The rebuild that follows writes it, or reports why it cannot.
                continue
            }
            // Not the page of the file the rebuild reads, if that file changes back meanwhile: it is written whatever its fingerprint.
            cache.forget(page.path)
            written.append(page.path)
            previous.append((page.path, before))
        }
        return SavedCoursePages(pages: written, previous: previous, folder: folder, cache: cache, saved: saved)
    }

    /// Waits for what is made meanwhile for the open pages: the search index
    /// made ahead takes and puts back the records the rebuild's reuses, so
    /// the rebuild starts once it is done, even when no step asked for it
    /// (a save arrived meanwhile).
    public func finish() {
        _ = saved?.searchIndex.value
    }

    /// Puts back what the pages held, when the rebuild after them failed: the
    /// preview then shows the last good build, as it says. The next rebuild
    /// writes these pages whatever their fingerprints, in case one could not
    /// be put back.
    public func undo() throws {
        guard let folder else { return }
        for (path, _) in previous { cache?.forget(path) }
        // Last written first, so that a page written twice ends with what it held before either.
        for (path, data) in previous.reversed() {
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
