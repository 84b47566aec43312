import Foundation

/// Price, status, delivery mode and course facts for templates. Every value
/// is absent when its front-matter key is, so a catalog without booking keys
/// renders exactly as before.
extension PageContexts {
    /// Price, status badge, mode badge and, for a run that can be booked now,
    /// the booking link; `besides` are the course badges shown beside them.
    func bookingBadges(_ booking: Booking, bookable: Bool, besides: CourseBadges? = nil) -> BookingBadges {
        BookingBadges(price: booking.price.map(prices.text), status: statusBadge(booking), cancelled: booking.isCancelled,
                      mode: modeBadge(booking.mode), book: bookable && booking.takesBookings ? booking.register : nil,
                      hasBadges: booking.price != nil || booking.status != .scheduled || booking.seats != nil
                          || booking.mode != .onsite || besides?.any == true)
    }

    /// Level and language badges of a card or a session.
    func courseBadges(_ course: Course) -> CourseBadges {
        CourseBadges(level: course.facts.level.flatMap { Self.levelNames[$0] }, languageName: languageName(course))
    }

    /// Tentative, Full, Cancelled, or "3 places left"; nothing for a plain scheduled run.
    func statusBadge(_ booking: Booking) -> Badge? {
        switch booking.status {
        case .cancelled: return Badge(label: "Cancelled", tone: "cancelled")
        case .full: return Badge(label: "Full", tone: "full")
        case .tentative, .scheduled:
            var badges: [String] = []
            if booking.status == .tentative { badges.append("Tentative") }
            if let seats = booking.seats { badges.append(seats == 1 ? "1 place left" : "\(seats) places left") }
            guard !badges.isEmpty else { return nil }
            return Badge(label: badges.joined(separator: " · "), tone: booking.status == .tentative ? "tentative" : "seats")
        }
    }

    func modeBadge(_ mode: DeliveryMode) -> Badge? {
        switch mode {
        case .onsite: return nil
        case .online: return Badge(label: "Online", tone: "online")
        case .blended: return Badge(label: "Blended", tone: "blended")
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
    func facts(_ course: Course) -> FactBox {
        let prerequisites = course.facts.prerequisites
        return FactBox(level: course.facts.level.flatMap { Self.levelNames[$0] }, languageName: languageName(course),
                           audience: course.facts.audience,
                           prerequisites: prerequisites.count == 1 ? prerequisites[0] : nil,
                           prerequisiteList: prerequisites.count > 1 ? prerequisites : [],
                           hasPrerequisiteList: prerequisites.count > 1, priceFact: priceFact(course))
    }
}

/// English names of languages, as the site's interface is English.
enum LanguageNames {
    private static let english = Locale(identifier: "en")

    static func name(of tag: LanguageTag) -> String {
        english.localizedString(forIdentifier: tag.tag) ?? tag.tag
    }
}
