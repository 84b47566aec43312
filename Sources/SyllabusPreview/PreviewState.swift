import Foundation

/// What the preview has built, shared by the rebuild loop and the HTTP
/// handler: the base path it serves under, a build generation that goes up
/// after every successful rebuild (and when a save's own pages are shown
/// before it), and the diagnostics of a failed one, which open pages learn
/// through long polls.
actor PreviewState {
    private(set) var basePath = "/"
    private(set) var generation = 0
    private(set) var diagnostics: [String] = []
    /// The URLs of the only pages the latest generation changed (a save's
    /// pages shown before the rebuild, or what a rebuild rewrote); `nil` when
    /// it may be any.
    private var onlyPages: [String]?
    private var hasGoodBuild = false
    private var waiters: [Int: CheckedContinuation<Data, Never>] = [:]
    /// The URL path of the page each waiting long poll comes from, where it says.
    private var waiterPages: [Int: String] = [:]
    private var nextWaiter = 0
    private var stopped = false

    /// Records a good build; `pages`: the URLs of the only pages it changed
    /// (`nil`: any page may have changed), so that other open pages stay as they are.
    func succeeded(basePath: String, pages: [String]? = nil) {
        self.basePath = basePath
        hasGoodBuild = true
        generation += 1
        // A page showing errors reloads anyway: it may be the last good build's only because of them.
        onlyPages = diagnostics.isEmpty ? pages : nil
        diagnostics = []
        wake()
    }

    /// Records that the pages at `urls` were rewritten ahead of a rebuild:
    /// open pages at those URLs reload, the others wait for the rebuild.
    func showed(pages urls: [String]) {
        generation += 1
        onlyPages = urls
        wake()
    }

    /// Records a failed build; returns whether an earlier good build is still
    /// served. `reload`: pages shown ahead of it were put back as they were,
    /// so open pages reload.
    func failed(_ messages: [String], basePath knownBasePath: String?, reload: Bool = false) -> Bool {
        // Nothing built yet: answer under the site's base path anyway, so the
        // page there shows the errors and reloads once they are fixed.
        if !hasGoodBuild, let knownBasePath { basePath = knownBasePath }
        if reload {
            generation += 1
            onlyPages = nil
        }
        diagnostics = messages
        wake()
        return hasGoodBuild
    }

    /// Answers every waiting long poll now and every later one at once, so
    /// that stopping the server does not wait for open pages' polls to time out.
    func stop() {
        stopped = true
        wake()
    }

    /// Answers every waiting long poll with the state as it is now: a poll
    /// woken by a save's pages learns which pages those were, even when the
    /// rebuild finishes before the answer is sent.
    private func wake() {
        let pending = waiters
        waiters = [:]
        waiterPages = [:]
        let answer = json
        for waiter in pending.values { waiter.resume(returning: answer) }
    }

    /// The URL paths of the pages open now: those whose long poll is waiting.
    var openPages: Set<String> { Set(waiterPages.values) }

    /// The state's answer once something changes after `generation`/`errorCount`,
    /// or when `timeout` passes. `page`: the URL path of the page polling.
    func waitForChange(since generation: Int, errors: Int, page: String? = nil, timeout: Duration) async -> Data {
        if stopped || self.generation != generation || diagnostics.count != errors { return json }
        nextWaiter += 1
        let id = nextWaiter
        return await withCheckedContinuation { continuation in
            waiters[id] = continuation
            if let page { waiterPages[id] = page }
            Task {
                try? await Task.sleep(for: timeout)
                self.timeOut(id)
            }
        }
    }

    /// Answers one long poll whose time is up, not the others (which started later).
    private func timeOut(_ id: Int) {
        waiterPages.removeValue(forKey: id)
        waiters.removeValue(forKey: id)?.resume(returning: json)
    }

    /// What the page's script polls: `{"errors":[…],"generation":N}`, with
    /// `"pages":[…]` when generation N changed only the pages at those URLs
    /// (an empty list: none).
    private struct Answer: Encodable {
        let errors: [String]
        let generation: Int
        let pages: [String]?
    }

    var json: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // An Int and arrays of Strings always encode.
        return (try? encoder.encode(Answer(errors: diagnostics, generation: generation, pages: onlyPages))) ?? Data("{}".utf8)
    }
}
