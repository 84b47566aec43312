"""Independent expectation model for Syllabus iCalendar feeds.

Reads a site's ``content/`` (site.yml, courses/*.md, instructors/*.md) with
PyYAML and computes, without looking at any generator output:

* which feeds must exist (``calendar.ics``, ``courses/<slug>/calendar.ics``,
  ``instructors/<slug>/calendar.ics``, ``tags/<slug>/calendar.ics``) and which
  runs each must hold: the catalog and topic feeds only runs that ended at most
  ``feed_past_days`` (site.yml, default 30) before the build date (the local
  date in the site's zone of SOURCE_DATE_EPOCH);
* the UID of each day's event: ``<slug>-<n>@host`` for day 1 and
  ``<slug>-<n>.<k>@host`` for day k of the n-th run as written, or
  ``<slug>.<id>[.<k>]@host`` for a run with ``id:``;
* every occurrence of every run: for each day of the run, the local start and
  end at the run's hours in the run's zone, converted to UTC with ``zoneinfo``;
  ``all-day`` runs as (date, next date).

Only the rules of /work/shared/spec/content-format.md are used: runs inherit
``time``/``timezone``/``location``/``instructors`` from the course, ``time``
and ``timezone`` then fall back to site.yml (``timezone`` defaults to UTC,
hours default to all-day), drafts and entries without dates are left out.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import yaml

UTC = dt.timezone.utc

_HOURS_RE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*[-\u2013\u2014]\s*(\d{1,2}):(\d{2})\s*$")

# Letters that do not decompose into base letter + accent (kept in line with
# common slug folding; only used if a content name contains one).
_LIGATURES = {"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}


class ModelError(Exception):
    """The content cannot be modelled (missing site.yml, bad front matter...)."""


def instructor_slug(name: str) -> str:
    """Spec: lower-cased, accents folded to ASCII, other characters to single hyphens."""
    text = unicodedata.normalize("NFKD", name.lower())
    out = []
    for ch in text:
        if unicodedata.category(ch) == "Mn":
            continue
        out.append(_LIGATURES.get(ch, ch))
    folded = "".join(out)
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def tag_slug(name: str) -> str:
    """Topic slugs fold like names, with ``+`` and ``#`` spelled out (C++ -> c-plus-plus)."""
    return instructor_slug(name.replace("+", " plus ").replace("#", " sharp "))


def split_front_matter(path: Path) -> dict:
    """Front matter is the YAML between the first two lines that are exactly ``---``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].rstrip("\r") != "---":
        raise ModelError(f"{path}: does not start with a '---' line")
    for i in range(1, len(lines)):
        if lines[i].rstrip("\r") == "---":
            data = yaml.safe_load("\n".join(lines[1:i])) or {}
            if not isinstance(data, dict):
                raise ModelError(f"{path}: front matter is not a mapping")
            return data
    raise ModelError(f"{path}: no closing '---' line")


def parse_date(value, where: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value.strip())
    raise ModelError(f"{where}: unreadable date {value!r}")


def parse_hours(value, where: str):
    """None for all-day, else (time, time)."""
    if value is None:
        return None
    text = str(value).strip()
    if text.lower() in ("all-day", "all day"):
        return None
    m = _HOURS_RE.match(text)
    if not m:
        raise ModelError(f"{where}: unreadable time {value!r}")
    h1, m1, h2, m2 = (int(g) for g in m.groups())
    return dt.time(h1, m1), dt.time(h2, m2)


def _names(mapping: dict):
    """`instructors: [..]` or `instructor: Name`; None when neither is set."""
    if "instructors" in mapping and mapping["instructors"] is not None:
        value = mapping["instructors"]
        return [str(v) for v in (value if isinstance(value, list) else [value])]
    if "instructor" in mapping and mapping["instructor"] is not None:
        value = mapping["instructor"]
        return [str(v) for v in (value if isinstance(value, list) else [value])]
    return None


@dataclass
class Run:
    course_slug: str
    index: int  # 1-based, as written
    title: str
    summary: str | None
    start: dt.date
    end: dt.date
    hours: tuple | None  # None = all-day
    tz: str
    location: str | None
    instructors: list
    tags: list
    page_url: str
    run_id: str | None = None

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def all_day(self) -> bool:
        return self.hours is None

    def uid(self, host: str, day: int = 1) -> str:
        """UID of the event of day ``day`` (1-based) of this run."""
        run = f"{self.course_slug}.{self.run_id}" if self.run_id else f"{self.course_slug}-{self.index}"
        return f"{run}@{host}" if day == 1 else f"{run}.{day}@{host}"

    def uids(self, host: str) -> list:
        return [self.uid(host, k) for k in range(1, self.days + 1)]

    def day_events(self):
        """[(uid day number, date)] for every day of the run."""
        return [(k + 1, self.start + dt.timedelta(days=k)) for k in range(self.days)]

    def local_bounds(self, day: dt.date):
        """Local aware (start, end) datetimes on one day (fold=0, RFC 5545's choice)."""
        zone = ZoneInfo(self.tz)
        return (dt.datetime.combine(day, self.hours[0], tzinfo=zone),
                dt.datetime.combine(day, self.hours[1], tzinfo=zone))

    def occurrences(self):
        """[(start, end)]: UTC datetimes, or (date, exclusive end date) when all-day."""
        result = []
        for k in range(self.days):
            day = self.start + dt.timedelta(days=k)
            if self.all_day:
                result.append((day, day + dt.timedelta(days=1)))
            else:
                s, e = self.local_bounds(day)
                result.append((s.astimezone(UTC), e.astimezone(UTC)))
        return result

    def label(self) -> str:
        return f"{self.course_slug}#{self.index}"


@dataclass
class SiteModel:
    root: Path
    title: str
    base_url: str
    host: str
    timezone: str
    organizer: dict | None
    build_date: dt.date = dt.date(2020, 9, 13)
    feed_past_days: int = 30
    runs: list = field(default_factory=list)
    dated_slugs: list = field(default_factory=list)
    excluded: list = field(default_factory=list)  # (slug, title) of undated entries and drafts
    titles: dict = field(default_factory=dict)  # slug -> title of every published entry

    def feeds(self) -> dict:
        """relative feed path -> list of runs it must hold (exactly)."""
        recent = [r for r in self.runs if r.end + dt.timedelta(days=self.feed_past_days) >= self.build_date]
        feeds = {"calendar.ics": recent}
        for tag in sorted({tag_slug(t) for r in recent for t in r.tags}):
            feeds[f"tags/{tag}/calendar.ics"] = [r for r in recent if tag in {tag_slug(t) for t in r.tags}]
        for slug in self.dated_slugs:
            feeds[f"courses/{slug}/calendar.ics"] = [r for r in self.runs if r.course_slug == slug]
        instructor_slugs = sorted({instructor_slug(n) for r in self.runs for n in r.instructors})
        for islug in instructor_slugs:
            feeds[f"instructors/{islug}/calendar.ics"] = [
                r for r in self.runs if islug in {instructor_slug(n) for n in r.instructors}]
        return feeds


def load_site(root: Path, epoch: int = 1600000000) -> SiteModel:
    root = Path(root)
    site_path = root / "content" / "site.yml"
    if not site_path.is_file():
        raise ModelError(f"{site_path} is missing")
    site = yaml.safe_load(site_path.read_text(encoding="utf-8")) or {}
    base_url = str(site["base_url"])
    if not base_url.endswith("/"):
        base_url += "/"
    host = urlsplit(base_url).hostname
    site_tz = str(site.get("timezone") or "UTC")
    site_time = site.get("time")
    organizer = site.get("organizer") or None
    build_date = dt.datetime.fromtimestamp(epoch, ZoneInfo(site_tz)).date()
    model = SiteModel(root=root, title=str(site["title"]), base_url=base_url, host=host,
                      timezone=site_tz, organizer=organizer, build_date=build_date,
                      feed_past_days=int(site.get("feed_past_days", 30)))

    for path in sorted((root / "content" / "courses").glob("*.md")):
        fm = split_front_matter(path)
        where = str(path)
        slug = str(fm.get("slug") or path.stem)
        title = str(fm["title"])
        if fm.get("draft") is True:
            model.excluded.append((slug, title))
            continue
        model.titles[slug] = title
        course_names = _names(fm) or []
        course_time = fm.get("time", site_time)
        course_tz = str(fm.get("timezone") or site_tz)
        course_loc = fm.get("location")
        tags = [str(t) for t in (fm.get("tags") or [])]
        summary = fm.get("summary")
        page_url = f"{base_url}courses/{slug}/"
        if fm.get("runs"):
            raw_runs = list(fm["runs"])
        elif fm.get("start") is not None:
            raw_runs = [{"start": fm["start"], "end": fm.get("end")}]
        else:
            model.excluded.append((slug, title))
            continue
        model.dated_slugs.append(slug)
        for i, raw in enumerate(raw_runs, start=1):
            start = parse_date(raw["start"], where)
            end = parse_date(raw["end"], where) if raw.get("end") is not None else start
            if end < start:
                raise ModelError(f"{where}: run {i} ends before it starts")
            names = _names(raw)
            tz = str(raw.get("timezone") or course_tz)
            ZoneInfo(tz)  # must be a known zone
            model.runs.append(Run(
                course_slug=slug, index=i, title=title,
                summary=str(summary) if summary is not None else None,
                start=start, end=end,
                hours=parse_hours(raw.get("time", course_time), where),
                tz=tz,
                location=str(raw.get("location", course_loc)) if raw.get("location", course_loc) is not None else None,
                instructors=names if names is not None else course_names,
                tags=tags, page_url=page_url,
                run_id=str(raw["id"]) if raw.get("id") is not None else None))
    if not model.runs:
        raise ModelError(f"{root}: no scheduled runs; the feed tests would be vacuous")
    return model
