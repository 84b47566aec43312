/// schema.org JSON-LD for search engines: a `Course` with one
/// `CourseInstance` per run, and an `ItemList` of courses on the catalog.
/// Written with `JSONWriter`, each object's keys in sorted byte order.
enum StructuredData {
    static func course(_ course: Course, site: SiteConfig, paths: SitePaths, instructorSlug: (String) -> Slug?) -> String {
        let page = paths.absolute(SitePaths.course(course.slug))
        var json = JSONWriter(capacity: 1024 + course.runs.count * 1024)
        json.object { json in
            json.field("@context", "https://schema.org")
            json.field("@type", "Course")
            if let audience = course.facts.audience {
                json.key("audience")
                json.object { json in
                    json.field("@type", "Audience")
                    json.field("audienceType", audience)
                }
            }
            prerequisites(course.facts.prerequisites, to: &json)
            json.field("description", course.summary ?? course.title)
            json.field("educationalCredentialAwarded", course.kind?.lowercased() == "certification" ? course.title : nil)
            json.field("educationalLevel", course.facts.level.map(educationalLevel))
            if !course.runs.isEmpty {
                json.key("hasCourseInstance")
                json.array { json in
                    for run in course.runs { instance(run, page: page, paths: paths, instructorSlug: instructorSlug, to: &json) }
                }
            }
            json.field("inLanguage", course.facts.language?.tag ?? site.language)
            json.field("keywords", course.tags.isEmpty ? nil : course.tags.joined(separator: ", "))
            json.field("name", course.title)
            courseOffer(course, page: page, to: &json)
            json.key("provider")
            json.object { json in
                json.field("@type", "Organization")
                json.field("name", site.organizer?.name ?? site.title)
                json.field("url", site.baseURL.description)
            }
            json.field("url", page)
        }
        return json.text
    }

    /// One `CourseInstance`: a run with its schedule, place, people and offer.
    private static func instance(_ run: Run, page: String, paths: SitePaths, instructorSlug: (String) -> Slug?,
                                 to json: inout JSONWriter) {
        json.object { json in
            json.field("@type", "CourseInstance")
            json.field("courseMode", courseMode(run.booking.mode))
            json.key("courseSchedule")
            schedule(run, to: &json)
            json.field("courseWorkload", workload(run))
            json.field("endDate", run.end.iso)
            json.field("eventAttendanceMode", schema(attendanceMode(run.booking.mode)))
            json.field("eventStatus", schema(run.booking.isCancelled ? "EventCancelled" : "EventScheduled"))
            if !run.instructors.isEmpty {
                json.key("instructor")
                json.array { json in
                    for name in run.instructors {
                        json.object { json in
                            json.field("@type", "Person")
                            json.field("name", name)
                            json.field("url", instructorSlug(name).map { paths.absolute(SitePaths.instructor($0)) })
                        }
                    }
                }
            }
            location(run, page: page, to: &json)
            if let price = run.booking.price {
                json.key("offers")
                offer(price, currency: run.booking.currency, availability: availability(run.booking),
                      url: run.booking.register.flatMap { SafeURL.web($0) } ?? page, to: &json)
            }
            json.field("startDate", run.start.iso)
        }
    }

    /// A run's days, with their hours and length; Google's course info asks
    /// for a schedule `duration` (or a `courseWorkload`).
    private static func schedule(_ run: Run, to json: inout JSONWriter) {
        var hours: (start: String?, end: String?, duration: String) = (nil, nil, "P1D")
        if case let .hours(start, end) = run.hours {
            hours = ("\(start):00", "\(end):00", isoDuration(minutes: end.minutesAfterMidnight - start.minutesAfterMidnight))
        }
        json.object { json in
            json.field("@type", "Schedule")
            json.field("duration", hours.duration)
            json.field("endDate", run.end.iso)
            json.field("endTime", hours.end)
            json.field("repeatCount", run.dayCount)
            json.field("repeatFrequency", "Daily")
            json.field("scheduleTimezone", run.timezone)
            json.field("startDate", run.start.iso)
            json.field("startTime", hours.start)
        }
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
    private static func location(_ run: Run, page: String, to json: inout JSONWriter) {
        func place(_ name: String, to json: inout JSONWriter) {
            json.object { json in
                json.field("@type", "Place")
                json.field("address", name)
                json.field("name", name)
            }
        }
        func virtual(to json: inout JSONWriter) {
            json.object { json in
                json.field("@type", "VirtualLocation")
                json.field("url", run.booking.register.flatMap { SafeURL.web($0) } ?? page)
            }
        }
        switch (run.booking.mode, run.location) {
        case (.onsite, nil):
            return
        case let (.onsite, name?):
            json.key("location")
            place(name, to: &json)
        case (.online, _), (.blended, nil):
            json.key("location")
            virtual(to: &json)
        case let (.blended, name?):
            json.key("location")
            json.array { json in
                place(name, to: &json)
                virtual(to: &json)
            }
        }
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
                              category: String? = nil, to json: inout JSONWriter) {
        let code = price.currency ?? currency
        json.object { json in
            json.field("@type", "Offer")
            json.field("availability", availability.map(schema))
            json.field("category", category ?? (price.isFree ? "Free" : "Paid"))
            if let code {
                json.key("price")
                json.decimal(price.amount)
                json.field("priceCurrency", code.code)
            }
            json.field("url", url)
        }
    }

    /// The course's lowest price (as `offers`); `Partially Free` when some
    /// runs are free and others paid.
    private static func courseOffer(_ course: Course, page: String, to json: inout JSONWriter) {
        let bookings = course.offeredBookings
        let prices = bookings.compactMap(\.price)
        guard let lowest = Price.lowest(of: prices) else { return }
        let mixed = prices.contains(.free) && prices.contains { !$0.isFree }
        // A free lowest price is in the currency of the first free run.
        let currency = bookings.first { $0.price == lowest }?.currency
        let register = course.isScheduled ? nil : course.booking.register.flatMap { SafeURL.web($0) }
        json.key("offers")
        offer(lowest, currency: currency, availability: course.isScheduled ? nil : availability(course.booking),
              url: register ?? page, category: mixed ? "Partially Free" : nil, to: &json)
    }

    private static func educationalLevel(_ level: CourseLevel) -> String {
        switch level {
        case .beginner: return "Beginner"
        case .intermediate: return "Intermediate"
        case .advanced: return "Advanced"
        case .all: return "All levels"
        }
    }

    /// `coursePrerequisites`: one text, or a list of them.
    private static func prerequisites(_ items: [String], to json: inout JSONWriter) {
        guard !items.isEmpty else { return }
        json.key("coursePrerequisites")
        if items.count == 1 { return json.string(items[0]) }
        json.array { json in
            for item in items { json.string(item) }
        }
    }

    /// The `ItemList` of one catalog page, positions counted from `first`.
    static func itemList(_ ordered: [Course], from first: Int, paths: SitePaths) -> String {
        var json = JSONWriter(capacity: 128 + ordered.count * 160)
        json.object { json in
            json.field("@context", "https://schema.org")
            json.field("@type", "ItemList")
            json.key("itemListElement")
            json.array { json in
                for (offset, course) in ordered.enumerated() {
                    json.object { json in
                        json.field("@type", "ListItem")
                        json.field("name", course.title)
                        json.field("position", first + offset)
                        json.field("url", paths.absolute(SitePaths.course(course.slug)))
                    }
                }
            }
        }
        return json.text
    }
}
