/// `/search/index.json`: what the search page and the catalog's filters
/// search, over the whole catalog. The browser fetches it only when a visitor
/// searches or filters, so it must stay small: short keys, no empty fields,
/// and every value that repeats (topics, instructors, kinds, places, hours)
/// written once in a table and referred to by its position.
///
/// ```
/// {"today":"2020-05-20",
///  "f":{"t":[["erlang","Erlang"]],"i":[["robert-virding","Robert Virding"]],"k":["course"],"l":["Stockholm"]},
///  "h":[["09:00–17:00",540]],
///  "e":[{"u":"otp-basics","n":"OTP Basics","s":"…","k":0,"t":[0],"i":[0],"l":0,
///        "r":[{"d":18407,"n":2,"h":0}]}]}
/// ```
/// Entries are in title order; a run's `d` is its first day (days since
/// 1970-01-01), `n` its length in days when more than one, `h` its hours;
/// a run names `l` and `i` only where they differ from its entry's.
/// Each facet in `f` is a filter: a `<select data-facet="key">` on the page
/// picks one of its values (the first element of a pair).
enum SearchIndex {
    static func json(_ index: CatalogIndex, facets bookingFacets: [Facet] = [], hoursLabel: (Run) -> String) -> String {
        var topics = Table(), people = Table(), kinds = Table(), places = Table(), hours = Table()
        // Level (`v`) and language (`g`) belong to a course, format (`m`) to
        // each run: the same facets as the level, language and format pages.
        var levels = Table(), languages = Table(), modes = Table()
        var courseFacets: [Slug: [String: [Int]]] = [:]
        var runModes: [ObjectIdentifier: Int] = [:]
        for facet in bookingFacets {
            switch facet.kind {
            case .level, .language:
                let key = facet.kind == .level ? "v" : "g"
                let id = facet.kind == .level ? levels.id(facet.slug.value, facet.name) : languages.id(facet.slug.value, facet.name)
                for course in facet.entries.map(\.course).uniqued(by: \.slug) { courseFacets[course.slug, default: [:]][key, default: []].append(id) }
            case .format:
                let id = modes.id(facet.slug.value, facet.name)
                for entry in facet.entries {
                    if let run = entry.run { runModes[ObjectIdentifier(run)] = id } else { courseFacets[entry.course.slug, default: [:]]["m", default: []].append(id) }
                }
            }
        }
        var hourStarts: [Int] = []
        let courses = index.catalog.courses.sorted(by: Course.alphabetical)
        var entries: [JSONValue] = []
        entries.reserveCapacity(courses.count)

        func topic(_ name: String) -> Int? {
            guard let slug = index.tagSlugs[name] ?? Slug(tag: name) else { return nil }
            return topics.id(slug.value, name)
        }
        func person(_ name: String) -> Int? {
            guard let slug = index.instructorSlugs[name] ?? Slug(folding: name) else { return nil }
            return people.id(slug.value, name)
        }

        for course in courses {
            var entry = Fields()
            entry.add("u", course.slug.value)
            entry.add("n", course.title)
            entry.add("s", course.summary)
            entry.add("k", course.kind.map { kinds.id($0) })
            entry.add("t", course.tags.compactMap(topic))
            entry.add("i", course.instructors.compactMap(person))
            entry.add("l", course.location.map { places.id($0) })
            entry.add("v", courseFacets[course.slug]?["v"] ?? [])
            entry.add("g", courseFacets[course.slug]?["g"] ?? [])
            entry.add("m", courseFacets[course.slug]?["m"] ?? [])
            var runs: [JSONValue] = []
            for run in course.runs {
                var fields = Fields()
                fields.add("d", run.start.dayNumber)
                fields.add("n", run.dayCount > 1 ? run.dayCount : nil)
                let label = hoursLabel(run)
                let hoursID = hours.id(label)
                if hoursID == hourStarts.count { hourStarts.append(run.hours.startMinutes) }
                fields.add("h", hoursID)
                fields.add("m", runModes[ObjectIdentifier(run)])
                if run.location != course.location { fields.add("l", run.location.map { places.id($0) } ?? -1) }
                if run.instructors != course.instructors {
                    // Written even when empty: an empty list differs from inheriting.
                    fields.fields.append(("i", .array(run.instructors.compactMap(person).map(JSONValue.int))))
                }
                runs.append(fields.value)
            }
            if !runs.isEmpty { entry.fields.append(("r", .array(runs))) }
            entries.append(entry.value)
        }

        let facets: JSONValue = .object([
            ("t", topics.pairs), ("i", people.pairs), ("k", kinds.values), ("l", places.values),
        ] + [("v", levels), ("g", languages), ("m", modes)].filter { !$0.1.keys.isEmpty }.map { ($0.0, $0.1.pairs) })
        let hourTable: JSONValue = .array(zip(hours.keys, hourStarts).map { .array([.string($0), .int($1)]) })
        return JSONText.encode(.object([
            ("today", .string(index.catalog.buildDate.today.iso)),
            ("f", facets),
            ("h", hourTable),
            ("e", .array(entries)),
        ]))
    }

    /// Values in order of first use, each written once.
    private struct Table {
        private(set) var keys: [String] = []
        private var names: [String] = []
        private var ids: [String: Int] = [:]

        /// The position of `key`, added (with its display `name`) if new.
        mutating func id(_ key: String, _ name: String? = nil) -> Int {
            if let known = ids[key] { return known }
            ids[key] = keys.count
            keys.append(key)
            names.append(name ?? key)
            return keys.count - 1
        }

        var values: JSONValue { .array(keys.map(JSONValue.string)) }
        var pairs: JSONValue { .array(zip(keys, names).map { .array([.string($0), .string($1)]) }) }
    }

    /// An object that leaves out absent values and empty lists.
    private struct Fields {
        var fields: [(key: String, value: JSONValue)] = []

        mutating func add(_ key: String, _ text: String?) {
            if let text { fields.append((key, .string(text))) }
        }

        mutating func add(_ key: String, _ number: Int?) {
            if let number { fields.append((key, .int(number))) }
        }

        mutating func add(_ key: String, _ list: [Int]) {
            if !list.isEmpty { fields.append((key, .array(list.map(JSONValue.int)))) }
        }

        var value: JSONValue { .object(fields) }
    }
}
