/// A wall-clock time of day, minutes after midnight.
public struct TimeOfDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// `9:00` or `09:00`.
    init?(text: Substring) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        self.init(hour: h, minute: m)
    }

    public var minutesAfterMidnight: Int { hour * 60 + minute }

    /// `09:00`
    public var description: String { pad(hour, 2) + ":" + pad(minute, 2) }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        lhs.minutesAfterMidnight < rhs.minutesAfterMidnight
    }
}

/// The hours a run meets each of its days: `09:00-17:00`, or all day.
public enum DailyHours: Sendable, Hashable, CustomStringConvertible {
    case allDay
    case hours(start: TimeOfDay, end: TimeOfDay)

    /// Why a `time` value was refused, in words an editor can act on.
    public enum ParseError: Error, Equatable {
        case unreadable
        case endNotAfterStart(TimeOfDay, TimeOfDay)
    }

    /// Accepts `09:00-17:00`, `09:00 - 17:00`, `09:00–17:00` (en dash) and `all-day`.
    public static func parse(_ text: String) -> Result<DailyHours, ParseError> {
        let trimmed = text.trimmingWhitespace()
        if trimmed.lowercased() == "all-day" || trimmed.lowercased() == "all day" {
            return .success(.allDay)
        }
        let halves = trimmed.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == "—" })
        guard halves.count == 2,
              let start = TimeOfDay(text: halves[0].trimmingWhitespace()[...]),
              let end = TimeOfDay(text: halves[1].trimmingWhitespace()[...]) else {
            return .failure(.unreadable)
        }
        guard end > start else { return .failure(.endNotAfterStart(start, end)) }
        return .success(.hours(start: start, end: end))
    }

    /// `09:00–17:00` or `all day`, as pages show it.
    public var description: String {
        switch self {
        case .allDay: return "all day"
        case let .hours(start, end): return "\(start)–\(end)"
        }
    }
}
