"""schema.org JSON-LD: a Course (with a CourseInstance per run) on every course page,
an ItemList of the catalog on the home page, valid JSON that no value can break out of.

Checked against the front matter in content/courses/*.md and content/site.yml,
and against Google's "Course info" structured-data guidance
(developers.google.com/search/docs/appearance/structured-data/course-info):
a CourseInstance needs `courseMode` and either `courseWorkload` or a
`courseSchedule` with `duration`, `repeatCount` and `repeatFrequency`; the
Course needs `name`, `description`, `provider` and `offers`.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

import harness
import sitecontent as sc

COURSES = sc.load_courses()
SITE = sc.load_site()
BY_SLUG = {c.slug: c for c in COURSES}
VARIED_SLUGS = sorted(name[:-3] for name, text in sc.VARIED_COURSES.items() if "draft: true" not in text)
VARIED_SCHEDULED = sorted(n[:-3] for n, t in sc.VARIED_COURSES.items() if "draft: true" not in t and "start:" in t)
BOOKING = sc.load_courses(sc.BOOKING_ROOT)
ALL_ENTRIES = ([("shipped", s) for s in sorted(BY_SLUG)] + [("varied", s) for s in VARIED_SLUGS]
               + [("booking", c.slug) for c in BOOKING])
ALL_SCHEDULED = ([("shipped", c.slug) for c in COURSES if c.runs] + [("varied", s) for s in VARIED_SCHEDULED]
                 + [("booking", c.slug) for c in BOOKING if c.runs])
ISO_DURATION = re.compile(r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$")


@pytest.fixture
def catalog(request):
    """(built site, its courses, its site.yml) for the catalog named by the test's parameter."""
    name = request.node.callspec.params["which"]
    if name == "shipped":
        return request.getfixturevalue("site"), BY_SLUG, SITE
    if name == "booking":
        return request.getfixturevalue("booking_site"), {c.slug: c for c in BOOKING}, sc.load_site(sc.BOOKING_ROOT)
    root = request.getfixturevalue("varied_root")
    return request.getfixturevalue("varied_site"), {c.slug: c for c in sc.load_courses(root)}, sc.load_site(root)


def ws(text: str | None) -> str:
    return " ".join((text or "").split())


def course_objects(site, course: sc.Course) -> list[dict]:
    file = harness.file_for_path(site, course.path)
    assert file is not None, f"no page at {course.path}"
    return sc.of_type(sc.json_ld(file.read_text(encoding="utf-8")), "Course")


def the_course_object(site, course: sc.Course) -> dict:
    found = course_objects(site, course)
    assert len(found) == 1, f"{course.path}: expected one schema.org Course in its JSON-LD, found {len(found)}"
    return found[0]


# --------------------------------------------------------------------------- every page


def test_every_page_has_parseable_json_ld_where_it_has_any(site):
    problems = []
    seen = 0
    for file in harness.html_files(site):
        html = file.read_text(encoding="utf-8")
        rel = file.relative_to(site)
        for raw in sc.parse_head(html).json_ld_raw():
            seen += 1
            try:
                value = json.loads(raw)
            except ValueError as error:
                problems.append(f"{rel}: JSON-LD does not parse: {error}: {raw[:200]!r}")
                continue
            for obj in sc.as_list(value):
                if obj.get("@context") not in ("https://schema.org", "https://schema.org/", "http://schema.org"):
                    problems.append(f"{rel}: JSON-LD @context is {obj.get('@context')!r}")
                if not obj.get("@type"):
                    problems.append(f"{rel}: JSON-LD object without @type")
            if "<" in raw:
                problems.append(f"{rel}: raw '<' inside the JSON-LD script element (escape it as \\u003c)")
    assert seen >= len(COURSES) + 1, f"only {seen} JSON-LD blocks in the whole site"
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------- course pages


@pytest.mark.parametrize("which,slug", ALL_ENTRIES)
def test_course_page_describes_the_course(catalog, which, slug):
    site, courses, site_config = catalog
    course = courses[slug]
    obj = the_course_object(site, course)
    problems = []

    def check(what, got, want):
        if got != want:
            problems.append(f"{what}: {got!r}, expected {want!r}")

    check("name", obj.get("name"), course.title)
    check("description", ws(obj.get("description")), ws(course.summary) if course.summary else obj.get("description"))
    assert obj.get("description"), "Course has no description (Google: required)"
    check("url", obj.get("url"), course.url)
    provider = obj.get("provider") or {}
    check("provider.@type", provider.get("@type"), "Organization")
    organizer = (site_config.get("organizer") or {}).get("name")
    check("provider.name", provider.get("name"), organizer or site_config["title"])
    if course.tags:
        keywords = obj.get("keywords")
        listed = keywords if isinstance(keywords, list) else [k.strip() for k in (keywords or "").split(",")]
        check("keywords", sorted(listed), sorted(course.tags))

    instances = sc.as_list(obj.get("hasCourseInstance"))
    check("number of hasCourseInstance", len(instances), len(course.runs))
    by_start = {i.get("startDate"): i for i in instances}
    for run in course.runs:
        inst = by_start.get(run.start.isoformat())
        where = f"CourseInstance starting {run.start}"
        if inst is None:
            problems.append(f"no CourseInstance with startDate {run.start} (have {sorted(map(str, by_start))})")
            continue
        check(f"{where}: @type", inst.get("@type"), "CourseInstance")
        check(f"{where}: endDate", inst.get("endDate"), run.end.isoformat())
        people = sc.as_list(inst.get("instructor"))
        check(f"{where}: instructor @type", sorted({p.get("@type") for p in people}), ["Person"] if people else [])
        check(f"{where}: instructor names", [p.get("name") for p in people], run.instructors)
        for p in people:
            if p.get("url"):
                check(f"{where}: {p.get('name')} url", p["url"],
                      harness.BASE_URL + f"instructors/{sc.fold_slug(p['name'])}/")
        if run.location:
            places = [p for p in sc.as_list(inst.get("location")) if not isinstance(p, dict) or p.get("@type") != "VirtualLocation"]
            loc = places[0] if places else None
            name = loc.get("name") if isinstance(loc, dict) else loc
            check(f"{where}: location", name, run.location)
        schedule = inst.get("courseSchedule") or {}
        if schedule:
            check(f"{where}: courseSchedule.startDate", schedule.get("startDate"), run.start.isoformat())
            check(f"{where}: courseSchedule.endDate", schedule.get("endDate"), run.end.isoformat())
            if schedule.get("scheduleTimezone"):
                check(f"{where}: scheduleTimezone", schedule["scheduleTimezone"], run.timezone)
    assert not problems, f"{course.path}:\n  " + "\n  ".join(problems)


def google_instance_problems(inst: dict, run: sc.Run) -> list[str]:
    """What Google's Course info guidance requires of one CourseInstance."""
    problems = []
    mode = inst.get("courseMode")
    if not any(str(m).lower() in ("online", "onsite", "blended") or str(m).startswith("http") for m in sc.as_list(mode)):
        problems.append(f"courseMode {mode!r} is not Online/Onsite/Blended or a vocabulary URL")
    schedule = inst.get("courseSchedule")
    workload = inst.get("courseWorkload")
    if workload is not None and not ISO_DURATION.match(str(workload)):
        problems.append(f"courseWorkload {workload!r} is not an ISO 8601 duration")
    if schedule is None and workload is None:
        problems.append("neither courseSchedule nor courseWorkload")
    if schedule is not None:
        if schedule.get("repeatFrequency") not in ("Daily", "Weekly", "Monthly", "Yearly"):
            problems.append(f"courseSchedule.repeatFrequency {schedule.get('repeatFrequency')!r}")
        count = schedule.get("repeatCount")
        if not isinstance(count, int) or count < 1:
            problems.append(f"courseSchedule.repeatCount {count!r} is not a positive integer")
        elif schedule.get("repeatFrequency") == "Daily" and count != len(run.days):
            problems.append(f"courseSchedule.repeatCount {count} for a {len(run.days)}-day run")
        duration = schedule.get("duration")
        if duration is None and workload is None:
            problems.append("courseSchedule has no duration (ISO 8601, e.g. PT8H for 09:00-17:00) "
                            "and there is no courseWorkload: Google requires one of them")
        elif duration is not None:
            if not ISO_DURATION.match(str(duration)):
                problems.append(f"courseSchedule.duration {duration!r} is not an ISO 8601 duration")
            elif run.hours:
                (a, b) = run.hours
                minutes = (b.hour * 60 + b.minute) - (a.hour * 60 + a.minute)
                h, m = divmod(minutes, 60)
                want = "PT" + (f"{h}H" if h else "") + (f"{m}M" if m else "")
                if duration != want:
                    problems.append(f"courseSchedule.duration {duration!r} for daily hours {run.time} (expected {want})")
    return problems


@pytest.mark.parametrize("which,slug", ALL_SCHEDULED)
def test_course_instances_meet_google_course_info_requirements(catalog, which, slug):
    site, courses, _ = catalog
    course = courses[slug]
    obj = the_course_object(site, course)
    by_start = {i.get("startDate"): i for i in sc.as_list(obj.get("hasCourseInstance"))}
    problems = []
    for run in course.runs:
        inst = by_start.get(run.start.isoformat())
        if inst is None:
            problems.append(f"run {run.start}: no CourseInstance")
            continue
        problems += [f"run {run.start}: {p}" for p in google_instance_problems(inst, run)]
    assert not problems, f"{course.path}:\n  " + "\n  ".join(problems)


SCHEMA = "https://schema.org/"
CATEGORIES = {"Free", "Partially Free", "Paid", "Subscription"}


def booking_of(course: sc.Course, site_config: dict) -> tuple[dict, list[dict]]:
    """The course's front matter, and each run's booking keys with the course's and site.yml's filled in."""
    fm = sc.front_matter(course.file)
    keys = ("price", "currency", "register", "status", "seats", "mode")
    inherited = {k: fm.get(k) for k in keys}
    inherited["currency"] = inherited["currency"] or site_config.get("currency")
    inherited["register"] = inherited["register"] or site_config.get("register")
    raw = fm.get("runs") or ([fm] if fm.get("start") else [])
    runs = []
    for r in raw:
        own = {k: (r.get(k) if r is not fm else None) for k in keys}
        runs.append({k: own[k] if own[k] is not None else inherited[k] for k in keys} | {"start": str(r["start"])})
    return fm, runs


def effective_status(run: dict) -> str:
    status = run["status"] or "scheduled"
    if status in ("scheduled", "tentative") and run["seats"] == 0:
        return "full"
    return status


def offer_problems(offer, where: str, *, free: bool | None, currency: str | None) -> list[str]:
    problems = []
    if not isinstance(offer, dict) or offer.get("@type") != "Offer":
        return [f"{where}: offers is {offer!r}, expected one schema.org Offer"]
    if offer.get("category") not in CATEGORIES:
        problems.append(f"{where}: offers.category {offer.get('category')!r} is not one of Google's {sorted(CATEGORIES)}")
    if free is True and offer.get("category") != "Free":
        problems.append(f"{where}: a free run's category is {offer.get('category')!r}")
    price = offer.get("price")
    # schema.org allows Number or Text; Google asks for a number with "." for decimals, and a
    # string such as "1800" or "1,800" is what a locale-formatted price would look like.
    if "price" in offer and (isinstance(price, bool) or not isinstance(price, (int, float)) or price < 0):
        problems.append(f"{where}: offers.price {price!r} is not a JSON number")
    if ("price" in offer) != ("priceCurrency" in offer):
        problems.append(f"{where}: offers.price {price!r} with priceCurrency {offer.get('priceCurrency')!r}: "
                        "a price needs its currency and a currency its price")
    if free is False and offer.get("priceCurrency") != currency:
        problems.append(f"{where}: offers.priceCurrency {offer.get('priceCurrency')!r}, expected {currency!r}")
    if free is True:
        # 0 in the run's currency (run, course or site.yml); with none anywhere, the category says it alone.
        want = {"price": 0, "priceCurrency": currency} if currency else {}
        got = {k: offer[k] for k in ("price", "priceCurrency") if k in offer}
        if got != want:
            problems.append(f"{where}: a free offer has {got!r}, expected {want!r}")
    if not str(offer.get("url", "")).startswith("https://"):
        problems.append(f"{where}: offers.url {offer.get('url')!r} is not an https URL")
    return problems


@pytest.mark.parametrize("which,slug", ALL_ENTRIES)
def test_prices_status_and_mode_in_structured_data(catalog, which, slug):
    """Google's required course-info properties for every course with a price, and the schema.org
    types and enumeration URLs of offers, eventStatus, eventAttendanceMode, courseMode and the course facts."""
    site, courses, site_config = catalog
    course = courses[slug]
    obj = the_course_object(site, course)
    fm, runs = booking_of(course, site_config)
    problems = []
    priced = [r for r in runs if r["price"] is not None and effective_status(r) != "cancelled"]
    has_price = bool(priced) or (not runs and fm.get("price") is not None)
    if has_price:
        for prop in ("name", "description", "provider", "offers"):
            if not obj.get(prop):
                problems.append(f"Course without {prop} (Google: required)")
        if runs and not obj.get("hasCourseInstance"):
            problems.append("Course with a price and runs but no hasCourseInstance")
        problems += offer_problems(obj.get("offers"), "Course", free=None, currency=None)
    elif "offers" in obj:
        problems.append(f"Course without any price has offers {obj['offers']!r}")

    by_start = {i.get("startDate"): i for i in sc.as_list(obj.get("hasCourseInstance"))}
    for run in runs:
        inst = by_start.get(run["start"]) or {}
        where = f"CourseInstance {run['start']}"
        status, mode = effective_status(run), run["mode"] or "onsite"
        want_status = SCHEMA + ("EventCancelled" if status == "cancelled" else "EventScheduled")
        if inst.get("eventStatus") != want_status:
            problems.append(f"{where}: eventStatus {inst.get('eventStatus')!r}, expected {want_status}")
        attendance = {"onsite": "Offline", "online": "Online", "blended": "Mixed"}[mode]
        if inst.get("eventAttendanceMode") != f"{SCHEMA}{attendance}EventAttendanceMode":
            problems.append(f"{where}: eventAttendanceMode {inst.get('eventAttendanceMode')!r} for mode {mode}")
        if inst.get("courseMode") != {"onsite": "Onsite", "online": "Online", "blended": "Blended"}[mode]:
            problems.append(f"{where}: courseMode {inst.get('courseMode')!r} for mode {mode}")
        virtual = [p for p in sc.as_list(inst.get("location")) if isinstance(p, dict) and p.get("@type") == "VirtualLocation"]
        if (mode != "onsite") != bool(virtual) or any(not str(v.get("url", "")).startswith("https://") for v in virtual):
            problems.append(f"{where}: mode {mode} with VirtualLocation {virtual!r}")
        price = run["price"]
        if price is None:
            if "offers" in inst:
                problems.append(f"{where}: offers without a price")
            continue
        amount = price.get("amount") if isinstance(price, dict) else price
        free = str(amount).lower() == "free" or amount == 0
        currency = (price.get("currency") if isinstance(price, dict) else None) or run["currency"]
        offer = inst.get("offers")
        problems += offer_problems(offer, where, free=free, currency=str(currency).upper() if currency else None)
        if isinstance(offer, dict):
            want = "SoldOut" if status in ("full", "cancelled") else "LimitedAvailability" if run["seats"] is not None else "InStock"
            if offer.get("availability") != SCHEMA + want:
                problems.append(f"{where}: availability {offer.get('availability')!r}, expected {SCHEMA + want}")
            if not free and float(offer.get("price", "nan")) != float(amount):
                problems.append(f"{where}: price {offer.get('price')!r}, expected {amount}")

    language = fm.get("language") or site_config.get("language", "en")
    if str(obj.get("inLanguage")).lower() != str(language).lower():
        problems.append(f"inLanguage {obj.get('inLanguage')!r}, expected {language!r}")
    levels = {"beginner": "Beginner", "intermediate": "Intermediate", "advanced": "Advanced", "all": "All levels"}
    if obj.get("educationalLevel") != (levels[fm["level"]] if fm.get("level") else None):
        problems.append(f"educationalLevel {obj.get('educationalLevel')!r} for level {fm.get('level')!r}")
    if fm.get("audience") and obj.get("audience") != {"@type": "Audience", "audienceType": fm["audience"]}:
        problems.append(f"audience {obj.get('audience')!r}")
    wanted = sc.as_list(fm.get("prerequisites"))
    if sc.as_list(obj.get("coursePrerequisites")) != wanted:
        problems.append(f"coursePrerequisites {obj.get('coursePrerequisites')!r}, expected {wanted!r}")
    assert not problems, f"{course.path}:\n  " + "\n  ".join(problems)


def test_shipped_courses_carry_offers_for_google(site):
    """Google's course info marks Course.offers as required; the shipped catalog prices every course."""
    missing = [c.path for c in COURSES if not (the_course_object(site, c).get("offers") or {})]
    assert not missing, f"Course without offers: {missing}"


def test_unscheduled_entries_are_courses_without_instances(site):
    for course in (c for c in COURSES if not c.runs):
        obj = the_course_object(site, course)
        assert not sc.as_list(obj.get("hasCourseInstance")), f"{course.path}: undated entry has CourseInstances"


def test_only_course_pages_carry_a_course(site):
    stray = []
    for file in harness.html_files(site):
        path = harness.page_path(site, file)
        objects = sc.json_ld(file.read_text(encoding="utf-8"))
        if sc.of_type(objects, "Course") and not re.fullmatch(re.escape(harness.BASE_PATH) + r"courses/[^/]+/", path):
            stray.append(path)
    assert not stray, f"pages other than course pages carry a Course: {stray}"


# --------------------------------------------------------------------------- home page


def test_home_page_item_list_lists_every_entry(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    lists = sc.of_type(sc.json_ld(html), "ItemList")
    assert len(lists) == 1, f"home page: expected one ItemList, found {len(lists)}"
    items = sc.as_list(lists[0].get("itemListElement"))
    assert [i.get("position") for i in items] == list(range(1, len(items) + 1)), \
        f"positions are not 1..n: {[i.get('position') for i in items]}"
    assert all(i.get("@type") == "ListItem" for i in items), "every itemListElement must be a ListItem"
    urls = [i.get("url") for i in items]
    outside = [u for u in urls if not (isinstance(u, str) and u.startswith(harness.BASE_URL))]
    assert not outside, f"ItemList URLs not absolute under {harness.BASE_URL}: {outside}"
    assert len(urls) == len(set(urls)), f"ItemList lists an entry twice: {urls}"
    assert sorted(urls) == sorted(c.url for c in COURSES), (
        f"ItemList URLs {sorted(urls)}\n  expected every entry: {sorted(c.url for c in COURSES)}")
    # Google's summary-page pattern: each listed URL is a page carrying that Course.
    for item in items:
        path = item["url"][len(harness.BASE_URL) - len(harness.BASE_PATH):]
        file = harness.file_for_path(site, path)
        assert file is not None, f"ItemList URL {item['url']} is not a page of the site"
        course = sc.of_type(sc.json_ld(file.read_text(encoding="utf-8")), "Course")
        assert course and course[0].get("url") == item["url"], f"{item['url']} carries no Course with that url"
        if item.get("name") is not None:
            assert item["name"] == course[0]["name"], f"ListItem name {item['name']!r} != Course name"


def test_item_list_follows_catalog_order(site):
    """Scheduled entries in date order first, then undated ones: the order the catalog shows."""
    html = (site / "index.html").read_text(encoding="utf-8")
    items = sc.as_list(sc.of_type(sc.json_ld(html), "ItemList")[0].get("itemListElement"))
    order = [i["url"] for i in items]
    scheduled = [c for c in COURSES if c.runs]
    first_start = {c.url: min(r.start for r in c.runs) for c in scheduled}
    head = order[: len(scheduled)]
    assert set(head) == set(first_start), f"undated entries listed before scheduled ones: {order}"
    assert [first_start[u] for u in head] == sorted(first_start[u] for u in head), f"not in date order: {order}"


# --------------------------------------------------------------------------- hostile values

PAYLOAD = '</script><script>alert(1)</script>'
HOSTILE_TITLE = f'Evil "quoted" & \'single\' {PAYLOAD} <!-- <b>bold</b> \\ back\\slash'
HOSTILE_SUMMARY = f'Summary with {PAYLOAD}, "quotes", ampersands && &amp; and a </SCRIPT > variant.'
HOSTILE_SITE = f'Site & Co "{PAYLOAD}"'
HOSTILE_ORG = 'Org ' + PAYLOAD + ' & "Sons"'
HOSTILE_PERSON = "Ann </script> O'Neil & Co"
HOSTILE_PLACE = 'Room <1> & ' + PAYLOAD
HOSTILE_TAG = 'R&D <x>'


def yaml_str(value: str) -> str:
    return json.dumps(value)  # a JSON string is a valid YAML double-quoted scalar


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-root")
    sc.write_content(
        root,
        site_yml=(f"title: {yaml_str(HOSTILE_SITE)}\nbase_url: {harness.BASE_URL}\ntimezone: Europe/Stockholm\n"
                  f"time: \"09:00-17:00\"\ndescription: {yaml_str('Desc ' + PAYLOAD)}\n"
                  f"organizer:\n  name: {yaml_str(HOSTILE_ORG)}\n  email: org@example.org\n"),
        courses={
            "evil.md": (f"---\ntitle: {yaml_str(HOSTILE_TITLE)}\nsummary: {yaml_str(HOSTILE_SUMMARY)}\n"
                        f"kind: course\ninstructors: [{yaml_str(HOSTILE_PERSON)}]\n"
                        f"start: 2021-03-01\nend: 2021-03-02\nlocation: {yaml_str(HOSTILE_PLACE)}\n"
                        f"tags: [{yaml_str(HOSTILE_TAG)}]\n---\n\nBody.\n"),
            "plain.md": "---\ntitle: Plain\nsummary: Nothing odd.\nstart: 2021-03-05\n---\n\nBody.\n",
        })
    with_output = sc.build_root(root, tmp_path_factory.mktemp("hostile-site"))
    return with_output


def test_hostile_values_stay_inside_json_ld(hostile_site):
    files = harness.html_files(hostile_site)
    checked = 0
    for file in files:
        html = file.read_text(encoding="utf-8")
        rel = file.relative_to(hostile_site)
        # What a browser's tokenizer does: script data runs to the first "</script".
        for m in re.finditer(r"<script[^>]*type=\"application/ld\+json\"[^>]*>(.*?)</script", html, re.S | re.I):
            raw = m.group(1)
            checked += 1
            assert "<!--" not in raw and "<script" not in raw.lower(), f"{rel}: markup inside the JSON-LD: {raw[:200]!r}"
            try:
                json.loads(raw)
            except ValueError as error:
                pytest.fail(f"{rel}: JSON-LD cut short or invalid ({error}): {raw[:300]!r}", pytrace=False)
        # No executable payload anywhere in the page.
        assert "<script>alert(1)" not in html, f"{rel}: the payload appears unescaped in the HTML"
    assert checked >= 2, f"expected JSON-LD on the home and course pages, found {checked} blocks"


def test_hostile_values_round_trip_through_json_ld(hostile_site):
    html = (hostile_site / "courses" / "evil" / "index.html").read_text(encoding="utf-8")
    course = sc.of_type(sc.json_ld(html), "Course")
    assert len(course) == 1
    course = course[0]
    assert course["name"] == HOSTILE_TITLE
    assert ws(course["description"]) == ws(HOSTILE_SUMMARY)
    assert course["provider"]["name"] == HOSTILE_ORG
    inst = sc.as_list(course["hasCourseInstance"])[0]
    loc = inst["location"]
    assert (loc.get("name") if isinstance(loc, dict) else loc) == HOSTILE_PLACE
    assert [p["name"] for p in sc.as_list(inst["instructor"])] == [HOSTILE_PERSON]
    home = (hostile_site / "index.html").read_text(encoding="utf-8")
    names = [i.get("name") for i in sc.as_list(sc.of_type(sc.json_ld(home), "ItemList")[0]["itemListElement"])]
    assert HOSTILE_TITLE in names


def test_hostile_values_show_escaped_in_html(hostile_site):
    html = (hostile_site / "courses" / "evil" / "index.html").read_text(encoding="utf-8")
    head = sc.parse_head(html)
    # The parsed text equals the original: escaped in the markup, shown literally.
    assert head.h1 == ws(HOSTILE_TITLE)
    assert head.title.startswith(HOSTILE_TITLE), head.title
    assert head.meta(name="description") == [HOSTILE_SUMMARY]
    assert head.meta(prop="og:title") == [HOSTILE_TITLE]
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # Every <script> element on the page is one the generator meant to write.
    for attrs, text in head.scripts:
        assert attrs.get("type") == "application/ld+json" or attrs.get("src"), \
            f"unexpected inline script: {attrs} {text[:120]!r}"


def test_hostile_page_runs_no_injected_script(hostile_site):
    from selenium.common.exceptions import NoAlertPresentException

    with harness.SiteServer(hostile_site.parent) as server:
        driver = harness.chrome()
        try:
            for path in ("", "courses/evil/", "tags/r-d-x/", "instructors/"):
                driver.get(server.base + path)
                try:
                    alert = driver.switch_to.alert
                    text = alert.text
                    alert.dismiss()
                    pytest.fail(f"/{path}: an injected script ran (alert {text!r})", pytrace=False)
                except NoAlertPresentException:
                    pass
                assert driver.execute_script("return document.readyState") == "complete"
        finally:
            driver.quit()
