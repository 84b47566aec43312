"""`syllabus serve` and `syllabus new`, end to end.

Each test copies the fixture site (IntegrationTests/serve/site, base_url
https://example.org/training/) into a temporary root, starts
`syllabus serve --root <tmp> --port <free port>` and talks to it over HTTP on
127.0.0.1 only, with every request and every wait bounded.

    SYLLABUS_BIN=.build/debug/syllabus .venv/bin/pytest -q IntegrationTests/serve
"""

from __future__ import annotations

import http.client
import asyncio
import json
import urllib.parse
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
FIXTURE = HERE / "site"
BIN = Path(os.environ.get("SYLLABUS_BIN") or REPO / ".build" / "debug" / "syllabus")
BASE = "/training/"
CHANGES = BASE + "__syllabus/changes"

START_TIMEOUT = 30.0   # first build of a debug binary
REBUILD_TIMEOUT = 5.0  # a save must be visible over HTTP within this
REQUEST_TIMEOUT = 5.0  # every ordinary request
LONG_POLL_TIMEOUT = 30.0  # the server answers a long poll within 25 s at the latest

SCRIPT_MARKERS = ("data-syllabus-serve", "__syllabus/changes", "syllabus:live-reload")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Response:
    def __init__(self, status: int, headers: dict[str, str], body: bytes):
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")

    def __repr__(self) -> str:
        return f"<{self.status} {self.content_type} {len(self.body)} bytes>"


class Server:
    """One `syllabus serve` process; stderr is collected line by line."""

    def __init__(self, root: Path, open_files: tuple[int, int] | None = None, before: str | None = None):
        """`open_files`: the (soft, hard) RLIMIT_NOFILE to start with; `before`: a
        shell command run first, in the process that then becomes the server (`$$`
        is the server's pid)."""
        self.root = root
        self.port = free_port()
        # A private $TMPDIR (Foundation's temporaryDirectory) so the build folder can be found.
        self.tmpdir = Path(tempfile.mkdtemp(prefix="serve-tmp-"))
        argv = [str(BIN), "serve", "--root", str(root), "--port", str(self.port)]
        if before:
            argv = ["sh", "-c", before + '; exec "$@"', "sh", *argv]
        self.proc = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env={**os.environ, "TMPDIR": str(self.tmpdir)},
            preexec_fn=(lambda: resource.setrlimit(resource.RLIMIT_NOFILE, open_files)) if open_files else None,
        )
        self.lines: list[str] = []
        self._lock = threading.Lock()
        self._readers = [threading.Thread(target=self._read, args=(stream,), daemon=True)
                         for stream in (self.proc.stdout, self.proc.stderr)]
        for reader in self._readers:
            reader.start()

    def _read(self, stream) -> None:
        for raw in iter(stream.readline, b""):
            with self._lock:
                self.lines.append(raw.decode("utf-8", "replace").rstrip("\n"))

    @property
    def log(self) -> str:
        with self._lock:
            return "\n".join(self.lines)

    @property
    def build_folders(self) -> list[Path]:
        return sorted(self.tmpdir.glob("syllabus-serve-*"))

    @property
    def build_folder(self) -> Path:
        """The one folder the server made in its $TMPDIR (whatever its name)."""
        folders = [f for f in self.build_folders if f.name != f"syllabus-serve-{self.proc.pid}"]
        assert len(folders) == 1, f"expected one build folder in {self.tmpdir}: {folders}"
        return folders[0]

    def wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                pytest.fail(f"syllabus serve exited with {self.proc.returncode}:\n{self.log}")
            try:
                if self.get(BASE, timeout=1).status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        pytest.fail(f"syllabus serve did not answer within {START_TIMEOUT} s:\n{self.log}")

    def request(self, path: str, method: str = "GET", timeout: float = REQUEST_TIMEOUT) -> Response:
        """Sends `path` exactly as given (no normalisation, like curl --path-as-is)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            conn.putheader("Host", f"127.0.0.1:{self.port}")
            conn.putheader("Connection", "close")
            conn.endheaders()
            resp = conn.getresponse()
            body = resp.read()
            return Response(resp.status, {k.lower(): v for k, v in resp.getheaders()}, body)
        finally:
            conn.close()

    def get(self, path: str, timeout: float = REQUEST_TIMEOUT) -> Response:
        return self.request(path, timeout=timeout)

    def state(self) -> dict:
        resp = self.get(CHANGES)
        assert resp.status == 200, resp
        assert resp.content_type.startswith("application/json"), resp
        return json.loads(resp.body)

    def long_poll(self, generation: int, errors: int, page: str | None = None) -> "LongPoll":
        return LongPoll(self, generation, errors, page)

    def wait_until(self, what: str, predicate, timeout: float = REBUILD_TIMEOUT):
        deadline = time.monotonic() + timeout
        last = None
        while time.monotonic() < deadline:
            last = predicate()
            if last:
                return last
            time.sleep(0.02)
        pytest.fail(f"not within {timeout} s: {what} (last: {last!r})\n--- serve log ---\n{self.log}")

    def last_event(self) -> str:
        """The server's latest rebuild line: a rebuild, a failed one, or a save's pages shown ahead."""
        events = [line for line in self.log.splitlines() if re.search(r"\[(start|change), \d+ ms|^Showed |^Build failed", line)]
        return events[-1] if events else ""

    def wait_generation_above(self, generation: int) -> dict:
        """The state once a rebuild after `generation` succeeded (not a save's pages shown ahead of it)."""
        return self.wait_until(f"a rebuild's generation > {generation}",
                               lambda: (s := self.state())["generation"] > generation and not s["errors"]
                               and "[change, " in self.last_event() and s)

    def stop(self, sig: int = signal.SIGINT, timeout: float = 5.0) -> float:
        """Sends `sig`; returns how long the process took to exit."""
        started = time.monotonic()
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=5)
            pytest.fail(f"syllabus serve did not stop within {timeout} s after signal {sig}:\n{self.log}")
        for reader in self._readers:
            reader.join(timeout=2)
        return time.monotonic() - started

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=5)
        shutil.rmtree(self.tmpdir, ignore_errors=True)


class LongPoll(threading.Thread):
    """`GET <base>__syllabus/changes?since=&errors=` in the background, as the page script does."""

    def __init__(self, server: Server, generation: int, errors: int, page: str | None = None):
        super().__init__(daemon=True)
        self.server = server
        self.path = f"{CHANGES}?since={generation}&errors={errors}"
        if page is not None:  # the open page's own path, as the page script sends it
            self.path += "&page=" + urllib.parse.quote(page, safe="")
        self.result: dict | None = None
        self.error: BaseException | None = None
        self.answered_at: float | None = None
        self.start()
        time.sleep(0.2)  # let the request reach the server before the edit

    def run(self) -> None:
        try:
            resp = self.server.get(self.path, timeout=LONG_POLL_TIMEOUT)
            self.answered_at = time.monotonic()
            assert resp.status == 200, resp
            self.result = json.loads(resp.body)
        except BaseException as error:  # noqa: BLE001 - reported by wait()
            self.error = error

    def wait(self, timeout: float) -> dict:
        self.join(timeout)
        if self.is_alive():
            pytest.fail(f"the long poll {self.path} did not answer within {timeout} s\n{self.server.log}")
        if self.error:
            raise self.error
        return self.result


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="session", autouse=True)
def _binary():
    if not BIN.is_file():
        pytest.fail(f"no syllabus binary at {BIN}; run `swift build` or set SYLLABUS_BIN")


def copy_site(dest: Path) -> Path:
    shutil.copytree(FIXTURE, dest)
    return dest


@pytest.fixture
def site(tmp_path) -> Path:
    return copy_site(tmp_path / "site")


@pytest.fixture
def server(site):
    """A fresh server for tests that edit the site."""
    srv = Server(site)
    try:
        srv.wait_ready()
        yield srv
    finally:
        srv.kill()


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """One server for the read-only tests."""
    srv = Server(copy_site(tmp_path_factory.mktemp("shared") / "site"))
    try:
        srv.wait_ready()
        yield srv
    finally:
        srv.kill()


def course_file(root: Path, slug: str) -> Path:
    return root / "content" / "courses" / f"{slug}.md"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_col(path: Path, needle: str) -> tuple[int, int]:
    """1-based line of the first line starting with `needle`, and the column after it."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith(needle):
            return number, len(needle) + 1
    raise AssertionError(f"{needle!r} not in {path}")


# ------------------------------------------------------------ serving


def test_root_redirects_to_base_path(shared):
    for path in ("/", "/training"):
        resp = shared.get(path)
        assert resp.status in (301, 302, 303, 307, 308), (path, resp)
        assert resp.headers.get("location") in (BASE, f"http://127.0.0.1:{shared.port}{BASE}"), resp.headers
    assert "/training/" in shared.log, "the start-up line should give the URL with the base path"


@pytest.mark.parametrize("path, content_type, needle", [
    (BASE, "text/html; charset=utf-8", b"OTP Basics"),
    (BASE + "index.html", "text/html; charset=utf-8", b"OTP Basics"),
    (BASE + "courses/otp-basics/", "text/html; charset=utf-8", b"OTP Basics"),
    (BASE + "courses/otp-exam/", "text/html; charset=utf-8", b"OTP Exam"),
    (BASE + "instructors/ada-lovelace/", "text/html; charset=utf-8", b"Ada Lovelace"),
    (BASE + "days/2030-03-06/", "text/html; charset=utf-8", b"Elixir Introduction"),
    (BASE + "tags/otp/", "text/html; charset=utf-8", b"OTP"),
    (BASE + "calendar.ics", "text/calendar; charset=utf-8", b"BEGIN:VCALENDAR\r\n"),
    (BASE + "courses/otp-basics/calendar.ics", "text/calendar; charset=utf-8", b"BEGIN:VCALENDAR\r\n"),
    (BASE + "assets/style.css", "text/css; charset=utf-8", b"{"),
    (BASE + "sitemap.xml", "application/xml; charset=utf-8", b"<urlset"),
    (BASE + "media/logo.svg", "image/svg+xml", b"<svg"),
    (BASE + "assets/favicon.svg", "image/svg+xml", b"<svg"),
])
def test_pages_and_content_types(shared, path, content_type, needle):
    resp = shared.get(path)
    assert resp.status == 200, (path, resp)
    got = resp.content_type.replace(" ", "").lower()
    want = content_type.replace(" ", "").lower()
    if want.startswith("image/"):
        assert got.split(";")[0] == want, (path, resp.content_type)
    else:
        assert got == want, (path, resp.content_type)
    assert needle in resp.body, path


def test_head_has_headers_but_no_content(shared):
    get = shared.get(BASE + "courses/otp-basics/")
    # Raw socket: http.client would silently ignore content after a HEAD response.
    with socket.create_connection(("127.0.0.1", shared.port), timeout=REQUEST_TIMEOUT) as s:
        s.sendall(f"HEAD {BASE}courses/otp-basics/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200"), head
    assert b"content-type: text/html; charset=utf-8" in head.lower(), head
    assert rest == b"", f"HEAD response carried {len(rest)} bytes of content"
    length = re.search(rb"(?im)^content-length: *(\d+)", head)
    assert length is None or int(length.group(1)) in (0, len(get.body)), head


def test_sequential_requests_are_not_held_back(shared):
    """A browser reuses its connection unless told not to; no request may then
    wait for a delayed ACK (Nagle: headers and content sent in two writes)."""
    conn = http.client.HTTPConnection("127.0.0.1", shared.port, timeout=REQUEST_TIMEOUT)
    times = []
    try:
        for _ in range(9):
            started = time.perf_counter()
            conn.request("GET", BASE + "courses/otp-basics/")
            resp = conn.getresponse()
            resp.read()
            times.append((time.perf_counter() - started) * 1000)
            if (resp.getheader("Connection") or "").lower() == "close":
                conn.close()
    finally:
        conn.close()
    median = sorted(times)[len(times) // 2]
    assert median < 30, f"request times in ms: {[round(t, 1) for t in times]}"


def test_links_keep_the_base_path(shared):
    html = shared.get(BASE + "courses/otp-basics/").text
    hrefs = re.findall(r'(?:href|src)="([^"]+)"', html)
    local = [h for h in hrefs if h.startswith("/")]
    assert local, hrefs
    assert all(h.startswith(BASE) for h in local), [h for h in local if not h.startswith(BASE)]


def test_folder_without_slash_redirects(shared):
    resp = shared.get(BASE + "courses/otp-basics")
    assert resp.status in (301, 302, 307, 308), resp
    assert resp.headers["location"].endswith(BASE + "courses/otp-basics/"), resp.headers


@pytest.mark.parametrize("path", [
    BASE + "no-such-page/",
    BASE + "courses/no-such-course/",
    BASE + "nothing.html",
    BASE + "assets/nothing.css",
    "/elsewhere/",
])
def test_missing_page_is_the_sites_404(shared, path):
    resp = shared.get(path)
    assert resp.status == 404, (path, resp)
    assert resp.content_type.replace(" ", "").lower() == "text/html;charset=utf-8", resp.content_type
    not_found_page = shared.get(BASE + "404.html")
    assert not_found_page.status == 200
    assert resp.body == not_found_page.body, "the 404 response should be the site's 404.html"
    assert b"Serve Fixture Training" in resp.body


TRAVERSALS = [
    "/training/../../etc/passwd",
    "/training/../../../../../../../../etc/passwd",
    "/../../etc/passwd",
    "/training/courses/../../../../etc/passwd",
    "/training/%2e%2e/%2e%2e/etc/passwd",
    "/training/%2E%2E/%2E%2E/%2E%2E/%2E%2E/etc/passwd",
    "/training/.%2e/.%2e/.%2e/etc/passwd",
    "/training/..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/training/courses/..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd",
    "/training/%2fetc%2fpasswd",
    "/training//etc/passwd",
    "/training/..%5c..%5c..%5cetc%5cpasswd",
    "/training/%252e%252e/%252e%252e/etc/passwd",
    "/training/..",
    "/training/../site/index.html",
    "http://127.0.0.1/training/../../etc/passwd",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_no_path_reaches_outside_the_output(shared, path):
    resp = shared.get(path)
    assert resp.status in (301, 302, 400, 403, 404), (path, resp)
    assert b"root:" not in resp.body, path
    if resp.status in (301, 302):
        assert not resp.headers.get("location", "").startswith("//"), resp.headers


def test_source_files_are_not_served(shared):
    for path in ("content/site.yml", "content/courses/otp-basics.md", "../content/site.yml",
                 "%2e%2e/content/site.yml", "site.yml", "courses/otp-basics.md"):
        resp = shared.get(BASE + path)
        assert resp.status != 200 or b"base_url" not in resp.body, (path, resp)


def test_served_html_has_live_reload_but_build_does_not(shared, tmp_path):
    for path in (BASE, BASE + "courses/otp-basics/", BASE + "no-such-page/"):
        html = shared.get(path).text
        assert "<script data-syllabus-serve>" in html, path
        assert json.dumps(CHANGES) in html.replace("\\/", "/"), path  # JSON may escape '/' 
    # Feeds, CSS and the sitemap are served as they are.
    for path in (BASE + "calendar.ics", BASE + "assets/style.css", BASE + "sitemap.xml"):
        body = shared.get(path).text
        assert not any(marker in body for marker in SCRIPT_MARKERS), path
    # The published build has neither the script nor its placeholder.
    root = copy_site(tmp_path / "site")
    out = tmp_path / "public"
    proc = subprocess.run([str(BIN), "build", "--root", str(root), "--output", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    files = [p for p in out.rglob("*") if p.is_file()]
    assert any(p.name == "index.html" for p in files)
    for file in files:
        data = file.read_bytes()
        for marker in SCRIPT_MARKERS:
            assert marker.encode() not in data, f"{file.relative_to(out)} contains {marker!r}"


def test_changes_endpoint_answers_at_once_without_since(shared):
    started = time.monotonic()
    state = shared.state()
    assert time.monotonic() - started < 2
    assert state["errors"] == []
    assert state["generation"] >= 1


def test_long_poll_times_out_on_its_own_clock(shared):
    """An idle long poll is answered after the server's timeout (25 s) with the
    same state; an earlier poll's timeout must not cut a later one short."""
    generation = shared.state()["generation"]
    first = shared.long_poll(generation, 0)  # started at t=0
    time.sleep(3)
    second = shared.long_poll(generation, 0)  # started at t=3
    state = first.wait(LONG_POLL_TIMEOUT)
    assert state == {"generation": generation, "errors": []}, state
    assert second.is_alive() or second.answered_at - first.answered_at > 2, \
        f"the later poll was answered {second.answered_at - first.answered_at:.2f} s after the first one's timeout"
    assert second.wait(LONG_POLL_TIMEOUT)["generation"] == generation


# ------------------------------------------------------------ rebuilds


def test_title_edit_is_visible_and_long_poll_wakes(server, site):
    before = server.state()
    poll = server.long_poll(before["generation"], 0)
    edit(course_file(site, "otp-basics"), "title: OTP Basics", "title: OTP Basics Revised Edition")
    started = time.monotonic()
    server.wait_until("new title on the course page",
                      lambda: "OTP Basics Revised Edition" in server.get(BASE + "courses/otp-basics/").text)
    state = poll.wait(REBUILD_TIMEOUT)
    assert state["generation"] > before["generation"], state
    assert state["errors"] == []
    assert poll.answered_at - started < REBUILD_TIMEOUT
    server.wait_generation_above(before["generation"])
    for page in (BASE, BASE + "days/2030-03-04/", BASE + "instructors/ada-lovelace/", BASE + "tags/otp/"):
        assert "OTP Basics Revised Edition" in server.get(page).text, page
    assert "[change," in server.log


def test_saved_course_page_is_shown_before_the_rebuild(server, site):
    """A save's own page is written and announced first; the listings follow with the rebuild."""
    before = server.state()
    poll = server.long_poll(before["generation"], 0)
    edit(course_file(site, "otp-basics"), "title: OTP Basics", "title: OTP Basics Shown First")
    first = poll.wait(REBUILD_TIMEOUT)
    page = BASE + "courses/otp-basics/"
    # Only that page reloads now: the script of any other open page waits.
    assert first["generation"] == before["generation"] + 1 and first["errors"] == [], first
    assert sorted(first["pages"]) == [page, page + "index.html"], first
    assert "OTP Basics Shown First" in server.get(page).text
    assert re.search(r"Showed courses/otp-basics/index\.html \[saved, \d+ ms\]", server.log), server.log
    # Then the rebuild's generation, with the listings redrawn. A title is in the search
    # index too: listed at its own URL, it reloads the pages that read it (the search
    # page and the catalog's filters), not every page.
    rebuilt = server.wait_generation_above(first["generation"])
    assert rebuilt["generation"] == first["generation"] + 1, rebuilt
    assert BASE + "search/index.json" in rebuilt["pages"] and BASE + "tags/otp/" in rebuilt["pages"], rebuilt
    assert BASE + "instructors/" not in rebuilt["pages"], rebuilt
    assert "OTP Basics Shown First" in server.get(BASE + "tags/otp/").text
    # The script tells them apart.
    script = server.get(page).text
    assert "!shows(state.pages)" in script
    assert f'data-index="{BASE}search/index.json"' in server.get(BASE).text


def test_open_pages_a_save_changes_are_shown_before_the_rebuild(server, site):
    """The long poll of an open page names it (`page=`, as the page script sends it): a
    title edit rewrites that open topic page with the course's own page, before the
    rebuild, as the rebuild makes it; an open page the edit leaves alone is not listed."""
    before = server.state()
    listing, other = BASE + "tags/otp/", BASE + "instructors/"
    poll = server.long_poll(before["generation"], 0, page=listing)
    server.long_poll(before["generation"], 0, page=other)
    edit(course_file(site, "otp-basics"), "title: OTP Basics", "title: OTP Basics On Open Pages")
    first = poll.wait(REBUILD_TIMEOUT)
    page = BASE + "courses/otp-basics/"
    # The course's own page first, alone, as without open pages ...
    assert first["generation"] == before["generation"] + 1, first
    assert sorted(first["pages"]) == [page, page + "index.html"], first
    # ... then the open topic page, which the new title changes.
    second = server.long_poll(first["generation"], 0, page=listing).wait(REBUILD_TIMEOUT)
    if second["generation"] == first["generation"] + 1:  # else the rebuild came before this poll
        assert sorted(second["pages"]) == [listing, listing + "index.html"], second
    rebuilt = server.wait_generation_above(first["generation"] + 1)
    shown_open = re.search(r"Showed tags/otp/index\.html \[open, \d+ ms\]", server.log)
    rebuild_line = re.search(r"\[change, \d+ ms", server.log)
    assert shown_open and rebuild_line and shown_open.start() < rebuild_line.start(), server.log
    assert "OTP Basics On Open Pages" in server.get(listing).text
    # The rebuild finds the topic page as shown: only what it changed besides is listed.
    assert listing not in rebuilt["pages"] and BASE + "search/index.json" in rebuilt["pages"], rebuilt


def test_an_open_catalog_page_gets_the_search_index_it_reads_before_the_rebuild(server, site):
    """The catalog page's filters read the search index, which a title edit changes: with
    the catalog page open, the index is written and announced with the open pages, before
    the rebuild, as the rebuild makes it, so the rebuild does not list it again (the page
    would reload twice). An open topic page, which does not read the index, comes first."""
    before = server.state()
    poll = server.long_poll(before["generation"], 0, page=BASE)
    server.long_poll(before["generation"], 0, page=BASE + "tags/otp/")
    edit(course_file(site, "otp-basics"), "title: OTP Basics", "title: OTP Basics Found By Search")
    first = poll.wait(REBUILD_TIMEOUT)
    assert first["generation"] == before["generation"] + 1, first
    rebuilt = server.wait_generation_above(first["generation"] + 2)
    shown_topic = re.search(r"Showed tags/otp/index\.html \[open, \d+ ms\]", server.log)
    shown_open = re.search(r"Showed [^\n]*search/index\.json[^\n]* \[open, \d+ ms\]", server.log)
    rebuild_line = re.search(r"\[change, \d+ ms", server.log)
    assert shown_topic and shown_open and rebuild_line, server.log
    assert shown_topic.start() < shown_open.start() < rebuild_line.start(), server.log
    assert "OTP Basics Found By Search" in server.get(BASE + "search/index.json").text
    # The rebuild lists what it changed besides (the day pages), not the pages shown ahead.
    assert BASE + "search/index.json" not in rebuilt["pages"] and BASE + "tags/otp/" not in rebuilt["pages"], rebuilt
    assert BASE + "days/index.html" in rebuilt["pages"], rebuilt


def test_a_body_edit_reloads_only_its_own_page(server, site):
    """A body is on its course page only: shown ahead, and the rebuild, which finds
    that page already as it makes it, changes no open page (the feeds do not count)."""
    before = server.state()
    page = BASE + "courses/otp-basics/"
    poll = server.long_poll(before["generation"], 0)
    path = course_file(site, "otp-basics")
    path.write_text(path.read_text(encoding="utf-8") + "\nA paragraph added while writing.\n", encoding="utf-8")
    first = poll.wait(REBUILD_TIMEOUT)
    assert sorted(first["pages"]) == [page, page + "index.html"], first
    rebuilt = server.wait_generation_above(first["generation"])
    assert rebuilt["generation"] == first["generation"] + 1 and rebuilt["pages"] == [], rebuilt
    assert "A paragraph added while writing." in server.get(page).text


def test_a_listing_edit_reloads_the_pages_it_changed(server, site):
    """An instructor's profile is on their page only (course pages link it by name):
    the rebuild lists that page, and an open course page stays."""
    before = server.state()
    path = site / "content" / "instructors" / "ada-lovelace.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nShe corresponded with Babbage.\n", encoding="utf-8")
    rebuilt = server.wait_generation_above(before["generation"])
    page = BASE + "instructors/ada-lovelace/"
    assert rebuilt["generation"] == before["generation"] + 1, rebuilt
    assert page in rebuilt["pages"] and BASE + "courses/otp-basics/" not in rebuilt["pages"], rebuilt
    assert "Babbage" in server.get(page).text


def test_a_template_edit_lists_its_pages_up_to_a_limit(server, site, tmp_path):
    """A course template's edit changes every course page and no other: on a small site the
    long poll lists them; beyond 500 pages it does not list them (every open page reloads),
    so that no long poll carries thousands of URLs."""
    def edit_course_template(srv: Server, root: Path) -> dict:
        before = srv.state()
        override = root / "templates" / "course.mustache"
        override.parent.mkdir(exist_ok=True)
        theme = (REPO / "templates" / "course.mustache").read_text(encoding="utf-8")
        override.write_text(theme.replace("</h1>", "</h1><p>Edited template</p>", 1), encoding="utf-8")
        return srv.wait_generation_above(before["generation"])

    small = edit_course_template(server, site)
    assert small["pages"] and all("/courses/" in url for url in small["pages"]), small
    assert len(small["pages"]) == 2 * len(list((site / "content" / "courses").glob("*.md"))), small

    large = tmp_path / "large"
    subprocess.run([sys.executable, str(REPO / "scripts" / "gen-catalog.py"), "--courses", "560", "--seed", "3",
                    "--out", str(large)], check=True, capture_output=True)
    # Served under the base path this file's helpers ask for.
    config = large / "content" / "site.yml"
    config.write_text(re.sub(r"(?m)^base_url:.*$", "base_url: https://example.org/training/",
                             config.read_text(encoding="utf-8")), encoding="utf-8")
    srv = Server(large)
    try:
        srv.wait_ready()
        state = edit_course_template(srv, large)
        assert "pages" not in state, f"{len(state.get('pages', []))} URLs listed"
    finally:
        srv.kill()


def test_a_new_course_waits_for_the_rebuild(server, site):
    """A file the last build did not have changes listings: no page is shown ahead of the rebuild."""
    before = server.state()
    poll = server.long_poll(before["generation"], 0)
    (site / "content" / "courses" / "brand-new.md").write_text("---\ntitle: Brand New\n---\nHello.\n", encoding="utf-8")
    state = poll.wait(REBUILD_TIMEOUT)
    # Not shown ahead; the rebuild lists the new page, the listings and the search index.
    assert state["generation"] == before["generation"] + 1, state
    assert {BASE + "courses/brand-new/", BASE + "search/index.json", BASE} <= set(state["pages"]), state
    assert "Showed" not in server.log
    assert "Brand New" in server.get(BASE + "courses/brand-new/").text


def test_only_affected_pages_are_rewritten(server, site):
    out = server.build_folder / "site"
    assert out.is_dir(), f"no private build folder {out}"

    def stamps() -> dict[str, int]:
        return {str(p.relative_to(out)): p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}

    generation = server.state()["generation"]
    before = stamps()
    time.sleep(0.05)
    edit(course_file(site, "elixir-intro"), "title: Elixir Introduction", "title: Elixir Intro, Renamed")
    server.wait_generation_above(generation)
    after = stamps()
    changed = {path for path in after if after[path] != before.get(path)}
    assert "courses/elixir-intro/index.html" in changed, sorted(changed)
    assert "days/2030-03-06/index.html" in changed, sorted(changed)
    untouched = {"courses/otp-basics/index.html", "courses/otp-exam/index.html",
                 "instructors/ada-lovelace/index.html", "tags/certification/index.html",
                 "days/2030-03-04/index.html", "courses/otp-basics/calendar.ics",
                 "instructors/ada-lovelace/calendar.ics"}
    assert not (untouched & changed), f"re-rendered though unaffected: {sorted(untouched & changed)}"


def test_broken_edit_keeps_last_good_site_then_recovers(server, site):
    path = course_file(site, "elixir-intro")
    good = path.read_text(encoding="utf-8")
    line, col = line_col(path, "start: ")
    before = server.state()
    page_before = server.get(BASE + "courses/elixir-intro/")
    assert page_before.status == 200

    poll = server.long_poll(before["generation"], 0)
    path.write_text(good.replace("start: 2030-03-06", "start: 6 March 2030"), encoding="utf-8")
    state = poll.wait(REBUILD_TIMEOUT)
    if not state["errors"]:  # woken by something else: wait for the failed build
        state = server.wait_until("errors reported", lambda: (s := server.state())["errors"] and s)
    assert state["generation"] == before["generation"], "a failed build must not bump the generation"
    location = f"content/courses/elixir-intro.md:{line}:{col}: error:"
    assert any(e.startswith(location) and "6 March 2030" in e for e in state["errors"]), state["errors"]
    server.wait_until("diagnostic on stderr", lambda: location in server.log)

    # Still the last good site, with the overlay script to show the error.
    page = server.get(BASE + "courses/elixir-intro/")
    assert page.status == 200
    assert "Elixir Introduction" in page.text and "<script data-syllabus-serve>" in page.text
    assert "Elixir Introduction" in server.get(BASE + "days/2030-03-06/").text
    assert server.get(BASE).status == 200

    # The long poll with the error count the page knows returns when it is fixed.
    poll = server.long_poll(before["generation"], len(state["errors"]))
    path.write_text(good.replace("title: Elixir Introduction", "title: Elixir Fixed"), encoding="utf-8")
    fixed = poll.wait(REBUILD_TIMEOUT)
    if fixed["generation"] == before["generation"]:
        fixed = server.wait_generation_above(before["generation"])
    assert fixed["generation"] > before["generation"] and fixed["errors"] == [], fixed
    server.wait_until("fixed title served",
                      lambda: "Elixir Fixed" in server.get(BASE + "courses/elixir-intro/").text)
    assert server.proc.poll() is None


def test_broken_site_yml_keeps_serving(server, site):
    site_yml = site / "content" / "site.yml"
    good = site_yml.read_text(encoding="utf-8")
    generation = server.state()["generation"]
    site_yml.write_text(good.replace('time: "09:00-17:00"', 'time: "nine to five"'), encoding="utf-8")
    state = server.wait_until("errors reported", lambda: (s := server.state())["errors"] and s)
    assert any(e.startswith("content/site.yml:") and ": error:" in e for e in state["errors"]), state
    assert server.get(BASE + "courses/otp-basics/").status == 200
    site_yml.write_text(good, encoding="utf-8")
    server.wait_generation_above(generation)


def test_new_course_appears_on_its_day_page(server, site):
    generation = server.state()["generation"]
    assert server.get(BASE + "days/2031-01-15/").status == 404
    course_file(site, "brand-new").write_text(
        "---\ntitle: Brand New Workshop\nstart: 2031-01-15\ninstructors: [Ada Lovelace]\ntags: [Fresh]\n---\n\nHello.\n",
        encoding="utf-8")
    server.wait_generation_above(generation)
    day = server.wait_until("new day page", lambda: (r := server.get(BASE + "days/2031-01-15/")).status == 200 and r)
    assert "Brand New Workshop" in day.text
    assert server.get(BASE + "courses/brand-new/").status == 200
    assert "Brand New Workshop" in server.get(BASE + "instructors/ada-lovelace/").text
    assert "Brand New Workshop" in server.get(BASE + "calendar.ics").text


def test_deleted_course_page_404s(server, site):
    generation = server.state()["generation"]
    assert server.get(BASE + "courses/elixir-intro/").status == 200
    course_file(site, "elixir-intro").unlink()
    server.wait_generation_above(generation)
    server.wait_until("deleted course gone",
                      lambda: server.get(BASE + "courses/elixir-intro/").status == 404)
    for path in ("courses/elixir-intro/", "courses/elixir-intro/calendar.ics", "days/2030-03-06/",
                 "tags/elixir/", "instructors/grace-hopper/"):
        assert server.get(BASE + path).status == 404, path
    # Without the slash too: no redirect to a folder that has no page any more.
    assert server.get(BASE + "courses/elixir-intro").status == 404
    assert "Elixir Introduction" not in server.get(BASE).text
    assert "Elixir Introduction" not in server.get(BASE + "sitemap.xml").text + server.get(BASE + "calendar.ics").text


def test_new_course_in_new_subfolder_and_templates_folder_created_later(server, site):
    """inotify is not recursive: folders created after start must be watched too."""
    generation = server.state()["generation"]
    assets = site / "templates" / "assets"
    assets.mkdir(parents=True)
    (assets / "extra.css").write_text("body { color: #123456; }\n", encoding="utf-8")
    server.wait_until("asset from a new templates/ folder",
                      lambda: server.get(BASE + "assets/extra.css").status == 200)
    resp = server.get(BASE + "assets/extra.css")
    assert resp.content_type.replace(" ", "") == "text/css;charset=utf-8"
    generation = server.wait_generation_above(generation)["generation"]
    (assets / "extra.css").write_text("body { color: #654321; }\n", encoding="utf-8")
    server.wait_until("edited asset in the new folder",
                      lambda: "#654321" in server.get(BASE + "assets/extra.css").text)


def test_a_folder_removed_and_made_again_in_one_burst_is_still_watched(server, site):
    """`rm -rf` and a copy back at once: the kernel drops the old folder's watch,
    and the folder made again at that path gets one of its own."""
    generation = server.state()["generation"]
    instructors = site / "content" / "instructors"
    saved = {p.name: p.read_bytes() for p in instructors.iterdir()}
    shutil.rmtree(instructors)
    instructors.mkdir()
    for name, data in saved.items():
        (instructors / name).write_bytes(data)
    generation = server.wait_generation_above(generation)["generation"]
    time.sleep(0.3)  # well after that burst: a save of its own
    profile = instructors / "ada-lovelace.md"
    profile.write_text(profile.read_text(encoding="utf-8") + "\nShe also wrote about the Analytical Engine's looms.\n",
                       encoding="utf-8")
    server.wait_until("a save in the folder made again is rebuilt",
                      lambda: "looms." in server.get(BASE + "instructors/ada-lovelace/").text)


def test_rapid_saves_end_on_the_last_one(server, site):
    path = course_file(site, "otp-exam")
    text = path.read_text(encoding="utf-8")
    for n in range(8):
        path.write_text(text.replace("title: OTP Exam", f"title: OTP Exam v{n}"), encoding="utf-8")
        time.sleep(0.015)
    server.wait_until("last save visible", lambda: "OTP Exam v7" in server.get(BASE + "courses/otp-exam/").text)


def test_starting_broken_shows_errors_under_base_path_and_recovers(site):
    """No good build yet: the page at the base path must still carry the overlay
    script, the changes endpoint must answer there, and fixing must recover."""
    path = course_file(site, "elixir-intro")
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("start: 2030-03-06", "start: 2030-13-06"), encoding="utf-8")
    line, col = line_col(path, "start: ")
    srv = Server(site)
    try:
        srv.wait_until("start-up line", lambda: "Ctrl-C" in srv.log, timeout=START_TIMEOUT)
        assert f"content/courses/elixir-intro.md:{line}:{col}: error:" in srv.log
        assert "/training/" in srv.log.splitlines()[-1], "the start-up line should name the base path"
        resp = srv.get(CHANGES)
        assert resp.status == 200, f"{CHANGES} -> {resp}"
        state = json.loads(resp.body)
        assert state["generation"] == 0 and state["errors"], state
        page = srv.get(BASE)
        assert page.status == 404 and "<script data-syllabus-serve>" in page.text, page.text[:300]
        path.write_text(good, encoding="utf-8")
        srv.wait_generation_above(0)
        assert srv.get(BASE + "courses/elixir-intro/").status == 200
    finally:
        srv.kill()


# ------------------------------------------------------------ stopping


def test_sigint_stops_cleanly_and_removes_build_folder(site):
    srv = Server(site)
    try:
        srv.wait_ready()
        folder = srv.build_folder
        assert folder.is_dir(), f"expected the private build folder {folder}"
        # A page open in a browser keeps a long poll waiting; Ctrl-C must not hang on it.
        poll = srv.long_poll(srv.state()["generation"], 0)
        took = srv.stop(signal.SIGINT, timeout=5)
        assert srv.proc.returncode == 0, f"exit status {srv.proc.returncode}\n{srv.log}"
        assert took < 5
        assert not folder.exists(), f"{folder} left behind"
        assert "Error" not in srv.log, srv.log
        poll.join(2)
    finally:
        srv.kill()


def test_sigint_during_a_rebuild_leaves_nothing_behind(site):
    """Ctrl-C while a rebuild is writing: the build folder must still go."""
    template = course_file(site, "otp-basics").read_text(encoding="utf-8")
    for n in range(400):  # enough pages that a rebuild takes a while
        course_file(site, f"bulk-{n:03d}").write_text(
            template.replace("title: OTP Basics", f"title: Bulk Course {n}")
                    .replace("[certification](otp-exam.md)", "certification"), encoding="utf-8")
    srv = Server(site)
    try:
        srv.wait_ready()
        folder = srv.build_folder
        started = time.monotonic()
        edit(course_file(site, "otp-basics"), "title: OTP Basics", "title: OTP Basics, Interrupted")
        time.sleep(0.15)  # the watcher's quiet period has passed: the rebuild is under way
        srv.stop(signal.SIGINT, timeout=30)
        rebuilds = [line for line in srv.lines if "[change," in line]
        assert srv.proc.returncode == 0, srv.log
        assert not folder.exists(), (f"{folder} left behind with "
                                     f"{sum(len(files) for _, _, files in os.walk(folder))} files; "
                                     f"rebuilds logged: {rebuilds}, stopped after {time.monotonic() - started:.2f} s")
    finally:
        srv.kill()


def test_sigterm_stops_cleanly(site):
    srv = Server(site)
    try:
        srv.wait_ready()
        folder = srv.build_folder
        srv.stop(signal.SIGTERM, timeout=5)
        assert srv.proc.returncode == 0, f"exit status {srv.proc.returncode}\n{srv.log}"
        assert not folder.exists()
    finally:
        srv.kill()


def test_port_in_use_fails_with_a_message(shared, site):
    tmpdir = site.parent / "tmp"
    tmpdir.mkdir()
    proc = subprocess.Popen([str(BIN), "serve", "--root", str(site), "--port", str(shared.port)],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "TMPDIR": str(tmpdir)})
    try:
        _, stderr = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        pytest.fail("serve on a port in use kept running")
    assert proc.returncode != 0
    assert stderr.strip()
    assert not list(tmpdir.iterdir()), "build folder left behind"


# ------------------------------------------------------------ hostile clients

IDLE_CONNECTIONS = 2000
HEAD_TIMEOUT = 10.0  # the server's limit for a request's line and headers (PreviewServer)


@pytest.fixture(scope="module", autouse=True)
def _enough_descriptors_here():
    """This process holds thousands of connections in the tests below."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = min(hard, 8192) if hard != resource.RLIM_INFINITY else 8192
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    yield
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def open_idle(port: int, count: int) -> list[socket.socket]:
    """`count` connections that never send a byte, as a port scan or a slow browser leaves them."""
    sockets = []
    for _ in range(count):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.settimeout(REQUEST_TIMEOUT)
        s.connect(("127.0.0.1", port))
        sockets.append(s)
    return sockets


def close_all(sockets: list[socket.socket]) -> None:
    for s in sockets:
        s.close()


def raw_exchange(port: int, data: bytes, timeout: float = REQUEST_TIMEOUT) -> bytes:
    """Sends `data` while reading the answer (a server that answers early must
    not dead-lock a client still sending) and returns everything received."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        sender = threading.Thread(target=lambda: _send_quietly(s, data), daemon=True)
        sender.start()
        received = b""
        try:
            while chunk := s.recv(65536):
                received += chunk
        except ConnectionResetError:
            pass
        sender.join(timeout)
        return received


def _send_quietly(s: socket.socket, data: bytes) -> None:
    try:
        s.sendall(data)
    except OSError:
        pass  # the server closed after answering: expected for refused requests


def served_quickly(srv: Server, within: float = 2.0) -> None:
    started = time.monotonic()
    resp = srv.get(BASE + "courses/otp-basics/", timeout=within + 3)
    took = time.monotonic() - started
    assert resp.status == 200 and b"OTP Basics" in resp.body, resp
    assert took < within, f"answered after {took:.2f} s"


@pytest.mark.parametrize("open_files", [(1024, None), (1024, 1024)], ids=["soft-1024", "hard-1024"])
def test_thousands_of_idle_connections_do_not_stop_the_server(site, open_files):
    """Issue 11 item 9: about 1,020 idle connections made `serve` exit with
    "Too many open files". With the usual soft limit of 1,024 the server raises
    it; when the hard limit is 1,024 too, it closes the idlest connections."""
    soft, hard = open_files
    srv = Server(site, open_files=(soft, hard or resource.getrlimit(resource.RLIMIT_NOFILE)[1]))
    idle: list[socket.socket] = []
    try:
        srv.wait_ready()
        idle = open_idle(srv.port, IDLE_CONNECTIONS)
        time.sleep(0.5)  # let the server accept them all
        assert srv.proc.poll() is None, f"serve exited with {srv.proc.returncode}:\n{srv.log}"
        served_quickly(srv)
        assert srv.state()["errors"] == []
    finally:
        close_all(idle)
        srv.kill()


def test_idle_and_half_sent_requests_are_closed_after_the_timeout(shared):
    silent = open_idle(shared.port, 5)
    partial = open_idle(shared.port, 5)
    try:
        for s in partial:  # a request line and one header, then nothing (slowloris)
            s.sendall(b"GET " + BASE.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        started = time.monotonic()
        for s in silent + partial:
            s.settimeout(max(0.1, HEAD_TIMEOUT + 3 - (time.monotonic() - started)))
            try:
                assert s.recv(1) == b"", "the server answered a request it never got"
            except TimeoutError:
                pytest.fail(f"an idle connection was still open {time.monotonic() - started:.1f} s later")
            except ConnectionResetError:
                pass
        assert time.monotonic() - started > HEAD_TIMEOUT - 1, "closed before the timeout"
        served_quickly(shared)
    finally:
        close_all(silent + partial)


def test_failed_accept_does_not_stop_the_server(site):
    """Out of descriptors (EMFILE) the server keeps running and answers again
    once descriptors are free."""
    srv = Server(site)
    try:
        srv.wait_ready()
        soft, hard = resource.prlimit(srv.proc.pid, resource.RLIMIT_NOFILE)
        in_use = len(os.listdir(f"/proc/{srv.proc.pid}/fd"))
        # Below the descriptors in use: every accept fails with EMFILE.
        resource.prlimit(srv.proc.pid, resource.RLIMIT_NOFILE, (in_use - 2, hard))
        waiting = []
        try:
            for _ in range(3):
                s = socket.create_connection(("127.0.0.1", srv.port), timeout=REQUEST_TIMEOUT)
                s.sendall(f"GET {BASE} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
                waiting.append(s)
            time.sleep(1)
            assert srv.proc.poll() is None, f"serve exited with {srv.proc.returncode}:\n{srv.log}"
        finally:
            resource.prlimit(srv.proc.pid, resource.RLIMIT_NOFILE, (soft, hard))
        for s in waiting:  # accepted now, and answered
            data = b""
            while chunk := s.recv(65536):
                data += chunk
            s.close()
            assert data.startswith(b"HTTP/1.1 200"), data[:100]
        served_quickly(srv)
    finally:
        srv.kill()


def test_long_url_is_refused_fast(shared):
    """Issue 11 item 12: a 100 KB URL cost 4 s of CPU."""
    started = time.monotonic()
    data = raw_exchange(shared.port, f"GET {BASE}{'a' * 100_000} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    assert data.startswith(b"HTTP/1.1 414"), data[:100]
    assert time.monotonic() - started < 1.5
    # Just under the limit is an ordinary request.
    data = raw_exchange(shared.port, f"GET {BASE}{'a' * 7_000} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    assert data.startswith(b"HTTP/1.1 404"), data[:100]
    served_quickly(shared)


def test_huge_header_is_refused_fast_and_others_are_answered_meanwhile(shared):
    """Issue 11 item 12: a 1 MB header cost 118 s of CPU."""
    results: list[tuple[float, bytes]] = []

    def hostile():
        started = time.monotonic()
        data = raw_exchange(shared.port, f"GET {BASE} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ".encode()
                            + b"b" * 1_000_000 + b"\r\n\r\n", timeout=10)
        results.append((time.monotonic() - started, data))

    senders = [threading.Thread(target=hostile) for _ in range(3)]
    for sender in senders:
        sender.start()
    served_quickly(shared)
    for sender in senders:
        sender.join(15)
    assert len(results) == 3, "a 1 MB header got no answer within 15 s"
    for took, data in results:
        assert data.startswith(b"HTTP/1.1 431"), data[:100]
        assert took < 3, f"431 after {took:.2f} s"
    # Many ordinary headers under the limit are fine.
    many = "".join(f"X-Header-{n}: {'v' * 100}\r\n" for n in range(300))
    data = raw_exchange(shared.port, f"GET {BASE} HTTP/1.1\r\nHost: 127.0.0.1\r\n{many}\r\n".encode())
    assert data.startswith(b"HTTP/1.1 200"), data[:100]


async def _load(port: int, path: str, connections: int, seconds: float) -> tuple[int, list[str]]:
    """`connections` clients, each sending requests one after another for
    `seconds`: returns the number of 200 answers and every error."""
    done = 0
    errors: list[str] = []
    deadline = time.monotonic() + seconds
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()

    async def client():
        nonlocal done
        while time.monotonic() < deadline:
            try:
                reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), REQUEST_TIMEOUT)
                writer.write(request)
                data = await asyncio.wait_for(reader.read(), REQUEST_TIMEOUT)
                writer.close()
                if data.startswith(b"HTTP/1.1 200") and b"OTP Basics" in data:
                    done += 1
                else:
                    errors.append(repr(data[:60]))
            except (OSError, asyncio.TimeoutError) as error:
                errors.append(repr(error))

    await asyncio.gather(*(client() for _ in range(connections)))
    return done, errors


def test_load_with_idle_connections_and_huge_headers(site):
    """Prove it (issue 11): 200 busy connections for 10 s with 0 errors, while
    2,000 connections sit idle and clients send 1 MB headers."""
    srv = Server(site, open_files=(1024, resource.getrlimit(resource.RLIMIT_NOFILE)[1]))
    idle: list[socket.socket] = []
    stop = threading.Event()
    refused = []

    def hostile():
        while not stop.is_set():
            refused.append(raw_exchange(srv.port, f"GET {BASE} HTTP/1.1\r\nX-Big: ".encode()
                                        + b"b" * 1_000_000 + b"\r\n\r\n", timeout=10)[:12])

    try:
        srv.wait_ready()
        idle = open_idle(srv.port, IDLE_CONNECTIONS)
        sender = threading.Thread(target=hostile, daemon=True)
        sender.start()
        done, errors = asyncio.run(_load(srv.port, BASE + "courses/otp-basics/", 200, 10.0))
        stop.set()
        sender.join(15)
        assert srv.proc.poll() is None, f"serve exited with {srv.proc.returncode}:\n{srv.log}"
        assert errors == [], f"{len(errors)} errors, {done} answers; first: {errors[:5]}"
        assert done > 200, f"only {done} answers in 10 s"
        assert refused and all(r == b"HTTP/1.1 431" for r in refused), refused[:5]
    finally:
        stop.set()
        close_all(idle)
        srv.kill()


# ------------------------------------------------------------ the build folder


def test_build_folder_is_private_and_unpredictable(server):
    folder = server.build_folder
    assert folder.stat().st_mode & 0o777 == 0o700, oct(folder.stat().st_mode)
    assert folder.stat().st_uid == os.getuid()
    assert str(server.proc.pid) not in folder.name, f"{folder.name} carries the pid"
    suffix = folder.name.removeprefix("syllabus-serve-")
    assert len(suffix) >= 6 and not suffix.isdigit(), folder.name


def test_pre_created_trap_folder_is_never_used(site, tmp_path):
    """Issue 11 item 10: another local user pre-created /tmp/syllabus-serve-<pid>
    with `secret.txt -> /etc/shadow`, and `serve` then served the secret."""
    secret = tmp_path / "secret"
    secret.write_text("TOP SECRET shadow line\n", encoding="utf-8")
    trap = '$TMPDIR/syllabus-serve-$$'
    srv = Server(site, before=f'mkdir -p "{trap}/site" && ln -s "{secret}" "{trap}/site/secret.txt"'
                              f' && ln -s "{secret}" "{trap}/site/index.html"')
    try:
        srv.wait_ready()
        trap_folder = srv.tmpdir / f"syllabus-serve-{srv.proc.pid}"
        assert (trap_folder / "site" / "secret.txt").is_symlink(), "the trap was not set"
        for path in ("secret.txt", "index.html", ""):
            resp = srv.get(BASE + path)
            assert b"TOP SECRET" not in resp.body, path
        assert srv.get(BASE).status == 200
        srv.stop()
        assert (trap_folder / "site" / "secret.txt").is_symlink(), "the server touched another user's folder"
        assert secret.read_text(encoding="utf-8") == "TOP SECRET shadow line\n"
        assert [f for f in srv.build_folders if f != trap_folder] == [], "build folder left behind"
    finally:
        srv.kill()


# ------------------------------------------------------------ syllabus new


def run_cli(*args: str, root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN), *args, "--root", str(root)], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("kind, title, folder, slug, key", [
    ("course", "Advanced OTP: Part 2 & More", "courses", "advanced-otp-part-2-more", "title"),
    ("instructor", "Zoë O'Brien", "instructors", "zoe-o-brien", "name"),
])
def test_new_writes_a_skeleton_that_passes_check_and_never_overwrites(site, kind, title, folder, slug, key):
    target = site / "content" / folder / f"{slug}.md"
    assert not target.exists()
    first = run_cli("new", kind, title, root=site)
    assert first.returncode == 0, first.stderr
    assert target.is_file(), f"expected {target}; stdout {first.stdout!r}"
    printed = first.stdout.strip()
    assert printed.endswith(f"content/{folder}/{slug}.md"), printed
    text = target.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    # Every field shown, and commented.
    front = text.split("---\n")[1]
    assert re.search(rf"^{key}: .*#", front, re.M), front
    assert title.replace('"', '\\"') in front or title in front
    fields = ["title", "summary", "kind", "instructors", "start", "end", "time", "timezone",
              "location", "tags", "draft", "slug", "runs"] if kind == "course" else \
        ["name", "role", "photo", "links"]
    for field in fields:
        assert re.search(rf"^#?\s*{field}:", front, re.M), f"{field} not shown in\n{front}"
    lines = [line for line in front.splitlines() if line.strip()]
    assert all("#" in line for line in lines if re.match(r"^#?\s*[a-z_]+:", line)), front

    check = run_cli("check", root=site)
    assert check.returncode == 0, check.stdout + check.stderr
    build = subprocess.run([str(BIN), "build", "--root", str(site), "--drafts"],
                           capture_output=True, text=True, timeout=60)
    assert build.returncode == 0, build.stderr

    written = target.read_bytes()
    second = run_cli("new", kind, title, root=site)
    assert second.returncode != 0
    assert "exists" in second.stderr, second.stderr
    assert target.read_bytes() == written, "the existing file was changed"


def test_new_course_in_a_running_server_appears_with_drafts_off(server, site):
    generation = server.state()["generation"]
    result = run_cli("new", "course", "Live Added Course", root=site)
    assert result.returncode == 0, result.stderr
    state = server.wait_until("rebuild after new", lambda: (s := server.state())["generation"] > generation and s)
    assert state["errors"] == []


# ------------------------------------------------------- live-reload script


def _script_decisions(script: str, pathname: str, answers: list[dict], markup: str = "", urls: bool = False) -> dict:
    """Runs the served live-reload script in headless Chromium with `fetch` answering
    `answers` in turn, `location` a stand-in and `markup` the page's body; returns how
    many polls it made and after which answer it reloaded (None: it did not), and with
    `urls` the URLs it polled."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")),
                              options=options)
    try:
        driver.set_script_timeout(10)
        return driver.execute_async_script("""
            const [body, pathname, answers, markup, withURLs, done] = arguments;
            document.body.innerHTML = markup;
            let polls = 0, reloadedAfter = null;
            const urls = [];
            const fakeLocation = { pathname, href: "http://127.0.0.1:8000" + pathname,
                                   reload() { reloadedAfter = polls; finish(); } };
            function finish() { done(withURLs ? { polls, reloadedAfter, urls } : { polls, reloadedAfter }); }
            // Each poll answers the next state; past the last one the poll never answers.
            const fakeFetch = (url) => {
                urls.push(url);
                if (polls === answers.length) { setTimeout(finish, 50); return new Promise(() => {}); }
                const state = answers[polls++];
                return Promise.resolve({ json: () => Promise.resolve(state) });
            };
            new Function("location", "fetch", body)(fakeLocation, fakeFetch);
        """, script, pathname, answers, markup, urls)
    finally:
        driver.quit()


def test_live_reload_script_reloads_only_the_pages_a_save_showed(shared):
    page = BASE + "courses/otp-basics/"
    html = shared.get(page).text
    script = re.search(r"<script data-syllabus-serve>(.*?)</script>", html, re.S).group(1)
    shown = {"errors": [], "generation": 8, "pages": [page, page + "index.html"]}
    rebuilt = {"errors": [], "generation": 9}
    first = {"errors": [], "generation": 7}
    # The saved course's own page reloads at the generation that showed it ...
    assert _script_decisions(script, page, [first, shown, rebuilt]) == {"polls": 2, "reloadedAfter": 2}
    # ... any other page waits for the rebuild's generation, then reloads.
    assert _script_decisions(script, BASE + "tags/otp/", [first, shown, rebuilt]) == {"polls": 3, "reloadedAfter": 3}
    # A page that missed a generation reloads whatever the latest one lists.
    skipped = dict(shown, generation=9)
    assert _script_decisions(script, BASE + "tags/otp/", [first, skipped]) == {"polls": 2, "reloadedAfter": 2}
    # Without a rebuild after the save, the other page is not reloaded.
    assert _script_decisions(script, BASE + "tags/otp/", [first, shown]) == {"polls": 2, "reloadedAfter": None}
    # A rebuild that changed no open page (a body already shown ahead) reloads nothing.
    unchanged = {"errors": [], "generation": 9, "pages": []}
    assert _script_decisions(script, page, [first, shown, unchanged]) == {"polls": 2, "reloadedAfter": 2}
    assert _script_decisions(script, BASE + "tags/otp/", [first, shown, unchanged]) == {"polls": 3, "reloadedAfter": None}
    # Each long poll names the page it comes from: the server shows the open pages a save changes first.
    polled = _script_decisions(script, BASE + "tags/c++/", [first, shown], urls=True)["urls"]
    assert polled == [CHANGES, f"{CHANGES}?since=7&errors=0&page={urllib.parse.quote(BASE + 'tags/c++/', safe='')}",
                      f"{CHANGES}?since=8&errors=0&page={urllib.parse.quote(BASE + 'tags/c++/', safe='')}"], polled


def test_live_reload_script_reloads_the_pages_that_use_a_listed_file(shared):
    """A changed search index or stylesheet is listed at its own URL: the pages that load
    it reload (traced in their own markup, as the served pages carry it), the rest stay."""
    page = BASE + "courses/otp-basics/"
    script = re.search(r"<script data-syllabus-serve>(.*?)</script>", shared.get(page).text, re.S).group(1)
    first = {"errors": [], "generation": 7}
    index_changed = {"errors": [], "generation": 8, "pages": [BASE + "search/index.json"]}
    style_changed = {"errors": [], "generation": 8, "pages": [BASE + "assets/style.css"]}
    catalog = re.search(r'<form class="filters"[^>]*>', shared.get(BASE).text).group(0) + "</form>"
    stylesheet = f'<link rel="stylesheet" href="{BASE}assets/style.css">'
    assert _script_decisions(script, BASE, [first, index_changed], catalog) == {"polls": 2, "reloadedAfter": 2}
    assert _script_decisions(script, page, [first, index_changed], stylesheet) == {"polls": 2, "reloadedAfter": None}
    assert _script_decisions(script, page, [first, style_changed], stylesheet) == {"polls": 2, "reloadedAfter": 2}
    # A relative reference resolves against the page's own URL.
    relative = '<link rel="stylesheet" href="../../assets/style.css">'
    assert _script_decisions(script, page, [first, style_changed], relative) == {"polls": 2, "reloadedAfter": 2}
    assert _script_decisions(script, BASE + "tags/otp/", [first, style_changed], catalog) == {"polls": 2, "reloadedAfter": None}
