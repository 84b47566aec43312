#!/usr/bin/env python3
"""Where a build's CPU goes: `perf record` of one `syllabus build`, summarised.

    scripts/bench-profile.py --bin PATH --site DIR [--out bench/profile-<date>.md]
                             [--frequency 499] [--epoch 1609113600]

Builds DIR (a site root, e.g. a corpus from scripts/gen-catalog.py) into a new
temporary folder under `perf record -g` and writes a Markdown summary:

  - by part of the build: each sample goes to the innermost frame that names
    one (a course page, a listing page, a day page, a feed, loading, ...);
  - by kind of work within each part: the kernel, the Mustache renderer, the
    template encoder, YAML, allocation, reference counting, the rest;
  - the leaf functions overall and within the Mustache renderer.

Sampling, so the shares hold on a busy machine too (the wall time does not).
Needs `perf` (Debian: linux-perf) and a kernel that lets this user sample
(perf_event_paranoid); the binary must have its symbols (a release build has).
callgrind is not used: valgrind 3.19 stops on the Swift 6.3 binary (it cannot
read its DWARF 5 debug info, and a stripped copy crashes it under mimalloc).
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile

# The innermost frame matching one of these names the part of the build a sample belongs to.
PARTS = [
    ("course pages", r"PageContexts[VC]06courseC0"),
    ("day pages", r"PageContexts[VC]03dayC0"),
    ("days index", r"daysPages"),
    ("listing pages (catalog, topics, instructors, past)", r"listingPages"),
    ("feeds", r"FeedWriter|FeedPlan|SequenceLedger|Tombstone|PreviousFeed"),
    ("search index", r"SearchIndex"),
    ("Markdown bodies", r"BodyRenderer|RenderedBodies|cmark_"),
    ("loading sources", r"ContentLoader|CourseLoader|InstructorLoader|SourceFolder"),
    ("output plan", r"OutputPlan[VC]"),
    ("file writes", r"FileOutput|LiveSite|OutputFolder|TreeRemoval|FolderSkeleton"),
    ("folders", r"mkdir"),
    ("index", r"CatalogIndex"),
]
WORK = [
    ("kernel", None),
    ("Mustache", r"s8Mustache"),
    ("template encoder", r"KeyedFields|ValueEncoder|UnkeyedItems|TemplateEncoder"),
    ("YAML", r"s4Yams|yaml_"),
    ("cmark", r"cmark_"),
    ("allocation", r"^(mi_|malloc|free|operator delete|_int_malloc)"),
    ("reference counting", r"^swift_(retain|release|bridgeObject)"),
]
KERNEL = re.compile(r"^(do_|__x64|entry_SYSCALL|ext4|find_|recently|__ext4|_raw|xas|filemap|folio|__brelse|"
                    r"rep_movs|_find|__rcu|syscall|copy_|clear_page|page_|handle_mm|exc_page)")


def samples(perf_data: str) -> list[list[str]]:
    text = subprocess.run(["perf", "script", "-i", perf_data, "-F", "ip,sym"], capture_output=True,
                          text=True, errors="replace", check=True).stdout
    found, current = [], []
    for line in text.splitlines():
        if not line.strip():
            if current:
                found.append(current)
            current = []
            continue
        parts = line.strip().split(None, 1)
        current.append(parts[1] if len(parts) > 1 else "?")
    if current:
        found.append(current)
    return found


def part_of(stack: list[str]) -> str:
    for frame in stack:
        for name, pattern in PARTS:
            if re.search(pattern, frame):
                return name
    return "other"


def work_of(stack: list[str]) -> str:
    if KERNEL.match(stack[0]) or stack[0].startswith("[k]"):
        return "kernel"
    for name, pattern in WORK[1:]:
        if any(re.search(pattern, frame) for frame in stack[:8]):
            return name
    return "other"


def table(rows, headers):
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for row in rows:
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True)
    parser.add_argument("--site", required=True)
    parser.add_argument("--out")
    parser.add_argument("--frequency", type=int, default=499)
    parser.add_argument("--epoch", default="1609113600")
    args = parser.parse_args()
    if not shutil.which("perf"):
        print("perf is not installed (Debian: linux-perf)", file=sys.stderr)
        return 2
    work = tempfile.mkdtemp(prefix="syllabus-profile-")
    data = os.path.join(work, "perf.data")
    env = dict(os.environ, SOURCE_DATE_EPOCH=args.epoch)
    build = [os.path.abspath(args.bin), "build", "--root", args.site, "--output", os.path.join(work, "out"), "--timings"]
    run = subprocess.run(["perf", "record", "-F", str(args.frequency), "-g", "-o", data, "--"] + build,
                         env=env, capture_output=True, text=True)
    if run.returncode != 0:
        print(run.stderr[-3000:], file=sys.stderr)
        return 1
    stacks = samples(data)
    total = len(stacks)
    by_part = collections.Counter()
    by_work = collections.defaultdict(collections.Counter)
    leaves = collections.Counter()
    mustache_leaves = collections.Counter()
    for stack in stacks:
        part, kind = part_of(stack), work_of(stack)
        by_part[part] += 1
        by_work[part][kind] += 1
        leaves[stack[0][:110]] += 1
        if kind == "Mustache":
            mustache_leaves[stack[0][:110]] += 1
    kinds = [name for name, _ in WORK] + ["other"]
    overall = collections.Counter()
    for counter in by_work.values():
        overall.update(counter)

    def pct(n):
        return f"{100 * n / total:.1f}%"

    commit = subprocess.run(["git", "log", "-1", "--format=%h %s"], capture_output=True, text=True).stdout.strip()
    stages = [line for line in (run.stdout + run.stderr).splitlines() if re.match(r"^  [a-z]+ +[0-9.]+ s", line)]
    report = [
        f"# Where a build's CPU goes, {dt.datetime.now():%Y-%m-%d %H:%M}",
        "",
        f"- commit: {commit}",
        f"- site: `{args.site}`; SOURCE_DATE_EPOCH={args.epoch}; `perf record -F {args.frequency} -g`; {total:,} samples",
        f"- machine load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
        "(sampling: the shares hold on a busy machine, the times below do not)",
        "- reproduce: `python3 scripts/bench-profile.py --bin .build/release/syllabus --site <site root>`",
        "",
        "The build's own stage laps in that run:",
        "",
        "```",
        *stages,
        "```",
        "",
        "## By part of the build, and the kind of work in each",
        "",
        table([[part, pct(n)] + [pct(by_work[part][k]) for k in kinds] for part, n in by_part.most_common()]
              + [["**all**", "100%"] + [pct(overall[k]) for k in kinds]],
              ["part", "share"] + kinds),
        "",
        "## Leaf functions (self time), overall",
        "",
        table([[f"`{name}`", pct(n)] for name, n in leaves.most_common(25)], ["function", "share"]),
        "",
        "## Leaf functions under the Mustache renderer",
        "",
        table([[f"`{name}`", pct(n)] for name, n in mustache_leaves.most_common(15)], ["function", "share of all"]),
        "",
    ]
    text = "\n".join(report)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text)
        print(f"wrote {args.out}")
    else:
        print(text)
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
