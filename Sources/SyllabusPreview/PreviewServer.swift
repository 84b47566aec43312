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
    private var pending = false
    private let lock = NSLock()
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
        rebuild(reason: "start")
        let watcher = FileWatcher(folders: [options.root.appendingPathComponent("content"), options.root.appendingPathComponent("templates")]) { [weak self] in
            self?.scheduleRebuild()
        }
        watcher.start()
        defer {
            watcher.stop()
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
            lock.lock(); pending = false; lock.unlock()
            rebuild(reason: "change")
        }
    }

    /// Builds into the private folder; on failure the last good build stays.
    func rebuild(reason: String) {
        let started = Date()
        var buildOptions = BuildOptions(root: options.root, output: output,
                                        baseURL: nil, includeDrafts: options.includeDrafts,
                                        timestamp: Int(Date().timeIntervalSince1970))
        // Served on loopback: links keep the site's base path but point here.
        let siteBase = (try? SiteBuilder.basePath(root: options.root)) ?? "/"
        buildOptions.baseURL = "http://\(options.host):\(options.port)\(siteBase)"
        buildOptions.serveScript = LiveReloadScript.placeholder
        let semaphore = DispatchSemaphore(value: 0)
        do {
            let summary = try SiteBuilder.build(buildOptions, cache: cache)
            lock.lock(); basePath = siteBase; lock.unlock()
            for warning in summary.warnings { log(warning.description) }
            let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
            log("\(summary.line) [\(reason), \(milliseconds) ms]")
            Task { await state.succeeded(); semaphore.signal() }
        } catch let failure as BuildFailed {
            for diagnostic in failure.diagnostics { log(diagnostic.description) }
            log("Build failed: still serving the last good build")
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
            try await server.respond(to: request)
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
                return HTTPResponse(statusCode: .found, headers: [.location: base])
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
                return HTTPResponse(statusCode: .movedPermanently, headers: [.location: path + "/"])
            }
        }
        guard let data = FileManager.default.contents(atPath: file.path) else { return notFound() }
        return HTTPResponse(statusCode: .ok,
                            headers: [.contentType: ContentTypes.forPath(file.path), .cacheControl: "no-cache"],
                            body: withLiveReload(data, path: file.path, base: base))
    }

    private func notFound() -> HTTPResponse {
        let page = FileManager.default.contents(atPath: output.appendingPathComponent("404.html").path) ?? Data("Not found".utf8)
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
