/// "Add to Google Calendar" links. Google's `render?action=TEMPLATE` takes
/// one event, so a run gets one link per day, each at that day's local hours
/// in the run's own zone (`ctz=`), never one block from the first morning to
/// the last evening.
enum GoogleCalendarLink {
    static let endpoint = "https://calendar.google.com/calendar/render"

    /// One link for each of `days`, days of `run`. The title, details and
    /// place are the same in every link: encoded once, not once per day.
    static func urls(_ course: Course, _ run: Run, days: [CalendarDate], pageURL: String) -> [String] {
        var details = course.summary.map { $0 + "\n\n" } ?? ""
        details += pageURL
        let head = endpoint + "?action=TEMPLATE&text=" + PercentEncoding.queryValue(course.title) + "&dates="
        var tail = "&ctz=" + PercentEncoding.queryValue(run.timezone) + "&details=" + PercentEncoding.queryValue(details)
        if let location = run.location { tail += "&location=" + PercentEncoding.queryValue(location) }
        return days.map { date in
            let dates: String
            switch run.hours {
            case .allDay:
                // All-day events end on the next day, exclusive, as in iCalendar.
                dates = "\(date.basic)/\(date.adding(days: 1).basic)"
            case let .hours(start, end):
                dates = "\(date.basic)T\(clock(start))/\(date.basic)T\(clock(end))"
            }
            return head + PercentEncoding.queryValue(dates) + tail
        }
    }

    /// `090000`: local wall-clock time, no zone suffix, so `ctz` places it.
    private static func clock(_ time: TimeOfDay) -> String {
        pad(time.hour, 2) + pad(time.minute, 2) + "00"
    }
}
