/// One iCalendar file: the whole catalog, one course, or one instructor.
struct Feed: Sendable {
    /// Output path, e.g. `courses/otp/calendar.ics`.
    let path: String
    /// Calendar name shown by subscribing apps.
    let name: String
    let description: String
    let runs: [ScheduledRun]
    /// Fingerprint for serve-mode rebuilds; `nil` for the whole-catalog feed.
    let key: Int?
}

/// Writes feeds. Each run is one VEVENT repeating daily (`RRULE:FREQ=DAILY;COUNT=n`)
/// at the run's local hours in its own zone: every day lands at its hours
/// across DST changes, and a rescheduled run is one UID whose SEQUENCE rises.
struct FeedWriter: Sendable {
    let site: SiteConfig
    let paths: SitePaths
    /// `DTSTAMP`, seconds since 1970 (from `SOURCE_DATE_EPOCH` when set).
    let timestamp: Int
    let ledger: SequenceLedger
    /// Prices in the site's language, as on the pages.
    let prices: PriceText
    /// Thousands of feeds share a handful of zones and year windows.
    let zoneBlocks = ZoneBlockCache()
    /// VEVENT text kept across `syllabus serve` rebuilds.
    var events: Memo<ContentLines>? = nil

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
        for scheduled in feed.runs {
            if let events {
                let key = "\(scheduled.course.slug.value)#\(scheduled.run.ordinal)#\(scheduled.course.fingerprint)#\(timestamp)"
                lines.append(lines: events.value(key) {
                    var text = ContentLines()
                    event(scheduled, to: &text)
                    return text
                })
            } else {
                event(scheduled, to: &lines)
            }
        }
        lines.append("END", "VCALENDAR")
        return lines.text
    }

    /// One VTIMEZONE per zone of a timed run, covering a year either side of its runs.
    private func zones(of feed: Feed) -> [TimeZoneDefinition] {
        var years: [String: (Int, Int)] = [:]
        for scheduled in feed.runs where scheduled.run.hours != .allDay {
            let run = scheduled.run
            let span = years[run.timezone] ?? (run.start.year, run.end.year)
            years[run.timezone] = (min(span.0, run.start.year), max(span.1, run.end.year))
        }
        return years.keys.sorted().map { zone in
            TimeZoneDefinition(identifier: zone, firstYear: years[zone]!.0 - 1, lastYear: years[zone]!.1 + 1)
        }
    }

    static func uid(_ scheduled: ScheduledRun, host: String) -> String {
        "\(scheduled.course.slug.value)-\(scheduled.run.ordinal + 1)@\(host)"
    }

    private var organizerProperty: (name: String, value: String)? {
        guard let organizer = site.organizer, let email = organizer.email else { return nil }
        return ("ORGANIZER;CN=\(quoteParameter(organizer.name))", "mailto:\(email)")
    }

    private func event(_ scheduled: ScheduledRun, to lines: inout ContentLines) {
        let course = scheduled.course, run = scheduled.run
        let uid = Self.uid(scheduled, host: paths.base.host)
        var schedule: [(String, String)] = []
        switch run.hours {
        case .allDay:
            schedule.append(("DTSTART;VALUE=DATE", run.start.basic))
            schedule.append(("DTEND;VALUE=DATE", run.start.adding(days: 1).basic))
        case let .hours(start, end):
            schedule.append(("DTSTART;TZID=\(run.timezone)", ICalendarTime.local(run.start, start)))
            schedule.append(("DTEND;TZID=\(run.timezone)", ICalendarTime.local(run.start, end)))
        }
        if run.dayCount > 1 { schedule.append(("RRULE", "FREQ=DAILY;COUNT=\(run.dayCount)")) }
        let status = Self.status(run.booking.status)
        // The status counts as part of the schedule: a run that is called
        // off gets a higher SEQUENCE, and at least 1 when there is no
        // earlier feed to compare with, so clients that have it at 0 take it.
        var sequence = ledger.sequence(uid: uid, schedule: schedule.map { "\($0.0):\($0.1)" } + ["STATUS:\(status)"])
        if run.booking.isCancelled { sequence = max(sequence, 1) }

        let url = paths.absolute(SitePaths.course(course.slug))
        lines.append("BEGIN", "VEVENT")
        lines.append("UID", uid)
        lines.append("DTSTAMP", ICalendarTime.utc(epochSeconds: timestamp))
        lines.append("SEQUENCE", String(sequence))
        for (name, value) in schedule { lines.append(name, value) }
        // Some clients ignore STATUS; the title says it too.
        lines.appendText("SUMMARY", run.booking.isCancelled ? "Cancelled: " + course.title : course.title)
        var description = [run.booking.isCancelled ? "This run is cancelled." : nil, course.summary,
                           run.instructors.isEmpty ? nil : "With " + run.instructors.joined(separator: ", "),
                           bookingLines(run.booking), url]
            .compactMap { $0 }.joined(separator: "\n\n")
        if run.dayCount > 1 { description = "\(run.dayCount)-day \(course.kind ?? "course"), \(DateText.range(run.start, run.end)).\n\n" + description }
        lines.appendText("DESCRIPTION", description)
        lines.append("URL;VALUE=URI", url)
        if let location = run.location { lines.appendText("LOCATION", location) }
        if !course.tags.isEmpty { lines.append("CATEGORIES", course.tags.map(ContentLines.escape).joined(separator: ",")) }
        if let organizer = organizerProperty { lines.append(organizer.name, organizer.value) }
        lines.append("STATUS", status)
        lines.append("TRANSP", "OPAQUE")
        lines.append("END", "VEVENT")
    }

    static func status(_ status: RunStatus) -> String {
        switch status {
        case .scheduled, .full: return "CONFIRMED"
        case .tentative: return "TENTATIVE"
        case .cancelled: return "CANCELLED"
        }
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

    /// Parameter values with `:`, `;` or `,` must be quoted; quotes are not allowed inside.
    private func quoteParameter(_ value: String) -> String {
        let clean = value.filter { $0 != "\"" && !$0.isNewline }
        return clean.contains(where: { $0 == ":" || $0 == ";" || $0 == "," }) ? "\"\(clean)\"" : clean
    }
}
