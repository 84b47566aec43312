"""Fixtures for the iCalendar feed harness; helpers live in feedharness.py
(a uniquely named module, so that `import` never picks up another suite's conftest)."""

from __future__ import annotations

import pytest

from feedharness import FIXTURE_ROOT, REPO, Built, Feed, build_site, require_model, site_model


@pytest.fixture(scope="session")
def fixture_build(tmp_path_factory) -> Built:
    model = require_model("fixture")
    out = tmp_path_factory.mktemp("fixture-build") / "public"
    proc = build_site(FIXTURE_ROOT, out)
    return Built("fixture", FIXTURE_ROOT, out, model, proc.stdout)


@pytest.fixture(scope="session")
def shipped_build(tmp_path_factory) -> Built:
    model = require_model("shipped")
    out = tmp_path_factory.mktemp("shipped-build") / "public"
    proc = build_site(REPO, out)
    return Built("shipped", REPO, out, model, proc.stdout)


def get_build(request, name: str) -> Built:
    return request.getfixturevalue(f"{name}_build")


@pytest.fixture(params=["fixture", "shipped"])
def site_build(request) -> Built:
    return get_build(request, request.param)


def pytest_generate_tests(metafunc):
    """`feed_case` = (site, feed path) for every feed the content says must exist."""
    if "feed_case" not in metafunc.fixturenames:
        return
    cases, ids = [], []
    for name in ("fixture", "shipped"):
        model = site_model(name)
        if isinstance(model, Exception):
            cases.append((name, None))
            ids.append(f"{name}:MODEL-ERROR")
            continue
        for rel in model.feeds():
            cases.append((name, rel))
            ids.append(f"{name}:{rel}")
    metafunc.parametrize("feed_case", cases, ids=ids)


@pytest.fixture
def feed(request, feed_case) -> Feed:
    name, rel = feed_case
    if rel is None:
        require_model(name)  # fails with the reason
    return get_build(request, name).feed(rel)
