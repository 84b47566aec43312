/// A feed's download and subscribe links: `webcal://` for calendar apps, and
/// the two web calendars' own subscription pages, which take the feed's URL
/// as a parameter and subscribe in one click.
struct FeedLinks: Encodable, Sendable {
    let https: String
    let webcal: String
    let title: String
    let google: String
    let outlook: String

    init(_ sitePath: String, title: String, paths: SitePaths) {
        https = paths.absolute(sitePath)
        webcal = paths.base.webcal(sitePath)
        self.title = "\(title) (iCalendar)"
        google = "https://calendar.google.com/calendar/render?cid=\(PercentEncoding.queryValue(webcal))"
        outlook = "https://outlook.live.com/calendar/0/addfromweb?url=\(PercentEncoding.queryValue(https))&name=\(PercentEncoding.queryValue(title))"
    }
}
