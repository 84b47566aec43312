/// One iCalendar file: the whole catalog, one course, one instructor or one topic.
struct Feed: Sendable {
    /// Output path, e.g. `courses/otp/calendar.ics`.
    let path: String
    /// Calendar name shown by subscribing apps.
    let name: String
    let description: String
    let runs: [ScheduledRun]
    /// Cancelled events of runs gone from the content, after the runs.
    var tombstones: [Tombstone] = []
    /// Fingerprint for serve-mode rebuilds; `nil` for the whole-catalog feed.
    let key: Int?
}

/// Writes feeds. Each day of a run is its own VEVENT at that day's local
/// hours in the run's zone (no `RRULE`): clients place plain events right
/// where some of them expand recurrences across DST changes wrongly.
///
/// A class: each of a catalog's 100,000 feeds renders from a closure that
/// holds the writer, and a reference is 8 bytes where a copy was hundreds.
final class FeedWriter: Sendable {
    let site: SiteConfig
    let paths: SitePaths
    /// `DTSTAMP`, seconds since 1970 (from `SOURCE_DATE_EPOCH` when set).
    let timestamp: Int
    /// The local date of `timestamp` in the site's zone.
    let buildDate: CalendarDate
    let ledger: SequenceLedger
    /// Prices in the site's language, as on the pages.
    let prices: PriceText
    let database: TZDatabase
    /// Thousands of feeds share a handful of zones and year windows.
    let zoneBlocks = ZoneBlockCache()
    /// VEVENT text kept across `syllabus serve` rebuilds.
    let events: Memo<ContentLines>?

    init(site: SiteConfig, paths: SitePaths, timestamp: Int, buildDate: CalendarDate, ledger: SequenceLedger,
         prices: PriceText, database: TZDatabase = .system, events: Memo<ContentLines>? = nil) {
        self.site = site
        self.paths = paths
        self.timestamp = timestamp
        self.buildDate = buildDate
        self.ledger = ledger
        self.prices = prices
        self.database = database
        self.events = events
    }

    static let productID = "-//Syllabus//Training catalog//EN"

    func render(_ feed: Feed) -> String {
        var lines = ContentLines()
        lines.append("BEGIN", "VCALENDAR")
        lines.append("VERSION", "2.0")
        lines.append("PRODID", Self.productID)
        lines.append("CALSCALE", "GREGORIAN")
        // METHOD:PUBLISH promises an ORGANIZER on every event (RFC 5546).
        if organizerProperty != nil { lines.append("METHOD", "PUBLISH") }
        lines.appendText("NAME", feed.name)
        lines.appendText("X-WR-CALNAME", feed.name)
        lines.appendText("DESCRIPTION", feed.description)
        lines.appendText("X-WR-CALDESC", feed.description)
        lines.append("URL", paths.absolute(feed.path))
        lines.append("SOURCE;VALUE=URI", paths.absolute(feed.path))
        lines.append("REFRESH-INTERVAL;VALUE=DURATION", "PT12H")
        lines.append("X-PUBLISHED-TTL", "PT12H")
        for zone in zones(of: feed) {
            lines.append(lines: zoneBlocks.block(for: zone))
        }
        // Events first, then one allocation of the whole size: the catalog
        // feed of 100,000 courses is 160 MB, and growing one string by
        // doubling held three times that at the last copy.
        let events = feed.runs.map { scheduled in
            let make = { [self] in
                var text = ContentLines()
                write(scheduled, to: &text)
                return text
            }
            guard let memo = self.events else { return make() }
            return memo.value("\(scheduled.course.slug.value)#\(scheduled.run.ordinal)#\(scheduled.course.fingerprint)#\(timestamp)", make: make)
        }
        lines.reserveCapacity(lines.byteCount + events.reduce(0) { $0 + $1.byteCount } + 1_024 * (feed.tombstones.count + 1))
        for event in events { lines.append(lines: event) }
        for tombstone in feed.tombstones {
            let stamp = ledger.stamp(uid: tombstone.uid, digest: SequenceLedger.digest(tombstone.lines), timestamp: timestamp)
            event(uid: tombstone.uid, stamp: stamp, lines: tombstone.lines, to: &lines)
        }
        lines.append("END", "VCALENDAR")
        return lines.text
    }

    /// One VTIMEZONE per zone of a timed event, covering a year either side of its days.
    private func zones(of feed: Feed) -> [TimeZoneDefinition] {
        var years: [String: (Int, Int)] = [:]
        func add(_ zone: String, _ first: Int, _ last: Int) {
            let span = years[zone] ?? (first, last)
            years[zone] = (min(span.0, first), max(span.1, last))
        }
        for scheduled in feed.runs where scheduled.run.hours != .allDay {
            add(scheduled.run.timezone, scheduled.run.start.year, scheduled.run.end.year)
        }
        for tombstone in feed.tombstones {
            if let zone = tombstone.zone { add(zone.identifier, zone.year, zone.year) }
        }
        return years.keys.sorted().map { zone in
            TimeZoneDefinition(identifier: zone, firstYear: years[zone]!.0 - 1, lastYear: years[zone]!.1 + 1, database: database)
        }
    }

    static func uid(_ scheduled: ScheduledRun, day: Int, host: String) -> String {
        EventID(scheduled, day: day).uid(host: host)
    }

    private var organizerProperty: String? {
        guard let organizer = site.organizer, let email = organizer.email else { return nil }
        return "ORGANIZER;CN=\(Self.parameterValue(organizer.name)):mailto:\(email)"
    }

    /// Every day of a run, one VEVENT each.
    private func write(_ scheduled: ScheduledRun, to lines: inout ContentLines) {
        let course = scheduled.course, run = scheduled.run
        let status = EventStatus(run)
        let url = paths.absolute(SitePaths.course(course.slug))
        // A run that has left the catalog feed's window is compared with nothing:
        // its stamp is the moment it left, the same on every build.
        let leftWindow = (run.end.dayNumber + site.feedPastDays + 2) * 86_400
        let settled = run.end.dayNumber + site.feedPastDays < buildDate.dayNumber ? min(leftWindow, timestamp) : nil
        let instructorSlugs = run.instructors.compactMap(Slug.init(folding:)).map(\.value)
        let rules = database.rules(for: run.timezone)
        func local(_ date: CalendarDate, _ time: TimeOfDay) -> String {
            let seconds = date.dayNumber * 86_400 + time.minutesAfterMidnight * 60
            guard let rules, rules.existing(local: seconds) != seconds else { return ICalendarTime.local(date, time) }
            return ICalendarTime.wallClock(epochSeconds: rules.existing(local: seconds), offset: 0)
        }
        for (offset, date) in run.days.enumerated() {
            var visible: [String] = []
            switch run.hours {
            case .allDay:
                visible.append("DTSTART;VALUE=DATE:" + date.basic)
                visible.append("DTEND;VALUE=DATE:" + date.adding(days: 1).basic)
            case let .hours(start, end):
                visible.append("DTSTART;TZID=\(run.timezone):" + local(date, start))
                visible.append("DTEND;TZID=\(run.timezone):" + local(date, end))
            }
            visible.append("SUMMARY:" + ContentLines.escape(status.summaryPrefix + course.title))
            // Each fact once: the dates are in DTSTART, the title in SUMMARY.
            let description = [status == .cancelled ? "This run is cancelled." : nil, course.summary,
                               run.dayCount > 1 ? "Day \(offset + 1) of \(run.dayCount)" : nil,
                               run.instructors.isEmpty ? nil : "With " + run.instructors.joined(separator: ", "),
                               bookingLines(run.booking), url].compactMap { $0 }.joined(separator: "\n\n")
            visible.append("DESCRIPTION:" + ContentLines.escape(description))
            visible.append("URL;VALUE=URI:" + url)
            if let location = run.location { visible.append("LOCATION:" + ContentLines.escape(location)) }
            if !course.tags.isEmpty { visible.append("CATEGORIES:" + course.tags.map(ContentLines.escape).joined(separator: ",")) }
            if let organizerProperty { visible.append(organizerProperty) }
            visible.append("STATUS:" + status.rawValue)
            visible.append("TRANSP:OPAQUE")
            if !instructorSlugs.isEmpty { visible.append(Tombstone.instructorsProperty + ":" + instructorSlugs.joined(separator: ",")) }

            let uid = Self.uid(scheduled, day: offset + 1, host: paths.base.host)
            let stamp = ledger.stamp(uid: uid, digest: SequenceLedger.digest(visible), timestamp: timestamp, settled: settled)
            event(uid: uid, stamp: stamp, lines: visible, to: &lines)
        }
    }

    private func event(uid: String, stamp: SequenceLedger.Stamp, lines visible: [String], to lines: inout ContentLines) {
        lines.append("BEGIN", "VEVENT")
        lines.append("UID", uid)
        lines.append("DTSTAMP", ICalendarTime.utc(epochSeconds: timestamp))
        lines.append("SEQUENCE", String(stamp.sequence))
        lines.append("LAST-MODIFIED", stamp.lastModified)
        for line in visible { lines.append(line: line) }
        lines.append("END", "VEVENT")
    }

    /// A parameter value (RFC 5545 §3.2 with RFC 6868's `^` escapes): `"`
    /// becomes `^'`, a line break `^n`, `^` itself `^^`; quoted when it holds `:`, `;` or `,`.
    static func parameterValue(_ value: String) -> String {
        var out = ""
        var quote = false
        for character in value {
            switch character {
            case "^": out += "^^"
            case "\"": out += "^'"
            case "\r\n", "\n", "\r": out += "^n"
            case ":", ";", ",": out.append(character); quote = true
            default:
                // Other control characters are not allowed in parameter values.
                if character.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F || $0 == "\t" }) { out.append(character) }
            }
        }
        return quote ? "\"\(out)\"" : out
    }

    /// "Price: €1,800" and "Book a place: <link>", where known; no booking
    /// link for a run that is full or cancelled.
    private func bookingLines(_ booking: Booking) -> String? {
        var parts: [String] = []
        if let price = booking.price { parts.append("Price: " + prices.text(price)) }
        if booking.takesBookings, let register = booking.register {
            parts.append("Book a place: " + (register.lowercased().hasPrefix("mailto:") ? String(register.dropFirst(7)) : register))
        }
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }
}
