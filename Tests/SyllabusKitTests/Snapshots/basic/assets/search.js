(function () {
  var form = document.querySelector("form.filters");
  if (!form) return;
  var main = form.parentNode;
  var results = main.querySelector(".results"), list = results.querySelector(".cards"), more = results.querySelector(".more");
  var listing = main.querySelector("[data-listing]"), output = form.querySelector(".filter-count");
  var root = form.getAttribute("data-root"), step = Number(form.getAttribute("data-page-size")) || 50;
  var names = ["q", "tag", "instructor", "month", "level", "language", "mode"].filter(function (name) { return form.elements[name]; });
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December"];
  var loading = null, index = null, cards = null, found = [], shown = 0, asked = 0, drawn = null;

  var params = new URLSearchParams(window.location.search);
  names.forEach(function (name) { if (params.get(name)) form.elements[name].value = params.get(name); });

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function day(number) { return new Date(Date.UTC(1970, 0, 1 + number)); }
  function iso(number) { return day(number).toISOString().slice(0, 10); }
  function month(date) { return MONTHS[date.getUTCMonth()]; }
  // As the pages write them (DateText.range): 25–27 May 2020, 30 May – 2 June 2020.
  function range(first, last) {
    var a = day(first), b = day(last), y = b.getUTCFullYear();
    if (first === last) return a.getUTCDate() + " " + month(a) + " " + y;
    if (a.getUTCFullYear() === y && a.getUTCMonth() === b.getUTCMonth()) return a.getUTCDate() + "–" + b.getUTCDate() + " " + month(b) + " " + y;
    if (a.getUTCFullYear() === y) return a.getUTCDate() + " " + month(a) + " – " + b.getUTCDate() + " " + month(b) + " " + y;
    return a.getUTCDate() + " " + month(a) + " " + a.getUTCFullYear() + " – " + b.getUTCDate() + " " + month(b) + " " + y;
  }
  function union(lists) {
    var out = [];
    lists.forEach(function (values) { (values || []).forEach(function (v) { if (out.indexOf(v) < 0) out.push(v); }); });
    return out;
  }
  function asList(value) { return value === undefined ? [] : Array.isArray(value) ? value : [value]; }
  function key(value) { return Array.isArray(value) ? value[0] : value; }
  function label(value) { return Array.isArray(value) ? value[1] : value; }

  // Every card the catalog lists, in its order: upcoming runs by date, then
  // the entries without an upcoming run, by title (the index's order).
  function build(data) {
    index = data;
    var F = data.f, H = data.h, today = Math.round(Date.parse(data.today) / 86400000);
    var upcoming = [], rest = [];
    data.e.forEach(function (entry, position) {
      var runs = entry.r || [], last = null, next = false;
      runs.forEach(function (run, order) {
        var end = run.d + (run.n || 1) - 1;
        if (end >= today) { next = true; upcoming.push({entry: entry, run: run, position: position, order: order}); }
        else if (!last || end >= last.d + (last.n || 1) - 1) last = run;
      });
      if (!next) rest.push({entry: entry, run: null, last: last});
    });
    upcoming.sort(function (a, b) {
      return a.run.d - b.run.d || H[a.run.h][1] - H[b.run.h][1] || a.position - b.position || a.order - b.order;
    });
    cards = upcoming.concat(rest);
    cards.forEach(function (card) {
      var e = card.entry, runs = e.r || [];
      card.facets = function (name) {
        if (card.run) return asList(name in card.run ? card.run[name] : e[name]);
        return union([asList(e[name])].concat(runs.map(function (r) { return asList(r[name]); })));
      };
      var words = [e.n, e.s || "", e.k === undefined ? "" : F.k[e.k]];
      asList(e.t).forEach(function (t) { words.push(label(F.t[t])); });
      union([asList(e.i)].concat(runs.map(function (r) { return asList(r.i); }))).forEach(function (i) { words.push(label(F.i[i])); });
      union([asList(e.l)].concat(runs.map(function (r) { return asList(r.l); }))).forEach(function (l) { if (l >= 0) words.push(F.l[l]); });
      card.words = fold(words.join(" "));
    });
  }

  function months(run) {
    var out = [];
    for (var d = run.d; d < run.d + (run.n || 1); d++) {
      var m = iso(d).slice(0, 7);
      if (out.indexOf(m) < 0) out.push(m);
    }
    return out;
  }

  function matches(card, words, facets, wanted) {
    for (var i = 0; i < words.length; i++) if (card.words.indexOf(words[i]) < 0) return false;
    for (var j = 0; j < facets.length; j++) {
      var table = index.f[facets[j].name], id = -1;
      for (var k = 0; k < table.length; k++) if (key(table[k]) === facets[j].value) id = k;
      if (card.facets(facets[j].name).indexOf(id) < 0) return false;
    }
    return !wanted || (card.run !== null && months(card.run).indexOf(wanted) >= 0);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function link(href, text) {
    var a = element("a", "", text);
    a.setAttribute("href", href);
    return a;
  }

  function render(card) {
    var F = index.f, e = card.entry, run = card.run, runs = e.r || [];
    var li = element("li", "card"), article = element("article"), h = element("h3", "card-title");
    h.appendChild(link(root + "courses/" + e.u + "/", e.n));
    article.appendChild(h);
    var meta = element("p", "meta");
    if (e.k !== undefined) { meta.appendChild(element("span", "kind", F.k[e.k])); meta.appendChild(document.createTextNode(" ")); }
    var place = e.l;
    if (run) {
      var last = run.d + (run.n || 1) - 1;
      li.setAttribute("data-start", iso(run.d));
      li.setAttribute("data-end", iso(last));
      var time = element("time", "", range(run.d, last));
      time.setAttribute("datetime", iso(run.d));
      meta.appendChild(time);
      meta.appendChild(document.createTextNode(" "));
      meta.appendChild(element("span", "hours", index.h[run.h][0]));
      if ("l" in run) place = run.l;
    } else {
      var given = card.last ? day(card.last.d + (card.last.n || 1) - 1) : null;
      meta.appendChild(element("span", "undated", given ? "Last given " + month(given) + " " + given.getUTCFullYear() : "No dates yet"));
    }
    if (place !== undefined && place >= 0) { meta.appendChild(document.createTextNode(" ")); meta.appendChild(element("span", "location", F.l[place])); }
    article.appendChild(meta);
    if (e.s) article.appendChild(element("p", "summary", e.s));
    var people = run ? asList("i" in run ? run.i : e.i) : union([asList(e.i)].concat(runs.map(function (r) { return asList(r.i); })));
    if (people.length) {
      var p = element("p", "people", "With ");
      people.forEach(function (i, n) {
        if (n) p.appendChild(document.createTextNode(", "));
        p.appendChild(link(root + "instructors/" + key(F.i[i]) + "/", label(F.i[i])));
      });
      article.appendChild(p);
    }
    if (e.t && e.t.length) {
      var ul = element("ul", "tags");
      ul.setAttribute("aria-label", "Topics");
      e.t.forEach(function (t) {
        var item = element("li");
        item.appendChild(link(root + "tags/" + key(F.t[t]) + "/", label(F.t[t])));
        ul.appendChild(item);
      });
      article.appendChild(ul);
    }
    li.appendChild(article);
    return li;
  }

  // Says what is on screen: how many match, and which of them are listed
  // while "Show more" holds back the rest. Read out by the output's aria-live.
  function count() {
    var text = found.length + " of " + cards.length + " match";
    if (shown < found.length) text += "; showing 1–" + shown;
    output.textContent = text;
    var next = Math.min(step, found.length - shown);
    more.textContent = "Show " + next + " more";
    more.hidden = shown >= found.length;
  }

  // Lists the next `step` results. From the button, focus moves to the first
  // new result: the button may have just been hidden, and the keyboard
  // should carry on where the new results begin.
  function showMore(event) {
    var fragment = document.createDocumentFragment(), first = null;
    found.slice(shown, shown + step).forEach(function (card) {
      var item = render(card);
      if (!first) first = item;
      fragment.appendChild(item);
    });
    shown = Math.min(found.length, shown + step);
    list.appendChild(fragment);
    if (window.syllabusMarkEnded) window.syllabusMarkEnded(list);
    count();
    if (event && first) first.querySelector(".card-title a").focus();
  }

  function criteria() {
    var words = form.elements.q ? fold(form.elements.q.value).split(/\s+/).filter(Boolean) : [];
    var facets = [];
    Array.prototype.forEach.call(form.querySelectorAll("select[data-facet]"), function (select) {
      if (select.value) facets.push({name: select.getAttribute("data-facet"), value: select.value});
    });
    return {words: words, facets: facets, month: form.elements.month.value};
  }

  function remember() {
    var query = new URLSearchParams();
    names.forEach(function (name) { if (form.elements[name].value) query.set(name, form.elements[name].value); });
    var search = query.toString();
    history.replaceState(null, "", search ? "?" + search : window.location.pathname);
  }

  function apply() {
    remember();
    // Only the latest request draws: an earlier one may land after the
    // visitor has cleared the form, and must not bring back its results.
    var request = ++asked;
    var wanted = criteria();
    var key = JSON.stringify(wanted);
    if (!wanted.words.length && !wanted.facets.length && !wanted.month) {
      drawn = null;
      results.hidden = true;
      if (listing) listing.hidden = false;
      output.textContent = "";
      return;
    }
    // The search already listed (a select fires "input", then "change"):
    // keep the list as it is, with whatever "Show more" has added to it.
    if (key === drawn && !results.hidden) { count(); return; }
    output.textContent = "Searching…";
    if (!loading) {
      loading = fetch(form.getAttribute("data-index"))
        .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
        .then(build);
    }
    loading.then(function () {
      if (request !== asked) return;
      drawn = key;
      found = cards.filter(function (card) { return matches(card, wanted.words, wanted.facets, wanted.month); });
      list.textContent = "";
      shown = 0;
      showMore();
      results.hidden = false;
      if (listing) listing.hidden = true;
    }, function () {
      loading = null;
      if (request === asked) output.textContent = "The search index could not be loaded.";
    });
  }

  var timer = null;
  form.addEventListener("change", apply);
  form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(apply, 150); });
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  more.addEventListener("click", showMore);
  Array.prototype.forEach.call(main.querySelectorAll(".no-script"), function (note) { note.hidden = true; });
  form.hidden = false;
  apply();
})();