(function () {
  var form = document.querySelector("form.filters");
  if (!form) return;
  var cards = Array.prototype.slice.call(document.querySelectorAll(".cards > .card"));
  var output = form.querySelector(".filter-count");
  // Each filter: its select, the card attribute it reads, and what a card
  // without the attribute counts as (the site's language, on site).
  var filters = [
    ["tag", "data-tags", ""], ["instructor", "data-instructors", ""], ["month", "data-months", ""],
    ["level", "data-levels", ""], ["language", "data-language", form.getAttribute("data-site-language") || ""],
    ["mode", "data-mode", "onsite"]
  ].filter(function (f) { return form.elements[f[0]]; });
  var params = new URLSearchParams(window.location.search);
  filters.forEach(function (f) {
    if (params.get(f[0])) form.elements[f[0]].value = params.get(f[0]);
  });
  function has(card, filter, value) {
    var words = card.hasAttribute(filter[1]) ? card.getAttribute(filter[1]) : filter[2];
    return !value || (" " + words + " ").indexOf(" " + value + " ") !== -1;
  }
  function apply() {
    var shown = 0, active = false, query = new URLSearchParams();
    filters.forEach(function (f) {
      var value = form.elements[f[0]].value;
      if (value) { active = true; query.set(f[0], value); }
    });
    cards.forEach(function (card) {
      var visible = filters.every(function (f) { return has(card, f, form.elements[f[0]].value); });
      card.hidden = !visible;
      if (visible) shown += 1;
    });
    document.querySelectorAll("main section").forEach(function (section) {
      var any = section.querySelector(".card:not([hidden])");
      section.hidden = !any;
    });
    output.textContent = active ? shown + " of " + cards.length + " shown" : "";
    var search = query.toString();
    history.replaceState(null, "", search ? "?" + search : window.location.pathname);
  }
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  form.hidden = false;
  apply();
})();