"""Feeds of the booking fixture (Tests/SyllabusKitTests/Fixtures/booking): every feed through the
raw-line check and the three parsers, and each event's STATUS, SUMMARY, SEQUENCE and DESCRIPTION
against the front matter (issue 12: status, price and booking link in the feeds)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import icstools
from feedharness import EPOCH, REPO, build_site

ROOT = REPO / "Tests" / "SyllabusKitTests" / "Fixtures" / "booking"


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("booking-build") / "public"
    build_site(ROOT, out)
    return out


def feeds(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.ics"))}


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1]) or {}


def expected_events() -> dict[str, dict]:
    """UID -> what the event must say, from each course file and site.yml: one event a day
    (`<slug>-<n>`, then `.<day>` from the second day on), for the runs the catalog feed keeps
    (those that ended at most 30 days, the default feed_past_days, before the build date)."""
    import datetime as dt

    site = yaml.safe_load((ROOT / "content" / "site.yml").read_text(encoding="utf-8"))
    build_day = dt.datetime.fromtimestamp(int(EPOCH), dt.timezone.utc).date()
    window_start = build_day - dt.timedelta(days=site.get("feed_past_days", 30))
    events = {}
    for file in sorted((ROOT / "content" / "courses").glob("*.md")):
        fm = front_matter(file)
        raw = fm.get("runs") or ([fm] if fm.get("start") else [])
        for ordinal, run in enumerate(raw, start=1):
            def key(name):
                value = run.get(name) if run is not fm else None
                return value if value is not None else fm.get(name)
            status = key("status") or "scheduled"
            if status in ("scheduled", "tentative") and key("seats") == 0:
                status = "full"
            start = dt.date.fromisoformat(str(run["start"]))
            end = dt.date.fromisoformat(str(run.get("end") or run["start"]))
            if end < window_start:
                continue
            slug = fm.get("slug") or file.stem
            base = f"{slug}.{run['id']}" if run is not fm and run.get("id") else f"{slug}-{ordinal}"
            for day in range((end - start).days + 1):
                uid = base + (f".{day + 1}" if day else "") + "@example.org"
                events[uid] = {
                    "title": fm["title"], "status": status, "has_price": key("price") is not None,
                    "register": key("register") or site.get("register"),
                }
    return events


def test_every_feed_parses(out):
    import icalendar
    import vobject
    from ical.calendar_stream import IcsCalendarStream

    found = feeds(out)
    assert "calendar.ics" in found and len(found) >= 8
    for rel, data in found.items():
        assert not icstools.raw_line_problems(data), rel
        text = data.decode("utf-8")
        events = list(icstools.parse_tree(text).walk("VEVENT"))
        assert len(icalendar.Calendar.from_ical(text).walk("VEVENT")) == len(events), rel
        assert vobject.readOne(text, validate=True).validate(raiseException=True), rel
        assert len(IcsCalendarStream.calendar_from_ics(text).events) == len(events), rel


def test_status_summary_sequence_and_description(out):
    import icalendar

    cal = icalendar.Calendar.from_ical(feeds(out)["calendar.ics"].decode("utf-8"))
    got = {str(ev["UID"]): ev for ev in cal.walk("VEVENT")}
    want = expected_events()
    assert set(got) == set(want), "every run, cancelled ones too, is in the catalog feed"
    problems = []
    for uid, w in want.items():
        ev = got[uid]
        status = {"scheduled": "CONFIRMED", "full": "CONFIRMED", "tentative": "TENTATIVE", "cancelled": "CANCELLED"}[w["status"]]
        if str(ev["STATUS"]) != status:
            problems.append(f"{uid}: STATUS {ev['STATUS']}, expected {status}")
        summary = ("Cancelled: " if w["status"] == "cancelled" else "") + w["title"]
        if str(ev["SUMMARY"]) != summary:
            problems.append(f"{uid}: SUMMARY {str(ev['SUMMARY'])!r}, expected {summary!r}")
        if w["status"] == "cancelled" and int(ev["SEQUENCE"]) < 1:
            problems.append(f"{uid}: cancelled with SEQUENCE {ev['SEQUENCE']}")
        description = str(ev["DESCRIPTION"])
        if w["has_price"] != ("Price: " in description):
            problems.append(f"{uid}: price in DESCRIPTION {description!r}")
        bookable = w["status"] not in ("full", "cancelled") and w["register"]
        if bool(bookable) != ("Book a place: " in description):
            problems.append(f"{uid}: booking link in DESCRIPTION {description!r}")
    assert not problems, "\n".join(problems)
