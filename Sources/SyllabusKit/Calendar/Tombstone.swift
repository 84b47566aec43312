/// An event of the previous feed whose run, course or entry is gone from
/// the content (removed, turned into a draft, a run deleted or shortened).
/// It stays in the feeds it was in as `STATUS:CANCELLED` until the last day
/// of its run has passed, so subscribed clients take the cancellation
/// instead of keeping a stale event.
///
/// Everything it needs comes from the published event itself: the course
/// from its UID (`EventID`), instructors from `X-SYLLABUS-INSTRUCTORS`,
/// topics from `CATEGORIES`, zone from `DTSTART`'s `TZID`.
struct Tombstone: Sendable {
    let uid: String
    let course: Slug?
    let instructors: [Slug]
    /// Topic names as `CATEGORIES` gives them.
    let tags: [String]
    /// The course's title, for the feed of a course that is gone.
    let title: String
    let firstDay: CalendarDate
    /// `(zone, year)` of a timed event, for its VTIMEZONE.
    let zone: (identifier: String, year: Int)?
    /// The visible lines, marked cancelled.
    let lines: [String]

    static let instructorsProperty = "X-SYLLABUS-INSTRUCTORS"

    /// The tombstones a build keeps: events of `ledger` whose UID the
    /// content no longer has, while the last day of their run (over every
    /// day the previous feed had of it) is not before `buildDate`.
    /// `currentUIDs` is made only when the ledger has events: a first build has none.
    static func kept(from ledger: SequenceLedger, currentUIDs: @autoclosure () -> Set<String>,
                     buildDate: CalendarDate) -> [Tombstone] {
        guard !ledger.order.isEmpty else { return [] }
        let current = currentUIDs()
        // The common rebuild removed no event: nothing below to parse.
        let gone = ledger.order.filter { !current.contains($0) }
        guard !gone.isEmpty else { return [] }
        var lastDayOfRun: [String: CalendarDate] = [:]
        for entry in ledger.entries.values {
            guard let id = EventID(uid: entry.uid), let last = entry.lastDay else { continue }
            lastDayOfRun[id.run] = max(lastDayOfRun[id.run] ?? last, last)
        }
        var kept: [Tombstone] = []
        for uid in gone {
            guard let entry = ledger.entries[uid], let firstDay = entry.firstDay else { continue }
            let id = EventID(uid: uid)
            let last = id.flatMap { lastDayOfRun[$0.run] } ?? entry.lastDay ?? firstDay
            guard last >= buildDate else { continue }
            kept.append(Tombstone(entry, id: id, firstDay: firstDay))
        }
        return kept.sorted { ($0.firstDay, $0.uid) < ($1.firstDay, $1.uid) }
    }

    private init(_ entry: SequenceLedger.Entry, id: EventID?, firstDay: CalendarDate) {
        uid = entry.uid
        course = id.flatMap { Slug($0.course) }
        self.firstDay = firstDay
        var instructors: [Slug] = [], tags: [String] = [], title = "", zone: (String, Int)?
        var lines: [String] = []
        var hasStatus = false
        for line in entry.lines {
            let name = line.prefix(while: { $0 != ":" && $0 != ";" })
            let value = SequenceLedger.value(line)
            switch name {
            case "SUMMARY":
                let text = ContentLinesReader.unescape(value)
                title = text.hasPrefix(EventStatus.cancelledPrefix) ? String(text.dropFirst(EventStatus.cancelledPrefix.count)) : text
                lines.append("SUMMARY:" + ContentLines.escape(EventStatus.cancelledPrefix + title))
                continue
            case "STATUS":
                hasStatus = true
                lines.append("STATUS:" + EventStatus.cancelled.rawValue)
                continue
            case "DTSTART":
                if let range = line.range(of: ";TZID=") {
                    let zoneName = line[range.upperBound...].prefix(while: { $0 != ":" && $0 != ";" })
                    zone = (String(zoneName), firstDay.year)
                }
            case "CATEGORIES":
                tags = ContentLinesReader.splitList(value).map(ContentLinesReader.unescape)
            case Substring(Self.instructorsProperty):
                instructors = value.split(separator: ",").compactMap { Slug(String($0)) }
            default: break
            }
            lines.append(line)
        }
        if !hasStatus { lines.append("STATUS:" + EventStatus.cancelled.rawValue) }
        self.instructors = instructors
        self.tags = tags
        self.title = title
        self.zone = zone
        self.lines = lines
    }
}

extension ContentLinesReader {
    /// Undoes `ContentLines.escape`.
    static func unescape(_ value: String) -> String {
        var out = "", escaped = false
        for character in value {
            if escaped {
                out.append(character == "n" || character == "N" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// Splits a TEXT list on the commas that are not escaped.
    static func splitList(_ value: String) -> [String] {
        var items: [String] = [], current = "", escaped = false
        for character in value {
            if escaped { current.append(character); escaped = false; continue }
            if character == "\\" { current.append(character); escaped = true; continue }
            if character == "," { items.append(current); current = ""; continue }
            current.append(character)
        }
        items.append(current)
        return items.filter { !$0.isEmpty }
    }
}
