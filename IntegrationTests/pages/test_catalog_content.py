"""Facts of the shipped seed catalog (content/), checked through the links the pages carry.

Titles are mapped to slugs through content/courses/*.md, so a renamed file
does not break the test, but a course missing from a day page does.
"""

from __future__ import annotations

import re

import pytest

import harness

THREE_DAY = ["OTP for the seasoned Erlanger", "Elixir OTP Behaviours: Behind the Scenes"]
ONE_DAY = ["Clueful Elixir with Kubernetes", "BEAM VM under the Hood",
           "Unit, System and Property Based Testing"]
DAYS = {
    "2020-05-25": THREE_DAY,
    "2020-05-26": THREE_DAY,
    "2020-05-27": THREE_DAY + ONE_DAY,
}
INSTRUCTORS = {
    "robert-virding": "OTP for the seasoned Erlanger",
    "mikael-muszynski": "Elixir OTP Behaviours: Behind the Scenes",
    "bryan-hunt": "Clueful Elixir with Kubernetes",
    "dmytro-lytovchenko": "BEAM VM under the Hood",
    "stavros-aronis": "Unit, System and Property Based Testing",
}
# slug -> (instructor slugs, days)
SCHEDULED = {
    "OTP for the seasoned Erlanger": (["robert-virding"], ["2020-05-25", "2020-05-26", "2020-05-27"]),
    "Elixir OTP Behaviours: Behind the Scenes": (["mikael-muszynski"], ["2020-05-25", "2020-05-26", "2020-05-27"]),
    "Clueful Elixir with Kubernetes": (["bryan-hunt"], ["2020-05-27"]),
    "BEAM VM under the Hood": (["dmytro-lytovchenko"], ["2020-05-27"]),
    "Unit, System and Property Based Testing": (["stavros-aronis"], ["2020-05-27"]),
}
CERTIFICATIONS = ["otp-certification", "erlang-certification"]
DAY_DIR = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def page(site, path: str) -> harness.Path:
    file = harness.file_for_path(site, path)
    assert file is not None, f"no page at {path} (looked for {site / path[len(harness.BASE_PATH):]}index.html)"
    return file


@pytest.mark.parametrize("day", sorted(DAYS))
def test_day_page_lists_exactly_its_runs(site, entries, day):
    expected = {harness.slug_for_title(entries, t) for t in DAYS[day]}
    linked = harness.course_slugs_linked(site, page(site, f"/training/days/{day}/"))
    assert linked == expected, (
        f"/days/{day}/ links courses {sorted(linked)}; expected exactly {sorted(expected)}"
        f"\n  missing: {sorted(expected - linked)}\n  unexpected: {sorted(linked - expected)}")


def test_no_day_pages_for_other_dates(site):
    days_dir = site / "days"
    on_disk = {d.name for d in days_dir.iterdir() if d.is_dir()} if days_dir.is_dir() else set()
    assert on_disk == set(DAYS), f"/days/ has pages for {sorted(on_disk)}; expected exactly {sorted(DAYS)}"
    index_links = {p.split("/")[-2] for p in harness.local_paths(site, page(site, "/training/days/"))
                   if re.fullmatch(r"/training/days/[^/]+/", p)}
    assert index_links == set(DAYS), \
        f"/days/ links day pages {sorted(index_links)}; expected exactly {sorted(DAYS)}"


@pytest.mark.parametrize("instructor", sorted(INSTRUCTORS))
def test_instructor_page_links_their_course(site, entries, instructor):
    slug = harness.slug_for_title(entries, INSTRUCTORS[instructor])
    linked = harness.course_slugs_linked(site, page(site, f"/training/instructors/{instructor}/"))
    assert slug in linked, f"/instructors/{instructor}/ links courses {sorted(linked)}, not {slug}"
    index = harness.local_paths(site, page(site, "/training/instructors/"))
    assert f"/training/instructors/{instructor}/" in index, f"/instructors/ does not link {instructor}"


@pytest.mark.parametrize("title", sorted(SCHEDULED))
def test_course_page_links_instructors_days_and_calendar(site, entries, title):
    slug = harness.slug_for_title(entries, title)
    file = page(site, f"/training/courses/{slug}/")
    links = harness.local_paths(site, file)
    instructors, days = SCHEDULED[title]
    missing = [f"/training/instructors/{i}/" for i in instructors] + [f"/training/days/{d}/" for d in days]
    missing = [p for p in missing if p not in links]
    assert not missing, f"/courses/{slug}/ does not link {missing}"

    feed = f"/training/courses/{slug}/calendar.ics"
    assert feed in links, f"/courses/{slug}/ has no https (download) link to {feed}"
    webcal = {url for _, url in harness.resolved_links(file.read_text(encoding="utf-8"),
                                                       harness.BASE_URL + f"courses/{slug}/")
              if url.startswith("webcal://")}
    assert f"webcal://example.org{feed}" in webcal, \
        f"/courses/{slug}/ has no webcal://example.org{feed} link (has {sorted(webcal)})"


@pytest.mark.parametrize("slug", CERTIFICATIONS)
def test_certification_has_a_page_in_the_catalog_and_no_day(site, entries, slug):
    assert slug in {e.slug for e in entries}, f"content/courses has no entry with slug {slug}"
    page(site, f"/training/courses/{slug}/")
    catalog = harness.course_slugs_linked(site, page(site, "/training/"))
    assert slug in catalog, f"the catalog (index.html) does not link /courses/{slug}/; it links {sorted(catalog)}"
    day_pages = sorted((site / "days").glob("*/index.html"))
    assert day_pages, "no day pages at all"
    on_days = [p.parent.name for p in day_pages if slug in harness.course_slugs_linked(site, p)]
    assert not on_days, f"undated {slug} is listed on day pages {on_days}"


def test_catalog_links_every_entry(site, entries):
    catalog = harness.course_slugs_linked(site, page(site, "/training/"))
    expected = {e.slug for e in entries}
    assert len(expected) == 7
    assert catalog == expected, (f"catalog links {sorted(catalog)}; expected {sorted(expected)}")
