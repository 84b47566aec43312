"""Rebuild behaviour of the feeds: byte-identical output, SOURCE_DATE_EPOCH,
and SEQUENCE bumps when a run's dates, hours or zone change."""

from __future__ import annotations

import datetime as dt
import filecmp
import re
import shutil

import pytest

import icstools
from feedharness import FIXTURE_ROOT, build_site


def _ics_bytes(out):
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.ics"))}


def test_rebuild_is_byte_identical(site_build, tmp_path):
    """Same input, another output folder and another machine zone (TZ): identical feeds."""
    out2 = tmp_path / "public"
    build_site(site_build.root, out2, tz="America/Los_Angeles")
    first, second = _ics_bytes(site_build.out), _ics_bytes(out2)
    assert sorted(first) == sorted(second), "the two builds wrote different sets of feeds"
    differing = [rel for rel in first if first[rel] != second[rel]]
    detail = []
    for rel in differing[:3]:
        a, b = first[rel].split(b"\r\n"), second[rel].split(b"\r\n")
        diff = [f"    {x!r} != {y!r}" for x, y in zip(a, b) if x != y][:5]
        detail.append(f"  {rel}:\n" + "\n".join(diff))
    assert not differing, "feeds differ between identical builds:\n" + "\n".join(detail)


def test_source_date_epoch_sets_dtstamp(tmp_path):
    """DTSTAMP follows SOURCE_DATE_EPOCH (here 1700000000 = 2023-11-14T22:13:20Z), it is not hard-coded."""
    out = tmp_path / "public"
    build_site(FIXTURE_ROOT, out, epoch="1700000000")
    # A course feed: in 2023 every fixture run is long past, so /calendar.ics is empty.
    text = (out / "courses" / "dst-spring" / "calendar.ics").read_text(encoding="utf-8")
    stamps = {ev.one("DTSTAMP").value for ev in icstools.parse_tree(text).walk("VEVENT")}
    assert stamps == {"20231114T221320Z"}


# ------------------------------------------------------------------ SEQUENCE


def _sequences(out) -> dict:
    """{(feed, uid): SEQUENCE} for every event of every feed (missing SEQUENCE = 0, RFC 5545)."""
    result = {}
    for p in sorted(out.rglob("*.ics")):
        rel = p.relative_to(out).as_posix()
        for ev in icstools.parse_tree(p.read_text(encoding="utf-8")).walk("VEVENT"):
            seq = ev.one("SEQUENCE")
            result[(rel, ev.one("UID").value)] = int(seq.value) if seq else 0
    return result


def _dtstart(out, rel, uid):
    for ev in icstools.parse_tree((out / rel).read_text(encoding="utf-8")).walk("VEVENT"):
        if ev.one("UID").value == uid:
            p = ev.one("DTSTART")
            return p.params, p.value
    raise AssertionError(f"{uid} not in {rel}")


# (file, old text, new text, UID that changes, DTSTART (params, value) after the edit)
EDITS = {
    "hours": ("multi-run.md", 'time: "14:00-18:00"', 'time: "15:00-19:00"',
              "multi-run-2@feeds.example.org", ({"TZID": "Europe/Stockholm"}, "20211030T150000")),
    "dates": ("dst-spring.md", "start: 2021-03-27", "start: 2021-03-26",
              "dst-spring-1@feeds.example.org", ({"TZID": "Europe/Stockholm"}, "20210326T090000")),
    "zone": ("tokyo.md", "timezone: Asia/Tokyo", "timezone: Asia/Seoul",
             "tokyo-1@feeds.example.org", ({"TZID": "Asia/Seoul"}, "20210601T130000")),
}


@pytest.mark.parametrize("kind", sorted(EDITS))
def test_sequence_bumps_only_for_changed_run(kind, tmp_path):
    fname, old, new, uid, want_start = EDITS[kind]
    root = tmp_path / "site"
    shutil.copytree(FIXTURE_ROOT, root)
    out = tmp_path / "public"

    build_site(root, out)
    before = _sequences(out)
    assert any(u == uid for _, u in before), f"{uid} missing from the first build"

    course = root / "content" / "courses" / fname
    text = course.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"fixture edit anchor {old!r} not found once in {fname}"
    course.write_text(text.replace(old, new), encoding="utf-8")

    def of_run(u):  # every day's event of the edited run (see feedmodel.Run.uid)
        return u == uid or u.startswith(uid.split("@")[0] + ".")

    build_site(root, out)  # same output folder: the old feeds are there
    after = _sequences(out)
    assert set(before) <= set(after), "the edit dropped events"
    added = sorted(k for k in set(after) - set(before) if not of_run(k[1]))
    assert not added, f"the edit added events of other runs: {added}"
    assert _dtstart(out, f"courses/{fname[:-3]}/calendar.ics", uid) == want_start, "the edit did not take effect"
    wrong = []
    for key in sorted(before):
        feed, u = key
        if of_run(u) and not after[key] > before[key]:
            wrong.append(f"{feed} {u}: SEQUENCE {before[key]} -> {after[key]} (changed {kind}: must go up)")
        if not of_run(u) and after[key] != before[key]:
            wrong.append(f"{feed} {u}: SEQUENCE {before[key]} -> {after[key]} (unchanged run: must stay)")
    assert not wrong, "\n".join(wrong)

    build_site(root, out)  # no change at all
    again = _sequences(out)
    moved = [f"{f} {u}: {after[(f, u)]} -> {again[(f, u)]}" for f, u in sorted(after) if again.get((f, u)) != after[(f, u)]]
    assert not moved, "SEQUENCE changed on a rebuild without changes:\n" + "\n".join(moved)
