/// What the previous feed published for each event, and the `SEQUENCE` and
/// `LAST-MODIFIED` each event gets now.
///
/// `SEQUENCE` is derived from the time of the build that made the change:
/// minutes since 1970 (`SOURCE_DATE_EPOCH` or now). A build in a new output
/// folder, as in CI, can then only give a higher number than any build
/// before it, with no state kept anywhere; 2^31 minutes last until the year
/// 6053, inside RFC 5545's 32-bit INTEGER. With a previous feed, an event
/// whose visible lines are unchanged keeps its `SEQUENCE` and
/// `LAST-MODIFIED`; a changed one gets the later of the build's minute and
/// one more than before.
struct SequenceLedger: Sendable {
    /// One VEVENT of the previous feed.
    struct Entry: Sendable {
        let uid: String
        let sequence: Int?
        let lastModified: String?
        /// Every logical line but `UID`, `DTSTAMP`, `SEQUENCE` and `LAST-MODIFIED`, as published.
        let lines: [String]
        let digest: Int
        let firstDay: CalendarDate?
        /// The last day it covers (a recurring event from an older feed covers several).
        let lastDay: CalendarDate?
    }

    /// By UID, and the UIDs in the order the feed listed them.
    private(set) var entries: [String: Entry] = [:]
    private(set) var order: [String] = []

    init() {}

    /// Reads every VEVENT of `feed`; `source` names the feed in warnings.
    init(previousFeed feed: String, source: String, log: inout DiagnosticLog) {
        var uid: String?, sequence: Int?, lastModified: String?, lines: [String] = [], inEvent = false, eventLine = 0
        for (number, line) in ContentLinesReader.unfoldNumbered(feed) {
            if line == "BEGIN:VEVENT" {
                inEvent = true; uid = nil; sequence = nil; lastModified = nil; lines = []; eventLine = number
                continue
            }
            guard inEvent else { continue }
            if line == "END:VEVENT" {
                inEvent = false
                guard let uid else { continue }
                let span = Self.days(of: lines)
                if entries[uid] == nil { order.append(uid) }
                entries[uid] = Entry(uid: uid, sequence: sequence, lastModified: lastModified, lines: lines,
                                     digest: Self.digest(lines), firstDay: span?.first, lastDay: span?.last)
                continue
            }
            switch Self.name(line) {
            case "UID": uid = Self.value(line)
            case "DTSTAMP": break
            case "LAST-MODIFIED": lastModified = Self.value(line)
            case "SEQUENCE":
                let text = Self.value(line)
                // RFC 5545's INTEGER is 32 bits; anything else cannot have come from us.
                if let value = Int(text), (0...Int(Int32.max)).contains(value) {
                    sequence = value
                } else {
                    log.warning(SourceLocation(path: source, line: number, column: 1),
                                "SEQUENCE \"\(text.prefix(40))\" of the event at line \(eventLine) is not a number from 0 to \(Int32.max); it is ignored")
                }
            default: lines.append(line)
            }
        }
    }

    struct Stamp: Sendable, Equatable {
        let sequence: Int
        /// `20200913T122640Z`
        let lastModified: String
    }

    /// The stamp of an event whose visible lines hash to `digest`, built at
    /// `timestamp`. `settled` is an instant at or before `timestamp` for an
    /// event that has left the previous feed's window: it cannot be
    /// compared, so it gets a stamp that does not move from build to build.
    func stamp(uid: String, digest: Int, timestamp: Int, settled: Int? = nil) -> Stamp {
        let now = Stamp(sequence: Self.sequence(at: timestamp), lastModified: ICalendarTime.utc(epochSeconds: timestamp))
        guard let previous = entries[uid], let sequence = previous.sequence else {
            guard let settled else { return now }
            return Stamp(sequence: Self.sequence(at: settled), lastModified: ICalendarTime.utc(epochSeconds: settled))
        }
        if previous.digest == digest {
            return Stamp(sequence: sequence, lastModified: previous.lastModified ?? now.lastModified)
        }
        return Stamp(sequence: min(max(sequence + 1, now.sequence), Int(Int32.max)), lastModified: now.lastModified)
    }

    /// Minutes since 1970.
    static func sequence(at timestamp: Int) -> Int {
        min(max(timestamp, 0) / 60, Int(Int32.max))
    }

    /// A hash of an event's visible lines; compared only within one build.
    static func digest(_ lines: [String]) -> Int {
        var hasher = Hasher()
        for line in lines {
            var line = line
            line.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            hasher.combine(0xFF as UInt8) // not a UTF-8 byte: keeps line boundaries
        }
        return hasher.finalize()
    }

    // Both on UTF-8 bytes: a previous catalog feed has hundreds of thousands
    // of lines, and walking them by Character (grapheme clusters) was most of
    // the second a build over its previous output spent reading it.

    /// A content line's name: what comes before its first `:` or `;`.
    static func name(_ line: String) -> Substring {
        let end = line.utf8.firstIndex { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ";") } ?? line.utf8.endIndex
        return line[..<end]
    }

    static func value(_ line: String) -> String {
        // The value starts after the first ':' outside a quoted parameter.
        var quoted = false
        for index in line.utf8.indices {
            let byte = line.utf8[index]
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if byte == UInt8(ascii: ":"), !quoted { return String(line[line.utf8.index(after: index)...]) }
        }
        return ""
    }

    /// First and last day of an event's `DTSTART` (with an older feed's `RRULE` COUNT).
    private static func days(of lines: [String]) -> (first: CalendarDate, last: CalendarDate)? {
        guard let start = lines.first(where: { $0.hasPrefix("DTSTART") }) else { return nil }
        let value = Self.value(start)
        guard value.count >= 8, let first = CalendarDate(iso: "\(value.prefix(4))-\(value.dropFirst(4).prefix(2))-\(value.dropFirst(6).prefix(2))") else { return nil }
        var count = 1
        if let rule = lines.first(where: { $0.hasPrefix("RRULE:") }),
           let part = Self.value(rule).split(separator: ";").first(where: { $0.hasPrefix("COUNT=") }),
           let written = Int(part.dropFirst(6)), written >= 1 {
            count = min(written, 3660)
        }
        return (first, first.adding(days: count - 1))
    }
}
