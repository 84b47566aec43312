/// The default templates, compiled into the binary so a copied `syllabus`
/// builds a complete site on its own. A site's `templates/<name>.mustache`
/// replaces the template of that name; `templates/assets/` adds to or
/// replaces the files below.
enum BuiltinTemplates {
    /// Mustache templates by name (file name without `.mustache`).
    static let templates: [String: String] = [
        "base": base,
        "catalog": catalog,
        "course": course,
        "instructors": instructors,
        "instructor": instructor,
        "days": days,
        "days-month": daysMonth,
        "day": day,
        "tags": tags,
        "tag": tag,
        "404": notFound,
        "entry-card": entryCard,
        "feed-links": feedLinks,
    ]

    /// Files copied to `public/assets/`.
    static let assets: [String: String] = [
        "style.css": stylesheet,
        "favicon.svg": favicon,
        "filter.js": filterScript,
    ]
}
