import FlyingFox
import Foundation
import SyllabusKit

/// `syllabus serve`: builds the site into a private folder, serves it under
/// its base path on loopback, rebuilds on every change and reloads open pages.
/// A failed rebuild keeps the last good site and shows its errors in the page.
public final class PreviewServer: @unchecked Sendable {
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

    private let options: Options
    private let output: URL
    private let state = BuildState()
    private let log: @Sendable (String) -> Void
    private let rebuildQueue = DispatchQueue(label: "syllabus.rebuild")
    private var basePath = "/"
    private var hasGoodBuild = false
    private var pending = false
    private var stopping = false
    private let lock = NSLock()
    /// DTSTAMP of preview feeds: fixed for the session so cached events stay valid.
    private let startedAt = Int(Date().timeIntervalSince1970)
    private let cache = BuildCache()

    public init(options: Options, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.log = log
        self.output = FileManager.default.temporaryDirectory
            .appendingPathComponent("syllabus-serve-\(ProcessInfo.processInfo.processIdentifier)")
            .appendingPathComponent("site")
    }

    /// Runs until the task is cancelled (Ctrl-C), then removes its build folder.
    public func run() async throws {
        try PortProbe.check(host: options.host == "localhost" ? "127.0.0.1" : options.host, port: options.port)
        // Watch before the first build, which takes seconds on a large catalog:
        // a save during it is rebuilt after it (on the same queue) instead of lost.
        let watcher = FileWatcher(folders: [options.root.appendingPathComponent("content"), options.root.appendingPathComponent("templates")]) { [weak self] in
            self?.scheduleRebuild()
        }
        watcher.start()
        rebuildQueue.sync { rebuild(reason: "start") }
        defer {
            watcher.stop()
            lock.withLock { stopping = true }
            // A rebuild under way would write into the folder after it is removed.
            rebuildQueue.sync {}
            try? FileManager.default.removeItem(at: output.deletingLastPathComponent())
        }
        let address = try sockaddr_in.inet(ip4: options.host == "localhost" ? "127.0.0.1" : options.host, port: options.port)
        let server = HTTPServer(address: address, timeout: 60, logger: .disabled, handler: Handler(server: self))
        log("Serving \(options.root.path) at http://\(options.host):\(options.port)\(currentBasePath) — Ctrl-C to stop")
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

    var currentBasePath: String {
        lock.lock(); defer { lock.unlock() }
        return basePath
    }

    private func scheduleRebuild() {
        lock.lock()
        if pending { lock.unlock(); return }
        pending = true
        lock.unlock()
        rebuildQueue.async { [self] in
            lock.lock(); pending = false; let stopped = stopping; lock.unlock()
            if !stopped { rebuild(reason: "change") }
        }
    }

    /// Builds into the private folder; on failure the last good build stays.
    func rebuild(reason: String) {
        let started = Date()
        var buildOptions = BuildOptions(root: options.root, output: output,
                                        baseURL: nil, includeDrafts: options.includeDrafts,
                                        timestamp: startedAt)
        // Served on loopback: links keep the site's base path but point here.
        let knownBase = try? SiteBuilder.basePath(root: options.root)
        let siteBase = knownBase ?? currentBasePath
        buildOptions.baseURL = "http://\(options.host):\(options.port)\(siteBase)"
        buildOptions.serveScript = LiveReloadScript.placeholder
        let semaphore = DispatchSemaphore(value: 0)
        do {
            let summary = try SiteBuilder.build(buildOptions, cache: cache)
            lock.lock(); basePath = siteBase; hasGoodBuild = true; lock.unlock()
            for warning in summary.warnings { log(warning.description) }
            let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
            let stages = summary.stages.map { "\($0.name) \(Int($0.seconds * 1000))" }.joined(separator: ", ")
            log("\(summary.line) [\(reason), \(milliseconds) ms: \(stages)]")
            Task { await state.succeeded(); semaphore.signal() }
        } catch let failure as BuildFailed {
            for diagnostic in failure.diagnostics { log(diagnostic.description) }
            lock.lock()
            let served = hasGoodBuild
            // Nothing built yet: answer under the site's base path anyway, so
            // the page there shows the errors and reloads once they are fixed.
            if !served, let knownBase { basePath = knownBase }
            lock.unlock()
            log(served ? "Build failed: still serving the last good build" : "Build failed: nothing to serve until it is fixed")
            Task { await state.failed(failure.diagnostics.map(\.description)); semaphore.signal() }
        } catch {
            log("Build failed: \(error)")
            Task { await state.failed(["\(error)"]); semaphore.signal() }
        }
        semaphore.wait()
    }

    // MARK: - HTTP

    struct Handler: HTTPHandler {
        let server: PreviewServer

        func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
            var response = try await server.respond(to: request)
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

    func respond(to request: HTTPRequest) async throws -> HTTPResponse {
        let base = currentBasePath
        // The raw request path: FlyingFox's `path` drops the trailing slash
        // that tells a folder URL from a file.
        let path = request.target.path(percentEncoded: false)
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed)
        }
        if path == base + LiveReloadScript.endpoint {
            let since = request.query.first { $0.name == "since" }.flatMap { Int($0.value) }
            let errors = request.query.first { $0.name == "errors" }.flatMap { Int($0.value) } ?? 0
            if let since { await state.waitForChange(since: since, errors: errors, timeout: .seconds(25)) }
            return HTTPResponse(statusCode: .ok,
                                headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                                body: await state.json)
        }
        if !path.hasPrefix(base) {
            if path == "/" || base.hasPrefix(path + "/") || path + "/" == base {
                return HTTPResponse(statusCode: .found, headers: [.location: base] as HTTPHeaders)
            }
            return notFound()
        }
        let relative = String(path.dropFirst(base.count))
        let segments = relative.split(separator: "/", omittingEmptySubsequences: true)
        // Only plain segments: no way out of the build folder.
        guard !segments.contains(where: { $0 == ".." || $0 == "." || $0.contains("\\") || $0.contains("\0") }) else {
            return notFound()
        }
        var file = output.appendingPathComponent(relative)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory) else { return notFound() }
        if isDirectory.boolValue {
            file = file.appendingPathComponent("index.html")
            // A folder without a page (one left empty by a deleted course) is not found.
            guard FileManager.default.fileExists(atPath: file.path) else { return notFound() }
            if !path.hasSuffix("/") {
                return HTTPResponse(statusCode: .movedPermanently, headers: [.location: path + "/"] as HTTPHeaders)
            }
        }
        guard let data = FileManager.default.contents(atPath: file.path) else { return notFound() }
        return HTTPResponse(statusCode: .ok,
                            headers: [.contentType: ContentTypes.forPath(file.path), .cacheControl: "no-cache"],
                            body: withLiveReload(data, path: file.path, base: base))
    }

    private func notFound() -> HTTPResponse {
        let page = FileManager.default.contents(atPath: output.appendingPathComponent("404.html").path)
            ?? Data("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Not found</title></head><body><h1>Not found</h1>\n\(LiveReloadScript.placeholder)\n</body></html>\n".utf8)
        return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/html; charset=utf-8"],
                            body: withLiveReload(page, path: "404.html", base: currentBasePath))
    }

    /// Pages carry a placeholder where the published build has nothing; the
    /// server fills it with the live-reload script.
    private func withLiveReload(_ data: Data, path: String, base: String) -> Data {
        guard path.hasSuffix(".html"), let text = String(data: data, encoding: .utf8) else { return data }
        return Data(text.replacingOccurrences(of: LiveReloadScript.placeholder, with: LiveReloadScript.tag(basePath: base)).utf8)
    }
}
