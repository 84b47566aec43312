(function () {
  var script = document.currentScript;
  if (!script) return;
  var built = script.getAttribute("data-today"), zone = script.getAttribute("data-zone");
  function today() {
    try {
      var parts = new Intl.DateTimeFormat("en-CA", {timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit"})
        .formatToParts(new Date());
      var value = function (type) { return parts.filter(function (p) { return p.type === type; })[0].value; };
      return value("year") + "-" + value("month") + "-" + value("day");
    } catch (e) {
      return new Date().toISOString().slice(0, 10);
    }
  }
  var now = today();
  // Runs that ended before the build were built as past; only the ones
  // that ended since are marked here.
  function mark(root) {
    if (now <= built) return;
    Array.prototype.forEach.call(root.querySelectorAll("[data-end]"), function (run) {
      var end = run.getAttribute("data-end");
      if (end < built || end >= now || run.classList.contains("ended")) return;
      run.classList.add("ended");
      var note = document.createElement("span");
      note.className = "ended-note";
      note.textContent = "Ended";
      var meta = run.querySelector(".meta") || run;
      meta.insertBefore(note, meta.firstChild);
      meta.insertBefore(document.createTextNode(" "), note.nextSibling);
    });
  }
  window.syllabusMarkEnded = mark;
  mark(document);
})();