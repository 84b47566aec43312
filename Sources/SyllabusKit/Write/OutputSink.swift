import Foundation

/// Where rendered files go: the staging folder of a build, the live folder
/// of `syllabus serve` (changed files only), or nowhere for `syllabus check`,
/// which renders everything but writes nothing.
struct OutputSink: Sendable {
    let folder: OutputFolder?
    /// Present in `syllabus serve`: pages whose inputs did not change are skipped.
    let cache: BuildCache?

    func begin() throws { try folder?.begin() }
    func abandon() { folder?.abandon() }

    /// Swaps the build in, or in serve mode deletes files the build no longer has.
    func commit(paths: Set<String>) throws {
        if let cache, let folder {
            for stale in cache.finish(paths: paths) { try folder.remove(stale) }
        }
        try folder?.commit(paths: paths)
    }

    /// Renders and writes pages on both cores; each page is dropped from
    /// memory as soon as it is on disk. Returns how many were rendered.
    @discardableResult
    func write(_ pages: [Page], progress: Progress) throws -> Int {
        let results = pages.parallelMap { page -> (rendered: Bool, failure: String?) in
            if let cache, let key = page.key, cache.isCurrent(page.path, key: key) {
                progress.advance()
                return (false, nil)
            }
            let text = page.render()
            progress.advance()
            do {
                try folder?.write(text, to: page.path)
                cache?.wrote(page.path, key: page.key)
                return (true, nil)
            } catch {
                return (true, "\(page.path): \(error.localizedDescription)")
            }
        }
        if let failure = results.compactMap(\.failure).first {
            throw BuildFailed(diagnostics: [.error(SourceLocation(path: folder?.output.path ?? "output"), "cannot write \(failure)")])
        }
        return results.filter(\.rendered).count
    }

    func write(_ data: Data, to path: String) throws { try folder?.write(data, to: path) }
}
