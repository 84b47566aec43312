"""Finding a course: the catalog filter (assets/search.js, over search/index.json) in headless Chromium,
and the same routes without JavaScript (tag, instructor and day pages).

Expected cards come from the front matter: one card per run (a run's
instructors are its own or the course's), one per undated entry.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

import harness
import sitecontent as sc

SHIPPED = sc.load_courses()


def expected_cards(courses, *, tag=None, instructor=None, month=None) -> Counter:
    """(course path, start date or None) of every card the filter should leave visible."""
    out = Counter()
    for c in courses:
        if tag and tag not in {sc.fold_slug(t) for t in c.tags}:
            continue
        if c.runs:
            for run in c.runs:
                if instructor and instructor not in {sc.fold_slug(n) for n in run.instructors}:
                    continue
                if month and month not in run.months:
                    continue
                out[(c.path, run.start.isoformat())] += 1
        else:
            if month:
                continue
            if instructor and instructor not in {sc.fold_slug(n) for n in c.instructors}:
                continue
            out[(c.path, None)] += 1
    return out


@pytest.fixture(scope="module")
def browser():
    driver = harness.chrome(1280, 900)
    yield driver
    driver.quit()


VISIBLE_CARDS = """
return Array.from(document.querySelectorAll('.cards > .card')).filter(c => {
  const r = c.getBoundingClientRect();
  return c.offsetParent !== null && r.width > 0 && r.height > 0 && getComputedStyle(c).visibility !== 'hidden';
}).map(c => {
  const a = c.querySelector('.card-title a'), t = c.querySelector('time[datetime]');
  return [new URL(a.getAttribute('href'), location.href).pathname, t ? t.getAttribute('datetime') : null];
});
"""


def visible(driver) -> Counter:
    return Counter(tuple(x) for x in driver.execute_script(VISIBLE_CARDS))


def options(driver, name) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelector('form.filters select[name=' + arguments[0] + ']').options)"
        ".map(o => o.value).filter(v => v)", name)


def choose(driver, name, value):
    """Picks a filter and waits for its results: the filter searches search/index.json,
    which the page fetches the first time it is needed."""
    from selenium.webdriver.support.ui import Select, WebDriverWait

    Select(driver.find_element("css selector", f"form.filters select[name={name}]")).select_by_value(value)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("""
      const form = document.querySelector('form.filters'), out = form.querySelector('output').textContent;
      const active = Array.from(form.querySelectorAll('select')).some(s => s.value);
      return active ? / of \\d+ match/.test(out) : out === '';"""))


def load_catalog(driver, base):
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    driver.get(base)
    assert driver.execute_script("return document.readyState") == "complete"


def describe(got: Counter, want: Counter) -> str:
    return (f"\n  visible:  {sorted(got.elements())}\n  expected: {sorted(want.elements())}"
            f"\n  missing:  {sorted((want - got).elements())}\n  extra:    {sorted((got - want).elements())}")


# --------------------------------------------------------------------------- with JavaScript


def test_filter_form_offers_every_tag_instructor_and_month(server, browser):
    load_catalog(browser, server.base)
    form = browser.find_element("css selector", "form.filters")
    assert form.is_displayed(), "with JavaScript on, the filter form should be shown"
    tags = {sc.fold_slug(t) for c in SHIPPED for t in c.tags}
    people = {sc.fold_slug(n) for c in SHIPPED for n in c.all_instructors}
    months = {m for c in SHIPPED for r in c.runs for m in r.months}
    assert set(options(browser, "tag")) == tags
    assert set(options(browser, "instructor")) == people
    assert set(options(browser, "month")) == months
    assert visible(browser) == expected_cards(SHIPPED), "unfiltered catalog should show every card"


@pytest.mark.parametrize("tag", sorted({sc.fold_slug(t) for c in SHIPPED for t in c.tags}))
def test_tag_filter_shows_exactly_the_tagged_cards(server, browser, tag):
    load_catalog(browser, server.base)
    choose(browser, "tag", tag)
    want = expected_cards(SHIPPED, tag=tag)
    got = visible(browser)
    assert got == want, f"tag={tag}:" + describe(got, want)
    count = browser.find_element("css selector", "form.filters output").text
    total = sum(expected_cards(SHIPPED).values())
    assert count == f"{sum(want.values())} of {total} match", f"count reads {count!r}"
    assert f"tag={tag}" in browser.current_url, "the filter should be kept in the address for sharing"


@pytest.mark.parametrize("person", sorted({sc.fold_slug(n) for c in SHIPPED for n in c.all_instructors}))
def test_instructor_filter_shows_their_cards(server, browser, person):
    load_catalog(browser, server.base)
    choose(browser, "instructor", person)
    want = expected_cards(SHIPPED, instructor=person)
    got = visible(browser)
    assert want, f"{person} teaches nothing?"
    assert got == want, f"instructor={person}:" + describe(got, want)


def test_month_filter_hides_undated_entries(server, browser):
    load_catalog(browser, server.base)
    month = sorted({m for c in SHIPPED for r in c.runs for m in r.months})[0]
    choose(browser, "month", month)
    want = expected_cards(SHIPPED, month=month)
    got = visible(browser)
    assert got == want, f"month={month}:" + describe(got, want)
    undated = browser.find_elements("css selector", "section[aria-labelledby=no-upcoming]")
    assert undated, "the shipped catalog lists entries without dates"
    assert not undated[0].is_displayed(), "the page's own sections give way to the results"


VARIED_MONTHS = ["2021-01", "2021-02", "2021-03", "2021-04", "2021-11"]


@pytest.mark.parametrize("month", VARIED_MONTHS)
def test_month_filter_on_a_catalog_over_several_months(varied_root, varied_server, browser, month):
    courses = sc.load_courses(varied_root)
    load_catalog(browser, varied_server.base)
    assert options(browser, "month") == VARIED_MONTHS, "months should be listed in order, each once"
    choose(browser, "month", month)
    want = expected_cards(courses, month=month)
    got = visible(browser)
    assert got == want, f"month={month}:" + describe(got, want)


@pytest.mark.parametrize("query", [
    {"tag": "otp", "instructor": "grace-hopper"},
    {"tag": "elixir", "month": "2021-02"},
    {"instructor": "ada-lovelace", "month": "2021-11"},
    {"instructor": "zoe-muszynski"},
    {"tag": "otp", "instructor": "ada-lovelace", "month": "2021-04"},
])
def test_combined_filters_and_shared_links(varied_root, varied_server, browser, query):
    courses = sc.load_courses(varied_root)
    want = expected_cards(courses, **query)
    load_catalog(browser, varied_server.base)
    for name, value in query.items():
        choose(browser, name, value)
    got = visible(browser)
    assert got == want, f"{query}:" + describe(got, want)
    # The address now carries the filter; opening it again restores the same view.
    url = browser.current_url
    for name, value in query.items():
        assert re.search(rf"[?&]{name}={re.escape(value)}(&|$)", url), f"{name}={value} not in {url}"
    browser.get(url)
    for name, value in query.items():
        selected = browser.execute_script(
            "return document.querySelector('form.filters select[name=' + arguments[0] + ']').value", name)
        assert selected == value, f"reloading {url}: {name} is {selected!r}"
    assert visible(browser) == want, f"reloading {url} shows other cards"


def test_clearing_filters_shows_everything_again(varied_root, varied_server, browser):
    courses = sc.load_courses(varied_root)
    load_catalog(browser, varied_server.base)
    choose(browser, "tag", "elixir")
    choose(browser, "tag", "")
    assert visible(browser) == expected_cards(courses)
    assert "?" not in browser.current_url, f"cleared filter left a query: {browser.current_url}"
    assert browser.find_element("css selector", "form.filters output").text == ""


def test_draft_names_do_not_leak_into_the_filter(varied_server, browser):
    load_catalog(browser, varied_server.base)
    assert "secret" not in options(browser, "tag")
    assert "hidden-person" not in options(browser, "instructor")
    assert "2021-05" not in options(browser, "month")


# --------------------------------------------------------------------------- without JavaScript


@pytest.fixture
def no_js(browser):
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    yield browser
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_without_javascript_the_form_stays_hidden(server, no_js):
    no_js.get(server.base)
    assert no_js.execute_script("return document.querySelector('form.filters').hidden") is True
    form = no_js.find_element("css selector", "form.filters")
    display = no_js.execute_script("return getComputedStyle(arguments[0]).display", form)
    assert not form.is_displayed(), (
        f"with JavaScript off the filter form is visible (computed display: {display}); "
        "its selects do nothing then. An author rule `display: ...` on .filters overrides the [hidden] attribute")


def test_without_javascript_every_card_shows_and_links_onwards(site, server, no_js):
    no_js.get(server.base)
    assert visible(no_js) == expected_cards(SHIPPED)
    hrefs = set(no_js.execute_script(
        "return Array.from(document.querySelectorAll('a[href]')).map(a => new URL(a.getAttribute('href'), location.href).pathname)"))
    for c in SHIPPED:
        for t in c.tags:
            assert f"{harness.BASE_PATH}tags/{sc.fold_slug(t)}/" in hrefs, f"no link to tag {t}"
        for n in c.all_instructors:
            assert f"{harness.BASE_PATH}instructors/{sc.fold_slug(n)}/" in hrefs, f"no link to instructor {n}"
    for nav in ("days/", "instructors/", "tags/"):
        assert harness.BASE_PATH + nav in hrefs, f"no link to /{nav}"


def slugs_linked(site, path) -> set[str]:
    file = harness.file_for_path(site, path)
    assert file is not None, f"no page at {path}"
    return harness.course_slugs_linked(site, file)


@pytest.mark.parametrize("which", ["shipped", "varied"])
def test_tag_pages_list_what_the_tag_filter_shows(request, which):
    site = request.getfixturevalue("site" if which == "shipped" else "varied_site")
    courses = SHIPPED if which == "shipped" else sc.load_courses(request.getfixturevalue("varied_root"))
    tags = {sc.fold_slug(t): t for c in courses for t in c.tags}
    index = harness.local_paths(site, harness.file_for_path(site, harness.BASE_PATH + "tags/"))
    problems = []
    for slug, name in sorted(tags.items()):
        path = f"{harness.BASE_PATH}tags/{slug}/"
        if path not in index:
            problems.append(f"/tags/ does not link {path}")
        if harness.file_for_path(site, path) is None:
            problems.append(f"no page {path}")
            continue
        want = {p.split("/")[-2] for p, _ in expected_cards(courses, tag=slug)}
        got = slugs_linked(site, path)
        if got != want:
            problems.append(f"{path} links {sorted(got)}, expected {sorted(want)}")
        head = sc.parse_head(harness.file_for_path(site, path).read_text(encoding="utf-8"))
        if head.h1 != name:
            problems.append(f"{path}: h1 {head.h1!r}, expected the tag name {name!r}")
    extra = {p for p in index if re.fullmatch(re.escape(harness.BASE_PATH) + r"tags/[^/]+/", p)} - \
        {f"{harness.BASE_PATH}tags/{s}/" for s in tags}
    if extra:
        problems.append(f"/tags/ links tags no entry carries: {sorted(extra)}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("which", ["shipped", "varied"])
def test_instructor_pages_list_what_the_instructor_filter_shows(request, which):
    site = request.getfixturevalue("site" if which == "shipped" else "varied_site")
    courses = SHIPPED if which == "shipped" else sc.load_courses(request.getfixturevalue("varied_root"))
    people = {sc.fold_slug(n) for c in courses for n in c.all_instructors}
    problems = []
    for person in sorted(people):
        want = {p.split("/")[-2] for p, _ in expected_cards(courses, instructor=person)}
        got = slugs_linked(site, f"{harness.BASE_PATH}instructors/{person}/")
        if not want <= got:
            problems.append(f"/instructors/{person}/ links {sorted(got)}, missing {sorted(want - got)}")
    assert not problems, "\n".join(problems)


def test_days_index_covers_every_month_the_filter_offers(varied_root, varied_site):
    """The month filter's no-JS route: /days/ shows each month and links each of its days."""
    courses = sc.load_courses(varied_root)
    days = {d for c in courses for r in c.runs for d in r.days}
    file = harness.file_for_path(varied_site, harness.BASE_PATH + "days/")
    html = file.read_text(encoding="utf-8")
    links = harness.local_paths(varied_site, file)
    missing = sorted(d.isoformat() for d in days if f"{harness.BASE_PATH}days/{d.isoformat()}/" not in links)
    assert not missing, f"/days/ does not link day pages {missing}"
    for month in sorted({d.strftime("%B %Y") for d in days}):
        assert month in html, f"/days/ has no heading for {month}"
