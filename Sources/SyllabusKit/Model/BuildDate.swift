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
    /// validated by the loader; an unknown one falls back to UTC), with the
    /// offsets of the build's one tz database, as the feeds use them.
    public init(epochSeconds: Int, timezone: String, zones: TZDatabase = .system) {
        let offset = zones.rules(for: timezone)?.type(at: epochSeconds).offset ?? 0
        // Floor division: instants before 1970 belong to the day before.
        today = CalendarDate(dayNumber: floorDiv(epochSeconds + offset, 86_400))
    }

    /// A run is upcoming until its last day has passed.
    public func isUpcoming(_ run: Run) -> Bool { run.end >= today }
}
