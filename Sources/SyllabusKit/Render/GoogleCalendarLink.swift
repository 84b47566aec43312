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
        return endpoint + "?" + query.map { "\($0)=\(percentEncoded($1))" }.joined(separator: "&")
    }

    /// `090000`: local wall-clock time, no zone suffix, so `ctz` places it.
    private static func clock(_ time: TimeOfDay) -> String {
        pad(time.hour, 2) + pad(time.minute, 2) + "00"
    }

    /// A query value with everything but RFC 3986's unreserved characters escaped.
    static func percentEncoded(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF")
                out.append("%")
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
        return out
    }
}
