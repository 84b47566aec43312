#!/usr/bin/env python3
"""What a catalog's pages weigh as it ages (a benchmark, not a test).

    scripts/bench-sizes.py --bin PATH --root CORPUS [--dates 2021-01-01,2023-06-01]
                           [--results bench]

Builds the site at CORPUS once per build date (SOURCE_DATE_EPOCH at noon UTC of
that day, so the site's local date is that day in any zone within 12 hours of
UTC) and reports, per date: the build's wall time and stages, the largest HTML
page and its size, how many pages are over 500 KB, the size of
search/index.json and its bytes per entry, the number of listing pages (a
listing's first page and its /page/<n>/ pages), and the catalog feed's size.
Writes a Markdown table with the commit to --results when given.
Standard library only.
"""
from __future__ import annotations

import argparse
import calendar
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIMIT = 500 * 1000


def measure(binary: str, root: str, date: str) -> dict:
    day = datetime.date.fromisoformat(date)
    epoch = calendar.timegm((day.year, day.month, day.day, 12, 0, 0))
    out = tempfile.mkdtemp(prefix="syllabus-sizes-")
    shutil.rmtree(out)
    try:
        start = time.monotonic()
        run = subprocess.run([binary, "build", "--root", root, "--output", out, "--timings"],
                             env=dict(os.environ, SOURCE_DATE_EPOCH=str(epoch)), capture_output=True, text=True)
        wall = time.monotonic() - start
        if run.returncode != 0:
            sys.exit(f"build failed for {date}:\n{run.stderr[-2000:]}")
        largest, largest_path, over, html = 0, "", 0, 0
        # Pages after a listing's first are `<listing>/page/<n>/index.html`; a
        # listing that has them has a `page/2/`.
        later_pages, paginated_listings = 0, 0
        for folder, subfolders, files in os.walk(out):
            if os.path.basename(folder) == "page" and "2" in subfolders:
                paginated_listings += 1
            for name in files:
                if not name.endswith(".html"):
                    continue
                path = os.path.join(folder, name)
                size = os.path.getsize(path)
                html += 1
                over += size > LIMIT
                if size > largest:
                    largest, largest_path = size, os.path.relpath(path, out)
                if re.search(r"(^|/)page/[0-9]+/index\.html$", os.path.relpath(path, out)):
                    later_pages += 1
        index_path = os.path.join(out, "search", "index.json")
        index_bytes = os.path.getsize(index_path)
        with open(index_path, encoding="utf-8") as f:
            entries = len(json.load(f)["e"])
        stages = re.findall(r"^\s+(\w+)\s+([0-9.]+) s", run.stdout, re.M)
        return {"date": date, "epoch": epoch, "wall": wall, "html": html, "largest": largest,
                "largest_path": largest_path, "over_limit": over, "index_bytes": index_bytes,
                "entries": entries, "paginated_pages": later_pages, "paginated_listings": paginated_listings,
                "catalog_feed": os.path.getsize(os.path.join(out, "calendar.ics")),
                "stages": {name: float(seconds) for name, seconds in stages}, "summary": run.stdout.splitlines()[0]}
    finally:
        shutil.rmtree(out, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--dates", default="2021-01-01,2023-06-01")
    parser.add_argument("--results")
    args = parser.parse_args()
    rows = [measure(args.bin, args.root, date) for date in args.dates.split(",")]
    commit = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    lines = [f"# Page and index sizes over a catalog's life ({datetime.date.today()})", "",
             f"- syllabus: {args.bin} (working tree at {commit}); corpus: {args.root}",
             "- one build per build date, SOURCE_DATE_EPOCH at noon UTC of that day; targets of issue 14:"
             " no HTML page over 500 KB, the search index at most 300 bytes per entry", "",
             "| build date | wall | largest HTML page | pages > 500 KB | search/index.json | bytes per entry "
             "| pages after a listing's first (in listings) | /calendar.ics |",
             "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['date']} | {r['wall']:.2f} s | {r['largest'] / 1000:.0f} KB (`{r['largest_path']}`) "
                     f"| {r['over_limit']} | {r['index_bytes'] / 1e6:.2f} MB ({r['entries']:,} entries) "
                     f"| {r['index_bytes'] / r['entries']:.0f} | {r['paginated_pages']:,} ({r['paginated_listings']:,}) "
                     f"| {r['catalog_feed'] / 1e6:.2f} MB |")
    lines += ["", "Summary lines:", ""] + [f"- {r['date']}: `{r['summary']}`" for r in rows] + [""]
    text = "\n".join(lines)
    print(text)
    if args.results:
        os.makedirs(args.results, exist_ok=True)
        n = 1
        while os.path.exists(os.path.join(args.results, f"sizes-{datetime.date.today()}-{n}.md")):
            n += 1
        path = os.path.join(args.results, f"sizes-{datetime.date.today()}-{n}.md")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        with open(path[:-3] + ".json", "w", encoding="utf-8") as f:
            json.dump(rows, f, indent=1)
        print(f"written: {path}")


if __name__ == "__main__":
    main()
