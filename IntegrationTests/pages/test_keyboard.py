"""Keyboard use: tabbing through pages, every focused element shows a visible focus
indicator (WCAG 2.4.7) with enough contrast against what is behind it (1.4.11, 3:1),
stays on screen, and the skip link works."""

from __future__ import annotations

import pytest

import harness
import sitecontent as sc

COURSES = sc.load_courses()
COURSE = next(c for c in COURSES if c.title.startswith("OTP for the seasoned Erlanger"))
PAGES = {
    "catalog": harness.BASE_PATH,
    "course": COURSE.path,
    "days index": harness.BASE_PATH + "days/",
    "tag": harness.BASE_PATH + "tags/erlang/",
}
MAX_TABS = 80

FOCUS_STATE = """
const el = document.activeElement;
if (!el || el === document.body) return null;
const s = getComputedStyle(el);
const r = el.getBoundingClientRect();
function parse(c) { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
  const p = m[1].split(',').map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; }
// Colour behind the element: first ancestor (from the parent up) with an opaque background.
let bg = null, node = el.parentElement;
while (node) { const c = parse(getComputedStyle(node).backgroundColor); if (c && c.a > 0.5) { bg = c; break; } node = node.parentElement; }
return {
  tag: el.tagName.toLowerCase(), text: (el.textContent || el.value || '').trim().slice(0, 40),
  html: el.outerHTML.slice(0, 120),
  outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth), outlineColor: parse(s.outlineColor),
  boxShadow: s.boxShadow, background: bg || {r: 255, g: 255, b: 255, a: 1},
  rect: {top: r.top, left: r.left, bottom: r.bottom, right: r.right, width: r.width, height: r.height},
  viewport: {w: innerWidth, h: innerHeight},
  focusVisible: el.matches(':focus-visible'),
};
"""


def luminance(c) -> float:
    def ch(v):
        v = v / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * ch(c["r"]) + 0.7152 * ch(c["g"]) + 0.0722 * ch(c["b"])


def contrast(a, b) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.fixture(scope="module")
def browser():
    driver = harness.chrome(1280, 900)
    yield driver
    driver.quit()


def tab_through(driver, url):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    driver.get(url)
    driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
    states, first = [], None
    for _ in range(MAX_TABS):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        state = driver.execute_script(FOCUS_STATE)
        if state is None:
            break
        if first is not None and state["html"] == first:
            break
        first = first or state["html"]
        states.append(state)
    return states


def focus_problems(state) -> list[str]:
    problems = []
    has_outline = state["outlineStyle"] != "none" and state["outlineWidth"] >= 2
    has_shadow = state["boxShadow"] not in ("none", "")
    if not (has_outline or has_shadow):
        problems.append(f"no visible focus indicator (outline {state['outlineStyle']} {state['outlineWidth']}px, "
                        f"box-shadow {state['boxShadow']})")
    elif has_outline and state["outlineColor"]:
        ratio = contrast(state["outlineColor"], state["background"])
        if ratio < 3:
            problems.append(f"focus outline contrast {ratio:.2f}:1 against its background (needs 3:1)")
    r, v = state["rect"], state["viewport"]
    if r["width"] == 0 or r["height"] == 0:
        problems.append("focused element has no size")
    elif r["bottom"] < 0 or r["top"] > v["h"] or r["right"] < 0 or r["left"] > v["w"]:
        problems.append(f"focused element is off screen at {r}")
    return problems


@pytest.mark.parametrize("kind", list(PAGES))
@pytest.mark.parametrize("width,height", [(1280, 900), (390, 844)], ids=["desktop", "phone"])
def test_tabbing_shows_where_focus_is(server, browser, kind, width, height):
    harness.set_viewport(browser, width, height, mobile=width < 600)
    try:
        states = tab_through(browser, server.origin + PAGES[kind])
    finally:
        harness.set_viewport(browser, 1280, 900)
    assert len(states) >= 5, f"{PAGES[kind]}: only {len(states)} focusable elements reached by Tab"
    problems = []
    for i, state in enumerate(states, 1):
        for p in focus_problems(state):
            problems.append(f"tab {i}: <{state['tag']}> {state['text']!r}: {p}")
    assert not problems, f"{PAGES[kind]} at {width}x{height}:\n  " + "\n  ".join(problems)


def test_first_tab_reaches_a_visible_skip_link_that_moves_focus_to_main(server, browser):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    states = tab_through(browser, server.origin + harness.BASE_PATH)
    first = states[0]
    assert "skip" in first["text"].lower(), f"first Tab lands on {first['html']!r}, not a skip link"
    assert not focus_problems(first), focus_problems(first)
    browser.get(server.origin + harness.BASE_PATH)
    ActionChains(browser).send_keys(Keys.TAB).send_keys(Keys.ENTER).perform()
    ActionChains(browser).send_keys(Keys.TAB).perform()
    state = browser.execute_script(FOCUS_STATE)
    inside_main = browser.execute_script("return !!document.activeElement.closest('main')")
    assert inside_main, f"after the skip link, Tab goes to {state and state['html']!r}, outside <main>"


def test_catalog_filter_selects_are_reachable_and_focus_visible(server, browser):
    states = tab_through(browser, server.origin + harness.BASE_PATH)
    selects = [s for s in states if s["tag"] == "select"]
    # Topic, instructor, month, and level since the shipped courses name their level.
    in_form = browser.execute_script("return document.querySelectorAll('form.filters select').length")
    assert in_form >= 4 and len(selects) == in_form, f"reached {len(selects)} of {in_form} filter selects by Tab"
    for s in selects:
        assert not focus_problems(s), f"select {s['html']!r}: {focus_problems(s)}"
