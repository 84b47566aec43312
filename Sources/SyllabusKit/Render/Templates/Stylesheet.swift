extension BuiltinTemplates {
    /// One small stylesheet: readable type, AA contrast, visible focus,
    /// a layout that works from phone to desktop, and a clean printout.
    static let stylesheet = #"""
:root {
  --ink: #1b1f24;
  --muted: #4f5b67;
  --paper: #ffffff;
  --wash: #f4f6f8;
  --line: #d5dbe1;
  --accent: #0b5cad;
  --accent-ink: #ffffff;
  --accent-wash: #e4eefa;
  --focus: #c2410c;
  --radius: 10px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  line-height: 1.55;
  color: var(--ink);
  background: var(--paper);
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; }
.wrap { max-width: 62rem; margin: 0 auto; padding: 0 1.25rem; }
a { color: var(--accent); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 3px; }
.skip-link { position: absolute; left: -999px; top: 0.5rem; background: var(--paper); padding: 0.5rem 1rem; z-index: 10; }
.skip-link:focus { left: 0.5rem; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

.site-header { background: var(--ink); color: #fff; }
.header-inner { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem 1.5rem; padding-top: 0.9rem; padding-bottom: 0.9rem; }
.brand { color: #fff; font-weight: 700; font-size: 1.1rem; text-decoration: none; }
.site-header nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; list-style: none; margin: 0; padding: 0; }
.site-header nav a { color: #fff; text-decoration: none; padding: 0.25rem 0; border-bottom: 2px solid transparent; }
.site-header nav a:hover, .site-header nav a[aria-current="page"] { border-bottom-color: #8cc4ff; }
.site-header :focus-visible { outline-color: #ffb37a; }

main.wrap { padding-top: 1.75rem; padding-bottom: 3rem; }
.print-url { display: none; }
.zone-note { color: var(--muted); font-size: 0.95rem; margin-top: -0.25rem; }
h1 { font-size: clamp(1.6rem, 4vw, 2.3rem); line-height: 1.2; margin: 0.5rem 0 0.75rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.1rem; }
.lede { font-size: 1.15rem; color: var(--muted); margin-top: 0; }

.cards { list-style: none; margin: 0; padding: 0; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr)); }
.card { border: 1px solid var(--line); border-radius: var(--radius); padding: 1rem 1.1rem; background: var(--paper); }
.card-title { margin: 0 0 0.35rem; font-size: 1.1rem; line-height: 1.3; }
.card-title a { text-decoration: none; }
.card-title a:hover { text-decoration: underline; }
.meta { display: flex; flex-wrap: wrap; align-items: center; gap: 0.2rem 0.75rem; margin: 0 0 0.5rem; color: var(--muted); font-size: 0.95rem; }
.meta time { color: var(--ink); font-weight: 600; white-space: nowrap; }
.meta .hours { font-weight: 400; color: var(--ink); }
.hours, .run-hours, .run-days a { white-space: nowrap; }
.zone { color: var(--muted); }
.kind { display: inline-block; text-transform: uppercase; letter-spacing: 0.04em; font-size: 0.75rem; font-weight: 700; color: var(--accent); background: var(--accent-wash); border-radius: 999px; padding: 0.1rem 0.55rem; margin: 0; }
.summary { margin: 0.25rem 0 0.5rem; }
.people { margin: 0.25rem 0; font-size: 0.95rem; }
.tags { list-style: none; padding: 0; margin: 0.5rem 0 0; display: flex; flex-wrap: wrap; gap: 0.35rem; }
.tags a { display: inline-block; font-size: 0.85rem; padding: 0.1rem 0.6rem; border-radius: 999px; background: var(--wash); border: 1px solid var(--line); text-decoration: none; color: var(--ink); }
.tags a:hover { border-color: var(--accent); }

.filters { display: flex; flex-wrap: wrap; gap: 0.75rem 1.25rem; align-items: end; padding: 0.9rem 1rem; background: var(--wash); border-radius: var(--radius); margin: 1rem 0; }
.filters label { display: flex; flex-direction: column; font-size: 0.9rem; font-weight: 600; gap: 0.2rem; }
.filters select { font: inherit; min-width: 11rem; padding: 0.3rem 0.4rem; border: 1px solid var(--muted); border-radius: 6px; background: var(--paper); color: var(--ink); }
.filters .reset { font: inherit; padding: 0.3rem 0.8rem; border: 1px solid var(--muted); border-radius: 6px; background: var(--paper); color: var(--ink); cursor: pointer; }
.filters .reset:hover { border-color: var(--accent); color: var(--accent); }
.filter-count { color: var(--muted); font-size: 0.9rem; }

.course { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0 2.5rem; }
@media (min-width: 60rem) {
  .course { grid-template-columns: minmax(0, 1fr) 21rem; }
  .course-header { grid-column: 1 / -1; }
  .course .facts { grid-column: 2; grid-row: 2; align-self: start; position: sticky; top: 1rem; margin-top: 0.5rem; }
  .course .prose { grid-column: 1; grid-row: 2; }
  .course .facts dl { grid-template-columns: 1fr; }
  .course .facts dt { margin-top: 0.4rem; }
}
.course-header .kind { margin-bottom: 0.25rem; }
.facts { background: var(--wash); border-radius: var(--radius); padding: 1rem 1.25rem; margin: 1rem 0 2rem; }
.facts dl { display: grid; grid-template-columns: minmax(6rem, max-content) 1fr; gap: 0.5rem 1.25rem; margin: 0; }
.facts dt { font-weight: 700; }
.facts dd { margin: 0; }
.runs { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75rem; }
.run + .run { border-top: 1px solid var(--line); padding-top: 0.75rem; }
.run { display: flex; flex-direction: column; gap: 0.1rem; }
.run-hours, .run-location, .run-people, .run-days { font-size: 0.95rem; }
.run-days { color: var(--muted); }
.feed-links { display: flex; flex-wrap: wrap; gap: 0.75rem 1.25rem; align-items: center; margin: 1rem 0 0; }
.button { display: inline-block; background: var(--accent); color: var(--accent-ink); padding: 0.45rem 0.9rem; border-radius: 6px; text-decoration: none; font-weight: 600; }
.button:hover { background: #084a8c; }
abbr[title] { text-decoration: none; }

/* Booking: status and mode badges, prices, cancelled runs (struck through, and labelled by their badge). */
.badges { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3rem 0.45rem; margin: 0.25rem 0 0.4rem; }
.badge { display: inline-block; font-size: 0.8rem; font-weight: 700; line-height: 1.4; padding: 0.05rem 0.55rem; border-radius: 999px; border: 1px solid transparent; white-space: nowrap; }
.badge-tentative { background: #fff4d6; color: #6b4200; border-color: #e9c46a; }
.badge-full { background: #fde8e8; color: #8f1d1d; border-color: #f0b4b4; }
.badge-cancelled { background: #8f1d1d; color: #ffffff; }
.badge-seats { background: #e5f4ea; color: #145c2b; border-color: #a9d8b8; }
.badge-online { background: var(--accent-wash); color: #0a4a8a; border-color: #b5cff0; }
.badge-blended { background: #f0e9fb; color: #55288f; border-color: #cdb8ef; }
.badge-level, .badge-language { background: var(--wash); color: var(--ink); border-color: var(--line); font-weight: 600; }
.price { font-weight: 700; color: var(--ink); font-variant-numeric: tabular-nums; }
.badges .price { font-size: 0.95rem; }
.is-cancelled .card-title a, .is-cancelled .meta time, .run.is-cancelled > strong, .is-cancelled .price { text-decoration: line-through; text-decoration-thickness: 2px; }
.is-cancelled .card-title a { color: var(--muted); }
.run .button.book { align-self: flex-start; margin-top: 0.35rem; }
.prerequisites { margin: 0; padding-left: 1.1rem; }
.browse { padding: 0.75rem 1rem; background: var(--wash); border-radius: var(--radius); margin: 1rem 0; }

.prose { max-width: 42rem; }
.prose h2 { font-size: 1.25rem; }
.prose li { margin: 0.2rem 0; }
.prose img { max-width: 100%; height: auto; }
.prose pre { background: var(--wash); padding: 0.75rem; border-radius: 6px; overflow-x: auto; }

.profile header { display: flex; flex-wrap: wrap; gap: 0 1.25rem; align-items: center; }
.profile header h1 { flex: 1 1 auto; }
.profile header .lede { flex-basis: 100%; }
.photo { border-radius: 50%; object-fit: cover; }
.profile-links { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; list-style: none; padding: 0; }
.people-list { list-style: none; padding: 0; columns: 16rem auto; }
.people-list li { margin: 0 0 0.5rem; break-inside: avoid; }
.role, .count { color: var(--muted); font-size: 0.9rem; }
.count::before { content: "("; } .count::after { content: ")"; }

.month-layout { display: grid; grid-template-columns: minmax(15rem, 20rem) 1fr; gap: 1.5rem; align-items: start; }
.month-grid { border-collapse: collapse; width: 100%; table-layout: fixed; }
.month-grid th { font-size: 0.8rem; color: var(--muted); padding: 0.25rem 0; }
.month-grid td { text-align: center; padding: 0.15rem; height: 2.4rem; }
.month-grid td span { color: var(--muted); }
.month-grid td.has-sessions a { display: flex; align-items: center; justify-content: center; height: 2.2rem; border-radius: 6px; background: var(--accent); color: var(--accent-ink); font-weight: 700; text-decoration: none; }
.month-grid td.has-sessions a:hover { background: #084a8c; }
.day-list { list-style: none; margin: 0; padding: 0; }
.day-list > li { margin-bottom: 0.9rem; }
.day-list ul { margin: 0.2rem 0 0; padding-left: 0; list-style: none; }
.day-list ul li { margin: 0.15rem 0; }
.hours { font-variant-numeric: tabular-nums; font-weight: 600; }
.pager ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 1rem; justify-content: space-between; margin-top: 2rem; }
.tag-cloud { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.6rem; }
.tag-cloud a { display: inline-block; padding: 0.35rem 0.8rem; border: 1px solid var(--line); border-radius: 999px; text-decoration: none; }

.site-footer { border-top: 1px solid var(--line); color: var(--muted); font-size: 0.9rem; padding: 1rem 0 2rem; }

@media (max-width: 40rem) {
  .lede { font-size: 1.05rem; }
  .filters { display: grid; grid-template-columns: 1fr 1fr; gap: 0.6rem; padding: 0.75rem; }
  .filters select { min-width: 0; width: 100%; }
  .filters .reset { align-self: end; }
  .month-layout { grid-template-columns: 1fr; }
  .facts dl { grid-template-columns: 1fr; }
  .facts dt { margin-top: 0.5rem; }
}
@media print {
  .site-header, .site-footer, .skip-link, .feed-links, .filters, .pager, .zone-note { display: none !important; }
  body { font-size: 11pt; }
  a { color: inherit; }
  /* Links inside the site get the site's origin from the page (base template). */
  .prose a[href^="http"]::after, .facts dd > a[href^="http"]::after { content: " <" attr(href) ">"; }
  .prose a[href]::after, .facts dd > a[href]::after { font-size: 0.85em; word-break: break-all; }
  .run-days a::after, .tags a::after, .card a::after, .brand::after { content: none !important; }
  .course { display: block; }
  .facts { background: none; border: 1px solid #999; position: static; }
  .cards { display: block; }
  .card { break-inside: avoid; margin-bottom: 0.5rem; }
  .print-url { display: block; margin-top: 2rem; font-size: 0.85em; color: #444; }
}
"""#

    static let favicon = #"""
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5cad"/><rect x="7" y="9" width="18" height="16" rx="2" fill="#fff"/><rect x="7" y="9" width="18" height="4" fill="#1b1f24"/><circle cx="12" cy="18" r="1.6" fill="#0b5cad"/><circle cx="16" cy="18" r="1.6" fill="#0b5cad"/><circle cx="20" cy="18" r="1.6" fill="#0b5cad"/></svg>
"""#
}
