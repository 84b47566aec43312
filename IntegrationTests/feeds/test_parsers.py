"""The hard-zone fixture (hardzones/: DST changes in 2018 and 2020 in
Stockholm, New York, Sydney, Lord Howe, Chatham, São Paulo, Dublin,
Casablanca and Tehran, Kathmandu's +05:45, an all-day run) read by every
calendar parser at hand. Each occurrence each parser finds must equal what
``zoneinfo`` computes from the front matter (feedmodel.py):

* icalendar with recurring-ical-events, and vobject (which builds its zones
  from the feed's own VTIMEZONE);
* libical through GObject introspection (``gir1.2-ical-3.0``), run by Debian's
  /usr/bin/python3 since the venv cannot import ``gi``; zones again from the
  feed's VTIMEZONEs (``ICalTimezone.set_component``), and libical must count
  no errors;
* calcurse, importing and listing with ``TZ`` set to the run's zone and to UTC.

Course feeds are checked: they hold every run, while /calendar.ics holds only
recent ones. Every VTIMEZONE must also agree with tzdata every 15 minutes.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import feedmodel
import icstools
from feedharness import HERE, build_site

UTC = dt.timezone.utc
ROOT = HERE / "hardzones"
DEBIAN_PYTHON = Path("/usr/bin/python3")
CALCURSE = shutil.which("calcurse") or "/usr/bin/calcurse"
MODEL = feedmodel.load_site(ROOT)
SLUGS = sorted(MODEL.dated_slugs)

LIBICAL_SCRIPT = r"""
import json, sys
import gi
gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib as I

cal = I.Component.new_from_string(open(sys.argv[1], encoding="utf-8").read())
zones = {}
c = cal.get_first_component(I.ComponentKind.VTIMEZONE_COMPONENT)
while c:
    tz = I.Timezone.new()
    tz.set_component(c.clone())
    zones[tz.get_tzid()] = tz
    c = cal.get_next_component(I.ComponentKind.VTIMEZONE_COMPONENT)

def value(event, kind, get):
    prop = event.get_first_property(kind)
    t = get(prop)
    if t.is_date():
        return t.as_ical_string()
    tzid = prop.get_first_parameter(I.ParameterKind.TZID_PARAMETER)
    return t.as_timet_with_zone(zones[tzid.get_tzid()])

events = []
e = cal.get_first_component(I.ComponentKind.VEVENT_COMPONENT)
while e:
    events.append([e.get_summary(), value(e, I.PropertyKind.DTSTART_PROPERTY, I.Property.get_dtstart),
                   value(e, I.PropertyKind.DTEND_PROPERTY, I.Property.get_dtend)])
    e = cal.get_next_component(I.ComponentKind.VEVENT_COMPONENT)
print(json.dumps({"errors": cal.count_errors(), "zones": sorted(zones), "events": events}))
"""


@pytest.fixture(scope="module")
def hard_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("hardzones") / "public"
    build_site(ROOT, out)
    return out


def _runs(slug):
    return [r for r in MODEL.runs if r.course_slug == slug]


def _expected(slug) -> Counter:
    return Counter((r.title, s, e) for r in _runs(slug) for s, e in r.occurrences())


def _feed(hard_build, slug) -> str:
    return (hard_build / "courses" / slug / "calendar.ics").read_text(encoding="utf-8")


def _compare(name, expected: Counter, actual: Counter):
    missing, extra = expected - actual, actual - expected
    lines = [f"{name}: {sum(expected.values())} expected, {sum(actual.values())} found"]
    lines += ["  missing:    " + icstools.fmt_occ(o) for o in sorted(missing, key=str)[:10]]
    lines += ["  unexpected: " + icstools.fmt_occ(o) for o in sorted(extra, key=str)[:10]]
    assert not missing and not extra, "\n".join(lines)


def test_fixture_covers_the_hard_zones():
    zones = {r.tz for r in MODEL.runs}
    assert {"Europe/Stockholm", "America/New_York", "Australia/Sydney", "Australia/Lord_Howe", "Pacific/Chatham",
            "America/Sao_Paulo", "Europe/Dublin", "Africa/Casablanca", "Asia/Tehran", "Asia/Kathmandu"} <= zones
    assert {r.start.year for r in MODEL.runs if r.tz == "America/Sao_Paulo"} == {2018, 2020}
    assert any(r.all_day for r in MODEL.runs)
    # Each timed DST zone has a run whose days straddle one of its changes.
    for zone in zones - {"Asia/Kathmandu"}:
        runs = [r for r in MODEL.runs if r.tz == zone and not r.all_day]
        assert any(ZoneInfo(zone).utcoffset(dt.datetime.combine(r.start, dt.time(12)))
                   != ZoneInfo(zone).utcoffset(dt.datetime.combine(r.end, dt.time(12))) for r in runs), zone


@pytest.mark.parametrize("slug", SLUGS)
def test_recurring_ical_events(hard_build, slug):
    _compare("recurring-ical-events", _expected(slug), Counter(icstools.expand_occurrences(_feed(hard_build, slug))))


@pytest.mark.parametrize("slug", SLUGS)
def test_vobject_with_the_feeds_own_vtimezones(hard_build, slug):
    import vobject

    # vobject keeps the zone of the first VTIMEZONE it saw for a TZID, for the
    # whole process: forget earlier feeds' zones (other years) so this feed's own are used.
    tzids = vobject.icalendar.__dict__["__tzidMap"]
    for tzid in [t for t in tzids if t != "UTC"]:
        del tzids[tzid]
    cal = vobject.readOne(_feed(hard_build, slug), validate=True)
    found = Counter()
    for ev in cal.vevent_list:
        s, e = ev.dtstart.value, ev.dtend.value
        if isinstance(s, dt.datetime):
            s, e = s.astimezone(UTC), e.astimezone(UTC)
        found[(ev.summary.value, s, e)] += 1
    _compare("vobject", _expected(slug), found)


@pytest.mark.parametrize("slug", SLUGS)
def test_libical(hard_build, slug, tmp_path):
    if not DEBIAN_PYTHON.exists():
        pytest.fail("/usr/bin/python3 missing: libical is used through Debian's python3-gi (scripts/install-test-tools.sh)")
    script = tmp_path / "libical_events.py"
    script.write_text(LIBICAL_SCRIPT)
    proc = subprocess.run([str(DEBIAN_PYTHON), str(script), str(hard_build / "courses" / slug / "calendar.ics")],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, f"libical could not read the feed (apt install gir1.2-ical-3.0 python3-gi):\n{proc.stderr}"
    result = json.loads(proc.stdout)
    assert result["errors"] == 0, f"libical counts {result['errors']} errors"
    found = Counter()
    for summary, s, e in result["events"]:
        if isinstance(s, str):
            s, e = dt.datetime.strptime(s, "%Y%m%d").date(), dt.datetime.strptime(e, "%Y%m%d").date()
        else:
            s, e = dt.datetime.fromtimestamp(s, UTC), dt.datetime.fromtimestamp(e, UTC)
        found[(summary, s, e)] += 1
    _compare("libical", _expected(slug), found)


def _calcurse(feed: Path, view_tz: str, first: dt.date, days: int, datadir: Path) -> tuple[set, set]:
    """(timed appointments as 'start|end|title' in view_tz, (day, title) of all-day events)."""
    datadir.mkdir()
    env = {"TZ": view_tz, "HOME": str(datadir), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run([CALCURSE, "-D", str(datadir), "-q", "-i", str(feed)], env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, f"calcurse import failed:\n{proc.stdout}\n{proc.stderr}"
    proc = subprocess.run([CALCURSE, "-D", str(datadir), "-Q", "--from", first.strftime("%m/%d/%Y"), "--days", str(days),
                           "--format-apt", "A|%(start:%Y-%m-%d %H:%M)|%(end:%Y-%m-%d %H:%M)|%m\\n",
                           "--format-recur-apt", "A|%(start:%Y-%m-%d %H:%M)|%(end:%Y-%m-%d %H:%M)|%m\\n",
                           # calcurse stores the 25-hour day of a DST change as a one-day recurrence.
                           "--format-event", "E|%m\\n", "--format-recur-event", "E|%m\\n"], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    timed, all_day, day = set(), set(), None
    for line in proc.stdout.splitlines():
        if line.endswith(":") and line[:-1].count("/") == 2:
            day = dt.datetime.strptime(line[:-1], "%m/%d/%y").date()
        elif line.startswith("A|"):
            timed.add(line[2:])  # an appointment past midnight is listed under both days
        elif line.startswith("E|"):
            all_day.add((day, line[2:]))
    return timed, all_day


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("view", ["run", "UTC"])
def test_calcurse(hard_build, slug, view, tmp_path):
    if not Path(CALCURSE).exists():
        pytest.fail("calcurse missing (scripts/install-test-tools.sh installs it)")
    feed = hard_build / "courses" / slug / "calendar.ics"
    runs = _runs(slug)
    view_tz = runs[0].tz if view == "run" else "UTC"
    first = min(r.start for r in runs) - dt.timedelta(days=1)
    days = (max(r.end for r in runs) - first).days + 3
    timed, all_day = _calcurse(feed, view_tz, first, days, tmp_path / "calcurse")
    zone = ZoneInfo(view_tz)
    want_timed, want_all_day = set(), set()
    for r in runs:
        for s, e in r.occurrences():
            if r.all_day:
                want_all_day.add((s, r.title))
            else:
                want_timed.add(f"{s.astimezone(zone):%Y-%m-%d %H:%M}|{e.astimezone(zone):%Y-%m-%d %H:%M}|{r.title}")
    assert sorted(timed ^ want_timed) == [] and all_day == want_all_day, \
        f"calcurse in TZ={view_tz}:\n  missing {sorted(want_timed - timed)}\n  unexpected {sorted(timed - want_timed)}" \
        f"\n  all-day {sorted(all_day ^ want_all_day)}"


@pytest.mark.parametrize("slug", SLUGS)
def test_vtimezones_match_tzdata(hard_build, slug):
    text = _feed(hard_build, slug)
    points = [v if isinstance(v, dt.datetime) else dt.datetime.combine(v, dt.time(), tzinfo=UTC)
              for _, s, e in icstools.expand_occurrences(text) for v in (s, e)]
    start, end = min(points) - dt.timedelta(days=1), max(points) + dt.timedelta(days=1)
    problems = []
    for comp in icstools.parse_tree(text).walk("VTIMEZONE"):
        tzid = comp.one("TZID").value
        bad = icstools.offset_mismatches(icstools.VTimezoneOffsets(comp, end), ZoneInfo(tzid), start, end)
        if bad:
            problems.append(f"{tzid}: {bad[:3]}")
    assert not problems, "\n".join(problems)
