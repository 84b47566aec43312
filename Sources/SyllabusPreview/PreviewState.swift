import Foundation

/// What the preview has built, shared by the rebuild loop and the HTTP
/// handler: the base path it serves under, a build generation that goes up
/// after every successful rebuild, and the diagnostics of a failed one,
/// which open pages learn through long polls.
actor PreviewState {
    private(set) var basePath = "/"
    private(set) var generation = 0
    private(set) var diagnostics: [String] = []
    private var hasGoodBuild = false
    private var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    private var nextWaiter = 0
    private var stopped = false

    func succeeded(basePath: String) {
        self.basePath = basePath
        hasGoodBuild = true
        generation += 1
        diagnostics = []
        wake()
    }

    /// Records a failed build; returns whether an earlier good build is still served.
    func failed(_ messages: [String], basePath knownBasePath: String?) -> Bool {
        // Nothing built yet: answer under the site's base path anyway, so the
        // page there shows the errors and reloads once they are fixed.
        if !hasGoodBuild, let knownBasePath { basePath = knownBasePath }
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

    private func wake() {
        let pending = waiters
        waiters = [:]
        for waiter in pending.values { waiter.resume() }
    }

    /// Waits until something changes after `generation`/`errorCount`, or `timeout` passes.
    func waitForChange(since generation: Int, errors: Int, timeout: Duration) async {
        if stopped || self.generation != generation || diagnostics.count != errors { return }
        nextWaiter += 1
        let id = nextWaiter
        await withCheckedContinuation { continuation in
            waiters[id] = continuation
            Task {
                try? await Task.sleep(for: timeout)
                self.timeOut(id)
            }
        }
    }

    /// Answers one long poll whose time is up, not the others (which started later).
    private func timeOut(_ id: Int) { waiters.removeValue(forKey: id)?.resume() }

    /// What the page's script polls: `{"errors":[…],"generation":N}`.
    private struct Answer: Encodable {
        let errors: [String]
        let generation: Int
    }

    var json: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // An Int and an array of Strings always encode.
        return (try? encoder.encode(Answer(errors: diagnostics, generation: generation))) ?? Data("{}".utf8)
    }
}
