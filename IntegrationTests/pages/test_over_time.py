"""A catalog as it ages and grows (sitecontent.OVER_TIME_*): built on 2021-03-01
with page_size 2, so runs sit on both sides of the build date and every
listing spans pages.

In headless Chromium: the script that marks runs ended since the build, the
search page, and the catalog filters over the whole catalog from any page,
driven with the keyboard. And the same checks every page of the shipped
catalog passes: Nu checker, axe, crawler under /training/, an exact sitemap.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

import pytest

import harness
import sitecontent as sc
from test_accessibility import FAILING_IMPACTS, describe as describe_violation, run_axe
from test_html_valid import vnu_jar

TODAY = sc.OVER_TIME_BUILD


@pytest.fixture(scope="module")
def ot_root(tmp_path_factory):
    return sc.write_over_time_site(tmp_path_factory.mktemp("over-time-root"))


@pytest.fixture(scope="module")
def ot_courses(ot_root):
    return sc.load_courses(ot_root)


@pytest.fixture(scope="module")
def ot_site(ot_root, tmp_path_factory):
    try:
        return sc.build_root(ot_root, tmp_path_factory.mktemp("over-time-site"), epoch=sc.OVER_TIME_EPOCH)
    except harness.BuildError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="module")
def ot_server(ot_site):
    with harness.SiteServer(ot_site.parent) as srv:
        yield srv


@pytest.fixture(scope="module")
def browser():
    driver = harness.chrome(1280, 900)
    yield driver
    driver.quit()


CARDS = """
return Array.from(document.querySelectorAll('.cards > .card')).filter(c => {
  const r = c.getBoundingClientRect();
  return c.offsetParent !== null && r.width > 0 && r.height > 0;
}).map(c => {
  const a = c.querySelector('.card-title a'), t = c.querySelector('time[datetime]');
  return [new URL(a.getAttribute('href'), location.href).pathname, t ? t.getAttribute('datetime') : null,
          c.classList.contains('ended'), c.textContent.includes('Ended')];
});
"""


def cards(driver):
    return [tuple(x) for x in driver.execute_script(CARDS)]


def open_page(driver, url, *, clock: str | None = None):
    """Loads url; with `clock` (an ISO instant) the page's Date starts there."""
    if clock:
        script = """(() => {
          const fixed = Date.parse(%s), Real = Date;
          class Clock extends Real {
            constructor(...args) { if (args.length === 0) super(fixed); else super(...args); }
            static now() { return fixed; }
          }
          window.Date = Clock;
        })();""" % json.dumps(clock)
        ident = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": script})["identifier"]
    try:
        driver.get(url)
        assert driver.execute_script("return document.readyState") == "complete"
    finally:
        if clock:
            driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": ident})


def home_pages(site) -> list[str]:
    pages = [harness.BASE_PATH]
    n = 2
    while harness.file_for_path(site, f"{harness.BASE_PATH}page/{n}/"):
        pages.append(f"{harness.BASE_PATH}page/{n}/")
        n += 1
    return pages


# --------------------------------------------------------------------------- time passes after the build


def test_the_home_pages_list_upcoming_runs_then_the_rest(ot_site, ot_courses, ot_server, browser):
    seen = []
    for path in home_pages(ot_site):
        open_page(browser, ot_server.origin + path)
        seen += [(p, t) for p, t, _, _ in cards(browser)]
    assert seen == sc.catalog_cards(ot_courses, TODAY)
    assert len(home_pages(ot_site)) == 4, "8 cards at page_size 2"


def test_a_run_that_ends_after_the_build_is_marked_past_and_stays_in_place(ot_site, ot_server, browser):
    # Erlang Basics runs 3-5 March 2021; the site was built on 1 March.
    open_page(browser, ot_server.base, clock="2021-03-01T12:00:00+01:00")
    before = cards(browser)
    assert not any(ended for _, _, ended, _ in before), f"nothing has ended on the build date: {before}"

    open_page(browser, ot_server.base, clock="2021-03-10T12:00:00+01:00")
    after = cards(browser)
    assert [c[:2] for c in after] == [c[:2] for c in before], "marking runs past must move nothing"
    marked = {p for p, _, ended, label in after if ended and label}
    assert marked == {f"{harness.BASE_PATH}courses/erlang-basics/"}, f"marked: {marked}"

    # On its course page the run is marked too, and loses its calendar links.
    open_page(browser, ot_server.base + "courses/erlang-basics/", clock="2021-03-10T12:00:00+01:00")
    run = browser.find_element("css selector", "li.run[data-end='2021-03-05']")
    assert "ended" in run.get_attribute("class")
    assert "Ended" in run.get_attribute("textContent")
    assert not browser.find_elements("css selector", "li.run.ended .add-to-calendar a") or \
        not any(a.is_displayed() for a in browser.find_elements("css selector", "li.run.ended .add-to-calendar a"))


def test_the_run_is_not_marked_on_its_last_day(ot_server, browser):
    open_page(browser, ot_server.base, clock="2021-03-05T20:00:00+01:00")
    assert not any(ended for _, _, ended, _ in cards(browser))


# --------------------------------------------------------------------------- search and filters


def type_into(driver, selector, text):
    from selenium.webdriver.common.keys import Keys

    field = driver.find_element("css selector", selector)
    field.click()
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(Keys.DELETE)
    field.send_keys(text)
    field.send_keys(Keys.ENTER)


def wait_for_results(driver):
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 10).until(lambda d: d.execute_script(
        "const o = document.querySelector('form.filters output');"
        "return o && / of \\d+ match/.test(o.textContent)"))


def index_requests(driver) -> int:
    return driver.execute_script(
        "return performance.getEntriesByType('resource').filter(e => e.name.endsWith('/search/index.json')).length")


def test_search_finds_a_course_by_a_word_of_its_summary(ot_server, browser):
    open_page(browser, ot_server.base + "search/")
    assert browser.find_element("css selector", "form.filters").is_displayed()
    assert index_requests(browser) == 0, "the index must not load before anyone searches"
    type_into(browser, "input[name=q]", "kittens")
    wait_for_results(browser)
    assert index_requests(browser) == 1
    assert [c[:2] for c in cards(browser)] == [(f"{harness.BASE_PATH}courses/otp-design/", None)]
    assert "q=kittens" in browser.current_url
    # Words are found whatever their case and accents, in any field: here a place.
    type_into(browser, "input[name=q]", "TOKYO")
    wait_for_results(browser)
    assert [c[0] for c in cards(browser)] == [f"{harness.BASE_PATH}courses/beam-tuning/"]


def test_search_finds_courses_by_instructor(ot_courses, ot_server, browser):
    open_page(browser, ot_server.base + "search/")
    type_into(browser, "input[name=q]", "zoe muszynski")
    wait_for_results(browser)
    got = sorted(c[0] for c in cards(browser))
    want = sorted({c.path for c in ot_courses if "Zoë Muszyński" in c.all_instructors})
    assert got == want and len(want) == 2, f"found {got}, expected {want}"
    # The result card carries the facts of a catalog card.
    # Read in one script: the list may be redrawn as the last keystroke's search lands.
    people = browser.execute_script(
        "return Array.from(document.querySelectorAll('.results .card .people a')).map(a => a.textContent)")
    assert people and set(people) == {"Zoë Muszyński"}, people


def choose_with_keyboard(driver, name, value):
    """Tabs from the page's start to the select and moves through its options with the arrow keys."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
    for _ in range(60):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        if driver.execute_script("return document.activeElement.name") == name:
            break
    else:
        raise AssertionError(f"Tab never reached select[name={name}]")
    options = driver.execute_script(
        "return Array.from(document.activeElement.options).map(o => o.value)")
    for _ in range(options.index(value)):
        ActionChains(driver).send_keys(Keys.ARROW_DOWN).perform()
    assert driver.execute_script("return document.activeElement.value") == value


@pytest.mark.parametrize("query", [{"tag": "elixir"}, {"instructor": "zoe-muszynski"}, {"month": "2021-06"},
                                   {"tag": "erlang", "instructor": "ada-lovelace"}])
def test_filters_on_a_later_page_search_the_whole_catalog(ot_site, ot_courses, ot_server, browser, query):
    start = home_pages(ot_site)[2]
    open_page(browser, ot_server.origin + start)
    own = {c[:2] for c in cards(browser)}
    for name, value in query.items():
        choose_with_keyboard(browser, name, value)
    wait_for_results(browser)
    want = sc.catalog_cards(ot_courses, TODAY, **query)
    got = [c[:2] for c in cards(browser)]
    assert got == want, f"{query} from {start}: got {got}, expected {want}"
    assert set(want) - own, "the expected cards should include some from other pages"
    total = len(sc.catalog_cards(ot_courses, TODAY))
    assert browser.find_element("css selector", "form.filters output").text == f"{len(want)} of {total} match"
    assert not browser.find_element("css selector", "[data-listing]").is_displayed(), "the page's own list gives way"
    # Reset with the keyboard: the page's own cards come back.
    from selenium.webdriver.common.keys import Keys

    reset = browser.find_element("css selector", "form.filters button[type=reset]")
    reset.send_keys(Keys.ENTER)
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 5).until(lambda d: {c[:2] for c in cards(d)} == own)


def test_the_count_says_what_is_listed_and_show_more_lists_the_rest(ot_courses, ot_server, browser):
    """At page_size 2 the results come two at a time: the count must say how many match and
    which are listed ("5 of 8 match; showing 1–2"), never that all matches are shown, and
    "Show more", with the keyboard, lists the next ones and moves focus to the first of them."""
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    want = sc.catalog_cards(ot_courses, TODAY, tag="erlang")
    total = len(sc.catalog_cards(ot_courses, TODAY))
    assert len(want) > 4, f"the fixture should give more than two pages of erlang results: {want}"
    open_page(browser, ot_server.base)
    choose_with_keyboard(browser, "tag", "erlang")
    wait_for_results(browser)
    output = browser.find_element("css selector", "form.filters output")
    assert output.get_attribute("aria-live") == "polite", "the count should be announced"
    assert output.text == f"{len(want)} of {total} match; showing 1–2"
    assert [c[:2] for c in cards(browser)] == want[:2]
    more = browser.find_element("css selector", ".results button.more")
    listed = 2
    while listed < len(want):
        assert more.is_displayed(), f"{listed} of {len(want)} listed and no way to the rest"
        step = min(2, len(want) - listed)
        assert more.text == f"Show {step} more"
        more.send_keys(Keys.ENTER)
        listed += step
        WebDriverWait(browser, 5).until(lambda d: len(cards(d)) == listed)
        got = [c[:2] for c in cards(browser)]
        assert got == want[:listed]
        focused = browser.execute_script(
            "const a = document.activeElement; return a && a.closest('.card') ? "
            "new URL(a.getAttribute('href'), location.href).pathname : null")
        assert focused == want[listed - step][0], f"focus is on {focused!r}, not the first new result"
        shown = f"{len(want)} of {total} match" + (f"; showing 1–{listed}" if listed < len(want) else "")
        assert output.text == shown
    assert not more.is_displayed(), "every result is listed: no more to show"


def test_a_search_cleared_before_the_index_arrives_shows_the_page_again(ot_server, browser):
    """The index loads on the first search; a visitor who clears the form meanwhile
    must get the page's own list back, not the results of the search they cleared."""
    from selenium.webdriver.support.ui import WebDriverWait

    open_page(browser, ot_server.base)
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.emulateNetworkConditions",
                            {"offline": False, "latency": 800, "downloadThroughput": -1, "uploadThroughput": -1})
    try:
        browser.execute_script("""
          const form = document.querySelector('form.filters'), tag = form.elements.tag;
          tag.value = 'erlang'; tag.dispatchEvent(new Event('change', {bubbles: true}));
          tag.value = ''; tag.dispatchEvent(new Event('change', {bubbles: true}));""")
        WebDriverWait(browser, 10).until(lambda d: index_requests(d) == 1 and d.execute_script(
            "return performance.getEntriesByType('resource').some(e => e.name.endsWith('/search/index.json') && e.responseEnd > 0)"))
        browser.execute_script("return new Promise(r => setTimeout(r, 300))")
    finally:
        browser.execute_cdp_cmd("Network.emulateNetworkConditions",
                                {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    assert browser.find_element("css selector", "[data-listing]").is_displayed(), "the page's own list should be back"
    assert not browser.find_element("css selector", ".results").is_displayed(), "results of a cleared search"
    assert browser.find_element("css selector", "form.filters output").text == ""


def test_without_javascript_search_points_to_the_browsing_pages(ot_server, browser):
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.get(ot_server.base + "search/")
        note = browser.find_element("css selector", ".no-script")
        assert note.is_displayed()
        links = {a.get_attribute("href") for a in note.find_elements("css selector", "a")}
        assert links == {ot_server.base + p for p in ("tags/", "instructors/", "days/")}
        assert not browser.find_element("css selector", "form.filters").is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


# --------------------------------------------------------------------------- valid, accessible, linked


def test_every_page_is_valid_html(ot_site):
    files = harness.html_files(ot_site)
    proc = subprocess.run(["java", "-Xss1024k", "-jar", vnu_jar(), "--format", "json", "--no-langdetect",
                           *map(str, files)], capture_output=True, text=True, timeout=180)
    messages = json.loads(proc.stderr)["messages"]
    errors = [f"{m.get('url', '').split('/training/')[-1]}:{m.get('lastLine')}: {m.get('message')}"
              for m in messages if m["type"] in ("error", "non-document-error")]
    assert not errors, "\n".join(errors)


AXE_PAGES = ["", "page/2/", "past/", "search/?q=erlang", "tags/erlang/page/2/", "instructors/ada-lovelace/page/2/",
             "days/page/2/", "courses/erlang-basics/"]


@pytest.mark.parametrize("path", AXE_PAGES)
def test_no_serious_accessibility_violations(ot_server, browser, path):
    open_page(browser, ot_server.base + path)
    if path.startswith("search/"):
        wait_for_results(browser)
    results = run_axe(browser)
    assert "error" not in results, results
    failing = [v for v in results["violations"] if v["impact"] in FAILING_IMPACTS]
    assert not failing, "\n".join(map(describe_violation, failing))


def test_crawl_finds_no_broken_link_and_every_page(ot_site, ot_server):
    crawl = harness.crawl_site(ot_server.origin)
    broken = crawl.broken()
    assert not broken, "\n".join(broken)
    on_disk = {harness.page_path(ot_site, f) for f in harness.html_files(ot_site)} - {"/training/404.html"}
    assert not on_disk - set(crawl.pages), f"unreachable: {sorted(on_disk - set(crawl.pages))}"
    assert "/training/search/index.json" not in crawl.fetched or crawl.fetched["/training/search/index.json"].status == 200
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = {loc.text for loc in ET.parse(ot_site / "sitemap.xml").getroot().iter(ns + "loc")}
    assert locs == {urljoin(harness.BASE_URL, p[len(harness.BASE_PATH):]) for p in on_disk}
    for listing in ("page/4/", "past/page/2/", "tags/erlang/page/3/", "days/page/2/"):
        assert harness.BASE_URL + listing in locs, f"sitemap lacks {listing}"


def test_the_same_search_again_keeps_what_show_more_listed(ot_courses, ot_server, browser):
    """A select fires "input" and then "change", and the form searches on both (the input
    after a pause): the second, identical search must not take back what "Show more" added."""
    import time
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    want = sc.catalog_cards(ot_courses, TODAY, tag="erlang")
    open_page(browser, ot_server.base)
    choose_with_keyboard(browser, "tag", "erlang")
    wait_for_results(browser)
    more = browser.find_element("css selector", ".results button.more")
    more.send_keys(Keys.ENTER)
    WebDriverWait(browser, 5).until(lambda d: len(cards(d)) == 4)
    browser.execute_script(
        "const s = document.querySelector('form.filters select[name=tag]');"
        "s.dispatchEvent(new Event('input', {bubbles: true})); s.dispatchEvent(new Event('change', {bubbles: true}));")
    time.sleep(0.5)  # past the form's 150 ms pause after "input"
    assert [c[:2] for c in cards(browser)] == want[:4], "the repeated search redrew the first page only"
    output = browser.find_element("css selector", "form.filters output")
    assert output.text == f"{len(want)} of {len(sc.catalog_cards(ot_courses, TODAY))} match; showing 1–4"
