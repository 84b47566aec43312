import Foundation

/// The day a build happens, in the site's own zone: the line between
/// upcoming and past runs, and the day tombstones and feed windows count from.
///
/// Computed once per build from the injected timestamp (`SOURCE_DATE_EPOCH`
/// or now), never read from the clock deep inside the pipeline.
public struct BuildDate: Sendable, Hashable {
    public let today: CalendarDate

    public init(today: CalendarDate) { self.today = today }

    /// The local date of `epochSeconds` in `timezone` (an IANA name already
    /// validated by the loader; an unknown one falls back to UTC).
    public init(epochSeconds: Int, timezone: String) {
        let zone = TimeZone(identifier: timezone) ?? TimeZone(secondsFromGMT: 0)!
        let instant = Date(timeIntervalSince1970: TimeInterval(epochSeconds))
        let local = epochSeconds + zone.secondsFromGMT(for: instant)
        // Floor division: instants before 1970 belong to the day before.
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        today = CalendarDate(dayNumber: days)
    }

    /// A run is upcoming until its last day has passed.
    public func isUpcoming(_ run: Run) -> Bool { run.end >= today }
}
