"""axe-core in headless Chromium on one page of each kind; serious or critical violations fail."""

from __future__ import annotations

import json

import pytest

import harness

PAGES = {
    "catalog": lambda entries: "/training/",
    "course": lambda entries: f"/training/courses/{harness.slug_for_title(entries, 'OTP for the seasoned Erlanger')}/",
    "instructor": lambda entries: "/training/instructors/robert-virding/",
    "days index": lambda entries: "/training/days/",
    "day": lambda entries: "/training/days/2020-05-27/",
    "tags index": lambda entries: "/training/tags/",
    "tag": lambda entries: "/training/tags/erlang/",
    "instructors index": lambda entries: "/training/instructors/",
}
FAILING_IMPACTS = ("serious", "critical")


@pytest.fixture(scope="module")
def browser():
    driver = harness.chrome(1280, 900)
    yield driver
    driver.quit()


def run_axe(driver) -> dict:
    from axe_core_python.base import AXE_SCRIPT

    driver.execute_script(AXE_SCRIPT)
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']})"
        ".then(r => done(r), e => done({error: String(e)}));")


def describe(violation) -> str:
    lines = [f"[{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})"]
    for node in violation["nodes"][:10]:
        lines.append(f"    {json.dumps(node['target'])}: {node['html'][:200]}")
        if node.get("failureSummary"):
            lines.append("      " + node["failureSummary"].replace("\n", "\n      "))
    return "\n".join(lines)


@pytest.mark.parametrize("kind", list(PAGES))
def test_no_serious_accessibility_violations(site, server, entries, browser, kind):
    path = PAGES[kind](entries)
    assert harness.file_for_path(site, path) is not None, f"no page at {path}"
    browser.get(server.origin + path)
    assert browser.execute_script("return document.readyState") == "complete"
    assert browser.title.strip(), f"{path} has an empty <title>"

    results = run_axe(browser)
    assert "error" not in results, f"axe failed on {path}: {results['error']}"
    assert results.get("testEngine", {}).get("name") == "axe-core", f"axe did not run on {path}: {results}"
    violations = results["violations"]
    for v in violations:
        print(f"{path}: {describe(v)}")
    failing = [v for v in violations if v["impact"] in FAILING_IMPACTS]
    if failing:
        pytest.fail(f"{path}: {len(failing)} serious/critical axe violation(s):\n"
                    + "\n".join(map(describe, failing)), pytrace=False)
