import FlyingFox
import Foundation
import SyllabusKit

/// `syllabus serve`: builds the site into a private folder, serves it under
/// its base path on loopback, rebuilds on every change and reloads open pages.
/// A failed rebuild keeps the last good site and shows its errors in the page.
///
/// Three parts: the file watcher's thread signals changes into a stream; one
/// task rebuilds for each (a burst is one rebuild), running the blocking build
/// on its own queue so that it never holds a thread the HTTP server needs;
/// `PreviewState` is all the state the rebuilds and the requests share.
public final class PreviewServer: Sendable {
    public struct Options: Sendable {
        public var root: URL
        public var host: String
        public var port: UInt16
        public var includeDrafts: Bool
        public init(root: URL, host: String, port: UInt16, includeDrafts: Bool) {
            self.root = root
            self.host = host
            self.port = port
            self.includeDrafts = includeDrafts
        }
    }

    /// Longest request line and most header bytes a request may send (414, 431 beyond).
    static let maxRequestLineLength = 8 * 1_024
    static let maxHeaderLength = 64 * 1_024
    /// Seconds a connection may take to send its request line and headers.
    static let requestHeadTimeout: TimeInterval = 10

    private let options: Options
    private let state = PreviewState()
    private let log: @Sendable (String) -> Void
    private let builds = DispatchQueue(label: "syllabus.rebuild")
    /// DTSTAMP of preview feeds: fixed for the session so cached events stay valid.
    private let startedAt = Int(Date().timeIntervalSince1970)
    private let preview = PreviewRebuild()

    public init(options: Options, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.log = log
    }

    private var listenHost: String { options.host == "localhost" ? "127.0.0.1" : options.host }

    /// Runs until the task is cancelled (Ctrl-C), then removes its build folder.
    public func run() async throws {
        try PortProbe.check(host: listenHost, port: options.port)
        let staging = try StagingFolder.create()
        let output = staging.url.appendingPathComponent("site")
        // Watch before the first build, which takes seconds on a large catalog:
        // a save during it is rebuilt after it instead of lost.
        let (changes, changed) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let saved = ChangedPaths()
        let watcher = FileWatcher(root: options.root, folders: ["content", "templates"]) { paths in
            saved.add(paths)
            changed.yield()
        }
        watcher.start()
        await rebuild(into: output, reason: "start", saved: nil)
        let rebuilds = Task {
            for await _ in changes { await rebuild(into: output, reason: "change", saved: saved) }
        }
        let result: Result<Void, any Error>
        do {
            try await serve(output)
            result = .success(())
        } catch {
            result = .failure(error)
        }
        watcher.stop()
        changed.finish()
        rebuilds.cancel()
        // A rebuild under way would write into the folder after it is removed.
        await rebuilds.value
        do {
            try staging.remove()
        } catch {
            log("cannot remove the build folder \(staging.url.path): \(error.localizedDescription)")
        }
        try result.get()
    }

    private func serve(_ output: URL) async throws {
        let openFiles = OpenFileLimit.raise()
        var config = HTTPServer.Configuration(address: try sockaddr_in.inet(ip4: listenHost, port: options.port),
                                              timeout: 60, logger: .disabled)
        config.maxRequestLineLength = Self.maxRequestLineLength
        config.maxHeaderLength = Self.maxHeaderLength
        config.requestHeadTimeout = Self.requestHeadTimeout
        config.maxConnections = OpenFileLimit.maxConnections(limit: openFiles)
        let server = HTTPServer(config: config, handler: Handler(server: self, output: output))
        log("Serving \(options.root.path) at http://\(options.host):\(options.port)\(await state.basePath) — Ctrl-C to stop")
        try await withTaskCancellationHandler {
            do {
                try await server.run()
            } catch {
                // Stopping closes the listening socket, which FlyingFox reports
                // as `SocketError.disconnected`: that is the normal end on Ctrl-C.
                if !Task.isCancelled { throw error }
            }
        } onCancel: { [state] in
            Task {
                await state.stop()
                await server.stop(timeout: 1)
            }
        }
    }

    /// What a build on the rebuild queue hands back to the state.
    private enum Outcome: Sendable {
        /// `changed`: the output files the rebuild changed, added or removed.
        case built(basePath: String, changed: Set<String>?)
        case failed([String], basePath: String?)
    }

    /// Runs `work` on the rebuild queue, which never holds a thread the HTTP server needs.
    private func onRebuildQueue<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            builds.async { continuation.resume(returning: work()) }
        }
    }

    /// Builds into the private folder; on failure the last good build stays.
    /// The pages of course files just `saved` are shown first when they can
    /// be (`SavedCoursePages`): the page its author watches reloads at once,
    /// then the open listings the save changes (their long polls name them),
    /// the other listings once the rebuild has redrawn them.
    private func rebuild(into output: URL, reason: String, saved: ChangedPaths?) async {
        let servedBase = await state.basePath
        let paths = saved?.take() ?? []
        // One read of site.yml's base path for the pages shown ahead and the rebuild.
        let (options, knownBase) = await onRebuildQueue { self.buildOptions(into: output, servedBase: servedBase) }
        let siteBase = knownBase ?? servedBase
        // The site paths of the open pages, once for every step.
        let open = paths.isEmpty ? [] : Set(await state.openPages.compactMap { Self.sitePath(ofURLPath: $0, base: siteBase) })
        var shown = paths.isEmpty ? nil : await onRebuildQueue {
            self.showSaved(paths, options: options, base: siteBase, open: open)
        }
        // Open pages reload to the shown page unless more was saved while it was
        // rendered: then it may not be what the rebuild makes (that rewrites it),
        // and they reload with the rebuild, even where it finds the page as shown.
        let announced = shown != nil && saved?.isEmpty ?? true
        var unannounced: [String] = []
        if var last = shown, announced {
            await state.showed(pages: last.urls)
            // Then the open pages the save changes (the listings it moves through),
            // from the catalog with it, still ahead of the rebuild: first those
            // that do not read the search index, then the index with those that do.
            for readingTheSearchIndex in [false, true] {
                let after = last
                guard let step = await onRebuildQueue({
                    self.showOpen(open, after: after, base: siteBase, readingTheSearchIndex: readingTheSearchIndex)
                }) else { continue }
                shown = step
                last = step
                if saved?.isEmpty ?? true { await state.showed(pages: step.urls) } else { unannounced += step.urls }
            }
        } else if let course = shown {
            unannounced = course.urls
        }
        let ahead = shown?.pages
        let outcome = await onRebuildQueue {
            // The search index made ahead shares its kept records with the rebuild's.
            ahead?.finish()
            return self.build(options, reason: reason, siteBase: siteBase, knownBase: knownBase)
        }
        switch outcome {
        case .built(let basePath, let changed):
            let pages = changed.flatMap { ReloadedPages.urls(of: $0, base: basePath) }.map { $0 + unannounced }
            await state.succeeded(basePath: basePath, pages: pages)
        case .failed(let messages, let basePath):
            if let shown {
                let undone = await onRebuildQueue { Result { try shown.pages.undo() } }
                if case .failure(let error) = undone { log("cannot put back the pages shown before the rebuild: \(error.localizedDescription)") }
            }
            let served = await state.failed(messages, basePath: basePath, reload: shown != nil)
            log(served ? "Build failed: still serving the last good build" : "Build failed: nothing to serve until it is fixed")
        }
    }

    /// What `showSaved` wrote, and the URLs open pages of it are at.
    private struct Shown: Sendable {
        let pages: SavedCoursePages
        let urls: [String]
    }

    /// The saved courses' pages, on the rebuild queue; `nil` when none can be shown before the rebuild.
    private func showSaved(_ saved: Set<String>, options: BuildOptions, base: String, open: Set<String>) -> Shown? {
        let started = Date()
        let pages = SavedCoursePages.write(saved: saved, options: options, preview: preview, open: open)
        guard !pages.pages.isEmpty else { return nil }
        let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
        log("Showed \(pages.pages.joined(separator: ", ")) [saved, \(milliseconds) ms]; rebuilding the rest")
        // Course pages only, so never every page.
        let urls = ReloadedPages.urls(of: pages.pages, base: base) ?? []
        return Shown(pages: pages, urls: urls)
    }

    /// The open pages (`open`: their site paths) that the save shown ahead changes, on
    /// the rebuild queue; `nil` when it changes none of them, or they cannot be shown yet.
    private func showOpen(_ open: Set<String>, after shown: Shown, base: String, readingTheSearchIndex: Bool) -> Shown? {
        let started = Date()
        let pages = shown.pages.writingOpenPages(open, readingTheSearchIndex: readingTheSearchIndex)
        guard !pages.pages.isEmpty else { return nil }
        let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
        log("Showed \(pages.pages.sorted().joined(separator: ", ")) [open, \(milliseconds) ms]")
        // HTML pages open now only, so never every page.
        return Shown(pages: pages, urls: ReloadedPages.urls(of: pages.pages, base: base) ?? [])
    }

    /// The site path of the page at a URL path under `base` (`/catalog/tags/erlang/`
    /// → `tags/erlang/index.html`); `nil` for a path outside it or with `..`.
    static func sitePath(ofURLPath path: String, base: String) -> String? {
        guard let decoded = path.removingPercentEncoding, decoded.hasPrefix(base) else { return nil }
        let relative = String(decoded.dropFirst(base.count))
        guard !relative.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        return relative.isEmpty || relative.hasSuffix("/") ? relative + "index.html" : relative
    }

    /// The options of every build of this preview, and the base path site.yml names (`nil` when it cannot be read).
    private func buildOptions(into output: URL, servedBase: String) -> (options: BuildOptions, knownBase: String?) {
        // Served on loopback: links keep the site's base path but point here.
        let knownBase = try? SiteBuilder.basePath(root: options.root)
        let siteBase = knownBase ?? servedBase
        var buildOptions = BuildOptions(root: options.root, output: output,
                                        baseURL: "http://\(options.host):\(options.port)\(siteBase)",
                                        includeDrafts: options.includeDrafts, timestamp: startedAt)
        buildOptions.serveScript = LiveReloadScript.placeholder
        return (buildOptions, knownBase)
    }

    /// The blocking build, on the rebuild queue only (the cache is not shared).
    /// `knownBase`: the base path site.yml names, `nil` when it cannot be read.
    private func build(_ buildOptions: BuildOptions, reason: String, siteBase: String, knownBase: String?) -> Outcome {
        let started = Date()
        do {
            let summary = try SiteBuilder.build(buildOptions, preview: preview)
            for warning in summary.warnings { log(warning.description) }
            let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
            let stages = summary.stages.map { "\($0.name) \(Int($0.seconds * 1000))" }.joined(separator: ", ")
            log("\(summary.line) [\(reason), \(milliseconds) ms: \(stages)]")
            // The first build changes every page: nothing is open yet.
            return .built(basePath: siteBase, changed: reason == "start" ? nil : summary.changed)
        } catch let failure as BuildFailed {
            for diagnostic in failure.diagnostics { log(diagnostic.description) }
            return .failed(failure.diagnostics.map(\.description), basePath: knownBase)
        } catch {
            log("Build failed: \(error)")
            return .failed(["\(error)"], basePath: knownBase)
        }
    }

    // MARK: - HTTP

    struct Handler: HTTPHandler {
        let server: PreviewServer
        let output: URL

        func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
            var response = try await server.respond(to: request, from: output)
            // One request per connection. FlyingFox writes the headers and the
            // content in separate send()s without TCP_NODELAY, so on a reused
            // connection Nagle holds the content until the client's delayed ACK:
            // every request after the first on a keep-alive connection took ~40 ms.
            response.headers[.connection] = "close"
            // HEAD: the headers a GET would get, without the content (RFC 9110 9.3.2).
            if request.method == .HEAD {
                response.headers[.contentLength] = String(try await response.bodyData.count)
                response.payload = .httpBody(HTTPBodySequence(data: Data()))
            }
            return response
        }
    }

    func respond(to request: HTTPRequest, from output: URL) async throws -> HTTPResponse {
        let base = await state.basePath
        // The raw request path: FlyingFox's `path` drops the trailing slash
        // that tells a folder URL from a file.
        let path = request.target.path(percentEncoded: false)
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed)
        }
        if path == base + LiveReloadScript.endpoint {
            let since = request.query.first { $0.name == "since" }.flatMap { Int($0.value) }
            let errors = request.query.first { $0.name == "errors" }.flatMap { Int($0.value) } ?? 0
            let page = request.query.first { $0.name == "page" }?.value
            let answer = if let since { await state.waitForChange(since: since, errors: errors, page: page, timeout: .seconds(25)) }
                else { await state.json }
            return HTTPResponse(statusCode: .ok,
                                headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                                body: answer)
        }
        if !path.hasPrefix(base) {
            if path == "/" || base.hasPrefix(path + "/") || path + "/" == base {
                return HTTPResponse(statusCode: .found, headers: [.location: base] as HTTPHeaders)
            }
            return notFound(output, base: base)
        }
        let relative = String(path.dropFirst(base.count))
        let segments = relative.split(separator: "/", omittingEmptySubsequences: true)
        // Only plain segments: no way out of the build folder.
        guard !segments.contains(where: { $0 == ".." || $0 == "." || $0.contains("\\") || $0.contains("\0") }) else {
            return notFound(output, base: base)
        }
        var file = output.appendingPathComponent(relative)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory) else { return notFound(output, base: base) }
        if isDirectory.boolValue {
            file = file.appendingPathComponent("index.html")
            // A folder without a page (one left empty by a deleted course) is not found.
            guard FileManager.default.fileExists(atPath: file.path) else { return notFound(output, base: base) }
            if !path.hasSuffix("/") {
                return HTTPResponse(statusCode: .movedPermanently, headers: [.location: path + "/"] as HTTPHeaders)
            }
        }
        guard let data = FileManager.default.contents(atPath: file.path) else { return notFound(output, base: base) }
        return HTTPResponse(statusCode: .ok,
                            headers: [.contentType: ContentTypes.forPath(file.path), .cacheControl: "no-cache"],
                            body: withLiveReload(data, path: file.path, base: base))
    }

    private func notFound(_ output: URL, base: String) -> HTTPResponse {
        let page = FileManager.default.contents(atPath: output.appendingPathComponent("404.html").path)
            ?? Data("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Not found</title></head><body><h1>Not found</h1>\n\(LiveReloadScript.placeholder)\n</body></html>\n".utf8)
        return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/html; charset=utf-8"],
                            body: withLiveReload(page, path: "404.html", base: base))
    }

    /// Pages carry a placeholder where the published build has nothing; the
    /// server fills it with the live-reload script.
    private func withLiveReload(_ data: Data, path: String, base: String) -> Data {
        guard path.hasSuffix(".html"), let text = String(data: data, encoding: .utf8) else { return data }
        return Data(text.replacingOccurrences(of: LiveReloadScript.placeholder, with: LiveReloadScript.tag(basePath: base)).utf8)
    }
}
