"""A course page on paper: print media emulated in Chromium (Emulation.setEmulatedMedia),
and a real printout through Page.printToPDF (text checked with pdftotext when installed)."""

from __future__ import annotations

import base64
import re
import shutil
import subprocess

import pytest

import harness
import sitecontent as sc

COURSES = sc.load_courses()
COURSE = next(c for c in COURSES if c.title.startswith("OTP for the seasoned Erlanger"))
UNDATED = next(c for c in COURSES if not c.runs)


@pytest.fixture(scope="module")
def printer():
    driver = harness.chrome(794, 1123)  # A4 at 96 dpi
    yield driver
    driver.quit()


def print_view(driver, url):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    driver.get(url)
    assert driver.execute_script("return matchMedia('print').matches"), "print media emulation did not apply"


@pytest.fixture
def printed_course(server, printer):
    print_view(printer, server.origin + COURSE.path)
    yield printer
    printer.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


SHOWN = "return !!(arguments[0].offsetParent || getComputedStyle(arguments[0]).position === 'fixed') && getComputedStyle(arguments[0]).visibility !== 'hidden'"


@pytest.mark.parametrize("selector", [".site-header", "nav", ".site-footer", ".skip-link", ".feed-links"])
def test_screen_chrome_is_not_printed(printed_course, selector):
    for el in printed_course.find_elements("css selector", selector):
        assert not printed_course.execute_script(SHOWN, el), f"{selector} is printed"


def test_the_course_itself_is_printed(printed_course):
    h1 = printed_course.find_element("css selector", "main h1")
    assert h1.is_displayed() and h1.text == COURSE.title
    for selector in (".facts", ".prose"):
        el = printed_course.find_element("css selector", selector)
        assert printed_course.execute_script(SHOWN, el), f"{selector} is not printed"
    color = printed_course.execute_script("return getComputedStyle(document.body).color")
    assert color in ("rgb(0, 0, 0)", "rgb(27, 31, 36)"), f"body text prints in {color}"


LINKS_AFTER = """
return Array.from(document.querySelectorAll('main a[href]')).filter(a => a.offsetParent !== null)
  .map(a => [a.getAttribute('href'), a.textContent.trim(), getComputedStyle(a, '::after').content,
             !!a.closest('.prose'), /\\/instructors\\/[^/]+\\/$/.test(a.getAttribute('href'))]);
"""


def shown_links(driver):
    """(href, text, printed ::after text or '', must show its URL) of each printed link in <main>.

    Links in the Markdown body and links to people must carry their URL on paper;
    day and topic chips may drop it (they are navigation), but what is printed must be usable.
    """
    out = []
    for href, text, after, in_prose, to_person in driver.execute_script(LINKS_AFTER):
        if href.startswith("#"):
            continue
        out.append((href, text, after if after not in ("none", "normal") else "", in_prose or to_person))
    return out


def test_printed_links_show_their_url(printed_course):
    links = shown_links(printed_course)
    assert any(must for *_, must in links), "no body or instructor links found on the course page"
    missing = [f"{text!r} -> {href}" for href, text, after, must in links
               if must and href not in after and href != text]
    assert not missing, "links whose URL does not appear on paper:\n  " + "\n  ".join(missing)


def test_printed_link_urls_are_absolute(printed_course):
    """'/training/days/2020-05-25/' on paper cannot be typed into a browser; the reader needs the host."""
    relative = []
    for href, text, after, _ in shown_links(printed_course):
        for url in re.findall(r"<([^>]*)>", after):
            if not re.match(r"^(https?|webcal|mailto):", url):
                relative.append(f"{text!r} prints {url!r}")
    assert not relative, "printed URLs without scheme and host:\n  " + "\n  ".join(relative)


def test_print_to_pdf(server, printer, tmp_path):
    print_view(printer, server.origin + COURSE.path)
    try:
        pdf = base64.b64decode(printer.execute_cdp_cmd("Page.printToPDF", {
            "paperWidth": 8.27, "paperHeight": 11.69, "printBackground": False,
            "marginTop": 0.6, "marginBottom": 0.6, "marginLeft": 0.6, "marginRight": 0.6})["data"])
    finally:
        printer.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert pdf.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert 1 <= pages <= 4, f"the course page prints on {pages} A4 pages"
    (tmp_path / "course.pdf").write_bytes(pdf)
    if not shutil.which("pdftotext"):
        pytest.skip(f"PDF has {pages} page(s); pdftotext (poppler-utils) not installed, text not checked")
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "course.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert COURSE.title in " ".join(text.split())
    for screen_only in ("Skip to content", "Subscribe in your calendar", "Subscribe to all dates"):
        assert screen_only not in text, f"{screen_only!r} is on the printout"


def test_undated_course_prints_too(server, printer):
    print_view(printer, server.origin + UNDATED.path)
    try:
        assert printer.find_element("css selector", "main h1").text == UNDATED.title
        for el in printer.find_elements("css selector", ".site-header, .site-footer"):
            assert not printer.execute_script(SHOWN, el)
    finally:
        printer.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
