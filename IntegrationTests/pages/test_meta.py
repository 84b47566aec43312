"""<head> metadata: canonical URL, description, Open Graph, Twitter card, and
<link rel="alternate" type="text/calendar"> pointing at the page's own feed."""

from __future__ import annotations

import pytest

import harness
import sitecontent as sc

COURSES = sc.load_courses()
SITE = sc.load_site()


def ws(text: str | None) -> str:
    return " ".join((text or "").split())


def head_of(site, path: str) -> sc.HeadParser:
    file = harness.file_for_path(site, path)
    assert file is not None, f"no page at {path}"
    return sc.parse_head(file.read_text(encoding="utf-8"))


def pages(site):
    for file in harness.html_files(site):
        yield harness.page_path(site, file), sc.parse_head(file.read_text(encoding="utf-8"))


def absolute(path: str) -> str:
    """https://example.org/training/... for a /training/... path."""
    assert path.startswith(harness.BASE_PATH)
    return harness.BASE_URL + path[len(harness.BASE_PATH):]


def one(values: list[str], what: str, path: str) -> str:
    assert len(values) == 1, f"{path}: expected one {what}, found {len(values)}: {values}"
    return values[0]


# --------------------------------------------------------------------------- every page


def test_canonical_is_the_absolute_url_of_the_page(site):
    wrong = []
    for path, head in pages(site):
        canon = head.link_rel("canonical")
        if path.endswith("/404.html"):
            # Served for any missing URL: a canonical pointing at /404.html is harmless but
            # pointless; only require that it is not the home page (which would merge them).
            if canon and canon[0].get("href") == harness.BASE_URL:
                wrong.append(f"{path}: canonical points at the home page")
            continue
        if len(canon) != 1:
            wrong.append(f"{path}: {len(canon)} <link rel=canonical>")
        elif canon[0].get("href") != absolute(path):
            wrong.append(f"{path}: canonical {canon[0].get('href')!r}, expected {absolute(path)!r}")
    assert not wrong, "\n".join(wrong)


def test_every_page_has_description_open_graph_and_twitter_tags(site):
    problems = []
    for path, head in pages(site):
        def need(values, what):
            if len(values) != 1 or not values[0].strip():
                problems.append(f"{path}: {what} {values!r}")
                return None
            return values[0]

        desc = need(head.meta(name="description"), "<meta name=description>")
        og_title = need(head.meta(prop="og:title"), "og:title")
        need(head.meta(prop="og:type"), "og:type")
        need(head.meta(prop="og:site_name"), "og:site_name")
        og_url = need(head.meta(prop="og:url"), "og:url")
        og_desc = need(head.meta(prop="og:description"), "og:description")
        card = need(head.meta(name="twitter:card"), "twitter:card")
        tw_title = need(head.meta(name="twitter:title"), "twitter:title")
        tw_desc = need(head.meta(name="twitter:description"), "twitter:description")
        if card and card not in ("summary", "summary_large_image"):
            problems.append(f"{path}: twitter:card {card!r}")
        if og_title and tw_title and og_title != tw_title:
            problems.append(f"{path}: og:title {og_title!r} != twitter:title {tw_title!r}")
        if desc and og_desc and desc != og_desc:
            problems.append(f"{path}: description {desc!r} != og:description {og_desc!r}")
        if desc and tw_desc and desc != tw_desc:
            problems.append(f"{path}: description {desc!r} != twitter:description {tw_desc!r}")
        canon = head.link_rel("canonical")
        if og_url and canon and og_url != canon[0].get("href"):
            problems.append(f"{path}: og:url {og_url!r} != canonical {canon[0].get('href')!r}")
        if og_title and not head.title.startswith(og_title):
            problems.append(f"{path}: og:title {og_title!r} is not the start of <title> {head.title!r}")
    assert not problems, "\n".join(problems)


def test_descriptions_differ_between_pages(site):
    """A description copied onto many pages is what search engines flag as duplicate."""
    seen: dict[str, list[str]] = {}
    for path, head in pages(site):
        if path.endswith("/404.html"):
            continue
        for d in head.meta(name="description"):
            seen.setdefault(d, []).append(path)
    dupes = {d: p for d, p in seen.items() if len(p) > 1}
    assert not dupes, "\n".join(f"{len(p)} pages share {d[:60]!r}…: {p}" for d, p in dupes.items())


# --------------------------------------------------------------------------- specific pages


@pytest.mark.parametrize("slug", sorted(c.slug for c in COURSES))
def test_course_page_meta_comes_from_title_and_summary(site, slug):
    course = next(c for c in COURSES if c.slug == slug)
    head = head_of(site, course.path)
    assert one(head.meta(prop="og:title"), "og:title", course.path) == course.title
    assert one(head.meta(name="twitter:title"), "twitter:title", course.path) == course.title
    if course.summary:
        for what, values in (("description", head.meta(name="description")),
                             ("og:description", head.meta(prop="og:description")),
                             ("twitter:description", head.meta(name="twitter:description"))):
            assert ws(one(values, what, course.path)) == ws(course.summary), f"{course.path}: {what}"
    assert one(head.meta(prop="og:type"), "og:type", course.path) in ("article", "website")
    assert head.title.startswith(course.title)


def test_home_page_meta_comes_from_site_yml(site):
    head = head_of(site, harness.BASE_PATH)
    assert one(head.meta(prop="og:title"), "og:title", "/") == SITE["title"]
    assert one(head.meta(prop="og:site_name"), "og:site_name", "/") == SITE["title"]
    assert ws(one(head.meta(name="description"), "description", "/")) == ws(SITE["description"])
    assert head.title == SITE["title"]


# --------------------------------------------------------------------------- calendar alternates


def feed_path_for(page: str) -> str | None:
    """The page's own feed, per the URL table of the content format."""
    rel = page[len(harness.BASE_PATH):]
    if rel == "":
        return harness.BASE_PATH + "calendar.ics"
    parts = rel.strip("/").split("/")
    if len(parts) == 2 and parts[0] in ("courses", "instructors"):
        return page + "calendar.ics"
    return None


def test_calendar_alternates_point_to_existing_feeds(site):
    problems = []
    for path, head in pages(site):
        for link in head.link_rel("alternate", "text/calendar"):
            href = link.get("href", "")
            if not href.startswith(harness.BASE_URL):
                problems.append(f"{path}: alternate calendar href {href!r} is not absolute under {harness.BASE_URL}")
                continue
            target = harness.file_for_path(site, harness.BASE_PATH + href[len(harness.BASE_URL):])
            if target is None:
                problems.append(f"{path}: alternate calendar {href} does not exist in the output")
                continue
            if not target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n"):
                problems.append(f"{path}: {href} is not an iCalendar file")
            if not link.get("title", "").strip():
                problems.append(f"{path}: alternate calendar link without a title")
    assert not problems, "\n".join(problems)


def test_pages_with_a_feed_advertise_it(site):
    """Catalog, scheduled course pages and instructor pages with runs link their own feed."""
    problems = []
    for path, head in pages(site):
        own = feed_path_for(path)
        hrefs = [l.get("href") for l in head.link_rel("alternate", "text/calendar")]
        if own is None:
            continue
        exists = harness.file_for_path(site, own) is not None
        want = absolute(own)
        if exists and want not in hrefs:
            problems.append(f"{path}: feed {own} exists but the page has no alternate link to it (has {hrefs})")
        if not exists and hrefs:
            problems.append(f"{path}: links calendar {hrefs} but has no feed of its own")
    scheduled = [c for c in COURSES if c.runs]
    for course in scheduled:
        assert harness.file_for_path(site, course.path + "calendar.ics"), f"no feed for {course.path}"
    for course in (c for c in COURSES if not c.runs):
        assert harness.file_for_path(site, course.path + "calendar.ics") is None, f"undated {course.path} has a feed"
    assert not problems, "\n".join(problems)


def test_alternate_links_are_served(server, site):
    """The loopback server answers every advertised feed with 200 (at its /training/ path)."""
    for path, head in pages(site):
        for link in head.link_rel("alternate", "text/calendar"):
            local = harness.BASE_PATH + link["href"][len(harness.BASE_URL):]
            resp = harness.fetch(server.origin, local)
            assert resp.status == 200, f"{path}: {local} answered {resp.status}"
