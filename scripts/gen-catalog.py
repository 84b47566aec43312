#!/usr/bin/env python3
"""Synthetic training catalog for benchmarks (Python 3 standard library only).

    scripts/gen-catalog.py --courses N --out DIR [--seed S] [--force]

Writes DIR/content/site.yml, DIR/content/courses/<slug>.md and
DIR/content/instructors/<slug>.md in the format of docs/content-format.md.
The same arguments always give byte-identical files (no clock, no set
iteration order, no hash randomisation is involved).

Shape of the corpus (the shape of shared/bench's Hugo baseline corpus, so the
two generators' numbers can be compared):
  * about N/15 instructors with accented names (given+family, then given+given+family
    past 54,000 courses), ~80% of them with a profile
    (role, links, a Markdown bio), the rest known only by name; popularity is
    skewed so the first instructors teach many more courses than the last;
  * ~5% certifications without dates (half without instructors), ~10% entries
    with 2 or 3 runs (`runs:` list, some runs overriding zone, location,
    instructors or hours), ~2% runs of 3 days across a DST change, ~3% drafts,
    ~2% with an explicit `slug:`;
  * dates on working days from 2021-01 to 2023-12, runs of 1-3 days, hours
    written in every accepted way (`09:00-17:00`, `10:00 – 18:00`, `all-day`),
    6 time zones, 1-4 tags out of 18;
  * CommonMark bodies of 1.5-5.7 KB: paragraphs with emphasis, code spans,
    inline HTML, headings, bullet lists, fenced code blocks (30%), links to
    other course files (`[x](other.md)`, rewritten by the build) and to the web.
"""
import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import sys
import unicodedata

GIVEN = ("Robert Mikael Bryan Dmytro Stavros Åsa Jürgen José François Łukasz Zoë Chloé Søren Björn Ingrid Ana "
         "Kenji Yuki Priya Amara Olga Noémie Tomás Henrik Fatima Chen Sean Laura Pedro Ólafur Margit Ewa Luis "
         "Hannah Oskar Ilse Marco Siobhán Anaïs Dragoș Anna Erik Maria John David Sarah Michael Emma James Lisa "
         "Peter Karin Tom Nina Alex Sophie Daniel Julia Paul Eva").split()
FAMILY = ("Virding Muszyński Hunt Lytovchenko Aronis Åkesson Müller García Lefèvre Kowalski Ødegaard Nilsson "
          "Björk Tanaka Yamamoto Okafor Ivanova Dubois Núñez Lindqvist Haddad Wang O'Brien Rossi Schäfer "
          "Fernández Sørensen Novák Kaczmarek Eriksson Brown Smith Petrović Çelik Jansen Gruber Moreau Löwe "
          "Horváth Silva Johnson Andersson Larsson Miller Davis Wilson Taylor Clark Hall Young King Wright "
          "Lopez Hill Scott Green Adams Baker Nelson Carter").split()
TOPICS = ["Erlang", "Elixir", "OTP", "BEAM", "Phoenix", "Ecto", "Kubernetes", "Docker", "Rust", "Go", "C++",
          "Node.js", "PostgreSQL", "Kafka", "RabbitMQ", "gRPC", "LiveView", "Nerves"]
TITLE_FORMS = [
    "{x} for the seasoned {y} developer", "{x} Behaviours: Behind the Scenes", "Clueful {x} with {y}",
    "{x} VM under the Hood", "Unit, System and Property Based Testing - Break your {x} system before your "
    "customers do!", "{x} & {y}: a hands-on introduction", "Complete {x}", "{x} in production (advanced)",
    "What's new in {x}?", "Scaling {x} to billions of users", "Debugging {x}/{y} systems",
    "{x} for \"{y}\" people", "The hitchhiker's guide to {x}", "Fault-tolerant {x} -- the {y} way",
]
TITLE_SUFFIXES = ["", "", "", " (2nd edition)", ": Part II", " - Level 2", " [remote]", " for teams"]
TAG_NAMES = ["Erlang", "OTP", "Elixir", "Kubernetes", "BEAM", "Testing", "Phoenix", "Docker", "Observability",
             "Security", "C++", "C#", "Rust", "Go", "Node.js", "DevOps", "Databases", "R&D"]
# (zone, city, weight)
ZONES = [("Europe/Stockholm", "Stockholm", 55), ("Europe/London", "London", 15),
         ("America/New_York", "New York", 14), ("Asia/Tokyo", "Tokyo", 10),
         ("Europe/Berlin", "Berlin", 4), ("Australia/Sydney", "Sydney", 2)]
HOURS = ["09:00-17:00", "09:30-16:30", "10:00 – 18:00", "08:30 - 16:00", "13:00-17:00", "all-day"]
HOURS_WEIGHTS = [40, 15, 10, 10, 15, 10]
WHO = ["This course", "This section", "The tutorial", "The supervisor", "A generic server", "The scheduler",
       "The event manager", "Each lab", "Your instructor", "The case study", "The final exercise"]
DOES = ["introduces", "covers", "explains", "looks at", "walks through", "compares", "shows how to monitor",
        "demystifies", "builds on", "takes apart", "abstracts"]
WHAT = ["fault-tolerant systems", "the supervisor behaviour", "distributed {x}", "release handling",
        "back-pressure & load regulation", "garbage collection", "ETS tables", "hot code loading",
        "the `gen_server:call/3` timeout", "queues where *length < limit*", "R&D prototypes",
        "finite state machines", "process priorities", "memory allocators", "{x} clusters on {y}",
        "`{{ok, Pid}}` return values", "the \"let it crash\" philosophy", "{x}'s scheduler internals",
        "<kbd>Ctrl</kbd>+<kbd>C</kbd> in the shell", "binary pattern matching", "`:observer.start()`"]
HOW = ["", "", " in production", " under load", ", with hands-on exercises", " -- and when not to",
       " so you can build maintainable software", " step by step", " (with live coding)",
       ", \"the hard way\"", " on {y}", "; it's easier than you'd think"]
OUTLINE = ["Life before OTP", "Processes under the hood", "The process scheduler", "Memory management",
           "Tweaking & fine-tuning", "Generic servers", "Supervisors", "Event handlers", "Applications",
           "Releases and upgrades", "Mocking frameworks", "Property-based testing", "Common Test",
           "Load regulation", "Observability: logs, metrics & traces", "Deploying on {y}", "Wrap-up & Q&A"]
SNIPPETS = [
    "```erlang\nhandle_call({get, Key}, _From, State) when Key =/= undefined ->\n"
    "    {reply, maps:get(Key, State, <<\"none\">>), State}.\n```",
    "```elixir\ndef handle_info(:tick, %{count: n} = state) when n < 10 and n >= 0 do\n"
    "  {:noreply, %{state | count: n + 1}}\nend\n```",
    "```sh\nkubectl get pods -l app=beam && kubectl logs -f pod/api-0 2>&1 | grep -v '<debug>'\n```",
    "```\n$ erl -sname node1 -setcookie secret\n1> net_adm:ping('node2@host').\npong\n```",
]
VERBS = ["Use", "Apply", "Understand", "Debug", "Structure", "Monitor", "Explain", "Tune", "Test"]
ROLES = ["Erlang co-creator", "Senior trainer", "Consultant & architect", "Developer advocate",
         "Principal engineer", "Author of \"Designing for Scalability\""]
SITE = [("title", "Erlang & Elixir Training Catalog"), ("base_url", "https://training.example.org/catalog/"),
        ("timezone", "Europe/Stockholm"), ("time", "09:00-17:00"), ("language", "en"),
        ("description", "Courses, tutorials & certifications for the BEAM")]
FIRST_DAY, LAST_DAY = dt.date(2021, 1, 4), dt.date(2023, 12, 20)
YEARS = (2021, 2022, 2023)
ONE_DAY = dt.timedelta(days=1)
NO_DECOMPOSITION = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss",
                                  "đ": "d", "ð": "d", "þ": "th", "œ": "oe", "ı": "i"})


def slug(text):
    """Lower case, accents folded to ASCII, every other run of characters one hyphen (the spec's rule)."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(NO_DECOMPOSITION)).encode("ascii", "ignore")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.decode().lower()).strip("-")


PLAIN_BLOCK = re.compile(r"[A-Za-zÀ-ɏ][\wÀ-ɏ .'/()+,-]*")
PLAIN_FLOW = re.compile(r"[A-Za-zÀ-ɏ][\wÀ-ɏ .'/()+-]*")


def yaml_scalar(value, in_flow=False):
    """A plain scalar where that is unambiguous, else a double-quoted one (JSON strings are valid YAML)."""
    pattern = PLAIN_FLOW if in_flow else PLAIN_BLOCK
    if pattern.fullmatch(value) and not value.endswith(" ") and value.lower() not in ("yes", "no", "true", "false",
                                                                                      "null", "on", "off"):
        return value
    return json.dumps(value, ensure_ascii=False)


def yaml_list(values):
    return "[" + ", ".join(yaml_scalar(v, in_flow=True) for v in values) + "]"


def last_sunday(year, month):
    day = (dt.date(year + month // 12, month % 12 + 1, 1)) - ONE_DAY
    return day - dt.timedelta(days=(day.weekday() + 1) % 7)


def nth_sunday(year, month, n):
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))


def dst_changes(zone):
    """Days on which `zone` switches to or from summer time in the corpus' years."""
    if zone.startswith("Europe/"):
        return [last_sunday(y, m) for y in YEARS for m in (3, 10)]
    return [d for y in YEARS for d in (nth_sunday(y, 3, 2), nth_sunday(y, 11, 1))]  # America/New_York


class Catalog:
    def __init__(self, courses, seed):
        self.rng = random.Random(seed)
        self.n = courses
        self.people = self.names(max(3, round(courses / 15)))
        quarter = max(1, len(self.people) / 4)
        self.popularity = [1 / (1 + i / quarter) for i in range(len(self.people))]
        self.with_profile = [p for p in self.people if self.rng.random() < 0.8]
        self.entries = []
        self.stems = set()

    def names(self, count):
        """`count` distinct instructor names. Up to the 3,600 given+family pairs this draws exactly as
        before 2026-12 (so corpora of up to 54,000 courses are byte-identical to earlier ones); beyond,
        every pair is used and the rest are "given given family" triples drawn by index from their
        whole space (212,400 more), so the seed alone decides them and nothing is materialised."""
        pairs = [(g, f) for g in GIVEN for f in FAMILY]
        if count <= len(pairs):
            return [f"{g} {f}" for g, f in self.rng.sample(pairs, count)]
        space = len(GIVEN) * (len(GIVEN) - 1) * len(FAMILY)
        if count > len(pairs) + space:
            sys.exit(f"at most {len(pairs) + space:,} instructor names; {count:,} asked for")
        names = [f"{g} {f}" for g, f in self.rng.sample(pairs, len(pairs))]
        for index in self.rng.sample(range(space), count - len(pairs)):
            first, rest = divmod(index, (len(GIVEN) - 1) * len(FAMILY))
            second, family = divmod(rest, len(FAMILY))
            second += second >= first  # skip the first given name: no "Anna Anna"
            names.append(f"{GIVEN[first]} {GIVEN[second]} {FAMILY[family]}")
        return names

    # -- small helpers -------------------------------------------------------
    def teachers(self, count):
        return list(dict.fromkeys(self.rng.choices(self.people, self.popularity, k=count)))

    def stress(self, phrase):
        if any(c in phrase for c in "`*<"):
            return phrase
        return self.rng.choice([phrase, phrase, phrase, f"*{phrase}*", f"**{phrase}**", f"_{phrase}_"])

    def sentence(self, x, y):
        r = self.rng
        text = f"{r.choice(WHO)} {r.choice(DOES)} {self.stress(r.choice(WHAT))}{r.choice(HOW)}."
        return text.format(x=x, y=y)

    def paragraph(self, x, y, count):
        return " ".join(self.sentence(x, y) for _ in range(count))

    def objective(self, x, y):
        r = self.rng
        return f"{r.choice(VERBS)} {self.stress(r.choice(WHAT))}{r.choice(HOW)}.".format(x=x, y=y)

    # -- entries -------------------------------------------------------------
    def one_run_dates(self):
        r = self.rng
        if r.random() < 0.02:  # three days across a change of summer time
            zone = r.choice(["Europe/Stockholm", "Europe/Stockholm", "America/New_York"])
            first = r.choice(dst_changes(zone)) - r.choice([1, 2]) * ONE_DAY
            return first, first + 2 * ONE_DAY, zone
        length = r.choices([1, 2, 3], [30, 35, 35])[0]
        first = FIRST_DAY + r.randrange((LAST_DAY - FIRST_DAY).days) * ONE_DAY
        while first.weekday() + length > 5:  # Monday..Friday
            first += ONE_DAY
        return first, first + (length - 1) * ONE_DAY, None

    def make_entries(self):
        r = self.rng
        for i in range(self.n):
            x, y = r.sample(TOPICS, 2)
            exam = r.random() < 0.05
            title = f"{x} Certification" if exam else r.choice(TITLE_FORMS).format(x=x, y=y) + r.choice(TITLE_SUFFIXES)
            stem = slug(title)[:60].strip("-")
            if stem in self.stems:
                stem = f"{stem}-{i}"
            self.stems.add(stem)
            fields = {"title": title}
            if r.random() < 0.85:
                teaser = self.paragraph(x, y, 1)[:-1]
                fields["summary"] = re.sub(r"[*`_]", "", teaser)
            kind = "certification" if exam else r.choices(["course", "tutorial", "workshop", None], [45, 20, 10, 25])[0]
            if kind:
                fields["kind"] = kind
            names = [] if exam and r.random() >= 0.5 else self.teachers(r.choices([1, 2, 3], [70, 25, 5])[0])
            if len(names) == 1 and r.random() < 0.1:
                fields["instructor"] = names[0]
            elif names:
                fields["instructors"] = names
            zone, city, _ = r.choices(ZONES, [w for _, _, w in ZONES])[0]
            runs = []
            count = 0 if exam else (r.choice([2, 2, 3]) if r.random() < 0.1 else 1)
            for k in range(count):
                first, last, dst_zone = self.one_run_dates()
                run = {"start": first, "end": last, "end_omitted": first == last and r.random() < 0.5}
                if dst_zone and k == 0:
                    zone, city = dst_zone, dst_zone.split("/")[1].replace("_", " ")
                elif dst_zone or (k and r.random() < 0.3):
                    other = dst_zone or r.choice(ZONES)[0]
                    run["timezone"], run["location"] = other, other.split("/")[1].replace("_", " ")
                if k and r.random() < 0.2:
                    run["instructors"] = self.teachers(1)
                if k and r.random() < 0.1:
                    run["time"] = r.choice(HOURS)
                runs.append(run)
            if r.random() < 0.5:
                fields["time"] = r.choices(HOURS, HOURS_WEIGHTS)[0]
            if zone != "Europe/Stockholm" or r.random() < 0.4:
                fields["timezone"] = zone
            where = r.random()
            if where < 0.9:
                fields["location"] = city if where < 0.8 else "Online"
            fields["tags"] = list(dict.fromkeys(r.choices(TAG_NAMES, k=r.randint(1, 4))))
            if r.random() < 0.03:
                fields["draft"] = True
            if r.random() < 0.02:
                fields["slug"] = "-".join(stem.split("-")[:3]) + f"-s{i}"
            self.entries.append({"stem": stem, "x": x, "y": y, "fields": fields, "runs": runs})

    def make_bodies(self):
        r = self.rng
        published = [e for e in self.entries if not e["fields"].get("draft")]

        def course_link():
            other = r.choice(published)
            return f"[{other['fields']['title']}]({other['stem']}.md)"

        for e in self.entries:
            x, y = e["x"], e["y"]
            size = r.randint(1500, 5700)
            blocks = [self.paragraph(x, y, r.randint(2, 4))]
            if r.random() < 0.4:
                blocks.append(f"See also {course_link()}, or the [{x} docs](https://example.org/docs/{slug(x)}?v=1&lang=en).")
            blocks += ["## Objectives", "After this course you will be able to:",
                       "\n".join("- " + self.objective(x, y) for _ in range(r.randint(3, 7))),
                       "## Prerequisites",
                       self.paragraph(x, y, r.randint(1, 3))
                       + (f" Completing {course_link()} first is recommended." if r.random() < 0.3 else ""),
                       "## Target audience", self.paragraph(x, y, r.randint(1, 3)), "## Course outline"]
            with_code, as_list = r.random() < 0.3, r.random() < 0.4
            length = len("\n\n".join(blocks).encode())
            while length < size:
                part = r.choice(OUTLINE).format(y=y)
                new = ([f"- **{part}** -- {self.paragraph(x, y, r.randint(1, 3))}"] if as_list
                       else [f"### {part}", self.paragraph(x, y, r.randint(2, 5))])
                if with_code and length > size / 2:
                    new.append(r.choice(SNIPPETS))
                    with_code = False
                blocks += new
                length += sum(len(b.encode()) + 2 for b in new)
            e["body"] = "\n\n".join(blocks) + "\n"

    # -- files ---------------------------------------------------------------
    @staticmethod
    def run_line(run):
        parts = [f"start: {run['start'].isoformat()}"]
        if not run["end_omitted"]:
            parts.append(f"end: {run['end'].isoformat()}")
        if "time" in run:
            parts.append(f"time: {json.dumps(run['time'], ensure_ascii=False)}")
        for key in ("timezone", "location"):
            if key in run:
                parts.append(f"{key}: {yaml_scalar(run[key], in_flow=True)}")
        if "instructors" in run:
            parts.append(f"instructors: {yaml_list(run['instructors'])}")
        return "  - {" + ", ".join(parts) + "}"

    def course_text(self, e):
        f, runs = e["fields"], e["runs"]
        lines = []
        for key in ("title", "summary", "kind", "instructor"):
            if key in f:
                lines.append(f"{key}: {yaml_scalar(f[key])}")
        if "instructors" in f:
            lines.append(f"instructors: {yaml_list(f['instructors'])}")
        if "time" in f:  # always quoted, as editors are told to
            lines.append(f"time: {json.dumps(f['time'], ensure_ascii=False)}")
        for key in ("timezone", "location"):
            if key in f:
                lines.append(f"{key}: {yaml_scalar(f[key])}")
        if len(runs) > 1:
            lines.append("runs:")
            lines += [self.run_line(run) for run in runs]
        elif runs:
            lines.append(f"start: {runs[0]['start'].isoformat()}")
            if not runs[0]["end_omitted"]:
                lines.append(f"end: {runs[0]['end'].isoformat()}")
        lines.append(f"tags: {yaml_list(f['tags'])}")
        if f.get("draft"):
            lines.append("draft: true")
        if "slug" in f:
            lines.append(f"slug: {f['slug']}")
        return "---\n" + "\n".join(lines) + "\n---\n\n" + e["body"]

    def profile_text(self, name):
        r = self.rng
        role = r.choice(ROLES)
        bio = "\n\n".join(self.paragraph("Erlang", "Elixir", r.randint(2, 5)) for _ in range(r.randint(1, 3)))
        return ("---\n"
                f"name: {yaml_scalar(name)}\n"
                f"role: {yaml_scalar(role)}\n"
                "links:\n"
                f"  - {{title: Homepage, url: \"https://example.org/people/{slug(name)}\"}}\n"
                "---\n\n"
                f"{name} is a *{role.lower()}*. {bio}\n")

    def write(self, out):
        content = os.path.join(out, "content")
        os.makedirs(os.path.join(content, "courses"))
        os.makedirs(os.path.join(content, "instructors"))
        with open(os.path.join(content, "site.yml"), "w", encoding="utf-8", newline="\n") as f:
            f.write("".join(f"{k}: {yaml_scalar(v)}\n" for k, v in SITE))
        for e in self.entries:
            with open(os.path.join(content, "courses", e["stem"] + ".md"), "w", encoding="utf-8", newline="\n") as f:
                f.write(self.course_text(e))
        profiles = [(name, self.profile_text(name)) for name in self.with_profile]
        for name, text in profiles:
            with open(os.path.join(content, "instructors", slug(name) + ".md"), "w", encoding="utf-8", newline="\n") as f:
                f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--courses", type=int, required=True, help="number of course files")
    ap.add_argument("--out", required=True, help="folder that gets content/ (a site root)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--force", action="store_true", help="replace an existing DIR/content")
    a = ap.parse_args()
    if a.courses < 1:
        sys.exit("--courses must be at least 1")
    content = os.path.join(a.out, "content")
    if os.path.exists(content):
        if not a.force:
            sys.exit(f"{content} exists; pass --force to replace it")
        shutil.rmtree(content)
    catalog = Catalog(a.courses, a.seed)
    catalog.make_entries()
    catalog.make_bodies()
    catalog.write(a.out)
    runs = sum(len(e["runs"]) for e in catalog.entries)
    print(f"{a.out}: {len(catalog.entries)} courses ({runs} runs), {len(catalog.people)} instructors "
          f"({len(catalog.with_profile)} profiles), seed {a.seed}")


if __name__ == "__main__":
    main()
