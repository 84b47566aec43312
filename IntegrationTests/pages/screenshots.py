#!/usr/bin/env python3
"""Screenshots of the shipped catalog for a person to look at (not a test).

    .venv/bin/python IntegrationTests/pages/screenshots.py OUT_DIR [--full-page] [--over-time]

Builds the catalog under /training/ with the syllabus binary (SYLLABUS_BIN,
default .build/debug/syllabus), serves it on loopback, and writes
<page>-desktop.png (1280x900) and <page>-phone.png (390x844) into OUT_DIR.
With --over-time it builds sitecontent's over-time catalog instead (built on
2021-03-01, page_size 2): home, /past/, /search/ with results, a later page
of a topic.
"""

from __future__ import annotations

import argparse
import base64
import sys
import tempfile
from pathlib import Path

import harness

VIEWPORTS = {"desktop": (1280, 900, False), "phone": (390, 844, True)}


def pages(entries) -> dict[str, str]:
    course = harness.slug_for_title(entries, "OTP for the seasoned Erlanger")
    return {
        "catalog": "/training/",
        "course": f"/training/courses/{course}/",
        "instructor": "/training/instructors/robert-virding/",
        "days": "/training/days/",
        "day": "/training/days/2020-05-27/",
        "tags": "/training/tags/",
        "tag": "/training/tags/erlang/",
    }


OVER_TIME_PAGES = {
    "catalog": "/training/",
    "catalog-page-2": "/training/page/2/",
    "past": "/training/past/",
    "search": "/training/search/?q=erlang",
    "tag-page-2": "/training/tags/erlang/page/2/",
    "course-ended": "/training/courses/erlang-basics/",
    "course": "/training/courses/elixir-intro/",
}


def build_over_time(tmp: Path) -> Path:
    import sitecontent

    root = sitecontent.write_over_time_site(tmp / "root")
    return sitecontent.build_root(root, tmp / "site", epoch=sitecontent.OVER_TIME_EPOCH)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="folder for the PNG files (created)")
    parser.add_argument("--full-page", action="store_true", help="capture the whole page, not just the viewport")
    parser.add_argument("--over-time", action="store_true", help="the over-time catalog: past, search, pagination")
    parser.add_argument("--clock", help="the browser's date, e.g. 2021-03-08T12:00:00+01:00 (default with "
                        "--over-time: a week after its build, so one run shows as ended)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    targets = OVER_TIME_PAGES if args.over_time else pages(harness.content_entries())
    with tempfile.TemporaryDirectory() as tmp:
        site = build_over_time(Path(tmp)) if args.over_time else harness.build_site(Path(tmp))
        with harness.SiteServer(site.parent) as server:
            driver = harness.chrome()
            clock = args.clock or ("2021-03-08T12:00:00+01:00" if args.over_time else None)
            if clock:
                import json

                driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """(() => {
                  const fixed = Date.parse(%s), Real = Date;
                  class Clock extends Real {
                    constructor(...args) { if (args.length === 0) super(fixed); else super(...args); }
                    static now() { return fixed; }
                  }
                  window.Date = Clock;
                })();""" % json.dumps(clock)})
            try:
                for view, (width, height, mobile) in VIEWPORTS.items():
                    harness.set_viewport(driver, width, height, mobile=mobile)
                    for name, path in targets.items():
                        driver.get(server.origin + path)
                        if "?q=" in path:  # wait for the search to show its results
                            from selenium.webdriver.support.ui import WebDriverWait

                            WebDriverWait(driver, 10).until(lambda d: d.execute_script(
                                "return !document.querySelector('.results').hidden"))
                        params = {"format": "png"}
                        if args.full_page:
                            size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
                            params.update(captureBeyondViewport=True, clip={
                                "x": 0, "y": 0, "width": width, "height": max(height, size["height"]), "scale": 1})
                        shot = driver.execute_cdp_cmd("Page.captureScreenshot", params)
                        file = args.out / f"{name}-{view}.png"
                        file.write_bytes(base64.b64decode(shot["data"]))
                        print(f"{file}  {path} at {width}x{height}")
            finally:
                driver.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
