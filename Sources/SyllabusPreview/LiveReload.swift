import Foundation

/// What open pages learn from the server: a build generation that goes up
/// after every successful rebuild, and the diagnostics of a failed one.
actor BuildState {
    private(set) var generation = 0
    private(set) var diagnostics: [String] = []
    private var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    private var nextWaiter = 0
    private var stopped = false

    func succeeded() {
        generation += 1
        diagnostics = []
        wake()
    }

    func failed(_ messages: [String]) {
        diagnostics = messages
        wake()
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

    var json: Data {
        let object: [String: Any] = ["generation": generation, "errors": diagnostics]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
    }
}

/// The script `syllabus serve` adds to every page (and only there): it
/// long-polls the server, reloads after a rebuild, and shows build errors
/// in an overlay until they are fixed.
enum LiveReloadScript {
    static let endpoint = "__syllabus/changes"
    /// Built into pages by `syllabus serve` only; replaced by the script when served.
    static let placeholder = "<!-- syllabus:live-reload -->"

    static func tag(basePath: String) -> String {
        """
        <script data-syllabus-serve>
        (function () {
          var url = \(jsonString(basePath + endpoint));
          var generation = null, errors = 0, overlay = null;
          function show(list) {
            if (!overlay) {
              overlay = document.createElement("div");
              overlay.setAttribute("role", "alert");
              overlay.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;background:#1b1f24;color:#fff;font:14px/1.5 ui-monospace,monospace;padding:1rem 1.25rem;z-index:2147483647;border-top:4px solid #e5484d;white-space:pre-wrap";
              document.body.appendChild(overlay);
            }
            overlay.textContent = "Build failed; showing the last good build.\\n\\n" + list.join("\\n");
          }
          function hide() { if (overlay) { overlay.remove(); overlay = null; } }
          function poll() {
            var query = generation === null ? "" : "?since=" + generation + "&errors=" + errors;
            fetch(url + query, { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (state) {
              if (generation !== null && state.generation !== generation) { location.reload(); return; }
              generation = state.generation; errors = state.errors.length;
              if (errors) { show(state.errors); } else { hide(); }
              poll();
            }).catch(function () { setTimeout(poll, 1000); });
          }
          poll();
        })();
        </script>
        """
    }

    private static func jsonString(_ text: String) -> String {
        let data = try? JSONSerialization.data(withJSONObject: [text], options: [])
        let array = data.flatMap { String(data: $0, encoding: .utf8) } ?? "[\"\"]"
        return String(array.dropFirst().dropLast())
    }
}
