"""What the content says, read independently of the generator, for the page tests.

harness.content_entries() maps titles to slugs with a tiny line reader; the
structured-data, meta and filter tests need the whole front matter (runs,
inherited fields, lists), so this reads it with PyYAML and applies the
inheritance rules of the content format (docs: /work/shared/spec/content-format.md):
a run takes `time`, `timezone`, `location` and `instructors` from its course,
and the course from site.yml (`time`, `timezone`).

Also: building a site from another root (for throw-away sites written by a
test), and pulling the JSON-LD and <meta>/<link> tags out of a page.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import yaml

import harness

# --------------------------------------------------------------------------- slugs


def fold_slug(name: str) -> str:
    """Instructor/tag slug: lower-cased, accents folded to ASCII, other characters to single hyphens."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")


# --------------------------------------------------------------------------- content model


@dataclass
class Run:
    start: dt.date
    end: dt.date
    time: str            # "HH:MM-HH:MM" or "all-day"
    timezone: str
    location: str | None
    instructors: list[str]

    @property
    def days(self) -> list[dt.date]:
        return [self.start + dt.timedelta(days=i) for i in range((self.end - self.start).days + 1)]

    @property
    def months(self) -> set[str]:
        return {d.strftime("%Y-%m") for d in self.days}

    @property
    def hours(self) -> tuple[dt.time, dt.time] | None:
        m = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})\s*", self.time or "")
        if not m:
            return None
        h1, m1, h2, m2 = map(int, m.groups())
        return dt.time(h1, m1), dt.time(h2, m2)


@dataclass
class Course:
    slug: str
    file: Path
    title: str
    summary: str | None
    kind: str | None
    tags: list[str]
    instructors: list[str]
    location: str | None
    runs: list[Run] = field(default_factory=list)

    @property
    def url(self) -> str:
        return harness.BASE_URL + f"courses/{self.slug}/"

    @property
    def path(self) -> str:
        return harness.BASE_PATH + f"courses/{self.slug}/"

    @property
    def all_instructors(self) -> list[str]:
        names = list(self.instructors)
        for run in self.runs:
            names += [n for n in run.instructors if n not in names]
        return names


def front_matter(file: Path) -> dict:
    text = file.read_text(encoding="utf-8").replace("\r\n", "\n")
    m = re.match(r"---\n(.*?\n)---\n", text, re.S)
    assert m, f"{file}: no front matter"
    return yaml.safe_load(m.group(1)) or {}


# The golden fixture that uses every booking key (issue 12), shared with the Swift snapshot test.
BOOKING_ROOT = harness.REPO_ROOT / "Tests" / "SyllabusKitTests" / "Fixtures" / "booking"


def load_site(root: Path = harness.SITE_ROOT) -> dict:
    return yaml.safe_load((root / "content" / "site.yml").read_text(encoding="utf-8")) or {}


def _names(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def load_courses(root: Path = harness.SITE_ROOT, *, drafts: bool = False) -> list[Course]:
    site = load_site(root)
    courses = []
    for file in sorted((root / "content" / "courses").glob("*.md")):
        fm = front_matter(file)
        if fm.get("draft") and not drafts:
            continue
        instructors = _names(fm.get("instructors", fm.get("instructor")))
        time = str(fm.get("time", site.get("time", "all-day")))
        tz = str(fm.get("timezone", site.get("timezone", "UTC")))
        course = Course(
            slug=str(fm.get("slug") or file.stem), file=file, title=str(fm["title"]),
            summary=fm.get("summary"), kind=fm.get("kind"), tags=_names(fm.get("tags")),
            instructors=instructors, location=fm.get("location"))
        raw_runs = fm.get("runs") or ([{"start": fm["start"], "end": fm.get("end")}] if fm.get("start") else [])
        for r in raw_runs:
            start = _date(r["start"])
            course.runs.append(Run(
                start=start, end=_date(r.get("end") or start),
                time=str(r.get("time", time)), timezone=str(r.get("timezone", tz)),
                location=r.get("location", course.location),
                instructors=_names(r.get("instructors", r.get("instructor"))) or instructors))
        courses.append(course)
    return courses


# --------------------------------------------------------------------------- building other roots


def build_root(root: Path, parent: Path, *, timeout: float = 120, epoch: int | None = None) -> Path:
    """Builds <root>/content into <parent>/training/ under harness.BASE_URL; returns that folder."""
    output = parent / harness.BASE_PATH.strip("/")
    cmd = [str(harness.SYLLABUS_BIN), "build", "--root", str(root), "--output", str(output),
           "--base-url", harness.BASE_URL]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=harness.build_env(epoch))
    if proc.returncode != 0 or not (output / "index.html").is_file():
        raise harness.BuildError(f"`{' '.join(cmd)}` exited {proc.returncode}\n"
                                 f"--- stdout\n{proc.stdout}--- stderr\n{proc.stderr}")
    return output


def write_content(root: Path, site_yml: str, courses: dict[str, str], instructors: dict[str, str] | None = None) -> Path:
    (root / "content" / "courses").mkdir(parents=True, exist_ok=True)
    (root / "content" / "site.yml").write_text(site_yml, encoding="utf-8")
    for name, text in courses.items():
        (root / "content" / "courses" / name).write_text(text, encoding="utf-8")
    if instructors:
        (root / "content" / "instructors").mkdir(exist_ok=True)
        for name, text in instructors.items():
            (root / "content" / "instructors" / name).write_text(text, encoding="utf-8")
    return root


# --------------------------------------------------------------------------- reading a page's head


class HeadParser(HTMLParser):
    """<meta>, <link>, <title>, JSON-LD scripts (raw text as the HTML tokenizer sees it), and h1 text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.metas: list[dict] = []
        self.links: list[dict] = []
        self.title = ""
        self.h1 = ""
        self.scripts: list[tuple[dict, str]] = []
        self._in: str | None = None
        self._script_attrs: dict | None = None
        self._buf: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "meta":
            self.metas.append(attrs)
        elif tag == "link":
            self.links.append(attrs)
        elif tag in ("title", "h1") and self._in is None:
            self._in, self._buf = tag, []
        elif tag == "script":
            self._in, self._buf, self._script_attrs = "script", [], attrs

    def handle_endtag(self, tag):
        if tag != self._in:
            return
        text = "".join(self._buf)
        if tag == "title":
            self.title = text
        elif tag == "h1":
            self.h1 = " ".join(text.split())
        elif tag == "script":
            self.scripts.append((self._script_attrs or {}, text))
        self._in = None

    def handle_data(self, data):
        if self._in:
            self._buf.append(data)

    # --- lookups

    def meta(self, *, name: str | None = None, prop: str | None = None) -> list[str]:
        return [m.get("content", "") for m in self.metas
                if (name is not None and m.get("name") == name) or (prop is not None and m.get("property") == prop)]

    def link_rel(self, rel: str, type_: str | None = None) -> list[dict]:
        return [l for l in self.links if rel in l.get("rel", "").split()
                and (type_ is None or l.get("type", "").lower() == type_)]

    def json_ld_raw(self) -> list[str]:
        return [text for attrs, text in self.scripts if attrs.get("type", "").lower() == "application/ld+json"]


def parse_head(html: str) -> HeadParser:
    p = HeadParser()
    p.feed(html)
    p.close()
    return p


def json_ld(html: str) -> list[dict]:
    """Every JSON-LD block of a page, parsed (json.loads raises on invalid JSON)."""
    out = []
    for raw in parse_head(html).json_ld_raw():
        value = json.loads(raw)
        out.extend(value if isinstance(value, list) else [value])
    return out


def of_type(objects: list[dict], type_: str) -> list[dict]:
    def types(o):
        t = o.get("@type")
        return t if isinstance(t, list) else [t]
    return [o for o in objects if type_ in types(o)]


def as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


# --------------------------------------------------------------------------- a varied catalog

# The shipped catalog has one month, one run per course and one zone. This one
# has runs over several months (one spanning a month end), a course given
# three times with per-run hours, zone, place and instructor, an all-day run,
# two instructors on one run, an undated entry, an accented name and a draft.
VARIED_SITE_YML = f"""\
title: Varied catalog
base_url: {harness.BASE_URL}
timezone: Europe/Berlin
time: "09:00-17:00"
description: A catalog with runs in several months.
organizer:
  name: Varied Org
  email: training@example.org
"""

VARIED_COURSES = {
    "alpha.md": """\
---
title: Alpha in three runs
summary: The same course, given three times.
kind: course
instructors: [Ada Lovelace]
location: Berlin
tags: [Erlang, OTP]
runs:
  - {start: 2021-01-30, end: 2021-02-02}
  - {start: 2021-03-10, time: "10:00-12:30", location: Online, instructors: [Grace Hopper]}
  - {start: 2021-11-02, end: 2021-11-04, timezone: Europe/London, location: London}
---

Alpha body.
""",
    "beta.md": """\
---
title: Beta all day
summary: One all-day tutorial.
kind: tutorial
instructor: Grace Hopper
start: 2021-02-15
time: all-day
location: Hamburg
tags: [Elixir]
---

Beta body.
""",
    "gamma.md": """\
---
title: Gamma with two teachers
summary: Two days, two instructors.
instructors: [Ada Lovelace, Grace Hopper]
start: 2021-04-01
end: 2021-04-02
tags: [Elixir, OTP]
---

Gamma body.
""",
    "exam.md": """\
---
title: Exam without dates
summary: Book it when you are ready.
kind: certification
instructors: [Zoë Muszyński]
tags: [Certification]
---

Exam body.
""",
    "draft.md": """\
---
title: Draft never shown
draft: true
start: 2021-05-01
tags: [Secret]
instructors: [Hidden Person]
---

Draft body.
""",
}


def write_varied_site(root: Path) -> Path:
    return write_content(root, VARIED_SITE_YML, VARIED_COURSES)


# --------------------------------------------------------------------------- a catalog over time

# The over-time site is built on 2021-03-01 (noon in Stockholm) with page_size 2:
# runs on both sides of that day, every listing on several pages.
OVER_TIME_BUILD = dt.date(2021, 3, 1)
OVER_TIME_EPOCH = int(dt.datetime(2021, 3, 1, 11, 0, tzinfo=dt.timezone.utc).timestamp())

OVER_TIME_SITE = """title: Training Over Time
base_url: https://example.org/training/
timezone: Europe/Stockholm
time: "09:00-17:00"
page_size: 2
"""

OVER_TIME_COURSES = {
    "erlang-basics.md": """---
title: Erlang Basics
summary: A gentle start with processes and mailboxes.
kind: course
instructors: [Ada Lovelace]
tags: [Erlang, OTP]
location: Stockholm
runs:
  - {start: 2020-11-02, end: 2020-11-04}
  - {start: 2021-03-03, end: 2021-03-05}
---
Processes first.
""",
    "otp-design.md": """---
title: OTP Design
summary: Supervision trees explained with kittens.
instructors: [Grace Hopper]
tags: [Erlang, OTP]
start: 2021-02-25
end: 2021-02-26
---
Trees.
""",
    "elixir-intro.md": """---
title: Elixir Introduction
summary: From pipes to processes.
kind: tutorial
instructors: [Grace Hopper]
tags: [Elixir]
start: 2021-04-12
end: 2021-04-14
location: Gothenburg
---
Pipes.
""",
    "phoenix-live.md": """---
title: Phoenix LiveView
summary: Interactive pages without writing JavaScript.
instructors: [Ada Lovelace, Grace Hopper]
tags: [Elixir, Phoenix]
start: 2021-05-03
time: "10:00-15:00"
location: Online
---
Live.
""",
    "beam-tuning.md": """---
title: BEAM Tuning
summary: Schedulers, memory and the garbage collector.
instructors: [Zoë Muszyński]
tags: [Erlang]
start: 2021-06-07
end: 2021-06-09
timezone: Asia/Tokyo
location: Tokyo
---
Tuning.
""",
    "erlang-exam.md": """---
title: Erlang Certification
summary: A written exam, booked on request.
kind: certification
tags: [Erlang]
---
Write to us.
""",
    "testing-otp.md": """---
title: Testing OTP Systems
summary: Property-based testing of supervisors.
instructors: [Zoë Muszyński]
tags: [Erlang, Testing]
start: 2020-09-14
---
Properties.
""",
    "kafka-beam.md": """---
title: Kafka from the BEAM
summary: Streams, partitions and back-pressure.
instructors: [Ada Lovelace]
tags: [Erlang]
start: 2021-09-20
end: 2021-09-21
location: Online
---
Streams.
""",
}


def write_over_time_site(root: Path) -> Path:
    return write_content(root, OVER_TIME_SITE, OVER_TIME_COURSES)


def catalog_cards(courses, today: dt.date, *, tag=None, instructor=None, month=None) -> list:
    """(course path, start date or None) of the catalog's cards in order, as the contract
    orders them: upcoming runs by date, then the entries with no upcoming run, A-Z;
    filtered by topic, instructor (a run's own) and month (runs only)."""
    runs, rest = [], []
    for c in courses:
        upcoming = [r for r in c.runs if r.end >= today]
        for r in upcoming:
            runs.append((r.start, r.hours[0] if r.hours else dt.time(0, 0), c.title.lower(), c, r))
        if not upcoming:
            rest.append(c)
    runs.sort(key=lambda x: x[:3])
    rest.sort(key=lambda c: c.title.lower())
    out = []
    for _, _, _, c, r in runs:
        if tag and tag not in {fold_slug(t) for t in c.tags}:
            continue
        if instructor and instructor not in {fold_slug(n) for n in r.instructors}:
            continue
        if month and month not in r.months:
            continue
        out.append((c.path, r.start.isoformat()))
    for c in rest:
        if month or (tag and tag not in {fold_slug(t) for t in c.tags}):
            continue
        if instructor and instructor not in {fold_slug(n) for n in c.all_instructors}:
            continue
        out.append((c.path, None))
    return out
