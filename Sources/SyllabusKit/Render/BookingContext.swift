import Foundation

/// Template values for price, status, delivery mode and course facts.
/// Every key is `false` when its front-matter key is absent, so a catalog
/// without booking keys renders exactly as before.
extension PageContexts {
    /// Price, status badge, mode badge and, for a run that can be booked
    /// now, the booking link, merged into a run's or a card's context.
    func addBooking(_ booking: Booking, bookable: Bool, to context: inout [String: Any]) {
        context["price"] = orFalse(booking.price.map(prices.text))
        context["status"] = orFalse(statusBadge(booking))
        context["cancelled"] = booking.isCancelled
        context["mode"] = orFalse(modeBadge(booking.mode))
        context["book"] = orFalse(bookable && booking.takesBookings ? booking.register : nil)
        context["hasBadges"] = booking.price != nil || booking.status != .scheduled || booking.seats != nil || booking.mode != .onsite
    }

    /// Level and language badges of a card, beside its run's badges.
    func addCourseBadges(_ course: Course, to context: inout [String: Any]) {
        let language = languageName(course)
        context["level"] = orFalse(course.facts.level.flatMap { Self.levelNames[$0] })
        context["languageName"] = orFalse(language)
        context["hasBadges"] = (context["hasBadges"] as? Bool ?? false) || course.facts.level != nil || language != nil
    }

    /// Tentative, Full, Cancelled, or "3 places left"; nothing for a plain scheduled run.
    func statusBadge(_ booking: Booking) -> [String: Any]? {
        switch booking.status {
        case .cancelled: return ["label": "Cancelled", "tone": "cancelled"]
        case .full: return ["label": "Full", "tone": "full"]
        case .tentative, .scheduled:
            var badges: [String] = []
            if booking.status == .tentative { badges.append("Tentative") }
            if let seats = booking.seats { badges.append(seats == 1 ? "1 place left" : "\(seats) places left") }
            guard !badges.isEmpty else { return nil }
            return ["label": badges.joined(separator: " · "), "tone": booking.status == .tentative ? "tentative" : "seats"]
        }
    }

    func modeBadge(_ mode: DeliveryMode) -> [String: Any]? {
        switch mode {
        case .onsite: return nil
        case .online: return ["label": "Online", "tone": "online"]
        case .blended: return ["label": "Blended", "tone": "blended"]
        }
    }

    static let levelNames: [CourseLevel: String] = [
        .beginner: "Beginner", .intermediate: "Intermediate", .advanced: "Advanced", .all: "All levels",
    ]

    /// The course's language, named in English, when it is not the site's.
    func languageName(_ course: Course) -> String? {
        guard let tag = course.facts.language, tag.tag.lowercased() != site.language.lowercased() else { return nil }
        return LanguageNames.name(of: tag)
    }

    /// What a course costs "from": the lowest price of its runs that still take
    /// place (or the entry's own price), as "€1,200", "from €1,200" or "Free".
    func priceFact(_ course: Course) -> String? {
        let prices = course.offeredPrices
        guard let lowest = Price.lowest(of: prices) else { return nil }
        if Set(prices).count == 1 { return self.prices.text(lowest) }
        return lowest == .free ? "Free on some dates" : "from " + self.prices.text(lowest)
    }

    /// The fact box's rows of level, language, audience, prerequisites and price.
    func addFacts(_ course: Course, to context: inout [String: Any]) {
        context["level"] = orFalse(course.facts.level.flatMap { Self.levelNames[$0] })
        context["languageName"] = orFalse(languageName(course))
        context["audience"] = orFalse(course.facts.audience)
        let prerequisites = course.facts.prerequisites
        context["prerequisites"] = orFalse(prerequisites.count == 1 ? prerequisites[0] : nil)
        context["prerequisiteList"] = prerequisites.count > 1 ? prerequisites : []
        context["hasPrerequisiteList"] = prerequisites.count > 1
        context["priceFact"] = orFalse(priceFact(course))
    }
}

/// English names of languages, as the site's interface is English.
enum LanguageNames {
    private static let english = Locale(identifier: "en")

    static func name(of tag: LanguageTag) -> String {
        english.localizedString(forIdentifier: tag.tag) ?? tag.tag
    }
}
