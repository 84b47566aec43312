/// Which runs are still to come, so that a "Book a place" button shows
/// only where booking makes sense. Upcoming is the build date's rule
/// (`BuildDate.isUpcoming`): one place decides it for every page.
public struct UpcomingRuns: Sendable {
    public let date: BuildDate

    public init(_ date: BuildDate) { self.date = date }

    /// The local date of the build in the site's zone.
    public var buildDate: CalendarDate { date.today }

    public func isUpcoming(_ run: Run) -> Bool { date.isUpcoming(run) }

    /// Book-a-place applies: the run is to come and takes bookings.
    public func isBookable(_ run: Run) -> Bool {
        run.booking.takesBookings && isUpcoming(run)
    }
}
