import Foundation

/// Where rendered files go: the staging folder of a build, the live folder
/// of `syllabus serve` (changed files only), or nowhere for `syllabus check`,
/// which renders everything but writes nothing.
struct OutputSink: Sendable {
    let folder: OutputFolder?
    /// Pages whose fingerprint it holds from the last write are not rendered again.
    let cache: BuildCache
    /// What page fingerprints start from (`PageFingerprints.salt`); `nil`
    /// when they cannot be trusted across builds, and then none is recorded.
    var salt: Fingerprint? = nil

    /// Writes every file of `plan` and swaps the build in (a preview deletes
    /// the files the build no longer has instead); on failure the staging
    /// folder is thrown away and the previous output stays. With `strict`
    /// a warning fails the build too.
    /// Returns how many pages were linked from the previous output unrendered.
    func write(_ plan: OutputPlan, root: URL, strict: Bool, progress: Progress, clock: inout StageClock,
               log: inout DiagnosticLog) throws -> Int {
        let paths = plan.paths
        do {
            try folder?.begin(paths: paths)
            progress.stage("Rendering pages", total: plan.pages.count)
            let reused = try write(plan.pages, progress: progress)
            cache.pagesWritten()
            clock.lap("templates")
            // A broken link in a body fails the build before its feeds are written.
            plan.reportBodyLinks(log: &log)
            if log.hasErrors { throw BuildFailed(diagnostics: log.sorted) }
            progress.stage("Writing feeds", total: plan.feeds.count + plan.indexes.count)
            // The sitemaps and the search index go beside the feeds, first: the
            // search index and the catalog feed, the two large files a preview
            // makes on every save, are then made one on each core.
            try write(plan.indexes + plan.feeds, progress: progress)
            plan.reportFeedSizes(log: &log)
            clock.lap("feeds")
            for asset in plan.assets {
                if try folder?.write(asset.data, to: asset.path) == true { cache.changed(asset.path) }
            }
            for file in plan.media {
                // Read here, not copied by the file system, so that a media file
                // that cannot be read is reported as the source it is.
                guard let data = SourceFile.bytes("content/media/\(file)", under: root, log: &log) else { continue }
                if try folder?.write(data, to: "media/\(file)") == true { cache.changed("media/\(file)") }
            }
            if log.hasErrors { throw BuildFailed(diagnostics: log.sorted) }
            if strict, !log.entries.isEmpty { throw BuildFailed(diagnostics: log.sorted.map(\.strict)) }
            if let folder {
                for stale in cache.finish(paths: paths) {
                    try folder.remove(stale)
                    cache.changed(stale)
                }
            }
            try folder?.commit(paths: paths)
            clock.lap("write")
            return reused
        } catch let failure as BuildFailed {
            folder?.abandon()
            throw failure
        } catch {
            folder?.abandon()
            throw BuildFailed(diagnostics: log.sorted + [.error(SourceLocation(path: folder?.output.path ?? "output"), "cannot write the output: \(error.localizedDescription)")])
        }
    }

    /// Renders and writes pages on both cores; each page is dropped from
    /// memory as soon as it is on disk. A preview renders only the pages
    /// whose fingerprint changed, the pages of the files just saved first:
    /// the edited course's page is visible before its listings are redrawn.
    /// Returns how many pages were linked from the previous output unrendered.
    @discardableResult
    func write(_ pages: [Page], progress: Progress) throws -> Int {
        var first: [Page] = [], rest: [Page] = []
        for page in pages {
            if cache.isCurrent(page.path, key: page.key) {
                progress.advance()
            } else if cache.wasReread(page.source) {
                first.append(page)
            } else {
                rest.append(page)
            }
        }
        let salt = folder?.recordsPages == true ? self.salt : nil
        // A page at a time: the catalog feed (16 MB at 10,000 courses) and
        // the topic feeds cost hundreds of course feeds each, and in chunks
        // they left one core finishing alone.
        let outcomes = (first + rest).parallelMap(chunk: 1) { page -> Outcome in
            defer { progress.advance() }
            do {
                let made = page.make()
                var fingerprint: Fingerprint?
                if let salt, let folder, case .template(let template) = made {
                    fingerprint = template.fingerprint(salt: salt)
                    if let fingerprint, try folder.reuse(page.path, fingerprint: fingerprint) {
                        folder.record(page.path, fingerprint: fingerprint)
                        return .reused
                    }
                }
                guard let folder else {
                    // `syllabus check` renders the page too: a course body is
                    // made, and its links checked, only when its page renders.
                    _ = made.text
                    cache.wrote(page.path, key: page.key)
                    return .written
                }
                if try folder.write(made.text, to: page.path) { cache.changed(page.path) }
                if let fingerprint { folder.record(page.path, fingerprint: fingerprint) }
                cache.wrote(page.path, key: page.key)
                return .written
            } catch {
                return .failed("\(page.path): \(error.localizedDescription)")
            }
        }
        let reused = outcomes.count { if case .reused = $0 { true } else { false } }
        if let failure = outcomes.lazy.compactMap(\.failure).first {
            throw BuildFailed(diagnostics: [.error(SourceLocation(path: folder?.output.path ?? "output"), "cannot write \(failure)")])
        }
        return reused
    }

    private enum Outcome {
        case written, reused, failed(String)

        var failure: String? {
            if case .failed(let failure) = self { return failure }
            return nil
        }
    }
}
