import Foundation

/// Where rendered files go: the staging folder of a build, or nowhere for
/// `syllabus check`, which renders everything but writes nothing.
struct OutputSink: Sendable {
    let folder: OutputFolder?

    func begin() throws { try folder?.begin() }
    func commit() throws { try folder?.commit() }
    func abandon() { folder?.abandon() }

    /// Renders and writes pages on both cores; each page is dropped from
    /// memory as soon as it is on disk.
    func write(_ pages: [Page], progress: Progress) throws {
        let failures = pages.parallelMap { page -> String? in
            let text = page.render()
            progress.advance()
            do {
                try folder?.write(Data(text.utf8), to: page.path)
                return nil
            } catch {
                return "\(page.path): \(error.localizedDescription)"
            }
        }
        if let failure = failures.compactMap({ $0 }).first {
            throw BuildFailed(diagnostics: [.error(SourceLocation(path: folder?.output.path ?? "output"), "cannot write \(failure)")])
        }
    }

    func write(_ data: Data, to path: String) throws { try folder?.write(data, to: path) }
    func copy(_ source: URL, to path: String) throws { try folder?.copy(source, to: path) }
}

extension OutputFolder: @unchecked Sendable {}
