#!/usr/bin/env python3
"""Screenshots of the shipped catalog for a person to look at (not a test).

    .venv/bin/python IntegrationTests/pages/screenshots.py OUT_DIR [--full-page]

Builds the catalog under /training/ with the syllabus binary (SYLLABUS_BIN,
default .build/debug/syllabus), serves it on loopback, and writes
<page>-desktop.png (1280x900) and <page>-phone.png (390x844) into OUT_DIR.
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="folder for the PNG files (created)")
    parser.add_argument("--full-page", action="store_true", help="capture the whole page, not just the viewport")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    targets = pages(harness.content_entries())
    with tempfile.TemporaryDirectory() as tmp:
        site = harness.build_site(Path(tmp))
        with harness.SiteServer(site.parent) as server:
            driver = harness.chrome()
            try:
                for view, (width, height, mobile) in VIEWPORTS.items():
                    harness.set_viewport(driver, width, height, mobile=mobile)
                    for name, path in targets.items():
                        driver.get(server.origin + path)
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
