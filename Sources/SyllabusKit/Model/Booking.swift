/// Whether a run takes place, as the publisher says (`status:`).
public enum RunStatus: String, Sendable, Hashable, CaseIterable {
    case scheduled, tentative, full, cancelled
}

/// How a run is delivered (`mode:`).
public enum DeliveryMode: String, Sendable, Hashable, CaseIterable {
    case onsite, online, blended
}

/// How to book a run and whether a place is left: `price`, `register`,
/// `status`, `seats` and `mode`, each inherited from the course and `site.yml`.
public struct Booking: Sendable, Hashable {
    public var price: Price?
    /// The currency of the run (its own, the course's or `site.yml`'s), also
    /// when the price is `free`, which carries none: structured data states
    /// a currency beside a price of 0.
    public var currency: CurrencyCode? = nil
    /// An http(s) or `mailto:` URL.
    public var register: String?
    /// As written; see `status` for what it means with `seats`.
    public var writtenStatus: RunStatus
    /// Places left, when the publisher says.
    public var seats: Int?
    public var mode: DeliveryMode

    /// A run with none of the booking keys: scheduled, on site, no price.
    public static let unspecified = Booking(price: nil, register: nil, writtenStatus: .scheduled, seats: nil, mode: .onsite)

    /// `seats: 0` means full, whatever `status` says short of cancelled.
    public var status: RunStatus {
        if writtenStatus == .scheduled || writtenStatus == .tentative, seats == 0 { return .full }
        return writtenStatus
    }

    public var isCancelled: Bool { status == .cancelled }

    /// A place can still be booked: neither full nor cancelled.
    public var takesBookings: Bool { status != .full && status != .cancelled }
}

extension Course {
    /// The bookings with a price a visitor can still pay: of the runs that
    /// are not cancelled, or the entry's own when it has no dates.
    public var offeredBookings: [Booking] {
        guard isScheduled else { return booking.price == nil ? [] : [booking] }
        return runs.map(\.booking).filter { !$0.isCancelled && $0.price != nil }
    }

    /// The prices of `offeredBookings`.
    public var offeredPrices: [Price] { offeredBookings.compactMap(\.price) }
}
