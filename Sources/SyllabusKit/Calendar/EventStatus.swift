/// The one place a day's `STATUS` and the `SUMMARY` prefix are decided.
enum EventStatus: String, Sendable {
    case confirmed = "CONFIRMED"
    case tentative = "TENTATIVE"
    case cancelled = "CANCELLED"

    /// A run in the content is confirmed; a run gone from it is cancelled (see `Tombstone`).
    init(_ run: Run) {
        self = .confirmed
    }

    /// Clients that ignore `STATUS` still show people the cancellation.
    var summaryPrefix: String { self == .cancelled ? EventStatus.cancelledPrefix : "" }

    static let cancelledPrefix = "Cancelled: "
}
