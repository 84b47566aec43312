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
    /// The file, rendered when written; compared by its bytes, as the whole
    /// catalog is its input. `records`: a preview's, kept between rebuilds.
    static func page(_ contexts: PageContexts, records: SearchRecords?) -> Page {
        let index = contexts.index, facets = contexts.facets, hoursLabel = contexts.hoursLabel
        return Page(path: SitePaths.searchIndex, key: nil) { json(index, facets: facets, hoursLabel: hoursLabel, records: records) }
    }

    /// `records`: each entry's record as last written, reused for an entry
    /// (the same `Course`) whose table positions are the same: a preview's
    /// save changes one entry, and writing all 10,000 again took a tenth of
    /// a second before the open catalog and search pages could reload.
    static func json(_ index: CatalogIndex, facets bookingFacets: [Facet] = [], hoursLabel: (Run) -> String,
                     records: SearchRecords? = nil) -> String {
        var tables = Tables()
        var courseFacets: [Slug: [String: [Int]]] = [:]
        var runModes: [ObjectIdentifier: Int] = [:]
        for facet in bookingFacets {
            switch facet.kind {
            case .level, .language:
                let key = facet.kind == .level ? "v" : "g"
                let id = facet.kind == .level ? tables.levels.id(facet.slug.value, facet.name) : tables.languages.id(facet.slug.value, facet.name)
                for course in facet.entries.map(\.course).uniqued(by: \.slug) { courseFacets[course.slug, default: [:]][key, default: []].append(id) }
            case .format:
                let id = tables.modes.id(facet.slug.value, facet.name)
                for entry in facet.entries {
                    if let run = entry.run { runModes[ObjectIdentifier(run)] = id } else { courseFacets[entry.course.slug, default: [:]]["m", default: []].append(id) }
                }
            }
        }
        let courses = index.order.alphabetical
        // Taken, not copied: each entry's record is replaced in place.
        var kept = records?.take() ?? [:]

        // Written straight to bytes by `JSONWriter`, keys in sorted order: a
        // tree of values for 10,000 entries, sorted and written afterwards,
        // took most of a preview rebuild's write stage. The entries
        // come first, and number the tables `f` and `h` list after them.
        var out = JSONWriter(capacity: courses.count * 200 + 64 * 1024)
        out.open("{")
        out.key("e")
        out.open("[")
        for course in courses {
            let id = ObjectIdentifier(course)
            let old = kept[id].flatMap { $0.course === course ? $0 : nil }
            let keys = old?.keys ?? EntryKeys(course, index: index, hoursLabel: hoursLabel)
            let positions = EntryPositions(keys, tables: &tables, facets: courseFacets[course.slug],
                                           modes: course.runs.map { runModes[ObjectIdentifier($0)] })
            if let old, old.positions == positions {
                out.value(old.bytes)
                continue
            }
            let record = Self.record(course, positions)
            out.value(record)
            if records != nil { kept[id] = .init(course: course, keys: keys, positions: positions, bytes: record) }
        }
        out.close("]")
        if let records {
            // Entries no longer in the catalog (an edited file's old version among them) are let go.
            if kept.count > courses.count {
                let current = Set(courses.map { ObjectIdentifier($0) })
                kept = kept.filter { current.contains($0.key) }
            }
            records.put(kept)
        }
        out.key("f")
        out.open("{")
        if !tables.languages.keys.isEmpty { out.key("g"); out.pairs(tables.languages) }
        out.key("i"); out.pairs(tables.people)
        out.key("k"); out.values(tables.kinds)
        out.key("l"); out.values(tables.places)
        if !tables.modes.keys.isEmpty { out.key("m"); out.pairs(tables.modes) }
        out.key("t"); out.pairs(tables.topics)
        if !tables.levels.keys.isEmpty { out.key("v"); out.pairs(tables.levels) }
        out.close("}")
        out.key("h")
        out.open("[")
        for (label, start) in zip(tables.hours.keys, tables.hourStarts) {
            out.open("[")
            out.string(label)
            out.int(start)
            out.close("]")
        }
        out.close("]")
        out.key("today")
        out.string(index.catalog.buildDate.today.iso)
        out.close("}")
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// One entry's record, `{"g":…,"v":…}`.
    private static func record(_ course: Course, _ positions: EntryPositions) -> [UInt8] {
        var entry = JSONWriter(capacity: 256)
        entry.open("{")
        entry.field("g", positions.languages)
        entry.field("i", positions.people)
        entry.field("k", positions.kind)
        entry.field("l", positions.place)
        entry.field("m", positions.modes)
        entry.field("n", course.title)
        if !course.runs.isEmpty {
            entry.key("r")
            entry.open("[")
            for (run, at) in zip(course.runs, positions.runs) {
                entry.open("{")
                entry.field("d", run.start.dayNumber)
                entry.field("h", at.hours)
                if let people = at.people {
                    // Written even when empty: an empty list differs from inheriting.
                    entry.key("i")
                    entry.ints(people)
                }
                entry.field("l", at.place)
                entry.field("m", at.mode)
                entry.field("n", run.dayCount > 1 ? run.dayCount : nil)
                entry.close("}")
            }
            entry.close("]")
        }
        entry.field("s", course.summary)
        entry.field("t", positions.topics)
        entry.field("u", course.slug.value)
        entry.field("v", positions.levels)
        entry.close("}")
        return entry.bytes
    }

    /// What an entry names from the tables, by key: worked out once per
    /// `Course` (slugs folded, hours spelt out), as its file is read once.
    struct EntryKeys: Sendable {
        struct RunKeys: Sendable {
            let hours: String
            let startMinutes: Int
            /// `nil` where the run has the entry's instructors.
            let people: [(key: String, name: String)]?
            /// `nil` where the run is at the entry's place; `.some(nil)` for none.
            let place: String??
        }

        let kind: String?
        let topics: [(key: String, name: String)]
        let people: [(key: String, name: String)]
        let place: String?
        let runs: [RunKeys]

        init(_ course: Course, index: CatalogIndex, hoursLabel: (Run) -> String) {
            func topic(_ name: String) -> (key: String, name: String)? {
                (index.tagSlugs[name] ?? Slug(tag: name)).map { ($0.value, name) }
            }
            func person(_ name: String) -> (key: String, name: String)? {
                (index.instructorSlugs[name] ?? Slug(folding: name)).map { ($0.value, name) }
            }
            kind = course.kind
            topics = course.tags.compactMap(topic)
            people = course.instructors.compactMap(person)
            place = course.location
            runs = course.runs.map { run in
                RunKeys(hours: hoursLabel(run), startMinutes: run.hours.startMinutes,
                        people: run.instructors != course.instructors ? run.instructors.compactMap(person) : nil,
                        place: run.location != course.location ? .some(run.location) : nil)
            }
        }
    }

    /// An entry's positions in the tables, in the order of its fields, then
    /// of its runs: a table's order is that of first use.
    struct EntryPositions: Sendable, Equatable {
        struct RunPositions: Sendable, Equatable {
            let hours: Int
            let people: [Int]?
            /// -1 for a run at no place where its entry has one.
            let place: Int?
            let mode: Int?
        }

        let languages: [Int], modes: [Int], levels: [Int]
        let kind: Int?
        let people: [Int]
        let place: Int?
        let topics: [Int]
        let runs: [RunPositions]

        init(_ keys: EntryKeys, tables: inout Tables, facets: [String: [Int]]?, modes runModes: [Int?]) {
            languages = facets?["g"] ?? []
            modes = facets?["m"] ?? []
            levels = facets?["v"] ?? []
            kind = keys.kind.map { tables.kinds.id($0) }
            topics = keys.topics.map { tables.topics.id($0.key, $0.name) }
            people = keys.people.map { tables.people.id($0.key, $0.name) }
            place = keys.place.map { tables.places.id($0) }
            var runs: [RunPositions] = []
            for (run, mode) in zip(keys.runs, runModes) {
                let hours = tables.hours.id(run.hours)
                if hours == tables.hourStarts.count { tables.hourStarts.append(run.startMinutes) }
                runs.append(RunPositions(hours: hours, people: run.people?.map { tables.people.id($0.key, $0.name) },
                                         place: run.place.map { $0.map { tables.places.id($0) } ?? -1 }, mode: mode))
            }
            self.runs = runs
        }
    }

    /// The tables `f` and `h`, filled in entry order.
    struct Tables {
        var topics = Table(), people = Table(), kinds = Table(), places = Table(), hours = Table()
        // Level (`v`) and language (`g`) belong to a course, format (`m`) to
        // each run: the same facets as the level, language and format pages.
        var levels = Table(), languages = Table(), modes = Table()
        var hourStarts: [Int] = []
    }

    /// Values in order of first use, each written once.
    struct Table {
        private(set) var keys: [String] = []
        private(set) var names: [String] = []
        private var ids: [String: Int] = [:]

        /// The position of `key`, added (with its display `name`) if new.
        mutating func id(_ key: String, _ name: String? = nil) -> Int {
            if let known = ids[key] { return known }
            ids[key] = keys.count
            keys.append(key)
            names.append(name ?? key)
            return keys.count - 1
        }
    }
}

/// The search index's tables: keys alone, or `[key, name]` pairs.
private extension JSONWriter {
    mutating func values(_ table: SearchIndex.Table) {
        open("[")
        for key in table.keys { string(key) }
        close("]")
    }

    mutating func pairs(_ table: SearchIndex.Table) {
        open("[")
        for (key, name) in zip(table.keys, table.names) {
            open("[")
            string(key)
            string(name)
            close("]")
        }
        close("]")
    }
}
