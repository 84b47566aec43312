"""Every page links back to the catalog, the instructors index and the days index."""

from __future__ import annotations

import pytest

import harness

CATALOG = {"/training/", "/training/index.html"}


def test_every_page_links_catalog_instructors_and_days(site):
    files = harness.html_files(site)
    assert len(files) >= 18
    missing = []
    for file in files:
        links = harness.local_paths(site, file)
        lacks = [name for name, ok in (
            ("catalog /training/", bool(links & CATALOG)),
            ("/training/instructors/", "/training/instructors/" in links),
            ("/training/days/", "/training/days/" in links),
        ) if not ok]
        if lacks:
            missing.append(f"{file.relative_to(site)}: no link to {', '.join(lacks)}")
    if missing:
        pytest.fail("\n".join(missing), pytrace=False)
