import Foundation

/// A daylight-saving change that falls between a run's first and last day,
/// as the tz database has it: the hours on the page stay local, but a
/// visitor comparing with a calendar in another zone sees them move.
struct ClockChange: Sendable, Hashable {
    /// The local day the clocks change (the night before that day's session).
    let date: CalendarDate
    /// Clocks go forward (spring) rather than back.
    let forward: Bool

    init(date: CalendarDate, forward: Bool) {
        self.date = date
        self.forward = forward
    }

    /// The first change after the first day began and on or before the last
    /// day, in the run's zone; a change in the small hours of the first day
    /// comes before the run starts, so it is not one the run crosses.
    init?(during run: Run) {
        self.init(during: run, next: ClockChange.next)
    }

    /// As above, with `next` finding the first change after a day begins
    /// in a zone: `ClockChange.next`, or a memo of it, since thousands of
    /// runs start on the same days in the same few zones.
    init?(during run: Run, next: (_ zone: String, _ after: CalendarDate) -> ClockChange?) {
        guard run.end > run.start, let change = next(run.timezone, run.start),
              change.date > run.start, change.date <= run.end else { return nil }
        self = change
    }

    /// The first change of offset after noon UTC of `day` in `zone`, as the
    /// tz database has it; `nil` for an unknown zone, one without changes, or
    /// a transition that leaves the offset as it was.
    static func next(in zone: String, after day: CalendarDate) -> ClockChange? {
        guard let zone = TimeZone(identifier: zone) else { return nil }
        // Noon UTC of the first day is on that local day in every zone (UTC-12 to UTC+14).
        let after = Date(timeIntervalSince1970: TimeInterval(day.dayNumber * 86_400 + 43_200))
        guard let change = zone.nextDaylightSavingTimeTransition(after: after) else { return nil }
        let offsetBefore = zone.secondsFromGMT(for: change.addingTimeInterval(-1))
        let offsetAfter = zone.secondsFromGMT(for: change)
        guard offsetBefore != offsetAfter else { return nil }
        let local = Int(change.timeIntervalSince1970.rounded(.down)) + offsetAfter
        return ClockChange(date: CalendarDate(dayNumber: Int((Double(local) / 86_400).rounded(.down))),
                           forward: offsetAfter > offsetBefore)
    }
}
