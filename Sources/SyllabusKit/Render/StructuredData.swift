/// schema.org JSON-LD for search engines: a `Course` with one
/// `CourseInstance` per run, and an `ItemList` of courses on the catalog.
enum StructuredData {
    static func course(_ course: Course, site: SiteConfig, paths: SitePaths, instructorSlug: (String) -> Slug?) -> String {
        let provider = JSONValue.object([
            "@type": .string("Organization"),
            "name": .string(site.organizer?.name ?? site.title),
            "url": .string(site.baseURL.description),
        ])
        let instances = course.runs.map { run -> JSONValue in
            let people = run.instructors.map { name -> JSONValue in
                .object([
                    "@type": .string("Person"),
                    "name": .string(name),
                    "url": instructorSlug(name).map { .string(paths.absolute(SitePaths.instructor($0))) },
                ])
            }
            let page = paths.absolute(SitePaths.course(course.slug))
            return .object([
                "@type": .string("CourseInstance"),
                "courseMode": .string(courseMode(run.booking.mode)),
                "eventStatus": .string(schema(run.booking.isCancelled ? "EventCancelled" : "EventScheduled")),
                "eventAttendanceMode": .string(schema(attendanceMode(run.booking.mode))),
                "courseWorkload": .string(workload(run)),
                "startDate": .string(run.start.iso),
                "endDate": .string(run.end.iso),
                "courseSchedule": schedule(run),
                "location": location(run, page: page),
                "instructor": people.isEmpty ? nil : .array(people),
                "offers": run.booking.price.map {
                    offer($0, currency: run.booking.currency, availability: availability(run.booking),
                          url: run.booking.register.flatMap { SafeURL.web($0) } ?? page)
                },
            ])
        }
        return JSONText.encode(.object([
            "@context": .string("https://schema.org"),
            "@type": .string("Course"),
            "name": .string(course.title),
            "url": .string(paths.absolute(SitePaths.course(course.slug))),
            "description": .string(course.summary ?? course.title),
            "provider": provider,
            "inLanguage": .string(course.facts.language?.tag ?? site.language),
            "educationalLevel": course.facts.level.map { .string(educationalLevel($0)) },
            "audience": course.facts.audience.map { .object(["@type": .string("Audience"), "audienceType": .string($0)]) },
            "coursePrerequisites": prerequisites(course.facts.prerequisites),
            "offers": courseOffer(course, page: paths.absolute(SitePaths.course(course.slug))),
            "educationalCredentialAwarded": course.kind?.lowercased() == "certification" ? .string(course.title) : nil,
            "keywords": course.tags.isEmpty ? nil : .string(course.tags.joined(separator: ", ")),
            "hasCourseInstance": instances.isEmpty ? nil : .array(instances),
        ]))
    }

    /// A run's days, with their hours and length; Google's course info asks
    /// for a schedule `duration` (or a `courseWorkload`).
    private static func schedule(_ run: Run) -> JSONValue {
        var hours: (start: JSONValue?, end: JSONValue?, duration: String) = (nil, nil, "P1D")
        if case let .hours(start, end) = run.hours {
            hours = (.string("\(start):00"), .string("\(end):00"),
                     isoDuration(minutes: end.minutesAfterMidnight - start.minutesAfterMidnight))
        }
        return .object([
            "@type": .string("Schedule"),
            "repeatFrequency": .string("Daily"),
            "repeatCount": .int(run.dayCount),
            "startDate": .string(run.start.iso),
            "endDate": .string(run.end.iso),
            "scheduleTimezone": .string(run.timezone),
            "startTime": hours.start,
            "endTime": hours.end,
            "duration": .string(hours.duration),
        ])
    }

    /// Total teaching time of a run, e.g. `PT24H` for three days of eight hours.
    private static func workload(_ run: Run) -> String {
        guard case let .hours(start, end) = run.hours else { return "P\(run.dayCount)D" }
        return isoDuration(minutes: (end.minutesAfterMidnight - start.minutesAfterMidnight) * run.dayCount)
    }

    /// `PT8H`, `PT2H30M`
    static func isoDuration(minutes: Int) -> String {
        "PT" + (minutes >= 60 ? "\(minutes / 60)H" : "") + (minutes % 60 != 0 ? "\(minutes % 60)M" : "")
    }

    /// Google's course info values: `Onsite`, `Online`, `Blended`.
    private static func courseMode(_ mode: DeliveryMode) -> String {
        switch mode {
        case .onsite: return "Onsite"
        case .online: return "Online"
        case .blended: return "Blended"
        }
    }

    private static func attendanceMode(_ mode: DeliveryMode) -> String {
        switch mode {
        case .onsite: return "OfflineEventAttendanceMode"
        case .online: return "OnlineEventAttendanceMode"
        case .blended: return "MixedEventAttendanceMode"
        }
    }

    /// A schema.org enumeration member as its URL, e.g. `https://schema.org/InStock`.
    private static func schema(_ member: String) -> String { "https://schema.org/" + member }

    /// The place, and for online and blended runs a `VirtualLocation` at the
    /// booking link (or the course page when booking is by e-mail).
    private static func location(_ run: Run, page: String) -> JSONValue? {
        let place = run.location.map { JSONValue.object(["@type": .string("Place"), "name": .string($0), "address": .string($0)]) }
        guard run.booking.mode != .onsite else { return place }
        let link = run.booking.register.flatMap { SafeURL.web($0) } ?? page
        let virtual = JSONValue.object(["@type": .string("VirtualLocation"), "url": .string(link)])
        if run.booking.mode == .online { return virtual }
        return place.map { .array([$0, virtual]) } ?? virtual
    }

    private static func availability(_ booking: Booking) -> String {
        switch booking.status {
        case .full, .cancelled: return "SoldOut"
        case .scheduled, .tentative:
            // A publisher who counts the places left has few to sell.
            return booking.seats == nil ? "InStock" : "LimitedAvailability"
        }
    }

    /// An `Offer`: `category` is Google's Free/Paid, `price` a JSON number
    /// (`1800`, `950.5`) with its ISO 4217 `priceCurrency`. A free price is
    /// `0` in the run's currency (`currency` of the run, course or
    /// `site.yml`); where none is set anywhere, the offer says only
    /// `category: Free`, since a price without a currency is an error to
    /// Google and a made-up currency would be a false statement.
    private static func offer(_ price: Price, currency: CurrencyCode?, availability: String?, url: String,
                              category: String? = nil) -> JSONValue {
        let code = price.currency ?? currency
        return .object([
            "@type": .string("Offer"),
            "category": .string(category ?? (price.isFree ? "Free" : "Paid")),
            "price": code.map { _ in .decimal(price.amount) },
            "priceCurrency": code.map { .string($0.code) },
            "availability": availability.map { .string(schema($0)) },
            "url": .string(url),
        ])
    }

    /// The course's lowest price; `Partially Free` when some runs are free and others paid.
    private static func courseOffer(_ course: Course, page: String) -> JSONValue? {
        let bookings = course.offeredBookings
        let prices = bookings.compactMap(\.price)
        guard let lowest = Price.lowest(of: prices) else { return nil }
        let mixed = prices.contains(.free) && prices.contains { !$0.isFree }
        // A free lowest price is in the currency of the first free run.
        let currency = bookings.first { $0.price == lowest }?.currency
        let register = course.isScheduled ? nil : course.booking.register.flatMap { SafeURL.web($0) }
        return offer(lowest, currency: currency, availability: course.isScheduled ? nil : availability(course.booking),
                     url: register ?? page, category: mixed ? "Partially Free" : nil)
    }

    private static func educationalLevel(_ level: CourseLevel) -> String {
        switch level {
        case .beginner: return "Beginner"
        case .intermediate: return "Intermediate"
        case .advanced: return "Advanced"
        case .all: return "All levels"
        }
    }

    private static func prerequisites(_ items: [String]) -> JSONValue? {
        switch items.count {
        case 0: return nil
        case 1: return .string(items[0])
        default: return .array(items.map { .string($0) })
        }
    }

    /// The `ItemList` of one catalog page, positions counted from `first`,
    /// written directly: building a dictionary per item cost more than the
    /// rest of the page. Same keys and order as `JSONText.encode` would write.
    static func itemList(_ ordered: [Course], from first: Int, paths: SitePaths) -> String {
        var out = #"{"@context":"https://schema.org","@type":"ItemList","itemListElement":["#
        out.reserveCapacity(ordered.count * 160)
        for (offset, course) in ordered.enumerated() {
            if offset > 0 { out += "," }
            out += #"{"@type":"ListItem","name":"#
            out += JSONText.quoted(course.title)
            out += #","position":"# + String(first + offset) + #","url":"#
            out += JSONText.quoted(paths.absolute(SitePaths.course(course.slug)))
            out += "}"
        }
        out += "]}"
        return out
    }
}
