import Foundation

/// Which runs are still to come, so that a "Book a place" button shows
/// only where booking makes sense.
///
/// The one place that decides it: a run is upcoming until its last day has
/// passed, counted in `site.yml`'s zone from the build's timestamp
/// (`SOURCE_DATE_EPOCH`, or now), so a build is reproducible.
public struct UpcomingRuns: Sendable {
    /// The local date of the build in the site's zone.
    public let buildDate: CalendarDate

    public init(timestamp: Int, timezone: String) {
        let offset = TimeZone(identifier: timezone)?.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(timestamp))) ?? 0
        let local = timestamp + offset
        // Floor division: timestamps before 1970 still land on the right day.
        buildDate = CalendarDate(dayNumber: local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }

    public func isUpcoming(_ run: Run) -> Bool {
        run.end >= buildDate
    }

    /// Book-a-place applies: the run is to come and takes bookings.
    public func isBookable(_ run: Run) -> Bool {
        run.booking.takesBookings && isUpcoming(run)
    }
}
