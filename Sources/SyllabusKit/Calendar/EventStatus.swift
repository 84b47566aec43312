/// The one place a day's `STATUS` and the `SUMMARY` prefix are decided.
enum EventStatus: String, Sendable {
    case confirmed = "CONFIRMED"
    case tentative = "TENTATIVE"
    case cancelled = "CANCELLED"

    /// A run's `status:` decides (a full run still takes place); a run gone
    /// from the content is cancelled too (see `Tombstone`).
    init(_ run: Run) {
        switch run.booking.status {
        case .scheduled, .full: self = .confirmed
        case .tentative: self = .tentative
        case .cancelled: self = .cancelled
        }
    }

    /// Clients that ignore `STATUS` still show people the cancellation.
    var summaryPrefix: String { self == .cancelled ? EventStatus.cancelledPrefix : "" }

    static let cancelledPrefix = "Cancelled: "
}
