"""Feeds over the life of a catalog: every scenario is a chain of builds of one
small site whose content changes, checked against what subscribed clients need.

Each chain builds the original content and then the changed content into the
same output folder, builds once more without changes, and then builds into a
fresh folder twice: without any previous feed (a CI checkout) and with
``--previous-feed`` fetched over HTTP from a loopback ``http.server`` serving
the published folder. After every build:

* an event whose visible lines changed has a SEQUENCE higher than in every
  earlier build; an unchanged one keeps SEQUENCE and LAST-MODIFIED (when a
  previous feed is known); a fresh folder without one is higher than anything
  published before;
* the cancelled events (tombstones) are exactly the events published earlier
  whose run is gone, for as long as that run's last day has not passed, and
  they are in the course, instructor and topic feeds they were in;
* no UID ever names a day of a different run (runs are told apart here by
  their dates, not by UID).

Builds happen an hour apart (SOURCE_DATE_EPOCH), all in 2030 before the runs.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import shutil
import subprocess
import threading
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import icstools
from feedharness import build_site, syllabus_bin

ZONE = ZoneInfo("Europe/Stockholm")
T0 = int(dt.datetime(2030, 1, 1, 12, tzinfo=ZONE).timestamp())
HOST = "life.example.org"

SITE_YML = f"title: Lifecycle\nbase_url: https://{HOST}/\ntimezone: Europe/Stockholm\ntime: '09:00-17:00'\n"

# run name -> (course, start, end); the test's own identity of each run.
BASE_RUNS = {
    "alpha-spring": ("alpha", "2030-03-04", "2030-03-06"),
    "alpha-summer": ("alpha", "2030-06-03", "2030-06-05"),
    "beta": ("beta", "2030-04-01", "2030-04-02"),
}


def write_site(root: Path, runs: dict, beta_title="Beta basics", beta_draft=False):
    content = root / "content"
    (content / "courses").mkdir(parents=True, exist_ok=True)
    (content / "site.yml").write_text(SITE_YML, encoding="utf-8")
    for old in (content / "courses").glob("*.md"):
        old.unlink()
    alpha = [(n, r) for n, r in runs.items() if r[0] == "alpha"]
    if alpha:
        lines = ["---", "title: Alpha", "instructors: [Ana Ng]", "tags: [Erlang]", "runs:"]
        for name, (_, start, end) in alpha:
            lines.append(f"  - {{id: {name.split('-')[1]}, start: {start}, end: {end}}}")
        (content / "courses" / "alpha.md").write_text("\n".join(lines + ["---", "Alpha."]) + "\n", encoding="utf-8")
    if "beta" in runs:
        _, start, end = runs["beta"]
        draft = "draft: true\n" if beta_draft else ""
        (content / "courses" / "beta.md").write_text(
            f"---\ntitle: {beta_title}\ninstructor: Solo Teacher\ntags: [Solo]\nlocation: Lund\n"
            f"start: {start}\nend: {end}\n{draft}---\nBeta.\n", encoding="utf-8")


def events(path: Path) -> dict:
    """{uid: {status, sequence, modified, date, visible}} of one feed file."""
    result = {}
    for ev in icstools.parse_tree(path.read_text(encoding="utf-8")).walk("VEVENT"):
        visible = tuple((p.name, tuple(sorted(p.params.items())), p.value) for p in ev.props
                        if p.name not in ("UID", "DTSTAMP", "SEQUENCE", "LAST-MODIFIED"))
        start = ev.one("DTSTART").value
        result[ev.one("UID").value] = {
            "status": ev.one("STATUS").value, "sequence": int(ev.one("SEQUENCE").value),
            "modified": ev.one("LAST-MODIFIED").value,
            "date": dt.date(int(start[:4]), int(start[4:6]), int(start[6:8])), "visible": visible,
        }
    return result


class Chain:
    """The builds of one scenario and everything they published."""

    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.root = tmp / "site"
        self.out = tmp / "public"
        self.step = 0
        self.seqs: dict = {}          # uid -> [SEQUENCE of every build it was in]
        self.visible: dict = {}       # uid -> visible lines when last published
        self.run_of: dict = {}        # uid -> run name it was live for
        self.last_day: dict = {}      # uid -> last day of its run when last live
        self.max_seq = -1

    def epoch(self) -> int:
        self.step += 1
        return T0 + 3600 * self.step

    def build(self, runs: dict, out: Path | None = None, previous: str | None = None, epoch: int | None = None,
              fresh_without_previous=False, **site):
        write_site(self.root, runs, **site)
        out = out or self.out
        epoch = epoch or self.epoch()
        args = ("--previous-feed", previous) if previous else ()
        build_site(self.root, out, epoch=str(epoch), extra_args=args)
        published = events(out / "calendar.ics")
        build_date = dt.datetime.fromtimestamp(epoch, ZONE).date()
        live_runs = {n: r for n, r in runs.items() if not (site.get("beta_draft") and r[0] == "beta")}
        self.check(published, live_runs, build_date, fresh_without_previous)
        return published

    def check(self, published, runs, build_date, fresh):
        by_date = {}
        for name, (_, start, end) in runs.items():
            d = dt.date.fromisoformat(start)
            while d <= dt.date.fromisoformat(end):
                by_date[d] = name
                d += dt.timedelta(days=1)
        live = {u: e for u, e in published.items() if e["status"] == "CONFIRMED"}
        cancelled = {u for u, e in published.items() if e["status"] == "CANCELLED"}
        problems = []
        # Every day of every run is live, each once; a UID never moves to another run.
        assert sorted(e["date"] for e in live.values()) == sorted(by_date), "live events are not the days of the runs"
        for uid, e in live.items():
            name = by_date[e["date"]]
            if self.run_of.setdefault(uid, name) != name:
                problems.append(f"{uid} was a day of {self.run_of[uid]}, now of {name}")
        # SEQUENCE: up on a visible change, kept otherwise; a fresh folder beats everything.
        for uid, e in published.items():
            earlier = self.seqs.get(uid, [])
            if fresh:
                if not e["sequence"] > self.max_seq:
                    problems.append(f"{uid}: fresh-folder SEQUENCE {e['sequence']} not above {self.max_seq}")
            elif earlier and self.visible[uid] != e["visible"]:
                if not e["sequence"] > max(earlier):
                    problems.append(f"{uid}: changed, SEQUENCE {e['sequence']} not above {max(earlier)}")
            elif earlier and e["sequence"] != earlier[-1]:
                problems.append(f"{uid}: unchanged, SEQUENCE {earlier[-1]} -> {e['sequence']}")
        # Tombstones: exactly what was published, is gone, and whose run has not ended.
        if not fresh:
            expected = {u for u in self.run_of if u not in live and self.last_day[u] >= build_date}
            if cancelled != expected:
                problems.append(f"tombstones {sorted(cancelled)}, want {sorted(expected)} on {build_date}")
        assert not problems, "\n".join(problems)
        for uid, e in published.items():
            self.seqs.setdefault(uid, []).append(e["sequence"])
            self.visible[uid] = e["visible"]
            self.max_seq = max(self.max_seq, e["sequence"])
        for uid, e in live.items():
            _, _, end = runs[self.run_of[uid]]
            self.last_day[uid] = dt.date.fromisoformat(end)

    def fresh_builds(self, runs: dict, **site):
        """A CI build: a new folder without a previous feed, then one fetching the published feed over HTTP."""
        served = self.tmp / f"served-{self.step}"
        shutil.copytree(self.out, served)
        handler = functools.partial(QuietHandler, directory=str(served))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            epoch = self.epoch()
            # Same moment for both: without a previous feed nothing is known,
            # so every event is stamped with this build's minute.
            snapshot = ({u: list(s) for u, s in self.seqs.items()}, dict(self.visible), self.max_seq)
            self.build(runs, out=self.tmp / f"fresh-{self.step}" / "public", epoch=epoch, fresh_without_previous=True, **site)
            self.seqs, self.visible, self.max_seq = snapshot
            url = f"http://127.0.0.1:{server.server_address[1]}/calendar.ics"
            return self.build(runs, out=self.tmp / f"fresh-{self.step}-prev" / "public", previous=url, epoch=epoch, **site)
        finally:
            server.shutdown()
            server.server_close()

    def expiry_builds(self, runs: dict, last_day: dt.date, **site):
        """On the gone run's last day its tombstones are there; the day after they are not."""
        on = int(dt.datetime.combine(last_day, dt.time(23, 30), tzinfo=ZONE).timestamp())
        after = int(dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time(0, 30), tzinfo=ZONE).timestamp())
        present = self.build(runs, epoch=on, **site)
        gone = self.build(runs, epoch=after, **site)
        return present, gone


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def cancelled(published: dict) -> set:
    return {u for u, e in published.items() if e["status"] == "CANCELLED"}


def feed_events(out: Path, rel: str) -> dict:
    return events(out / rel) if (out / rel).is_file() else {}


def run_chain(tmp_path, changed: dict, gone_last_day: dt.date | None = None, **site):
    chain = Chain(tmp_path)
    chain.build(BASE_RUNS)
    chain.build(changed, **site)
    chain.build(changed, **site)
    fresh = chain.fresh_builds(changed, **site)
    if gone_last_day:
        assert cancelled(fresh), "a fresh folder with --previous-feed keeps the tombstones"
        present, gone = chain.expiry_builds(changed, gone_last_day, **site)
        assert cancelled(present) and not cancelled(gone)
    return chain


def moved(runs: dict, name: str, start: str, end: str) -> dict:
    return {**runs, name: (runs[name][0], start, end)}


def without(runs: dict, name: str) -> dict:
    return {n: r for n, r in runs.items() if n != name}


def test_reschedule(tmp_path):
    chain = run_chain(tmp_path, moved(BASE_RUNS, "beta", "2030-04-08", "2030-04-09"))
    assert not cancelled(events(chain.out / "calendar.ics")), "a rescheduled run keeps its UIDs: nothing to cancel"


def test_change_only_the_title(tmp_path):
    chain = run_chain(tmp_path, BASE_RUNS, beta_title="Beta in depth")
    beta = [u for u, e in events(chain.out / "calendar.ics").items() if chain.run_of[u] == "beta"]
    assert len(beta) == 2 and all(len(chain.seqs[u]) >= 3 and chain.seqs[u][1] > chain.seqs[u][0] for u in beta)


def test_remove_a_run(tmp_path):
    chain = run_chain(tmp_path, without(BASE_RUNS, "alpha-spring"), gone_last_day=dt.date(2030, 3, 6))
    # The run with id: summer kept its UIDs although the run before it went.
    summer = {u for u, n in chain.run_of.items() if n == "alpha-summer"}
    assert summer == {f"alpha.summer@{HOST}", f"alpha.summer.2@{HOST}", f"alpha.summer.3@{HOST}"}


def _course_gone(tmp_path, changed, **site):
    chain = Chain(tmp_path)
    chain.build(BASE_RUNS)
    chain.build(changed, **site)
    # The feeds of the gone course, of its only instructor and its only topic keep answering.
    for rel in ("courses/beta/calendar.ics", "instructors/solo-teacher/calendar.ics", "tags/solo/calendar.ics"):
        got = feed_events(chain.out, rel)
        assert got and all(e["status"] == "CANCELLED" for e in got.values()), f"{rel}: {got}"
        assert all(any(v[0] == "SUMMARY" and v[2].startswith("Cancelled: ") for v in e["visible"]) for e in got.values())
    assert not any(chain.run_of[u] == "beta" for u in feed_events(chain.out, "courses/alpha/calendar.ics"))
    chain.build(changed, **site)
    chain.fresh_builds(changed, **site)
    present, gone = chain.expiry_builds(changed, dt.date(2030, 4, 2), **site)
    assert cancelled(present) == {f"beta-1@{HOST}", f"beta-1.2@{HOST}"}
    assert not cancelled(gone)
    assert not (chain.out / "courses/beta/calendar.ics").exists()
    assert not (chain.out / "instructors/solo-teacher/calendar.ics").exists()
    return chain


def test_remove_a_course(tmp_path):
    _course_gone(tmp_path, without(BASE_RUNS, "beta"))


def test_make_it_a_draft(tmp_path):
    _course_gone(tmp_path, BASE_RUNS, beta_draft=True)


def test_bring_it_back_with_new_dates(tmp_path):
    chain = Chain(tmp_path)
    chain.build(BASE_RUNS)
    removed = chain.build(without(BASE_RUNS, "beta"))
    assert cancelled(removed) == {f"beta-1@{HOST}", f"beta-1.2@{HOST}"}
    back = moved(BASE_RUNS, "beta", "2030-05-13", "2030-05-14")
    revived = chain.build(back)
    assert not cancelled(revived)
    for uid in (f"beta-1@{HOST}", f"beta-1.2@{HOST}"):
        assert revived[uid]["sequence"] > removed[uid]["sequence"]
    chain.build(back)
    chain.fresh_builds(back)


def test_shrink_a_three_day_run_to_two(tmp_path):
    chain = run_chain(tmp_path, moved(BASE_RUNS, "alpha-spring", "2030-03-04", "2030-03-05"),
                      gone_last_day=dt.date(2030, 3, 6))
    assert f"alpha.spring.3@{HOST}" in chain.seqs


# ------------------------------------------------------------------ --previous-feed


def _failing_build(root: Path, out: Path, *args):
    proc = subprocess.run([str(syllabus_bin()), "build", "--root", str(root), "--output", str(out), *args],
                          env={"SOURCE_DATE_EPOCH": str(T0), "PATH": "/usr/bin:/bin"},
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0, f"expected a failure:\n{proc.stdout}\n{proc.stderr}"
    assert not out.exists(), "a failed build wrote output"
    return proc.stderr


def test_previous_feed_that_cannot_be_read_is_an_error(tmp_path):
    write_site(tmp_path / "site", BASE_RUNS)
    stderr = _failing_build(tmp_path / "site", tmp_path / "out", "--previous-feed", str(tmp_path / "missing.ics"))
    assert "--previous-feed" in stderr and "missing.ics" in stderr
    (tmp_path / "page.html").write_text("<html></html>")
    stderr = _failing_build(tmp_path / "site", tmp_path / "out", "--previous-feed", str(tmp_path / "page.html"))
    assert "is not an iCalendar feed" in stderr
    handler = functools.partial(QuietHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/nothing.ics"
        stderr = _failing_build(tmp_path / "site", tmp_path / "out", "--previous-feed", url)
        assert "answered 404" in stderr, stderr
    finally:
        server.shutdown()
        server.server_close()


def test_malformed_source_date_epoch_is_an_error(tmp_path):
    write_site(tmp_path / "site", BASE_RUNS)
    for value in ("-5", "1.5", "soon", ""):
        proc = subprocess.run([str(syllabus_bin()), "build", "--root", str(tmp_path / "site")],
                              env={"SOURCE_DATE_EPOCH": value, "PATH": "/usr/bin:/bin"},
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode != 0 and "SOURCE_DATE_EPOCH" in proc.stderr, (value, proc.stderr)


def test_catalog_feed_keeps_runs_feed_past_days_after_their_end(tmp_path):
    root = tmp_path / "site"
    write_site(root, BASE_RUNS)
    (root / "content" / "site.yml").write_text(SITE_YML + "feed_past_days: 10\n", encoding="utf-8")
    # beta ends 2030-04-02: in the feed until 2030-04-12, gone on 2030-04-13.
    for day, present in ((dt.date(2030, 4, 12), True), (dt.date(2030, 4, 13), False)):
        epoch = int(dt.datetime.combine(day, dt.time(12), tzinfo=ZONE).timestamp())
        out = tmp_path / f"out-{day}"
        build_site(root, out, epoch=str(epoch))
        uids = set(events(out / "calendar.ics"))
        assert (f"beta-1@{HOST}" in uids) == present, day
        assert f"alpha.summer@{HOST}" in uids
        assert f"beta-1@{HOST}" in events(out / "courses/beta/calendar.ics"), "course feeds keep every run"
        assert (f"beta-1@{HOST}" in feed_events(out, "tags/solo/calendar.ics")) == present
