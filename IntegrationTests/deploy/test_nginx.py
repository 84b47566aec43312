"""The nginx recipe of docs/deploy.md, served by a real nginx.

The server block is read from the doc (its ```nginx fence), so the doc is
what is tested; only `listen` (a free loopback port) and `root` (a temporary
folder) are replaced. nginx runs in the foreground as a child of the test,
with its own prefix, configuration, pid file and logs in the temporary
folder, and is ended at the end of the module.

    SYLLABUS_BIN=.build/debug/syllabus .venv/bin/pytest -q IntegrationTests/deploy
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import socket
import subprocess
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DOC = REPO / "docs" / "deploy.md"
SITE = REPO / "IntegrationTests" / "feeds" / "site"
BIN = Path(os.environ.get("SYLLABUS_BIN") or REPO / ".build" / "debug" / "syllabus")
SUBPATH = "/cursos/"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
TIMEOUT = 5.0


def doc_server_block() -> str:
    blocks = re.findall(r"```nginx\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 1, "docs/deploy.md should have exactly one ```nginx block"
    return blocks[0]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port: int, path: str) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.hrefs.append(value)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    if not Path(NGINX).exists():
        pytest.fail("nginx is not installed; run scripts/install-test-tools.sh")
    tmp = tmp_path_factory.mktemp("nginx")
    root = tmp / "www"
    subprocess.run([str(BIN), "build", "--root", str(SITE), "--output", str(root / SUBPATH.strip("/")),
                    "--base-url", "https://example.org" + SUBPATH],
                   check=True, capture_output=True, timeout=120,
                   env={**os.environ, "SOURCE_DATE_EPOCH": "1577836800"})
    port = free_port()
    server = doc_server_block()
    server, listens = re.subn(r"^(\s*)listen 80;", rf"\1listen 127.0.0.1:{port};", server, flags=re.M)
    server, roots = re.subn(r"^(\s*)root /var/www/training;", rf"\1root {root};", server, flags=re.M)
    assert (listens, roots) == (1, 1), "the doc's block should have one 'listen 80;' and one 'root /var/www/training;'"
    temp_paths = "\n".join(f"  {name}_temp_path {tmp}/{name};" for name in
                           ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (tmp / "nginx.conf").write_text(f"""
daemon off;
{"user root root;" if os.geteuid() == 0 else ""}
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 64; }}
http {{
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log {tmp}/access.log;
{temp_paths}
{server}
}}
""", encoding="utf-8")
    process = subprocess.Popen([NGINX, "-p", str(tmp), "-c", str(tmp / "nginx.conf")],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail("nginx exited: " + process.stdout.read().decode() + (tmp / "error.log").read_text())
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("nginx did not listen within 5 s")
                time.sleep(0.05)
        yield port, root / SUBPATH.strip("/")
    finally:
        process.terminate()
        try:
            process.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=TIMEOUT)


def site_path(output: Path, file: Path) -> str:
    relative = file.relative_to(output).as_posix()
    if relative == "index.html":
        return SUBPATH
    if relative.endswith("/index.html"):
        return SUBPATH + relative[: -len("index.html")]
    return SUBPATH + relative


def test_every_page_and_every_link_answers_200(served):
    port, output = served
    pages = sorted(output.rglob("*.html"))
    assert len(pages) > 20
    targets = {site_path(output, page) for page in pages if page.name != "404.html"}
    for page in pages:
        links = Links()
        links.feed(page.read_text(encoding="utf-8"))
        targets.update(href.split("#")[0] for href in links.hrefs if href.startswith(SUBPATH))
    for path in sorted(targets):
        status, _, _ = get(port, path)
        assert status == 200, path


def test_feeds_are_text_calendar_utf8(served):
    port, output = served
    feeds = sorted(output.rglob("*.ics"))
    assert len(feeds) > 3
    for feed in feeds:
        status, headers, body = get(port, site_path(output, feed))
        assert status == 200
        assert headers["content-type"] == "text/calendar; charset=utf-8", feed
        assert body == feed.read_bytes()


def test_unknown_paths_get_the_sites_404_page_with_status_404(served):
    port, output = served
    not_found = (output / "404.html").read_bytes()
    for path in (SUBPATH + "no-such-page/", SUBPATH + "courses/no-such-course/", SUBPATH + "calendar.ics.bak"):
        status, headers, body = get(port, path)
        assert status == 404, path
        assert headers["content-type"].startswith("text/html")
        assert body == not_found, path


def test_a_folder_without_its_slash_redirects_relative_to_the_host(served):
    port, _ = served
    status, headers, _ = get(port, SUBPATH + "days")
    assert status == 301
    assert headers["location"] == SUBPATH + "days/"
