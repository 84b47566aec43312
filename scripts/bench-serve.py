#!/usr/bin/env python3
"""Save-to-visible time of `syllabus serve` (a benchmark, not a test).

    scripts/bench-serve.py [--site DIR | --courses N] [--edits 10] [--bin PATH]
                           [--course SLUG] [--poll-ms 5] [--settle-ms 300]

Copies DIR/content (default: this repository's content/) and DIR/templates, or
generates an N-course corpus with scripts/gen-catalog.py, into a temporary
root; starts `syllabus serve` on a free loopback port; then --edits times
rewrites one course's title (or, with --field body, adds a line to its body:
the common edit while a course is being written) and measures, from just
before the file is written:

  visible  until the new title is in the course page fetched over HTTP
           (polled every --poll-ms on one keep-alive connection);
  reload   until the long poll `<base>__syllabus/changes?since=<g>` answers with
           a generation that reloads the open course page (one whose `pages`
           lists it: the saved page shown before the rebuild, or any without
           `pages`);
  others   until it answers with the rebuild's generation, when the other open
           pages whose files the rebuild changed reload (every page, when its
           answer has no `pages`; the count of pages listed is shown);
  open     until every page named with --open (default: the course's first
           topic page and its first instructor's page) has had its last answer
           that reloads it, up to the rebuild's (a page whose markup reads the
           search index, `data-index`, reloads when that is listed too, as the
           page script decides); each of those pages long-polls with `page=` as
           the page script does, so the server knows they are open;
  rebuild  what the server logs for that rebuild (`[change, N ms]`).

Prints median, p90 (nearest rank) and max of each in milliseconds, plus the
number of polled responses that were cut short (a page read while it was
being rewritten). Standard library only; every request goes to 127.0.0.1.
"""
from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    """One keep-alive HTTP/1.1 connection to the server, reopened when dropped."""

    def __init__(self, port: int, timeout: float = 10.0):
        self.port, self.timeout, self.conn = port, timeout, None

    def get(self, path: str) -> tuple[int, dict, bytes]:
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            try:
                self.conn.request("GET", path)
                resp = self.conn.getresponse()
                body = resp.read()
                headers = {k.lower(): v for k, v in resp.getheaders()}
                if headers.get("connection", "").lower() == "close":
                    self.close()
                return resp.status, headers, body
            except (OSError, http.client.HTTPException):
                self.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


class Serve:
    def __init__(self, binary: Path, root: Path, port: int):
        self.port = port
        self.proc = subprocess.Popen([str(binary), "serve", "--root", str(root), "--port", str(port)],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.lines: list[str] = []
        self.cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for raw in iter(self.proc.stderr.readline, b""):
            with self.cond:
                self.lines.append(raw.decode("utf-8", "replace").rstrip("\n"))
                self.cond.notify_all()

    def wait_line(self, pattern: str, start: int, timeout: float) -> tuple[int, re.Match]:
        """The first log line at index >= start matching pattern."""
        deadline = time.monotonic() + timeout
        regex = re.compile(pattern)
        with self.cond:
            while True:
                for i in range(start, len(self.lines)):
                    if m := regex.search(self.lines[i]):
                        return i, m
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self.proc.poll() is not None:
                    raise SystemExit(f"no log line /{pattern}/ within {timeout} s:\n" + "\n".join(self.lines[-20:]))
                self.cond.wait(remaining)

    def stop(self, timeout: float = 60.0) -> tuple[int, float]:
        """SIGINT (Ctrl-C); the exit status and how long the server took to exit."""
        started = time.monotonic()
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode, time.monotonic() - started


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def summary(name: str, values: list[float]) -> str:
    if not values:
        return f"{name:<8} (no samples)"
    return (f"{name:<8} median {statistics.median(values):7.1f}  p90 {percentile(values, 90):7.1f}  "
            f"max {max(values):7.1f}  min {min(values):7.1f} ms   (n={len(values)})")


def prepare_root(args, work: Path) -> Path:
    root = work / "site"
    if args.courses:
        root.mkdir()
        subprocess.run([sys.executable, str(REPO / "scripts" / "gen-catalog.py"), "--courses", str(args.courses),
                        "--out", str(root), "--seed", str(args.seed)], check=True, stdout=subprocess.DEVNULL)
    else:
        source = Path(args.site).resolve()
        root.mkdir()
        shutil.copytree(source / "content", root / "content")
        if (source / "templates").is_dir():
            shutil.copytree(source / "templates", root / "templates")
    return root


def pick_course(root: Path, wanted: str | None) -> tuple[Path, str, str]:
    """(file, slug, title line) of the course to edit: a dated, non-draft entry with a plain title."""
    files = sorted((root / "content" / "courses").glob("*.md"))
    if wanted:
        files = [f for f in files if f.stem == wanted] or sys.exit(f"no content/courses/{wanted}.md")
    for file in files:
        text = file.read_text(encoding="utf-8")
        front = text.split("\n---", 1)[0]
        if re.search(r"(?m)^draft:\s*true", front):
            continue
        title = re.search(r"(?m)^title:[^\n]*$", front)
        if not title:
            continue
        slug = re.search(r"(?m)^slug:\s*([a-z0-9-]+)\s*$", front)
        return file, slug.group(1) if slug else file.stem, title.group(0)
    sys.exit("no course with a title to edit")


def default_open(course_text: str) -> list[str]:
    """The pages of the course's first topic and first instructor, as gen-catalog.py and
    our own content write them (`tags: [A, B]`, `instructors: [Name]`), by the slugs the
    build makes of them (lowercase letters and digits, the rest one hyphen)."""
    def first(field: str) -> str | None:
        m = re.search(rf"^{field}:\s*\[([^,\]]+)", course_text, re.M)
        return m.group(1).strip().strip("\"'") if m else None

    def slug(name: str) -> str:
        return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")

    return [f"{folder}/{slug(name)}/" for folder, name in (("tags", first("tags")), ("instructors", first("instructors")))
            if name]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=str(REPO / ".build" / "release" / "syllabus"))
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--site", default=str(REPO), help="a site root whose content/ is copied (default: this repo)")
    source.add_argument("--courses", type=int, help="generate a corpus of N courses with scripts/gen-catalog.py")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--course", help="slug (file name) of the course to edit")
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--field", choices=("title", "body"), default="title",
                        help="what each edit changes: the title (listings too) or the body (its page only)")
    parser.add_argument("--poll-ms", type=float, default=5.0)
    parser.add_argument("--settle-ms", type=float, default=300.0, help="pause between edits")
    parser.add_argument("--start-timeout", type=float, default=600.0)
    parser.add_argument("--edit-timeout", type=float, default=30.0)
    parser.add_argument("--keep", action="store_true", help="keep the temporary site")
    parser.add_argument("--open", action="append", metavar="PATH",
                        help="a page open in a browser, under the base path (such as tags/erlang/); repeatable")
    args = parser.parse_args()

    binary = Path(args.bin)
    if not binary.is_file():
        sys.exit(f"no binary at {binary}; run `swift build -c release`")
    work = Path(tempfile.mkdtemp(prefix="syllabus-bench-serve-"))
    server = None
    try:
        started = time.monotonic()
        root = prepare_root(args, work)
        course, slug, title_line = pick_course(root, args.course)
        print(f"site: {root} ({len(list((root / 'content' / 'courses').glob('*.md')))} course files"
              f"{', generated in %.1f s' % (time.monotonic() - started) if args.courses else ''})")
        port = free_port()
        started = time.monotonic()
        server = Serve(binary, root, port)
        _, ready = server.wait_line(r"Serving .* at http://[^/]+(/\S*) ", 0, args.start_timeout)
        base = ready.group(1)
        first = next((line for line in server.lines if "[start," in line), "?")
        print(f"serve: {binary} on 127.0.0.1:{port}{base}; ready in {time.monotonic() - started:.2f} s; {first}")

        client = Client(port)
        page = f"{base}courses/{slug}/"
        changes = f"{base}__syllabus/changes"
        # The "Serving" line comes just before the socket listens: wait until it answers.
        deadline = time.monotonic() + 10
        while True:
            try:
                status, _, body = client.get(page)
                break
            except OSError:
                if server.proc.poll() is not None or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)
        if status != 200:
            sys.exit(f"{page} -> {status}")
        original = course.read_text(encoding="utf-8")
        edited = repr(title_line) if args.field == "title" else "its body"
        open_pages = [base + path for path in (args.open if args.open is not None else default_open(original))]
        search_index = f"{base}search/index.json"
        reads_index = set()
        for path in open_pages:
            status, _, body = client.get(path)
            if status != 200:
                sys.exit(f"{path}: no such page")
            if f'data-index="{search_index}"'.encode() in body:
                reads_index.add(path)
        print(f"editing {course.relative_to(root)} ({edited}), watching {page}; open: {', '.join(open_pages) or 'none'}"
              f"{'; reading the search index: ' + ', '.join(sorted(reads_index)) if reads_index else ''}\n")

        visible, reload, others, opened, rebuild, truncated, polls = [], [], [], [], [], 0, 0
        opened_each: dict = {path: [] for path in open_pages}  # each open page's own figure
        for n in range(args.edits + 1):  # edit 0 is a warm-up
            generation = json.loads(client.get(changes)[2])["generation"]
            marker = f"Bench{n:03d}x{os.getpid()}"
            if args.field == "title":
                new_text = original.replace(title_line, f"title: \"{marker} edited title\"", 1)
            else:
                new_text = original.rstrip("\n") + f"\n\n{marker} added to the body.\n"
            answers: list = []  # (time, state) of each new generation, as the course page's poll gets them
            open_reloads: dict = {}  # open page -> when an answer last reloaded it
            open_seen: dict = {}  # open page -> the newest generation its poll was answered
            rebuilt = threading.Event()  # set once the rebuild's generation is known to be among them

            def long_poll(polling: str, record) -> None:
                # A client of its own: an earlier edit's poller may still be waiting on the server.
                own, since = Client(port, timeout=60), generation
                query = "&page=" + urllib.parse.quote(polling, safe="")
                try:
                    while not rebuilt.is_set():
                        status, _, body = own.get(f"{changes}?since={since}&errors=0{query}")
                        now, state = time.perf_counter(), json.loads(body)
                        if state["generation"] != since:
                            record(now, state)
                            since = state["generation"]
                finally:
                    own.close()

            def reloads_open(polling: str):
                def record(at: float, state: dict) -> None:
                    pages = state.get("pages")
                    if pages is None or polling in pages or (polling in reads_index and search_index in pages):
                        open_reloads[polling] = at
                    open_seen[polling] = state["generation"]
                return record

            for polling, record in [(page, lambda at, state: answers.append((at, state)))] + \
                    [(path, reloads_open(path)) for path in open_pages]:
                threading.Thread(target=long_poll, args=(polling, record), daemon=True).start()
            time.sleep(0.05)  # the long poll is waiting on the server
            log_mark = len(server.lines)

            t0 = time.perf_counter()
            with open(course, "w", encoding="utf-8") as f:
                f.write(new_text)
            seen_at = None
            deadline = t0 + args.edit_timeout
            needle = marker.encode()
            while time.perf_counter() < deadline:
                status, _, body = client.get(page)
                polls += 1
                if status == 200 and not body.rstrip().endswith(b"</html>"):
                    truncated += 1
                    if truncated <= 3:
                        print(f"  cut short: 200 with {len(body)} bytes, ending {body[-40:]!r}")
                if status == 200 and needle in body:
                    seen_at = time.perf_counter()
                    break
                time.sleep(args.poll_ms / 1000)
            if seen_at is None:
                sys.exit(f"edit {n}: new title not visible within {args.edit_timeout} s\n" + "\n".join(server.lines[-10:]))
            _, m = server.wait_line(r"\[change, (\d+) ms[\]:]|Build failed", log_mark, args.edit_timeout)
            if m.group(0).startswith("Build failed"):
                sys.exit("\n".join(server.lines[log_mark:]))
            # The rebuild's generation follows the shown page's and the open pages', when they were shown ahead.
            showed = [line for line in server.lines[log_mark:] if line.startswith("Showed ")]
            target = generation + 1 + len(showed)
            open_step = next((re.search(r"\[open, (\d+) ms\]", line) for line in showed if "[open," in line), None)
            deadline = time.perf_counter() + args.edit_timeout
            while not any(state["generation"] >= target for _, state in answers) and time.perf_counter() < deadline:
                time.sleep(0.005)
            # The open pages' polls too have had the rebuild's answer, which may reload them again.
            while any(open_seen.get(path, -1) < target for path in open_pages) and time.perf_counter() < deadline:
                time.sleep(0.005)
            rebuilt.set()
            answered: dict = {}
            for at, state in answers:
                pages = state.get("pages")
                if pages is None or page in pages:
                    answered.setdefault("at", at)
                if state["generation"] >= target:
                    answered.setdefault("all", at)
                    answered.setdefault("reloaded", "all" if pages is None else f"{len(pages) // 2} pages")
            if n == 0:
                print(f"warm-up: visible {(seen_at - t0) * 1000:.1f} ms, server {m.group(1)} ms")
            else:
                visible.append((seen_at - t0) * 1000)
                rebuild.append(float(m.group(1)))
                if "at" in answered:
                    reload.append((answered["at"] - t0) * 1000)
                if "all" in answered:
                    others.append((answered["all"] - t0) * 1000)
                if open_pages and len(open_reloads) == len(open_pages):
                    opened.append((max(open_reloads.values()) - t0) * 1000)
                for path, at in open_reloads.items():
                    opened_each[path].append((at - t0) * 1000)
                print(f"edit {n:2d}: visible {visible[-1]:7.1f} ms   reload "
                      f"{reload[-1] if reload and len(reload) == len(visible) else float('nan'):7.1f} ms   "
                      f"others {others[-1] if others and len(others) == len(visible) else float('nan'):7.1f} ms "
                      f"({answered.get('reloaded', '?')})   open "
                      f"{opened[-1] if opened and len(opened) == len(visible) else float('nan'):7.1f} ms   "
                      f"server {m.group(1):>5} ms"
                      f"{f' (open pages {open_step.group(1)} ms)' if open_step else ''}")
            time.sleep(args.settle_ms / 1000)

        print()
        print(summary("visible", visible))
        print(summary("reload", reload))
        print(summary("others", others))
        if open_pages:
            print(summary("open", opened))
            for path, values in opened_each.items():
                print("  " + summary(path, values))
        print(summary("rebuild", rebuild))
        print(f"polls: {polls}, cut-short 200 responses (no </html>): {truncated}")
        rebuild_lines = [line for line in server.lines if "[change," in line]
        if rebuild_lines:
            print(f"last rebuild: {rebuild_lines[-1]}")
        client.close()
    finally:
        if server is not None:
            code, took = server.stop()
            left = Path(os.environ.get("TMPDIR") or "/tmp") / f"syllabus-serve-{server.proc.pid}"
            print(f"Ctrl-C: exit status {code} after {took:.2f} s"
                  f"{'; LEFT BEHIND ' + str(left) if left.exists() else ''}")
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
