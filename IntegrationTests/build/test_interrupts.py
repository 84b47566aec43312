"""`syllabus build` killed or interrupted at random moments.

A generated catalog is built over and over into one output folder while the
build is killed with SIGKILL at a random moment. After every kill the output
must be exactly the complete previous site or the complete new one (file list
and contents), only the killed build's own staging/retired folders (or the
empty folders the build before it kept, when the kill came before the killed
build took them over) may lie beside it, and the next build must remove them,
keeping nothing but its own retired folder of empty folders (`FolderSkeleton`).
SIGINT, SIGTERM and SIGHUP must end a build with no staging folder left at all.

    SYLLABUS_BIN=$PWD/.build/debug/syllabus .venv/bin/pytest -q IntegrationTests/build
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("SYLLABUS_BIN") or REPO / ".build" / "debug" / "syllabus")
KILLS = int(os.environ.get("SYLLABUS_KILLS", "25"))
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1590000000", "CI": "1"}
DEBRIS_MARK = ".public.syllabus-"
SCRATCH_MARK = ".syllabus-scratch"


def write_site(root: Path, title: str, courses: int = 50) -> None:
    """A catalog big enough that a debug build spends a while writing."""
    (root / "content" / "courses").mkdir(parents=True, exist_ok=True)
    (root / "content" / "instructors").mkdir(parents=True, exist_ok=True)
    (root / "content" / "site.yml").write_text(
        f'title: "{title}"\nbase_url: https://example.org/training/\n'
        'timezone: Europe/Stockholm\ntime: "09:00-17:00"\n'
    )
    for i in range(courses):
        runs = "\n".join(
            f"  - {{start: 2030-{1 + (i + r) % 12:02d}-{1 + r * 7:02d}, location: City {r}}}" for r in range(3)
        )
        (root / "content" / "courses" / f"course-{i:03d}.md").write_text(
            f"---\ntitle: Course {i}\nsummary: Summary {i}.\n"
            f"instructors: [Teacher {i % 9}]\ntags: [Tag {i % 7}, Topic {i % 5}]\n"
            f"runs:\n{runs}\n---\n\n## Overview\n\n" + f"Paragraph {i} with *emphasis*.\n\n" * 20
        )


def snapshot(folder: Path) -> dict[str, str]:
    """Relative path -> SHA-256 of every file, for an exact comparison."""
    if not folder.is_dir():
        return {}
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def debris(parent: Path) -> list[str]:
    return sorted(name for name in os.listdir(parent) if name.startswith(DEBRIS_MARK))


def kept_folders(parent: Path) -> list[str]:
    """The retired folder a completed build over an earlier output keeps:
    folders, and no file but the mark by which the next build knows it."""
    kept = debris(parent)
    assert len(kept) <= 1 and all(name.startswith(DEBRIS_MARK + "retired-") for name in kept), kept
    for name in kept:
        assert list(snapshot(parent / name)) == [SCRATCH_MARK], f"files kept in {name}"
        assert (parent / name / SCRATCH_MARK).read_text().startswith("# A folder of syllabus build's"), name
    return kept


def build(root: Path, out: Path) -> subprocess.CompletedProcess:
    proc = subprocess.run([str(BIN), "build", "--root", str(root), "--output", str(out)],
                          env=ENV, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """Two versions of one catalog, and the exact file tree each builds to."""
    if not BIN.exists():
        pytest.fail(f"no syllabus binary at {BIN}; build it or set SYLLABUS_BIN")
    base = tmp_path_factory.mktemp("interrupts")
    versions = {}
    for name in ("old", "new"):
        root = base / f"site-{name}"
        write_site(root, f"Training {name}")
        reference = base / f"reference-{name}"
        started = time.monotonic()
        build(root, reference)
        versions[name] = (root, snapshot(reference), time.monotonic() - started)
    assert versions["old"][1] != versions["new"][1]
    assert ".syllabus-output" in versions["old"][1]
    return versions


def test_sigkill_at_random_moments_leaves_the_old_or_the_new_site(sites, tmp_path):
    rng = random.Random(int(os.environ.get("SYLLABUS_KILL_SEED", "20261201")))
    out = tmp_path / "public"
    build(sites["old"][0], out)
    current = "old"
    duration = max(sites["old"][2], sites["new"][2])
    outcomes = {"old": 0, "new": 0, "debris": 0, "skeleton reused": 0}
    kept = kept_folders(tmp_path)
    for attempt in range(KILLS):
        target = "new" if current == "old" else "old"
        proc = subprocess.Popen([str(BIN), "build", "--root", str(sites[target][0]), "--output", str(out)],
                                env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, 1.0) * duration)
        proc.kill()
        proc.wait(timeout=30)
        tree = snapshot(out)
        seen = next((name for name in ("old", "new") if tree == sites[name][1]), None)
        assert seen in (current, target), (
            f"kill {attempt}: the output is neither the complete {current} nor the complete {target} site "
            f"({len(tree)} files against {len(sites[current][1])}/{len(sites[target][1])})")
        outcomes[seen] += 1
        left = debris(tmp_path)
        assert all(f"-{proc.pid}-" in name or name in kept for name in left), f"kill {attempt}: debris of other builds: {left}"
        assert len(left) <= 2, f"kill {attempt}: {left}"
        outcomes["debris"] += any(f"-{proc.pid}-" in name for name in left)
        outcomes["skeleton reused"] += bool(kept) and not set(kept) & set(left)
        # The next build, run to the end, removes what the killed one left.
        build(sites[target][0], out)
        after = kept_folders(tmp_path)
        assert not set(after) & set(left), f"after kill {attempt}: {left} stayed"
        assert snapshot(out) == sites[target][1]
        assert sorted(os.listdir(tmp_path)) == sorted(["public"] + after)
        kept = after
        current = target
    print(f"{KILLS} kills: {outcomes}")
    # Kills that never hit a build while it was writing would prove nothing.
    assert outcomes["debris"] >= 3, outcomes
    assert outcomes["skeleton reused"] >= 3, outcomes


@pytest.mark.parametrize("earlier", [1, 2], ids=["over-a-fresh-build", "into-kept-folders"])
@pytest.mark.parametrize("signo", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP], ids=lambda s: s.name)
def test_a_signal_during_writing_removes_the_staging_folder(sites, tmp_path, signo, earlier):
    out = tmp_path / "public"
    for _ in range(earlier):
        build(sites["old"][0], out)
    assert len(kept_folders(tmp_path)) == earlier - 1
    proc = subprocess.Popen([str(BIN), "build", "--root", str(sites["new"][0]), "--output", str(out)],
                            env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not any(name.startswith(DEBRIS_MARK + "staging-") for name in os.listdir(tmp_path)):
        assert proc.poll() is None, "the build ended before its staging folder was seen"
        assert time.monotonic() < deadline
        time.sleep(0.001)
    proc.send_signal(signo)
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 128 + signo, stderr
    assert "interrupted" in stderr
    assert sorted(os.listdir(tmp_path)) == ["public"], "a staging folder survived the signal"
    assert snapshot(out) == sites["old"][1]
