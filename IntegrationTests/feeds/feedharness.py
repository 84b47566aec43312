"""Shared helpers of the iCalendar feed harness (builds, feed access).

Two sites are built once per session with the real `syllabus` binary:

* ``fixture``: IntegrationTests/feeds/site (zones, DST changes, escaping...);
* ``shipped``: the repository's own catalog (``--root <repo>``).

Both builds run with SOURCE_DATE_EPOCH=1600000000 and with TZ set to an
unusual zone (Pacific/Chatham, UTC+12:45/+13:45), so any dependence of the
feeds on the build machine's local zone shows up as wrong times.

The binary is $SYLLABUS_BIN, default <repo>/.build/debug/syllabus. A missing
binary is a test failure, not a skip: a green run must mean feeds were checked.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pytest

import feedmodel
import icstools

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
FIXTURE_ROOT = HERE / "site"
EPOCH = "1600000000"
EPOCH_STAMP = "20200913T122640Z"  # 1600000000 in UTC
BUILD_TZ = "Pacific/Chatham"
SITE_ROOTS = {"fixture": FIXTURE_ROOT, "shipped": REPO}


def syllabus_bin() -> Path:
    return Path(os.environ.get("SYLLABUS_BIN", REPO / ".build" / "debug" / "syllabus"))


def build_site(root: Path, out: Path, tz: str = BUILD_TZ, epoch: str = EPOCH, extra_args=()):
    """Run `syllabus build`; fail the test (with its output) if it does not succeed."""
    binary = syllabus_bin()
    if not binary.exists():
        pytest.fail(f"syllabus binary not found at {binary}: build it first (swift build) "
                    f"or point SYLLABUS_BIN at it", pytrace=False)
    env = dict(os.environ, SOURCE_DATE_EPOCH=epoch, TZ=tz)
    cmd = [str(binary), "build", "--root", str(root), "--output", str(out), *extra_args]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        pytest.fail(f"`{' '.join(cmd)}` exited {proc.returncode}\n--- stdout\n{proc.stdout}\n--- stderr\n{proc.stderr}",
                    pytrace=False)
    return proc


_MODELS: dict = {}


def site_model(name: str):
    """The expectation model of a site, or the exception that prevented building it."""
    if name not in _MODELS:
        try:
            _MODELS[name] = feedmodel.load_site(SITE_ROOTS[name])
        except Exception as e:  # reported by the tests that need it
            _MODELS[name] = e
    return _MODELS[name]


def require_model(name: str) -> feedmodel.SiteModel:
    model = site_model(name)
    if isinstance(model, Exception):
        pytest.fail(f"cannot model the {name} site's content: {type(model).__name__}: {model}", pytrace=False)
    return model


@dataclass
class Built:
    name: str
    root: Path
    out: Path
    model: feedmodel.SiteModel
    stdout: str = ""
    _feeds: dict = field(default_factory=dict)

    def feed(self, rel: str) -> "Feed":
        if rel not in self._feeds:
            self._feeds[rel] = Feed(self, rel)
        return self._feeds[rel]

    def ics_files(self) -> list[str]:
        return sorted(p.relative_to(self.out).as_posix() for p in self.out.rglob("*.ics"))


@dataclass
class Feed:
    built: Built
    rel: str

    @property
    def path(self) -> Path:
        return self.built.out / self.rel

    @property
    def expected_runs(self) -> list:
        return self.built.model.feeds()[self.rel]

    @cached_property
    def data(self) -> bytes:
        if not self.path.is_file():
            pytest.fail(f"{self.built.name}: expected feed {self.rel} was not written", pytrace=False)
        return self.path.read_bytes()

    @cached_property
    def text(self) -> str:
        return self.data.decode("utf-8")

    @cached_property
    def tree(self) -> icstools.Comp:
        return icstools.parse_tree(self.text)

    @cached_property
    def events(self) -> list:
        return list(self.tree.walk("VEVENT"))

    def events_by_uid(self) -> dict:
        result = {}
        for ev in self.events:
            uid = ev.one("UID")
            result.setdefault(uid.value if uid else None, []).append(ev)
        return result

    @cached_property
    def occurrences(self) -> list:
        return icstools.expand_occurrences(self.text)
