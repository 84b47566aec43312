(function () {
  var form = document.querySelector("form.filters");
  if (!form) return;
  var cards = Array.prototype.slice.call(document.querySelectorAll(".cards > .card"));
  var output = form.querySelector(".filter-count");
  var params = new URLSearchParams(window.location.search);
  ["tag", "instructor", "month"].forEach(function (name) {
    if (params.get(name)) form.elements[name].value = params.get(name);
  });
  function has(card, attribute, value) {
    return !value || (" " + (card.getAttribute(attribute) || "") + " ").indexOf(" " + value + " ") !== -1;
  }
  function apply() {
    var tag = form.elements.tag.value, instructor = form.elements.instructor.value, month = form.elements.month.value;
    var shown = 0;
    cards.forEach(function (card) {
      var visible = has(card, "data-tags", tag) && has(card, "data-instructors", instructor) && has(card, "data-months", month);
      card.hidden = !visible;
      if (visible) shown += 1;
    });
    document.querySelectorAll("main section").forEach(function (section) {
      var any = section.querySelector(".card:not([hidden])");
      section.hidden = !any;
    });
    output.textContent = (tag || instructor || month) ? shown + " of " + cards.length + " shown" : "";
    var query = new URLSearchParams();
    if (tag) query.set("tag", tag);
    if (instructor) query.set("instructor", instructor);
    if (month) query.set("month", month);
    var search = query.toString();
    history.replaceState(null, "", search ? "?" + search : window.location.pathname);
  }
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  form.hidden = false;
  apply();
})();