"""Small, independent readers for iCalendar feeds used by the feed tests.

Nothing here trusts the generator: raw bytes are checked as bytes, content
lines are unfolded and split by hand, and VTIMEZONE offsets are computed from
the STANDARD/DAYLIGHT sub-components themselves (DTSTART, RRULE via
dateutil.rrule, RDATE, TZOFFSETFROM/TZOFFSETTO) -- deliberately *not* with
icalendar's ``to_tz()``, because icalendar resolves a TZID that names a known
IANA zone straight to zoneinfo, which would compare tzdata with itself.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from dateutil import rrule as dtrrule

UTC = dt.timezone.utc


# --------------------------------------------------------------------------
# Raw bytes


def raw_line_problems(data: bytes, limit: int = 75) -> list[str]:
    """Every violation of RFC 5545 section 3.1 line rules, as readable strings."""
    problems = []
    if not data.endswith(b"\r\n"):
        problems.append("file does not end with CRLF")
    # bare CR / bare LF anywhere
    for m in re.finditer(rb"\r(?!\n)|(?<!\r)\n", data):
        line_no = data.count(b"\n", 0, m.start()) + 1
        kind = "bare CR" if m.group() == b"\r" else "bare LF"
        problems.append(f"{kind} at byte {m.start()} (line {line_no})")
    physical = data.split(b"\r\n")
    if physical and physical[-1] == b"":
        physical = physical[:-1]
    for n, line in enumerate(physical, start=1):
        if len(line) > limit:
            problems.append(f"line {n} is {len(line)} octets (> {limit}): {line[:80]!r}")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as e:
            problems.append(f"line {n} does not decode as UTF-8 on its own "
                            f"(character split across a fold?): {e}; {line!r}")
        if n == 1 and line[:1] in (b" ", b"\t"):
            problems.append("first line is a continuation line")
        if line[:1] == b"\t":
            problems.append(f"line {n} is continued with a TAB, not a single space: {line[:40]!r}")
        if line == b"":
            problems.append(f"line {n} is empty")
    return problems


def unfold(text: str) -> list[str]:
    """Logical content lines (CRLF + one space/tab removed)."""
    return re.sub(r"\r\n[ \t]", "", text).split("\r\n")[:-1] if text.endswith("\r\n") else \
        re.sub(r"\r?\n[ \t]", "", text).splitlines()


@dataclass
class Prop:
    name: str
    params: dict
    value: str


def parse_line(line: str) -> Prop:
    """Split ``NAME;P=V;Q="x:y":value`` respecting quoted parameter values."""
    i, n, in_quote = 0, len(line), False
    name_end = None
    params: dict = {}
    while i < n:
        c = line[i]
        if c == '"':
            in_quote = not in_quote
        elif not in_quote and c in ";:":
            if name_end is None:
                name_end = i
            if c == ":":
                break
        i += 1
    if i >= n:
        raise ValueError(f"content line without ':': {line!r}")
    head, value = line[:i], line[i + 1:]
    parts = []
    buf, in_quote = "", False
    for c in head:
        if c == '"':
            in_quote = not in_quote
        if c == ";" and not in_quote:
            parts.append(buf)
            buf = ""
        else:
            buf += c
    parts.append(buf)
    for p in parts[1:]:
        k, _, v = p.partition("=")
        params[k.upper()] = v.strip('"')
    return Prop(parts[0].upper(), params, value)


@dataclass
class Comp:
    name: str
    props: list = field(default_factory=list)
    children: list = field(default_factory=list)

    def get(self, name):
        return [p for p in self.props if p.name == name]

    def one(self, name):
        found = self.get(name)
        return found[0] if len(found) == 1 else None

    def walk(self, name):
        for c in self.children:
            if c.name == name:
                yield c
            yield from c.walk(name)


def parse_tree(text: str) -> Comp:
    """The VCALENDAR as a tree of components with raw properties."""
    stack: list[Comp] = []
    root = None
    for line in unfold(text):
        prop = parse_line(line)
        if prop.name == "BEGIN":
            comp = Comp(prop.value.upper())
            if stack:
                stack[-1].children.append(comp)
            else:
                root = comp
            stack.append(comp)
        elif prop.name == "END":
            if not stack or stack[-1].name != prop.value.upper():
                raise ValueError(f"unbalanced END:{prop.value}")
            stack.pop()
        else:
            if not stack:
                raise ValueError(f"property outside any component: {line!r}")
            stack[-1].props.append(prop)
    if root is None or stack:
        raise ValueError("no complete VCALENDAR")
    return root


def unescape_text(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        c = value[i]
        if c == "\\" and i + 1 < len(value):
            nxt = value[i + 1]
            out.append({"n": "\n", "N": "\n"}.get(nxt, nxt))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def split_text_list(value: str) -> list[str]:
    """Split a TEXT list (CATEGORIES) on unescaped commas, then unescape."""
    items, buf, i = [], "", 0
    while i < len(value):
        c = value[i]
        if c == "\\" and i + 1 < len(value):
            buf += value[i:i + 2]
            i += 2
            continue
        if c == ",":
            items.append(buf)
            buf = ""
        else:
            buf += c
        i += 1
    items.append(buf)
    return [unescape_text(x) for x in items]


# --------------------------------------------------------------------------
# VTIMEZONE offsets, computed from the component itself


def parse_utc_offset(text: str) -> dt.timedelta:
    m = re.fullmatch(r"([+-])(\d{2})(\d{2})(\d{2})?", text.strip())
    if not m:
        raise ValueError(f"bad UTC offset {text!r}")
    sign = -1 if m.group(1) == "-" else 1
    return sign * dt.timedelta(hours=int(m.group(2)), minutes=int(m.group(3)), seconds=int(m.group(4) or 0))


def parse_date_time(text: str):
    """(naive datetime, is_utc) for DATE-TIME; date for DATE."""
    text = text.strip()
    if re.fullmatch(r"\d{8}", text):
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8])), False
    m = re.fullmatch(r"(\d{8})T(\d{6})(Z?)", text)
    if not m:
        raise ValueError(f"bad DATE-TIME {text!r}")
    d, t, z = m.groups()
    return dt.datetime(int(d[:4]), int(d[4:6]), int(d[6:8]), int(t[:2]), int(t[2:4]), int(t[4:6])), z == "Z"


class VTimezoneOffsets:
    """UTC offset of a VTIMEZONE at any UTC instant, per RFC 5545 section 3.6.5.

    Each STANDARD/DAYLIGHT sub-component yields onsets (its DTSTART, RRULE
    instances, RDATEs), given in local time *before* the change, i.e. local
    = UTC + TZOFFSETFROM. At an instant the offset is TZOFFSETTO of the latest
    onset at or before it; before the first onset it is that onset's
    TZOFFSETFROM.
    """

    def __init__(self, comp: Comp, until_utc: dt.datetime):
        tzid = comp.one("TZID")
        if tzid is None:
            raise ValueError("VTIMEZONE without exactly one TZID")
        self.tzid = tzid.value
        onsets = []
        subs = [c for c in comp.children if c.name in ("STANDARD", "DAYLIGHT")]
        if not subs:
            raise ValueError(f"VTIMEZONE {self.tzid} has no STANDARD or DAYLIGHT")
        limit = until_utc.replace(tzinfo=None)
        for sub in subs:
            for req in ("DTSTART", "TZOFFSETFROM", "TZOFFSETTO"):
                if sub.one(req) is None:
                    raise ValueError(f"VTIMEZONE {self.tzid} {sub.name} lacks exactly one {req}")
            start, is_utc = parse_date_time(sub.one("DTSTART").value)
            if not isinstance(start, dt.datetime) or is_utc:
                raise ValueError(f"VTIMEZONE {self.tzid} {sub.name} DTSTART must be a local DATE-TIME")
            off_from = parse_utc_offset(sub.one("TZOFFSETFROM").value)
            off_to = parse_utc_offset(sub.one("TZOFFSETTO").value)
            locals_ = [start]
            for rd in sub.get("RDATE"):
                for item in rd.value.split(","):
                    when, rd_utc = parse_date_time(item)
                    if not isinstance(when, dt.datetime):
                        when = dt.datetime.combine(when, start.time())
                    locals_.append(when + off_from if rd_utc else when)
            rrules = sub.get("RRULE")
            if len(rrules) > 1:
                raise ValueError(f"VTIMEZONE {self.tzid} {sub.name} has several RRULEs")
            if rrules:
                rule = rrules[0].value
                m = re.search(r"UNTIL=([0-9TZ]+)", rule)
                if m:
                    until, until_is_utc = parse_date_time(m.group(1))
                    if not isinstance(until, dt.datetime):
                        until = dt.datetime.combine(until, dt.time(23, 59, 59))
                    if until_is_utc:
                        until = until + off_from  # to local wall time before the change
                    rule = rule.replace(m.group(0), "UNTIL=" + until.strftime("%Y%m%dT%H%M%S"))
                for occ in dtrrule.rrulestr(rule, dtstart=start):
                    if occ - off_from > limit:
                        break
                    locals_.append(occ)
            for loc in locals_:
                onsets.append((loc - off_from, off_from, off_to))
        onsets.sort(key=lambda o: o[0])
        self.onsets = onsets
        self._times = [o[0] for o in onsets]

    def utcoffset(self, utc_naive: dt.datetime) -> dt.timedelta:
        i = bisect.bisect_right(self._times, utc_naive)
        if i == 0:
            return self.onsets[0][1]
        return self.onsets[i - 1][2]


def offset_mismatches(vtz: VTimezoneOffsets, zone, start_utc: dt.datetime, end_utc: dt.datetime,
                      step=dt.timedelta(minutes=15), limit: int = 10) -> list[str]:
    """Compare vtz with a tzinfo every `step` over [start, end] (UTC, on 15-minute
    marks); return the mismatching stretches as readable strings (at most `limit`)."""
    stretches = []  # [first, last, got, want]
    t = start_utc.astimezone(UTC).replace(tzinfo=None, second=0, microsecond=0)
    t = t - dt.timedelta(minutes=t.minute % 15)
    end = end_utc.astimezone(UTC).replace(tzinfo=None)
    while t <= end:
        want = t.replace(tzinfo=UTC).astimezone(zone).utcoffset()
        got = vtz.utcoffset(t)
        if got != want:
            last = stretches[-1] if stretches else None
            if last and last[1] == t - step and (last[2], last[3]) == (got, want):
                last[1] = t
            else:
                stretches.append([t, t, got, want])
        t += step
    return [f"{a:%Y-%m-%dT%H:%M}Z..{b:%Y-%m-%dT%H:%M}Z: VTIMEZONE gives UTC{_fmt_td(g)}, tzdata UTC{_fmt_td(w)}"
            for a, b, g, w in stretches[:limit]]


def _fmt_td(td: dt.timedelta) -> str:
    s = int(td.total_seconds())
    sign = "-" if s < 0 else "+"
    s = abs(s)
    return f"{sign}{s // 3600:02d}:{s % 3600 // 60:02d}"


# --------------------------------------------------------------------------
# Occurrences


def expand_occurrences(ics_text: str):
    """[(summary, start, end)] of every occurrence, via recurring-ical-events.

    Timed values come back as UTC datetimes, all-day ones as dates; a floating
    (zone-less) time is returned as a string 'FLOATING ...' so it never equals
    an expected value. icalendar resolves IANA TZIDs with zoneinfo, as
    subscribing clients do; VTIMEZONE bodies are checked separately.
    """
    import icalendar
    import recurring_ical_events

    cal = icalendar.Calendar.from_ical(ics_text)
    result = []
    for ev in recurring_ical_events.of(cal).between(dt.datetime(1990, 1, 1), dt.datetime(2060, 1, 1)):
        summary = str(ev.get("SUMMARY"))
        result.append((summary, _norm(ev["DTSTART"].dt), _norm(ev["DTEND"].dt if "DTEND" in ev else None)))
    return result


def _norm(value):
    if value is None:
        return "MISSING"
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            return f"FLOATING {value.isoformat()}"
        return value.astimezone(UTC)
    return value


def fmt_occ(occ) -> str:
    s, a, b = occ
    f = lambda v: v.strftime("%Y-%m-%dT%H:%MZ") if isinstance(v, dt.datetime) else str(v)
    return f"{s!r} {f(a)} -> {f(b)}"
