import Foundation

/// iCalendar date and date-time forms, computed without formatters.
enum ICalendarTime {
    /// `20200525T090000`, a local (floating or TZID) date-time.
    static func local(_ date: CalendarDate, _ time: TimeOfDay) -> String {
        date.basic + "T" + pad(time.hour, 2) + pad(time.minute, 2) + "00"
    }

    /// Wall-clock `YYYYMMDDTHHMMSS` of `seconds` since 1970 shifted by `offset` seconds.
    static func wallClock(epochSeconds: Int, offset: Int) -> String {
        let local = epochSeconds + offset
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = local - day * 86_400
        return CalendarDate(dayNumber: day).basic + "T" + pad(secondOfDay / 3600, 2)
            + pad(secondOfDay % 3600 / 60, 2) + pad(secondOfDay % 60, 2)
    }

    /// `20200913T122640Z`
    static func utc(epochSeconds: Int) -> String {
        wallClock(epochSeconds: epochSeconds, offset: 0) + "Z"
    }

    /// `+0100`, or `+053000`-style with seconds where the zone has them.
    static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = abs(seconds)
        let hhmm = pad(magnitude / 3600, 2) + pad(magnitude % 3600 / 60, 2)
        return sign + hhmm + (magnitude % 60 == 0 ? "" : pad(magnitude % 60, 2))
    }
}
