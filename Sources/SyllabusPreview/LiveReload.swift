import Foundation

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
          // Whether this page is among the listed URLs, or loads one of them: a
          // stylesheet, a script, or the search index its filters read.
          function shows(list) {
            if (list.indexOf(location.pathname) >= 0) return true;
            var used = document.querySelectorAll("link[href], script[src], [data-index]");
            for (var i = 0; i < used.length; i++) {
              var ref = used[i].getAttribute("data-index") || used[i].getAttribute("src") || used[i].getAttribute("href");
              try { if (list.indexOf(new URL(ref, location.href).pathname) >= 0) return true; } catch (e) {}
            }
            return false;
          }
          function poll() {
            // The page's own path: the server renders the open pages a save changes first.
            var query = generation === null ? "" : "?since=" + generation + "&errors=" + errors
              + "&page=" + encodeURIComponent(location.pathname);
            fetch(url + query, { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (state) {
              if (generation !== null && state.generation !== generation) {
                // A generation that lists the pages it changed (a save's own page shown
                // before the rebuild, or what the rebuild rewrote) leaves the others alone.
                var others = state.pages && state.generation === generation + 1 && !shows(state.pages);
                if (!others) { location.reload(); return; }
              }
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
