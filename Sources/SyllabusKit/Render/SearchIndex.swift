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
    /// The file, rendered when written; compared by its bytes, as the whole catalog is its input.
    static func page(_ contexts: PageContexts) -> Page {
        let index = contexts.index, facets = contexts.facets, hoursLabel = contexts.hoursLabel
        return Page(path: SitePaths.searchIndex, key: nil) { json(index, facets: facets, hoursLabel: hoursLabel) }
    }

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
        let courses = index.order.alphabetical

        func topic(_ name: String) -> Int? {
            guard let slug = index.tagSlugs[name] ?? Slug(tag: name) else { return nil }
            return topics.id(slug.value, name)
        }
        func person(_ name: String) -> Int? {
            guard let slug = index.instructorSlugs[name] ?? Slug(folding: name) else { return nil }
            return people.id(slug.value, name)
        }

        // Written straight to bytes, keys in sorted order (as `JSONText` writes
        // objects): a tree of `JSONValue`s for 10,000 entries, sorted and written
        // afterwards, took most of a preview rebuild's write stage. The entries go
        // first into their own buffer, as they number the tables `f` and `h` list.
        var entries = Writer(capacity: courses.count * 192)
        entries.open("[")
        for course in courses {
            // Numbered in the order of the fields, then of the runs: a table's
            // order is that of first use.
            let kind = course.kind.map { kinds.id($0) }
            let topicIDs = course.tags.compactMap(topic)
            let personIDs = course.instructors.compactMap(person)
            let place = course.location.map { places.id($0) }
            let facets = courseFacets[course.slug]

            entries.open("{")
            entries.field("g", facets?["g"] ?? [])
            entries.field("i", personIDs)
            entries.field("k", kind)
            entries.field("l", place)
            entries.field("m", facets?["m"] ?? [])
            entries.field("n", course.title)
            if !course.runs.isEmpty {
                entries.key("r")
                entries.open("[")
                for run in course.runs {
                    let hoursID = hours.id(hoursLabel(run))
                    if hoursID == hourStarts.count { hourStarts.append(run.hours.startMinutes) }
                    entries.open("{")
                    entries.field("d", run.start.dayNumber)
                    entries.field("h", hoursID)
                    if run.instructors != course.instructors {
                        // Written even when empty: an empty list differs from inheriting.
                        entries.key("i")
                        entries.ints(run.instructors.compactMap(person))
                    }
                    if run.location != course.location { entries.field("l", run.location.map { places.id($0) } ?? -1) }
                    entries.field("m", runModes[ObjectIdentifier(run)])
                    entries.field("n", run.dayCount > 1 ? run.dayCount : nil)
                    entries.close("}")
                }
                entries.close("]")
            }
            entries.field("s", course.summary)
            entries.field("t", topicIDs)
            entries.field("u", course.slug.value)
            entries.field("v", facets?["v"] ?? [])
            entries.close("}")
        }
        entries.close("]")

        var out = Writer(capacity: entries.bytes.count + 64 * 1024)
        out.open("{")
        out.key("e")
        out.append(entries)
        out.key("f")
        out.open("{")
        if !languages.keys.isEmpty { out.key("g"); out.pairs(languages) }
        out.key("i"); out.pairs(people)
        out.key("k"); out.values(kinds)
        out.key("l"); out.values(places)
        if !modes.keys.isEmpty { out.key("m"); out.pairs(modes) }
        out.key("t"); out.pairs(topics)
        if !levels.keys.isEmpty { out.key("v"); out.pairs(levels) }
        out.close("}")
        out.key("h")
        out.open("[")
        for (label, start) in zip(hours.keys, hourStarts) {
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

    /// Values in order of first use, each written once.
    private struct Table {
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

    /// JSON written as it goes: a comma goes before any value or key that
    /// follows another in the same array or object.
    private struct Writer {
        private(set) var bytes: [UInt8] = []
        private var afterValue = false

        init(capacity: Int) { bytes.reserveCapacity(capacity) }

        mutating func open(_ bracket: Unicode.Scalar) {
            separate()
            bytes.append(UInt8(ascii: bracket))
            afterValue = false
        }

        mutating func close(_ bracket: Unicode.Scalar) {
            bytes.append(UInt8(ascii: bracket))
            afterValue = true
        }

        /// A key of one ASCII letter or word, which needs no escaping.
        mutating func key(_ name: StaticString) {
            separate()
            bytes.append(UInt8(ascii: "\""))
            name.withUTF8Buffer { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
            afterValue = false
        }

        mutating func string(_ text: String) {
            separate()
            JSONText.writeString(text, to: &bytes)
            afterValue = true
        }

        mutating func int(_ number: Int) {
            separate()
            // A small string: no allocation.
            bytes.append(contentsOf: String(number).utf8)
            afterValue = true
        }

        mutating func ints(_ list: [Int]) {
            open("[")
            for number in list { int(number) }
            close("]")
        }

        /// Another writer's whole text, as one value.
        mutating func append(_ other: Writer) {
            separate()
            bytes.append(contentsOf: other.bytes)
            afterValue = true
        }

        /// A field left out when it is absent or an empty list.
        mutating func field(_ name: StaticString, _ text: String?) {
            if let text { key(name); string(text) }
        }

        mutating func field(_ name: StaticString, _ number: Int?) {
            if let number { key(name); int(number) }
        }

        mutating func field(_ name: StaticString, _ list: [Int]) {
            if !list.isEmpty { key(name); ints(list) }
        }

        mutating func values(_ table: Table) {
            open("[")
            for key in table.keys { string(key) }
            close("]")
        }

        mutating func pairs(_ table: Table) {
            open("[")
            for (key, name) in zip(table.keys, table.names) {
                open("[")
                string(key)
                string(name)
                close("]")
            }
            close("]")
        }

        private mutating func separate() {
            if afterValue { bytes.append(UInt8(ascii: ",")) }
        }
    }
}
