"""Every feed of the fixture site and of the shipped catalog, checked against
RFC 5545/7986, three independent parsers, tzdata, and the content itself.

Tests taking `feed` run once per feed the content says must exist
(ids like ``fixture:courses/sydney/calendar.ics``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest

import feedmodel
import icstools
from feedharness import EPOCH_STAMP
from feedmodel import instructor_slug

UTC = dt.timezone.utc
DURATION_RE = re.compile(r"^P(?:\d+W|(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?)$")


# ---------------------------------------------------------------- files


def test_feed_set(site_build):
    """Every expected feed is written; any other .ics holds no event."""
    expected = set(site_build.model.feeds())
    found = set(site_build.ics_files())
    missing = sorted(expected - found)
    assert not missing, f"feeds not written: {missing}\n(written: {sorted(found)})"
    stray = [rel for rel in sorted(found - expected) if b"BEGIN:VEVENT" in (site_build.out / rel).read_bytes()]
    assert not stray, f"feeds with events that the content does not call for: {stray}"


def test_excluded_entries_in_no_feed(site_build):
    """Drafts and entries without dates appear in no feed (by UID prefix or title)."""
    excluded = site_build.model.excluded
    if site_build.name == "fixture":
        assert {s for s, _ in excluded} == {"exam", "draft"}, "fixture lost its undated/draft entries"
    problems = []
    for rel in site_build.ics_files():
        feed = site_build.feed(rel)
        for ev in feed.events:
            uid = ev.one("UID").value if ev.one("UID") else ""
            summary = icstools.unescape_text(ev.one("SUMMARY").value) if ev.one("SUMMARY") else ""
            for slug, title in excluded:
                if re.match(rf"^{re.escape(slug)}(-\d+|\.[a-z][a-z0-9-]*)(\.\d+)?@", uid) or summary == title:
                    problems.append(f"{rel}: UID {uid!r} SUMMARY {summary!r} is excluded entry {slug!r}")
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------- raw bytes


def test_raw_lines(feed):
    """CRLF only, <= 75 octets a line, no UTF-8 character split by a fold, folds are one space."""
    problems = icstools.raw_line_problems(feed.data)
    assert not problems, f"{feed.rel}:\n" + "\n".join(problems[:20])


# ---------------------------------------------------------------- parsers


def test_icalendar_parses(feed):
    import icalendar

    cal = icalendar.Calendar.from_ical(feed.text)
    assert cal.name == "VCALENDAR"
    errors = [f"{c.name}: {e}" for c in cal.walk() for e in getattr(c, "errors", [])]
    assert not errors, f"icalendar reported errors in {feed.rel}: {errors}"
    n_events = len(cal.walk("VEVENT"))
    assert n_events == len(feed.events), "icalendar and the raw reader disagree on the number of VEVENTs"


def test_every_tzid_has_vtimezone(feed):
    defined = [c.one("TZID").value for c in feed.tree.walk("VTIMEZONE") if c.one("TZID")]
    dupes = [t for t, n in Counter(defined).items() if n > 1]
    assert not dupes, f"VTIMEZONE defined more than once: {dupes}"
    referenced = set()
    for ev in feed.events:
        for p in ev.props:
            if "TZID" in p.params:
                referenced.add(p.params["TZID"])
    missing = sorted(referenced - set(defined))
    assert not missing, f"TZIDs used without a VTIMEZONE in {feed.rel}: {missing}"


def test_vobject_validates(feed):
    import vobject

    comp = vobject.readOne(feed.text, validate=True)
    assert comp.validate(raiseException=True)
    # vobject has no vevent_list at all for a feed without events (a catalog
    # feed whose runs all ended more than feed_past_days ago).
    assert len(list(getattr(comp, "vevent_list", []))) == len(feed.events)


def test_ical_parses(feed):
    from ical.calendar_stream import IcsCalendarStream

    cal = IcsCalendarStream.calendar_from_ics(feed.text)
    assert len(cal.events) == len(feed.events)


# ---------------------------------------------------------------- calendar properties


def test_calendar_properties(feed):
    problems = []

    def exactly_one(name):
        props = feed.tree.get(name)
        if len(props) != 1:
            problems.append(f"{name}: expected exactly one, found {len(props)}")
            return None
        return props[0]

    version = exactly_one("VERSION")
    if version and version.value != "2.0":
        problems.append(f"VERSION is {version.value!r}")
    prodid = exactly_one("PRODID")
    if prodid and not prodid.value.strip():
        problems.append("PRODID is empty")
    calscale = exactly_one("CALSCALE")
    if calscale and calscale.value != "GREGORIAN":
        problems.append(f"CALSCALE is {calscale.value!r}")
    for name in ("NAME", "X-WR-CALNAME"):
        p = exactly_one(name)
        if p and not icstools.unescape_text(p.value).strip():
            problems.append(f"{name} is empty")
    refresh = exactly_one("REFRESH-INTERVAL")
    if refresh:
        if refresh.params.get("VALUE", "").upper() != "DURATION":
            problems.append(f"REFRESH-INTERVAL lacks VALUE=DURATION (params {refresh.params})")
        if not DURATION_RE.match(refresh.value) or refresh.value in ("PT0S", "P0D"):
            problems.append(f"REFRESH-INTERVAL value {refresh.value!r} is not a positive duration")
    ttl = exactly_one("X-PUBLISHED-TTL")
    if ttl and not DURATION_RE.match(ttl.value):
        problems.append(f"X-PUBLISHED-TTL value {ttl.value!r} is not a duration")
    assert not problems, f"{feed.rel}:\n" + "\n".join(problems)


def test_main_feed_named_after_site(site_build):
    feed = site_build.feed("calendar.ics")
    name = icstools.unescape_text(feed.tree.one("NAME").value)
    wr = icstools.unescape_text(feed.tree.one("X-WR-CALNAME").value)
    title = site_build.model.title
    assert title in name, f"NAME {name!r} does not contain the site title {title!r}"
    assert title in wr, f"X-WR-CALNAME {wr!r} does not contain the site title {title!r}"


def test_method_iff_organizer(feed):
    """METHOD:PUBLISH exactly when every VEVENT has ORGANIZER, and ORGANIZER follows site.yml."""
    methods = feed.tree.get("METHOD")
    with_org = [ev for ev in feed.events if ev.get("ORGANIZER")]
    all_have = len(with_org) == len(feed.events)
    if all_have:
        assert [m.value for m in methods] == ["PUBLISH"], \
            f"every event has ORGANIZER but METHOD is {[m.value for m in methods]}"
    else:
        assert methods == [], f"METHOD {[m.value for m in methods]} although {len(feed.events) - len(with_org)} " \
                              f"of {len(feed.events)} events lack ORGANIZER"
    organizer = feed.built.model.organizer
    if organizer:
        assert all_have, "site.yml sets organizer, but not every event has ORGANIZER"
        for ev in feed.events:
            org = ev.one("ORGANIZER")
            assert org.value.lower() == f"mailto:{organizer['email']}".lower(), f"ORGANIZER {org.value!r}"
            assert org.params.get("CN") == organizer["name"], f"ORGANIZER CN {org.params.get('CN')!r}"
    else:
        assert not with_org, "site.yml sets no organizer, yet events have ORGANIZER"


# ---------------------------------------------------------------- events


def test_uids(feed):
    """UIDs unique, exactly one per day of each run this feed must holds (see feedmodel.Run.uid)."""
    host = feed.built.model.host
    uids = [ev.one("UID").value if ev.one("UID") else None for ev in feed.events]
    dupes = [u for u, n in Counter(uids).items() if n > 1]
    assert not dupes, f"duplicate UIDs in {feed.rel}: {dupes}"
    assert None not in uids, "an event without exactly one UID"
    bad_host = [u for u in uids if not u.endswith(f"@{host}")]
    assert not bad_host, f"UIDs not ending in @{host}: {bad_host}"
    expected = sorted(u for r in feed.expected_runs for u in r.uids(host))
    assert sorted(uids) == expected


def test_dtstamp(feed):
    stamps = [ev.one("DTSTAMP").value if ev.one("DTSTAMP") else None for ev in feed.events]
    assert stamps == [EPOCH_STAMP] * len(feed.events), \
        f"DTSTAMPs with SOURCE_DATE_EPOCH=1600000000: {sorted(set(map(str, stamps)))}"


def test_occurrences(feed):
    """Every occurrence (recurring-ical-events) equals the independently computed one, in UTC."""
    expected = Counter((r.title, s, e) for r in feed.expected_runs for s, e in r.occurrences())
    actual = Counter(feed.occurrences)
    missing = sorted(expected - actual, key=str)
    extra = sorted(actual - expected, key=str)
    msg = [f"{feed.rel}: {sum(expected.values())} expected occurrences, {sum(actual.values())} in the feed"]
    msg += ["  missing:    " + icstools.fmt_occ(o) for o in missing[:15]]
    msg += ["  unexpected: " + icstools.fmt_occ(o) for o in extra[:15]]
    assert not missing and not extra, "\n".join(msg)


def _fmt_local(d: dt.datetime) -> str:
    return d.strftime("%Y%m%dT%H%M%S")


def test_event_structure(feed):
    """Our design: one VEVENT per day of each run, no recurrence; TZID=<IANA name> local
    times at that day's hours, or VALUE=DATE with exclusive DTEND; SEQUENCE a 32-bit
    INTEGER and LAST-MODIFIED in UTC."""
    host = feed.built.model.host
    by_uid = feed.events_by_uid()
    problems = []
    for run in feed.expected_runs:
        for k, day in run.day_events():
            uid = run.uid(host, k)
            evs = by_uid.get(uid, [])
            label = f"{run.label()} day {k}"
            if len(evs) != 1:
                problems.append(f"{label}: {len(evs)} VEVENTs with UID {uid}")
                continue
            ev = evs[0]
            start, end = ev.one("DTSTART"), ev.one("DTEND")
            if start is None or end is None:
                problems.append(f"{label}: needs exactly one DTSTART and one DTEND")
                continue
            if run.all_day:
                want = [("DTSTART", {"VALUE": "DATE"}, day.strftime("%Y%m%d")),
                        ("DTEND", {"VALUE": "DATE"}, (day + dt.timedelta(days=1)).strftime("%Y%m%d"))]
            else:
                s, e = run.local_bounds(day)
                want = [("DTSTART", {"TZID": run.tz}, _fmt_local(s)), ("DTEND", {"TZID": run.tz}, _fmt_local(e))]
            for (name, params, value), got in zip(want, (start, end)):
                if got.params != params or got.value != value:
                    problems.append(f"{label}: {name} is {got.params} {got.value!r}, want {params} {value!r}")
            for name in ("RRULE", "RDATE", "EXDATE", "DURATION"):
                if ev.get(name):
                    problems.append(f"{label}: unexpected {name}")
            seq = ev.get("SEQUENCE")
            if len(seq) != 1 or not seq[0].value.isdigit() or int(seq[0].value) >= 2**31:
                problems.append(f"{label}: SEQUENCE {[p.value for p in seq]}")
            modified = ev.get("LAST-MODIFIED")
            if len(modified) != 1 or not re.fullmatch(r"\d{8}T\d{6}Z", modified[0].value):
                problems.append(f"{label}: LAST-MODIFIED {[p.value for p in modified]}")
            if [p.value for p in ev.get("STATUS")] != ["CONFIRMED"]:
                problems.append(f"{label}: STATUS {[p.value for p in ev.get('STATUS')]}")
    assert not problems, f"{feed.rel}:\n" + "\n".join(problems)


def test_no_text_twice(feed):
    """No event repeats a property, and DESCRIPTION does not repeat SUMMARY or LOCATION."""
    problems = []
    for ev in feed.events:
        names = [p.name for p in ev.props if p.name != "CATEGORIES"]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            problems.append(f"{ev.one('UID').value}: repeated {dupes}")
        desc = icstools.unescape_text(ev.one("DESCRIPTION").value)
        for name in ("SUMMARY", "LOCATION"):
            p = ev.one(name)
            if p and icstools.unescape_text(p.value) in desc:
                problems.append(f"{ev.one('UID').value}: DESCRIPTION repeats {name}")
    assert not problems, "\n".join(problems[:20])


def test_text_fields(feed):
    """SUMMARY = title; DESCRIPTION has summary and page URL; URL; LOCATION; CATEGORIES = tags
    (checked on the raw, unescaped values and again through icalendar)."""
    import icalendar

    host = feed.built.model.host
    by_uid = feed.events_by_uid()
    parsed = {str(ev["UID"]): ev for ev in icalendar.Calendar.from_ical(feed.text).walk("VEVENT")}
    problems = []
    for run, uid in ((r, u) for r in feed.expected_runs for u in r.uids(host)):
        evs = by_uid.get(uid, [])
        if len(evs) != 1 or uid not in parsed:
            problems.append(f"{run.label()}: no single VEVENT {uid}")
            continue
        ev, pev = evs[0], parsed[uid]

        def text(name):
            p = ev.get(name)
            return icstools.unescape_text(p[0].value) if len(p) == 1 else None

        if text("SUMMARY") != run.title or str(pev.get("SUMMARY")) != run.title:
            problems.append(f"{run.label()}: SUMMARY {text('SUMMARY')!r} / icalendar {str(pev.get('SUMMARY'))!r},"
                            f" want {run.title!r}")
        desc = text("DESCRIPTION")
        if desc is None or run.page_url not in desc or (run.summary and run.summary not in desc):
            problems.append(f"{run.label()}: DESCRIPTION {desc!r} lacks summary {run.summary!r} or URL {run.page_url}")
        elif str(pev.get("DESCRIPTION")) != desc:
            problems.append(f"{run.label()}: icalendar reads DESCRIPTION as {str(pev.get('DESCRIPTION'))!r}")
        url = ev.get("URL")
        if [p.value for p in url] != [run.page_url]:
            problems.append(f"{run.label()}: URL {[p.value for p in url]}, want {run.page_url}")
        if run.location is not None:
            if text("LOCATION") != run.location or str(pev.get("LOCATION")) != run.location:
                problems.append(f"{run.label()}: LOCATION {text('LOCATION')!r}, want {run.location!r}")
        if run.tags:
            cats = [c for p in ev.get("CATEGORIES") for c in icstools.split_text_list(p.value)]
            pcats = pev.get("CATEGORIES")
            pcats = pcats if isinstance(pcats, list) else ([pcats] if pcats is not None else [])
            plist = [str(c) for p in pcats for c in p.cats]
            if cats != run.tags or plist != run.tags:
                problems.append(f"{run.label()}: CATEGORIES {cats} / icalendar {plist}, want {run.tags}")
    assert not problems, f"{feed.rel}:\n" + "\n".join(problems)


# ---------------------------------------------------------------- VTIMEZONE vs tzdata


def _feed_span(feed):
    points = []
    for _, s, e in feed.occurrences:
        for v in (s, e):
            if isinstance(v, dt.datetime):
                points.append(v)
            elif isinstance(v, dt.date):
                points.append(dt.datetime.combine(v, dt.time(), tzinfo=UTC))
    assert points, f"{feed.rel}: no occurrences to take a span from"
    return min(points) - dt.timedelta(days=1), max(points) + dt.timedelta(days=1)


def test_vtimezones_match_tzdata(feed):
    """For each VTIMEZONE, every 15 minutes over the feed's span (first start - 1 day ..
    last end + 1 day), its offset (computed from its own STANDARD/DAYLIGHT rules, see
    icstools.VTimezoneOffsets) equals zoneinfo's for the same IANA name."""
    vtzs = list(feed.tree.walk("VTIMEZONE"))
    if not feed.expected_runs:
        assert not vtzs and not feed.events, f"{feed.rel} must be empty: every run ended before its window"
        return
    timed_zones = {r.tz for r in feed.expected_runs if not r.all_day}
    defined = {c.one("TZID").value for c in vtzs if c.one("TZID")}
    assert timed_zones <= defined, f"zones used by timed runs without VTIMEZONE: {sorted(timed_zones - defined)}"
    start, end = _feed_span(feed)
    problems = []
    for comp in vtzs:
        tzid = comp.one("TZID").value
        try:
            zone = ZoneInfo(tzid)
        except (ZoneInfoNotFoundError, ValueError):
            problems.append(f"VTIMEZONE TZID {tzid!r} is not an IANA zone name")
            continue
        vtz = icstools.VTimezoneOffsets(comp, end)
        bad = icstools.offset_mismatches(vtz, zone, start, end)
        if bad:
            problems.append(f"VTIMEZONE {tzid}:\n    " + "\n    ".join(bad))
    assert not problems, f"{feed.rel} ({start:%Y-%m-%d}..{end:%Y-%m-%d}):\n" + "\n".join(problems)


# ---------------------------------------------------------------- model sanity


def test_fixture_model_covers_the_cases(fixture_build):
    """The fixture keeps exercising what it is meant to (guards against a thinned fixture)."""
    runs = fixture_build.model.runs
    zones = {r.tz for r in runs if not r.all_day}
    assert {"Europe/Stockholm", "America/New_York", "Australia/Sydney", "Asia/Tokyo", "UTC"} <= zones
    assert any(r.all_day and r.days > 1 for r in runs) and any(r.days == 1 for r in runs)
    assert any(r.index > 1 for r in runs)
    assert "zoe-muszynski" in {instructor_slug(n) for r in runs for n in r.instructors}


# ---------------------------------------------------------------- site.yml variations


def test_no_organizer_means_no_method_and_no_organizer(tmp_path):
    """A copy of the fixture whose site.yml has no organizer: no METHOD, no ORGANIZER anywhere."""
    import shutil

    from feedharness import FIXTURE_ROOT, build_site

    root = tmp_path / "site"
    shutil.copytree(FIXTURE_ROOT, root)
    site_yml = root / "content" / "site.yml"
    text = site_yml.read_text(encoding="utf-8")
    stripped = re.sub(r"(?ms)^organizer:\n(?:[ #].*\n)*", "", text)
    assert stripped != text and "organizer" not in stripped and "courses@" not in stripped
    site_yml.write_text(stripped, encoding="utf-8")
    out = tmp_path / "public"
    build_site(root, out)
    problems = []
    feeds = sorted(out.rglob("*.ics"))
    assert len(feeds) == len(feedmodel.load_site(root).feeds())
    for p in feeds:
        tree = icstools.parse_tree(p.read_text(encoding="utf-8"))
        if tree.get("METHOD"):
            problems.append(f"{p.relative_to(out)}: METHOD {[m.value for m in tree.get('METHOD')]}")
        if any(ev.get("ORGANIZER") for ev in tree.walk("VEVENT")):
            problems.append(f"{p.relative_to(out)}: ORGANIZER without organizer in site.yml")
    assert not problems, "\n".join(problems)


def test_base_url_override_sets_uid_host_and_urls(tmp_path):
    """`--base-url` overrides site.yml: UIDs end in @<its host>, URL/DESCRIPTION use it."""
    from feedharness import FIXTURE_ROOT, build_site

    out = tmp_path / "public"
    build_site(FIXTURE_ROOT, out, extra_args=("--base-url", "https://mirror.example.net/cat/"))
    model = feedmodel.load_site(FIXTURE_ROOT)
    tree = icstools.parse_tree((out / "calendar.ics").read_text(encoding="utf-8"))
    events = list(tree.walk("VEVENT"))
    runs = {u: r for r in model.runs for u in r.uids("mirror.example.net")}
    assert sorted(ev.one("UID").value for ev in events) == sorted(runs)
    for ev in events:
        slug = runs[ev.one("UID").value].course_slug
        want = f"https://mirror.example.net/cat/courses/{slug}/"
        assert [p.value for p in ev.get("URL")] == [want]
        assert want in icstools.unescape_text(ev.one("DESCRIPTION").value)
