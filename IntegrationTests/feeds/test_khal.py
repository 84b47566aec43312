"""A real calendar client reads the fixture feed: khal (PyPI `khal`).

The whole-catalog feed is imported once (`khal import --batch`) into a vdir;
then `khal list` is run with khal's local_timezone/default_timezone set to
various zones, and the listed start/end of each day of a run must be the
run's hours converted to that zone (computed from the fixture's front matter).
Everything khal writes (config, vdir, sqlite cache) lives under tmp_path:
XDG_CONFIG_HOME/XDG_DATA_HOME/XDG_CACHE_HOME point there too.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

KHAL = Path(sys.executable).with_name("khal")

CONFIG = """\
[calendars]
[[fixture]]
path = {vdir}
type = calendar

[locale]
local_timezone = {tz}
default_timezone = {tz}
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M

[default]
default_calendar = fixture

[sqlite]
path = {db}
"""


class Khal:
    def __init__(self, base: Path):
        self.base = base
        self.vdir = base / "vdir" / "fixture"
        self.vdir.mkdir(parents=True)
        self.env = dict(os.environ, XDG_CONFIG_HOME=str(base / "config"), XDG_DATA_HOME=str(base / "data"),
                        XDG_CACHE_HOME=str(base / "cache"), HOME=str(base), TZ="UTC")

    def config(self, tz: str) -> Path:
        path = self.base / f"khal-{tz.replace('/', '_')}.conf"
        if not path.exists():
            path.write_text(CONFIG.format(vdir=self.vdir, tz=tz, db=self.base / f"khal-{tz.replace('/', '_')}.db"))
        return path

    def run(self, tz: str, *args: str) -> str:
        cmd = [str(KHAL), "-c", str(self.config(tz)), "--no-color", *args]
        proc = subprocess.run(cmd, env=self.env, capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0, f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"
        return proc.stdout


@pytest.fixture(scope="module")
def khal(fixture_build, tmp_path_factory):
    if not KHAL.exists():
        pytest.fail(f"khal not installed next to {sys.executable} (pip install -r IntegrationTests/requirements-feeds.txt)")
    k = Khal(tmp_path_factory.mktemp("khal"))
    k.run("UTC", "import", "--batch", "-a", "fixture", str(fixture_build.out / "calendar.ics"))
    imported = sorted(p.name for p in k.vdir.iterdir())
    expected = sorted(f"{u}.ics" for r in fixture_build.model.runs for u in r.uids(fixture_build.model.host))
    assert imported == expected, f"khal imported {imported}"
    return k


def _expected_lines(run, view_tz: str) -> list[str]:
    zone = ZoneInfo(view_tz)
    lines = []
    for s, e in run.occurrences():
        if isinstance(s, dt.datetime):
            lines.append(f"{s.astimezone(zone):%Y-%m-%d %H:%M}|{e.astimezone(zone):%Y-%m-%d %H:%M}|{run.title}")
        else:  # khal shows an all-day event's last day, not the exclusive end
            lines.append(f"{s:%Y-%m-%d}|{e - dt.timedelta(days=1):%Y-%m-%d}|{run.title}")
    return lines


# (course slug, run index, zone khal is configured with); each run stays within one
# local day in that zone, so khal lists each occurrence exactly once.
CASES = [
    ("dst-spring", 1, "Europe/Stockholm"),  # 09:00-17:00 every day across spring-forward
    ("dst-spring", 1, "UTC"),               # 08:00-16:00, then 07:00-15:00 after the change
    ("dst-fall", 1, "America/New_York"),    # 08:30-16:00 across fall-back
    ("dst-fall", 1, "Europe/Stockholm"),    # 13:30-21:00 ... 14:30-22:00 ... 
    ("sydney", 1, "Australia/Sydney"),      # 10:00-18:00 across the end of AEDT
    ("multi-run", 2, "Europe/Stockholm"),   # second run of a multi-run course, EU fall-back
    ("multi-run", 5, "Asia/Kathmandu"),     # +05:45
    ("all-day", 1, "Europe/Stockholm"),     # VALUE=DATE, three days
]


@pytest.mark.parametrize("slug,index,view_tz", CASES, ids=[f"{s}#{i}@{z}" for s, i, z in CASES])
def test_khal_lists_run_at_local_hours(khal, fixture_build, slug, index, view_tz):
    run = next(r for r in fixture_build.model.runs if r.course_slug == slug and r.index == index)
    first = run.start - dt.timedelta(days=1)
    last = run.end + dt.timedelta(days=1)
    out = khal.run(view_tz, "list", "--format", "{start}|{end}|{title}", "--day-format", "",
                   f"{first:%Y-%m-%d}", f"{last:%Y-%m-%d}")
    got = [line for line in out.splitlines() if line.endswith(f"|{run.title}")]
    want = _expected_lines(run, view_tz)
    assert got == want, f"khal list in {view_tz}:\n{out}"
