/// "Add to Google Calendar" links. Google's `render?action=TEMPLATE` takes
/// one event, so a run gets one link per day, each at that day's local hours
/// in the run's own zone (`ctz=`), never one block from the first morning to
/// the last evening.
enum GoogleCalendarLink {
    static let endpoint = "https://calendar.google.com/calendar/render"

    /// One link for `date`, a day of `run`.
    static func url(_ course: Course, _ run: Run, on date: CalendarDate, pageURL: String) -> String {
        let dates: String
        switch run.hours {
        case .allDay:
            // All-day events end on the next day, exclusive, as in iCalendar.
            dates = "\(date.basic)/\(date.adding(days: 1).basic)"
        case let .hours(start, end):
            dates = "\(date.basic)T\(clock(start))/\(date.basic)T\(clock(end))"
        }
        var details = course.summary.map { $0 + "\n\n" } ?? ""
        details += pageURL
        var query = [("action", "TEMPLATE"), ("text", course.title), ("dates", dates), ("ctz", run.timezone),
                     ("details", details)]
        if let location = run.location { query.append(("location", location)) }
        return endpoint + "?" + query.map { "\($0)=\(PercentEncoding.queryValue($1))" }.joined(separator: "&")
    }

    /// `090000`: local wall-clock time, no zone suffix, so `ctz` places it.
    private static func clock(_ time: TimeOfDay) -> String {
        pad(time.hour, 2) + pad(time.minute, 2) + "00"
    }
}
