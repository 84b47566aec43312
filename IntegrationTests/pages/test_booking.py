"""The booking fixture (Tests/SyllabusKitTests/Fixtures/booking: every price, status, seats,
mode, level and language key) through the Nu checker, axe, the link crawler and the catalog
filters, with JavaScript and without. Structured data of the same site: test_structured_data.py;
its feeds: IntegrationTests/feeds/test_booking_feeds.py.
"""

from __future__ import annotations

import json
import subprocess
from collections import Counter

import pytest

import harness
import sitecontent as sc
from test_accessibility import FAILING_IMPACTS, describe as describe_violation, run_axe
from test_html_valid import vnu_jar

COURSES = sc.load_courses(sc.BOOKING_ROOT)


def fm(course):
    return sc.front_matter(course.file)


def run_keys(course) -> list[dict]:
    """Each run's mode, with the course's filled in; an undated entry is one pseudo-run."""
    front = fm(course)
    raw = front.get("runs") or ([front] if front.get("start") else [{}])
    return [{"start": str(r["start"]) if r.get("start") else None,
             "end": str(r.get("end") or r["start"]) if r.get("start") else None,
             "mode": r.get("mode") or front.get("mode") or "onsite"} for r in raw]


def expected(*, level=None, language=None, mode=None) -> Counter:
    """(course path, start or None) of every card the catalog filter should leave visible."""
    # The catalog lists upcoming runs (ending on or after the build date),
    # then each entry without one as a single card without a date; so do the
    # level, language and format pages.
    today = harness.build_date().isoformat()
    out = Counter()
    for c in COURSES:
        front = fm(c)
        if level and not (front.get("level") in (level, "all")):
            continue
        if language and str(front.get("language") or "en").lower() != language:
            continue
        runs = [run for run in run_keys(c) if not mode or run["mode"] == mode]
        upcoming = [run for run in runs if run["end"] and run["end"] >= today]
        for run in upcoming:
            out[(c.path, run["start"])] += 1
        if runs and not upcoming:
            out[(c.path, None)] += 1
    return out


@pytest.fixture(scope="module")
def browser():
    driver = harness.chrome(1280, 900)
    yield driver
    driver.quit()


VISIBLE_CARDS = """
return Array.from(document.querySelectorAll('.cards > .card')).filter(c => c.offsetParent !== null).map(c => {
  const a = c.querySelector('.card-title a'), t = c.querySelector('time[datetime]');
  return [new URL(a.getAttribute('href'), location.href).pathname, t ? t.getAttribute('datetime') : null];
});
"""


def wait_for_results(driver):
    """The filters search the whole catalog through search/index.json: wait for the count."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 10).until(lambda d: d.execute_script(
        "const o = document.querySelector('form.filters output');"
        "return o && / of \\d+ match/.test(o.textContent)"))


def visible(driver) -> Counter:
    return Counter(tuple(x) for x in driver.execute_script(VISIBLE_CARDS))


# --------------------------------------------------------------------------- validity


def test_every_booking_page_is_valid_html(booking_site):
    files = harness.html_files(booking_site)
    proc = subprocess.run(["java", "-Xss1024k", "-jar", vnu_jar(), "--format", "json", "--no-langdetect", *map(str, files)],
                          capture_output=True, text=True, timeout=120)
    messages = json.loads(proc.stderr)["messages"]
    errors = [f"{m.get('url', '').split('/training/')[-1]}:{m.get('lastLine')}: {m.get('message')}"
              for m in messages if m["type"] in ("error", "non-document-error")]
    assert len(files) >= 40
    assert not errors, "\n".join(errors)


def test_no_broken_links_and_every_page_reachable(booking_site, booking_server):
    crawl = harness.crawl_site(booking_server.origin)
    broken = crawl.broken()
    assert not broken, "\n".join(broken)
    on_disk = {harness.page_path(booking_site, f) for f in harness.html_files(booking_site)} - {"/training/404.html"}
    assert not sorted(on_disk - set(crawl.pages)), f"unreachable: {sorted(on_disk - set(crawl.pages))}"


# Pages that carry every badge: four runs in four states, cards of every kind, a cancelled day.
AXE_PAGES = ["/training/", "/training/courses/otp-in-depth/", "/training/courses/elixir-online/",
             "/training/courses/erlang-exam/", "/training/days/2027-06-07/", "/training/instructors/grace-hopper/",
             "/training/levels/beginner/"]


@pytest.mark.parametrize("path", AXE_PAGES)
def test_no_serious_accessibility_violations_with_every_badge(booking_server, browser, path):
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    browser.get(booking_server.origin + path)
    results = run_axe(browser)
    assert "error" not in results, results
    failing = [v for v in results["violations"] if v["impact"] in FAILING_IMPACTS]
    assert not failing, "\n".join(map(describe_violation, failing))


# --------------------------------------------------------------------------- what the pages say


def test_course_page_shows_four_states_and_books_only_open_runs(booking_site):
    html = harness.file_for_path(booking_site, "/training/courses/otp-in-depth/").read_text(encoding="utf-8")
    runs = html.split('<li class="run')[1:]
    assert [("3 places left" in r, "Tentative" in r, "Full" in r, "Cancelled" in r) for r in runs] == [
        (True, False, False, False), (False, True, False, False), (False, False, True, False), (False, False, False, True)]
    assert ["Book a place" in r for r in runs] == [True, True, False, False]
    assert runs[3].startswith(' is-cancelled"')
    assert '<dt>Price</dt><dd class="price">from €1,650</dd>' in html


def test_a_past_run_has_no_booking_button(booking_site):
    html = harness.file_for_path(booking_site, "/training/courses/erlang-history/").read_text(encoding="utf-8")
    assert "Book a place" not in html and "SEK\u00a0300" in html


@pytest.mark.parametrize("path", ["/training/", "/training/instructors/grace-hopper/", "/training/days/2027-06-07/"])
def test_cancelled_runs_stay_listed_struck_through_and_labelled(booking_site, booking_server, browser, path):
    browser.get(booking_server.origin + path)
    cancelled = browser.find_elements("css selector", ".card.is-cancelled")
    assert cancelled, f"{path}: no cancelled card"
    for card in cancelled:
        assert "Cancelled" in card.text
        title = card.find_element("css selector", ".card-title a")
        assert "line-through" in title.value_of_css_property("text-decoration-line")


# --------------------------------------------------------------------------- filters


@pytest.mark.parametrize("name,value", [("level", "beginner"), ("level", "intermediate"), ("level", "advanced"),
                                        ("language", "sv"), ("language", "en"),
                                        ("mode", "online"), ("mode", "blended"), ("mode", "onsite")])
def test_level_language_and_format_filters(booking_server, browser, name, value):
    from selenium.webdriver.support.ui import Select

    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    browser.get(booking_server.base)
    assert visible(browser) == expected()
    Select(browser.find_element("css selector", f"form.filters select[name={name}]")).select_by_value(value)
    want = expected(**{name: value})
    assert want, f"{name}={value} matches nothing in the fixture"
    wait_for_results(browser)
    assert visible(browser) == want
    assert f"{name}={value}" in browser.current_url
    browser.get(browser.current_url)
    wait_for_results(browser)
    assert visible(browser) == want, "reloading the shared address shows other cards"


@pytest.mark.parametrize("kind,folder,slug", [("level", "levels", "beginner"), ("level", "levels", "advanced"),
                                              ("language", "languages", "sv"), ("mode", "formats", "online"),
                                              ("mode", "formats", "blended")])
def test_without_javascript_links_lead_to_what_the_filter_shows(booking_site, booking_server, browser, kind, folder, slug):
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.get(booking_server.base)
        link = browser.find_element("css selector", f'.browse a[href="/training/{folder}/{slug}/"]')
        link.click()
        assert browser.current_url.endswith(f"/training/{folder}/{slug}/")
        assert visible(browser) == expected(**{kind: slug})
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
