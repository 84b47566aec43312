"""Crawl the site from /training/ over loopback: no broken link, no orphan page, an exact sitemap."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlsplit

import pytest

import harness

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def disk_pages(site) -> dict[str, harness.Path]:
    return {harness.page_path(site, f): f for f in harness.html_files(site)}


def test_every_internal_link_answers_200_under_the_base_path(crawl):
    for must in ("/training/", "/training/instructors/", "/training/days/"):
        assert must in crawl.pages, f"crawler never reached {must}; it saw {sorted(crawl.pages)}"
    assert len(crawl.pages) >= 18, f"crawler reached only {len(crawl.pages)} pages: {sorted(crawl.pages)}"
    assert any(p.startswith("/training/assets/") for p in crawl.fetched), \
        "no page links anything under /training/assets/ (stylesheet?)"
    broken = crawl.broken()
    if broken:
        pytest.fail(f"{len(broken)} broken link(s):\n" + "\n".join(broken), pytrace=False)


def test_every_page_on_disk_is_reachable(site, crawl):
    on_disk = set(disk_pages(site)) - {"/training/404.html"}
    assert len(on_disk) >= 17
    orphans = sorted(on_disk - set(crawl.pages))
    if orphans:
        pytest.fail("pages no link leads to from /training/:\n" + "\n".join(orphans), pytrace=False)


def test_every_feed_on_disk_is_linked(site, crawl):
    feeds = {harness.BASE_PATH + f.relative_to(site).as_posix() for f in site.rglob("*.ics")}
    assert "/training/calendar.ics" in feeds, "no whole-catalog /training/calendar.ics"
    unlinked = sorted(feeds - set(crawl.fetched))
    if unlinked:
        pytest.fail("calendar files no page links to:\n" + "\n".join(unlinked), pytrace=False)


def test_sitemap_lists_exactly_the_html_pages(site):
    sitemap = site / "sitemap.xml"
    assert sitemap.is_file(), "no sitemap.xml"
    root = ET.parse(sitemap).getroot()
    assert root.tag == SITEMAP_NS + "urlset", f"sitemap root is {root.tag}, not a sitemaps.org urlset"
    locs = [(loc.text or "").strip() for loc in root.iter(SITEMAP_NS + "loc")]
    duplicates = sorted({u for u in locs if locs.count(u) > 1})
    assert not duplicates, f"sitemap lists these more than once: {duplicates}"

    expected = {urljoin(harness.BASE_URL, p[len(harness.BASE_PATH):])
                for p in disk_pages(site) if p != "/training/404.html"}
    assert len(expected) >= 17
    missing = sorted(expected - set(locs))
    extra = sorted(set(locs) - expected)
    if missing or extra:
        pytest.fail(f"sitemap.xml differs from the HTML pages on disk\n"
                    f"  missing: {missing}\n  not a page (or not absolute under {harness.BASE_URL}): {extra}",
                    pytrace=False)


def test_webcal_links_subscribe_to_existing_feeds(crawl, server):
    assert crawl.webcal, "no page has a webcal:// link"
    bad = []
    for page, link, url in crawl.webcal:
        parts = urlsplit(url)
        where = f"{page}: <{link.tag} {link.attr}={link.value!r}> line {link.line}"
        if parts.netloc != harness.DEPLOY_HOST or not parts.path.startswith(harness.BASE_PATH):
            bad.append(f"{where}: not under {harness.BASE_URL}")
        elif not parts.path.endswith("calendar.ics"):
            bad.append(f"{where}: not a calendar.ics")
        else:
            status = harness.fetch(server.origin, parts.path).status
            if status != 200:
                bad.append(f"{where}: {parts.path} answered {status}")
    if bad:
        pytest.fail("\n".join(bad), pytrace=False)


def test_404_page_links_work_at_any_depth(site, server):
    """The server answers any missing URL with 404.html, so its links must not be relative to it."""
    page = site / "404.html"
    assert page.is_file(), "no 404.html"
    served_at = server.origin + "/training/no/such/page/"
    links = harness.resolved_links(page.read_text(encoding="utf-8"), served_at)
    assert links, "404.html links nowhere"
    bad = []
    for link, url in links:
        if link.value.startswith("#"):
            continue  # the same document, wherever it is served
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.netloc not in (urlsplit(server.origin).netloc,
                                                                           harness.DEPLOY_HOST):
            continue
        status = harness.fetch(server.origin, parts.path).status
        if status != 200:
            bad.append(f"404.html line {link.line}: <{link.tag} {link.attr}={link.value!r}> "
                       f"served at /training/no/such/page/ -> {parts.path} answered {status}")
    if bad:
        pytest.fail("\n".join(bad), pytrace=False)
