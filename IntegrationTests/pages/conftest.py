"""Session fixtures: the shipped catalog built once under /training/ and served on loopback."""

from __future__ import annotations

import pytest

import harness


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> harness.Path:
    """<tmp>/training/: the catalog built with --base-url https://example.org/training/."""
    try:
        return harness.build_site(tmp_path_factory.mktemp("site"))
    except harness.BuildError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="session")
def server(site):
    """Serves <tmp> (so the site is at http://127.0.0.1:PORT/training/) for the session."""
    with harness.SiteServer(site.parent) as srv:
        yield srv


@pytest.fixture(scope="session")
def crawl(server) -> harness.Crawl:
    return harness.crawl_site(server.origin)


@pytest.fixture(scope="session")
def entries() -> list[harness.Entry]:
    found = harness.content_entries()
    assert found, f"no course files under {harness.SITE_ROOT / 'content/courses'}"
    return found


@pytest.fixture(scope="session")
def varied_root(tmp_path_factory):
    """content/ of a small catalog with several months, multi-run courses and per-run details."""
    import sitecontent

    return sitecontent.write_varied_site(tmp_path_factory.mktemp("varied-root"))


@pytest.fixture(scope="session")
def varied_site(varied_root, tmp_path_factory) -> harness.Path:
    """<tmp>/training/: the varied catalog built under https://example.org/training/."""
    import sitecontent

    try:
        return sitecontent.build_root(varied_root, tmp_path_factory.mktemp("varied-site"))
    except harness.BuildError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="session")
def varied_server(varied_site):
    with harness.SiteServer(varied_site.parent) as srv:
        yield srv


@pytest.fixture(scope="session")
def booking_site(tmp_path_factory) -> harness.Path:
    """<tmp>/training/: the booking fixture (every price, status and mode key) under https://example.org/training/."""
    import sitecontent

    try:
        return sitecontent.build_root(sitecontent.BOOKING_ROOT, tmp_path_factory.mktemp("booking-site"))
    except harness.BuildError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="session")
def booking_server(booking_site):
    with harness.SiteServer(booking_site.parent) as srv:
        yield srv
