"""Every IANA zone name of the tz database is usable in `timezone:`.

A generated site has one course per zone listed in tzdata's zone.tab and
zone1970.tab (plus UTC and Etc/UTC), each a 9-day run at 09:00-17:00 local
across the end of March 2021 (EU spring-forward; Chile, NZ, Sydney and
Lord Howe changes on 3-4 April). The spec says `timezone` takes any known
IANA zone, and the feed's TZID must be that exact name, so

* the build must accept every name (rejected names are listed on failure);
* each course feed's occurrences and VTIMEZONE must match zoneinfo.

If some names are rejected, the second test runs on a rebuild without them,
so one rejected name does not hide errors in the others.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import zoneinfo
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import feedmodel
import icstools
from feedharness import EPOCH, syllabus_bin

START, END = dt.date(2021, 3, 26), dt.date(2021, 4, 3)


def _zone_names() -> list[str]:
    names = {"UTC", "Etc/UTC"}
    for base in zoneinfo.TZPATH:
        for tab in ("zone.tab", "zone1970.tab"):
            path = Path(base) / tab
            if path.is_file():
                for line in path.read_text(encoding="utf-8").splitlines():
                    if line and not line.startswith("#"):
                        names.add(line.split("\t")[2].strip())
    return sorted(names)


def _slug(zone: str) -> str:
    return "tz-" + re.sub(r"[^a-z0-9]+", "-", zone.lower()).strip("-")


def _write_site(root: Path, zones: list[str]):
    courses = root / "content" / "courses"
    courses.mkdir(parents=True, exist_ok=True)
    (root / "content" / "site.yml").write_text(
        "title: Zone names\nbase_url: https://zones.example.org/\ntimezone: UTC\n", encoding="utf-8")
    for p in courses.glob("*.md"):
        p.unlink()
    for zone in zones:
        (courses / f"{_slug(zone)}.md").write_text(
            f"---\ntitle: 'Zone {zone}'\nstart: {START}\nend: {END}\ntime: \"09:00-17:00\"\n"
            f"timezone: {zone}\n---\nBody.\n", encoding="utf-8")


def _build(root: Path, out: Path):
    binary = syllabus_bin()
    if not binary.exists():
        pytest.fail(f"syllabus binary not found at {binary}", pytrace=False)
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, TZ="UTC")
    return subprocess.run([str(binary), "build", "--root", str(root), "--output", str(out)],
                          env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def zone_site(tmp_path_factory):
    zones = _zone_names()
    assert len(zones) > 300, f"tz database tables not found in {zoneinfo.TZPATH}"
    root = tmp_path_factory.mktemp("zones")
    _write_site(root, zones)
    out = root / "public"
    proc = _build(root, out)
    rejected = []
    if proc.returncode != 0:
        for zone in zones:
            if f'unknown time zone "{zone}"' in proc.stderr:
                rejected.append(zone)
        if not rejected:
            pytest.fail(f"zone-name site failed to build for another reason:\n{proc.stderr[-3000:]}")
        _write_site(root, [z for z in zones if z not in rejected])
        proc2 = _build(root, out)
        if proc2.returncode != 0:
            pytest.fail(f"rebuild without rejected zones failed:\n{proc2.stderr[-3000:]}")
    return root, out, zones, rejected, proc.stderr


def test_every_iana_zone_name_accepted(zone_site):
    root, out, zones, rejected, stderr = zone_site
    lines = [l for l in stderr.splitlines() if "unknown time zone" in l][:10]
    assert not rejected, (f"{len(rejected)} of {len(zones)} IANA zone names rejected: {rejected}\n"
                          + "\n".join(lines))


def test_every_zone_feed_matches_tzdata(zone_site):
    root, out, zones, rejected, _ = zone_site
    model = feedmodel.load_site(root)
    problems = []
    for run in model.runs:
        rel = f"courses/{run.course_slug}/calendar.ics"
        text = (out / rel).read_text(encoding="utf-8")
        tree = icstools.parse_tree(text)
        ev = next(tree.walk("VEVENT"))
        if ev.one("DTSTART").params.get("TZID") != run.tz:
            problems.append(f"{run.tz}: DTSTART {ev.one('DTSTART').params} (TZID must be the exact name)")
        expected = sorted((run.title, s, e) for s, e in run.occurrences())
        actual = sorted(icstools.expand_occurrences(text), key=str)
        if actual != expected:
            diff = sorted(set(map(icstools.fmt_occ, actual)) ^ set(map(icstools.fmt_occ, expected)))
            problems.append(f"{run.tz}: occurrences differ: {diff[:4]}")
        start = dt.datetime.combine(START, dt.time(), tzinfo=dt.timezone.utc) - dt.timedelta(days=2)
        end = dt.datetime.combine(END, dt.time(), tzinfo=dt.timezone.utc) + dt.timedelta(days=2)
        for comp in tree.walk("VTIMEZONE"):
            tzid = comp.one("TZID").value
            bad = icstools.offset_mismatches(icstools.VTimezoneOffsets(comp, end), ZoneInfo(tzid), start, end, limit=2)
            if bad:
                problems.append(f"{tzid}: VTIMEZONE {bad}")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:40])
