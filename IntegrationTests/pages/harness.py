"""Shared helpers for the page-level tests and screenshots.py.

Builds the shipped catalog with the real `syllabus` binary under the deploy
sub-path /training/, serves it over loopback, and parses what it wrote.
Nothing here knows about the seed catalog; the tests do.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import subprocess
import threading
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

REPO_ROOT = Path(__file__).resolve().parents[2]
SITE_ROOT = Path(os.environ.get("SYLLABUS_ROOT", REPO_ROOT))
SYLLABUS_BIN = Path(os.environ.get("SYLLABUS_BIN", REPO_ROOT / ".build" / "debug" / "syllabus"))

BASE_URL = "https://example.org/training/"
BASE_PATH = "/training/"  # the path of BASE_URL, and the folder the site is built into
DEPLOY_HOST = urlsplit(BASE_URL).netloc

# SOURCE_DATE_EPOCH of every test build unless a test picks another: 2020-05-01,
# before the shipped catalog's runs (May 2020) and the varied site's (2021), so
# that all of them are upcoming and the listings show every run. Tests of
# upcoming and past build with their own dates (test_over_time.py).
BUILD_EPOCH = int(os.environ.get("SYLLABUS_TEST_EPOCH", "1588334400"))

CHROMIUM = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")


def build_date():
    """The date test builds use as today (UTC; the fixtures' zones are a few hours from it)."""
    import datetime as _dt

    return _dt.datetime.fromtimestamp(BUILD_EPOCH, _dt.timezone.utc).date()
CHROMEDRIVER = os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")


# --------------------------------------------------------------------------- build


class BuildError(RuntimeError):
    pass


def build_env(epoch: int | None = None) -> dict:
    """The environment of a test build: SOURCE_DATE_EPOCH fixes the build date."""
    return dict(os.environ, SOURCE_DATE_EPOCH=str(BUILD_EPOCH if epoch is None else epoch))


def build_site(parent: Path, *, timeout: float = 120, epoch: int | None = None) -> Path:
    """Builds the catalog into <parent>/training/ and returns that folder."""
    if not SYLLABUS_BIN.is_file():
        raise BuildError(
            f"syllabus binary not found at {SYLLABUS_BIN} "
            "(build it with `swift build`, or set SYLLABUS_BIN)"
        )
    output = parent / BASE_PATH.strip("/")
    cmd = [str(SYLLABUS_BIN), "build", "--root", str(SITE_ROOT),
           "--output", str(output), "--base-url", BASE_URL]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=build_env(epoch))
    if proc.returncode != 0:
        raise BuildError(
            f"`{' '.join(cmd)}` exited {proc.returncode}\n"
            f"--- stdout\n{proc.stdout}--- stderr\n{proc.stderr}"
        )
    if not (output / "index.html").is_file():
        raise BuildError(f"build succeeded but wrote no {output / 'index.html'}\n{proc.stdout}{proc.stderr}")
    return output


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files only: a folder without index.html is a 404, as on a real host."""

    def list_directory(self, path):
        self.send_error(404, "No index.html in this folder")
        return None

    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        pass


class SiteServer:
    """http.server on 127.0.0.1, a free port, in a thread; serves `directory`."""

    def __init__(self, directory: Path):
        handler = functools.partial(_QuietHandler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.origin = f"http://127.0.0.1:{self.port}"
        self.base = self.origin + BASE_PATH
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="site-server", daemon=True)

    def __enter__(self) -> "SiteServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join(timeout=5)


# --------------------------------------------------------------------------- pages on disk


def html_files(output: Path) -> list[Path]:
    return sorted(output.rglob("*.html"))


def page_path(output: Path, file: Path) -> str:
    """URL path (under BASE_PATH) a file is served at: a/index.html -> /training/a/."""
    rel = file.relative_to(output).as_posix()
    if rel == "index.html":
        rel = ""
    elif rel.endswith("/index.html"):
        rel = rel[: -len("index.html")]
    return BASE_PATH + rel


def file_for_path(output: Path, path: str) -> Path | None:
    """The file the loopback server answers `path` with, or None."""
    if not path.startswith(BASE_PATH):
        return None
    rel = path[len(BASE_PATH):]
    target = output / rel
    if path.endswith("/"):
        target = target / "index.html"
    return target if target.is_file() else None


# --------------------------------------------------------------------------- links


@dataclass(frozen=True)
class Link:
    tag: str
    attr: str
    value: str
    line: int


# Which attributes of which elements point at another resource.
LINK_ATTRS = {
    "a": ("href",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "script": ("src",),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "form": ("action",),
}


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[Link] = []
        self.base_href: str | None = None
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        if tag == "base" and attrs.get("href") and self.base_href is None:
            self.base_href = attrs["href"]
        for attr in LINK_ATTRS.get(tag, ()):
            value = attrs.get(attr)
            if value is None:
                continue
            line = self.getpos()[0]
            if attr == "srcset":
                for candidate in value.split(","):
                    url = candidate.strip().split(" ")[0]
                    if url:
                        self.links.append(Link(tag, attr, url, line))
            else:
                self.links.append(Link(tag, attr, value.strip(), line))

    handle_startendtag = handle_starttag


def parse_html(html: str) -> LinkParser:
    parser = LinkParser()
    parser.feed(html)
    parser.close()
    return parser


def resolved_links(html: str, page_url: str) -> list[tuple[Link, str]]:
    """Every link of a page with its absolute URL (honouring <base href>)."""
    parsed = parse_html(html)
    base = urljoin(page_url, parsed.base_href) if parsed.base_href else page_url
    return [(link, urljoin(base, link.value)) for link in parsed.links]


def local_paths(output: Path, file: Path) -> set[str]:
    """Paths on the site (under any host) that a page on disk links to, fragments dropped."""
    page_url = "http://site.invalid" + page_path(output, file)
    paths = set()
    for _, url in resolved_links(file.read_text(encoding="utf-8"), page_url):
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") and parts.netloc in ("site.invalid", DEPLOY_HOST):
            paths.add(parts.path)
    return paths


COURSE_LINK = re.compile(re.escape(BASE_PATH) + r"courses/([a-z0-9]+(?:-[a-z0-9]+)*)/$")


def course_slugs_linked(output: Path, file: Path) -> set[str]:
    """Slugs of course pages a page links to (href resolving to /training/courses/<slug>/)."""
    return {m.group(1) for p in local_paths(output, file) if (m := COURSE_LINK.match(p))}


# --------------------------------------------------------------------------- content source


@dataclass
class Entry:
    slug: str
    title: str
    file: Path
    fields: dict = field(default_factory=dict)


def _scalar(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value


def content_entries(root: Path = SITE_ROOT) -> list[Entry]:
    """Course files of the shipped catalog: slug (file name unless `slug:`) and title.

    A deliberately small front-matter reader (top-level `key: scalar` lines),
    enough to map titles to slugs without a YAML dependency.
    """
    entries = []
    for file in sorted((root / "content" / "courses").glob("*.md")):
        lines = file.read_text(encoding="utf-8").splitlines()
        if not lines or lines[0].strip() != "---":
            continue
        fields = {}
        for line in lines[1:]:
            if line.strip() == "---":
                break
            m = re.match(r"^([A-Za-z_]+):\s*(.*)$", line)
            if m:
                fields[m.group(1)] = _scalar(m.group(2))
        if fields.get("draft") == "true":
            continue
        entries.append(Entry(fields.get("slug") or file.stem, fields.get("title", ""), file, fields))
    return entries


def slug_for_title(entries: list[Entry], title_prefix: str) -> str:
    """The slug of the one entry whose title starts with `title_prefix` (case-insensitive)."""
    want = " ".join(title_prefix.split()).casefold()
    hits = [e for e in entries if " ".join(e.title.split()).casefold().startswith(want)]
    assert len(hits) == 1, (
        f"expected one course titled {title_prefix!r}… in {SITE_ROOT / 'content/courses'}, "
        f"found {[(e.file.name, e.title) for e in hits]}"
    )
    return hits[0].slug


# --------------------------------------------------------------------------- browser


def chrome(width: int = 1280, height: int = 900, *, mobile: bool = False):
    """Headless Chromium from Debian through selenium, viewport set exactly."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--hide-scrollbars", f"--window-size={width},{height}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    set_viewport(driver, width, height, mobile=mobile)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    return driver


def set_viewport(driver, width: int, height: int, *, mobile: bool = False) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile,
    })


# --------------------------------------------------------------------------- crawler

CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")


@dataclass
class Response:
    status: int
    content_type: str
    body: bytes
    location: str | None


def fetch(origin: str, path: str) -> Response:
    """GET without following redirects: a link must answer 200 itself."""
    import http.client

    parts = urlsplit(origin)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        body = resp.read()
        return Response(resp.status, resp.getheader("Content-Type", ""), body, resp.getheader("Location"))
    finally:
        conn.close()


@dataclass
class Crawl:
    """What the crawler saw, starting at BASE_PATH on the loopback server."""
    pages: dict[str, LinkParser] = field(default_factory=dict)   # HTML path -> parsed page
    fetched: dict[str, Response] = field(default_factory=dict)   # every local path fetched
    referrers: dict[str, list[tuple[str, Link]]] = field(default_factory=dict)
    webcal: list[tuple[str, Link, str]] = field(default_factory=list)  # (page, link, url)
    fragments: list[tuple[str, Link, str, str]] = field(default_factory=list)  # (page, link, path, id)
    problems: list[str] = field(default_factory=list)
    external: set[str] = field(default_factory=set)

    def broken(self) -> list[str]:
        """Every link that did not answer 200, once per page it is on."""
        out = list(self.problems)
        for path, resp in sorted(self.fetched.items()):
            if resp.status == 200:
                continue
            why = f"{resp.status}" + (f" (redirects to {resp.location})" if resp.location else "")
            for page, link in self.referrers.get(path, [("(start)", None)]):
                where = f"<{link.tag} {link.attr}={link.value!r}> line {link.line}" if link else "start URL"
                out.append(f"{page}: {where} -> {path} answered {why}")
        for page, link, path, frag in self.fragments:
            target = self.pages.get(path)
            if target is not None and frag not in target.ids:
                out.append(f"{page}: <{link.tag} {link.attr}={link.value!r}> line {link.line} "
                           f"-> no id={frag!r} on {path}")
        return out


def classify(page: str, link: Link, url: str, crawl: Crawl, origin_netloc: str) -> str | None:
    """The local path a link points to, or None (external, webcal, mail…) after noting it."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme in ("mailto", "tel", "data", "javascript"):
        return None
    if scheme == "webcal":
        crawl.webcal.append((page, link, url))
        return None
    if scheme not in ("http", "https"):
        crawl.problems.append(f"{page}: <{link.tag} {link.attr}={link.value!r}> line {link.line}: "
                              f"unexpected URL scheme {scheme!r}")
        return None
    if parts.netloc == origin_netloc:
        pass
    elif parts.netloc == DEPLOY_HOST:
        if scheme != "https":
            crawl.problems.append(f"{page}: <{link.tag} {link.attr}={link.value!r}> line {link.line}: "
                                  f"absolute link to the site is not https")
    else:
        crawl.external.add(url)
        return None
    path = parts.path or "/"
    if not path.startswith(BASE_PATH):
        crawl.problems.append(f"{page}: <{link.tag} {link.attr}={link.value!r}> line {link.line}: "
                              f"{path} is outside {BASE_PATH}")
        return None
    if parts.query:
        path += "?" + parts.query
    return path


def crawl_site(origin: str, start: str = BASE_PATH) -> Crawl:
    crawl = Crawl()
    origin_netloc = urlsplit(origin).netloc
    queue = [start]
    crawl.referrers[start] = []
    seen = {start}
    while queue:
        path = queue.pop(0)
        resp = fetch(origin, path)
        crawl.fetched[path] = resp
        if resp.status != 200:
            continue
        ctype = resp.content_type.split(";")[0].strip().lower()
        if ctype == "text/html":
            text = resp.body.decode("utf-8", errors="replace")
            parsed = parse_html(text)
            crawl.pages[path] = parsed
            base = urljoin(origin + path, parsed.base_href) if parsed.base_href else origin + path
            targets = [(link, urljoin(base, link.value)) for link in parsed.links]
        elif ctype == "text/css":
            text = resp.body.decode("utf-8", errors="replace")
            targets = []
            for m in CSS_URL.finditer(text):
                ref = m.group(2) or m.group(4)
                if ref.startswith("data:") or ref.startswith("#"):
                    continue
                line = text.count("\n", 0, m.start()) + 1
                targets.append((Link("css", "url", ref, line), urljoin(origin + path, ref)))
        else:
            continue
        for link, url in targets:
            if link.value.startswith("#") and link.tag == "a":
                frag = link.value[1:]
                if frag:
                    crawl.fragments.append((path, link, path, frag))
                continue
            target = classify(path, link, url, crawl, origin_netloc)
            if target is None:
                continue
            frag = urlsplit(url).fragment
            if frag and link.tag == "a":
                crawl.fragments.append((path, link, target, frag))
            crawl.referrers.setdefault(target, []).append((path, link))
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return crawl
