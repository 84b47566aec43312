"""The harness's own checkers catch what they are meant to catch (no binary needed).

Each checker used by the feed tests is fed a small hand-written good input
(must pass) and a broken one (must be reported), so a checker that silently
accepts everything cannot hide a generator bug.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icstools
import feedmodel

UTC = dt.timezone.utc

STOCKHOLM_VTZ = """\
BEGIN:VTIMEZONE
TZID:Europe/Stockholm
BEGIN:STANDARD
DTSTART:19961027T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:19810329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
END:DAYLIGHT
END:VTIMEZONE
"""


def _cal(body: str) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//selfcheck//EN", *body.strip("\n").split("\n"),
             "END:VCALENDAR"]
    return "\r\n".join(lines) + "\r\n"


def _vtz(text: str, until=dt.datetime(2031, 1, 1)) -> icstools.VTimezoneOffsets:
    return icstools.VTimezoneOffsets(next(icstools.parse_tree(_cal(text)).walk("VTIMEZONE")), until)


# ------------------------------------------------------------------ raw lines


def test_raw_lines_accepts_good_fold():
    value = "DESCRIPTION:" + "é" * 31  # 12 + 62 = 74 octets
    data = (f"BEGIN:VCALENDAR\r\n{value}\r\n ä€x\r\nEND:VCALENDAR\r\n").encode()
    assert icstools.raw_line_problems(data) == []


def test_raw_lines_reports_each_fault():
    cases = {
        b"BEGIN:VCALENDAR\nEND:VCALENDAR\r\n": "bare LF",
        b"BEGIN:VCALENDAR\rEND:VCALENDAR\r\n": "bare CR",
        b"BEGIN:VCALENDAR\r\nX:" + b"a" * 74 + b"\r\nEND:VCALENDAR\r\n": "76 octets",
        "BEGIN:VCALENDAR\r\nX:ä".encode()[:-1] + b"\r\n " + "ä".encode()[1:] + b"\r\nEND:VCALENDAR\r\n":
            "does not decode",
        b"BEGIN:VCALENDAR\r\nX:a\r\n\tb\r\nEND:VCALENDAR\r\n": "TAB",
        b"BEGIN:VCALENDAR\r\nEND:VCALENDAR": "does not end with CRLF",
    }
    for data, needle in cases.items():
        problems = icstools.raw_line_problems(data)
        assert any(needle in p for p in problems), (data, problems)


# ------------------------------------------------------------------ content lines


def test_parse_line_quoted_params_and_text_unescape():
    p = icstools.parse_line('ORGANIZER;CN="A; b, c: d":mailto:x@example.org')
    assert (p.name, p.params, p.value) == ("ORGANIZER", {"CN": "A; b, c: d"}, "mailto:x@example.org")
    assert icstools.unescape_text(r"a\; b\, c \\ d\ne") == "a; b, c \\ d\ne"
    assert icstools.split_text_list(r"Kaffee,Tee\, schwarz,a\\b") == ["Kaffee", "Tee, schwarz", "a\\b"]


# ------------------------------------------------------------------ VTIMEZONE


def test_vtimezone_offsets_match_tzdata_for_correct_rules():
    vtz = _vtz(STOCKHOLM_VTZ)
    start, end = dt.datetime(2021, 1, 1, tzinfo=UTC), dt.datetime(2022, 1, 1, tzinfo=UTC)
    assert icstools.offset_mismatches(vtz, ZoneInfo("Europe/Stockholm"), start, end) == []


def test_vtimezone_offsets_catch_wrong_rule():
    wrong = STOCKHOLM_VTZ.replace("BYMONTH=3;BYDAY=-1SU", "BYMONTH=3;BYDAY=2SU")  # US-style date
    vtz = _vtz(wrong)
    bad = icstools.offset_mismatches(vtz, ZoneInfo("Europe/Stockholm"),
                                     dt.datetime(2021, 3, 1, tzinfo=UTC), dt.datetime(2021, 4, 1, tzinfo=UTC))
    assert bad and bad[0].startswith("2021-03-14T01:00Z..2021-03-28T00:45Z"), bad


def test_vtimezone_offsets_catch_wrong_transition_hour():
    wrong = STOCKHOLM_VTZ.replace("DTSTART:19810329T020000", "DTSTART:19810329T030000")
    bad = icstools.offset_mismatches(_vtz(wrong), ZoneInfo("Europe/Stockholm"),
                                     dt.datetime(2021, 3, 27, tzinfo=UTC), dt.datetime(2021, 3, 29, tzinfo=UTC))
    assert bad == ["2021-03-28T01:00Z..2021-03-28T01:45Z: VTIMEZONE gives UTC+01:00, tzdata UTC+02:00"]


def test_vtimezone_until_and_rdate():
    """UNTIL in UTC ends a rule; RDATE adds onsets (US 2006 rules, then 2007 rules)."""
    text = """\
BEGIN:VTIMEZONE
TZID:America/New_York
BEGIN:DAYLIGHT
DTSTART:19870405T020000
RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU;UNTIL=20060402T070000Z
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
END:DAYLIGHT
BEGIN:STANDARD
DTSTART:19671029T020000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=20061029T060000Z
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:20070311T020000
RDATE:20080309T020000,20090308T020000
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
END:DAYLIGHT
BEGIN:STANDARD
DTSTART:20071104T020000
RDATE:20081102T020000,20091101T020000
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
END:STANDARD
END:VTIMEZONE
"""
    vtz = _vtz(text, until=dt.datetime(2010, 1, 1))
    zone = ZoneInfo("America/New_York")
    assert icstools.offset_mismatches(vtz, zone, dt.datetime(2005, 1, 1, tzinfo=UTC),
                                      dt.datetime(2009, 12, 31, tzinfo=UTC)) == []
    # Without UNTIL the old October rule would end DST on 2007-10-28, a week early: must be caught.
    no_until = text.replace(";UNTIL=20061029T060000Z", "")
    assert icstools.offset_mismatches(_vtz(no_until, until=dt.datetime(2010, 1, 1)), zone,
                                      dt.datetime(2007, 1, 1, tzinfo=UTC), dt.datetime(2007, 12, 31, tzinfo=UTC)) \
        == ["2007-10-28T06:00Z..2007-11-04T05:45Z: VTIMEZONE gives UTC-05:00, tzdata UTC-04:00"]


# ------------------------------------------------------------------ occurrences


def test_expand_occurrences_daily_rrule_across_dst():
    text = _cal(STOCKHOLM_VTZ + """\
BEGIN:VEVENT
UID:x-1@example.org
DTSTAMP:20200913T122640Z
DTSTART;TZID=Europe/Stockholm:20210327T090000
DTEND;TZID=Europe/Stockholm:20210327T170000
RRULE:FREQ=DAILY;COUNT=2
SUMMARY:S
END:VEVENT
""")
    assert icstools.expand_occurrences(text) == [
        ("S", dt.datetime(2021, 3, 27, 8, tzinfo=UTC), dt.datetime(2021, 3, 27, 16, tzinfo=UTC)),
        ("S", dt.datetime(2021, 3, 28, 7, tzinfo=UTC), dt.datetime(2021, 3, 28, 15, tzinfo=UTC)),
    ]


def test_expand_occurrences_flags_floating_and_block_events():
    text = _cal("""\
BEGIN:VEVENT
UID:x-1@example.org
DTSTAMP:20200913T122640Z
DTSTART:20210327T090000
DTEND:20210329T170000
SUMMARY:S
END:VEVENT
""")
    [(summary, start, end)] = icstools.expand_occurrences(text)
    assert str(start).startswith("FLOATING") and str(end).startswith("FLOATING")


# ------------------------------------------------------------------ model


def test_model_slug_and_inheritance(tmp_path):
    assert feedmodel.instructor_slug("Zoë Muszyński") == "zoe-muszynski"
    assert feedmodel.instructor_slug("José O'Neil  Jr.") == "jose-o-neil-jr"
    content = tmp_path / "content"
    (content / "courses").mkdir(parents=True)
    (content / "site.yml").write_text("title: T\nbase_url: https://h.example.org/x\ntimezone: Asia/Tokyo\n"
                                      "time: '10:00-11:00'\n")
    (content / "courses" / "a.md").write_text(
        "---\ntitle: A\ninstructor: Zoë Muszyński\nruns:\n"
        "  - {start: 2021-01-01}\n"
        "  - {start: 2021-02-01, end: 2021-02-02, time: all-day, instructors: [B]}\n"
        "---\nbody\n---\nnot front matter\n")
    (content / "courses" / "d.md").write_text("---\ntitle: D\nstart: 2021-01-01\ndraft: true\n---\n")
    (content / "courses" / "u.md").write_text("---\ntitle: U\n---\n")
    m = feedmodel.load_site(tmp_path)
    assert m.host == "h.example.org" and m.base_url == "https://h.example.org/x/"
    r1, r2 = m.runs
    assert (r1.uid(m.host), r1.tz, r1.hours, r1.instructors) == \
        ("a-1@h.example.org", "Asia/Tokyo", (dt.time(10), dt.time(11)), ["Zoë Muszyński"])
    assert r1.occurrences() == [(dt.datetime(2021, 1, 1, 1, tzinfo=UTC), dt.datetime(2021, 1, 1, 2, tzinfo=UTC))]
    assert (r2.all_day, r2.instructors, r2.occurrences()) == \
        (True, ["B"], [(dt.date(2021, 2, 1), dt.date(2021, 2, 2)), (dt.date(2021, 2, 2), dt.date(2021, 2, 3))])
    assert r2.uids(m.host) == ["a-2@h.example.org", "a-2.2@h.example.org"]
    assert sorted(m.feeds()) == ["calendar.ics", "courses/a/calendar.ics", "instructors/b/calendar.ics",
                                 "instructors/zoe-muszynski/calendar.ics"]
    assert sorted(m.excluded) == [("d", "D"), ("u", "U")]
