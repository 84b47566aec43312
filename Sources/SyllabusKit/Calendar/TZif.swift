/// One zone of the system's tz database, read from its TZif file (RFC 8536):
/// the explicit transitions, the local time types, and the footer's POSIX TZ
/// string that gives the rule for every instant after the last transition
/// (slim TZif files stop at the last rule change, so future years come only
/// from the footer).
struct TZif: Sendable {
    struct LocalTimeType: Sendable, Equatable {
        /// Seconds east of UTC.
        let offset: Int
        let isDaylight: Bool
        let abbreviation: String
    }

    /// Seconds since 1970 of each change, ascending, with the type in force from then on.
    let transitions: [(at: Int, type: Int)]
    let types: [LocalTimeType]
    let footer: PosixTZ?

    /// Parses a TZif file, using the 64-bit block of version 2+ files; `nil` when malformed.
    init?(_ bytes: [UInt8]) {
        func int(_ at: Int, _ size: Int) -> Int? {
            guard at >= 0, at + size <= bytes.count else { return nil }
            var value: UInt64 = 0
            for byte in bytes[at..<at + size] { value = value << 8 | UInt64(byte) }
            return size == 4 ? Int(Int32(bitPattern: UInt32(value))) : Int(Int64(bitPattern: value))
        }
        struct Counts { let isut, isstd, leap, time, type, char: Int }
        func header(at start: Int) -> Counts? {
            guard start + 44 <= bytes.count, bytes[start..<start + 4].elementsEqual("TZif".utf8),
                  let isut = int(start + 20, 4), let isstd = int(start + 24, 4), let leap = int(start + 28, 4),
                  let time = int(start + 32, 4), let type = int(start + 36, 4), let char = int(start + 40, 4),
                  [isut, isstd, leap, time, type, char].allSatisfy({ $0 >= 0 }), type > 0 else { return nil }
            return Counts(isut: isut, isstd: isstd, leap: leap, time: time, type: type, char: char)
        }
        guard let first = header(at: 0) else { return nil }
        var start = 0, timeSize = 4, counts = first
        if bytes[4] >= UInt8(ascii: "2") {
            let v1Length = 44 + first.time * 5 + first.type * 6 + first.char + first.leap * 8 + first.isstd + first.isut
            guard let second = header(at: v1Length) else { return nil }
            start = v1Length
            timeSize = 8
            counts = second
        }
        let timesAt = start + 44
        let indicesAt = timesAt + counts.time * timeSize
        let typesAt = indicesAt + counts.time
        let charsAt = typesAt + counts.type * 6
        let dataEnd = charsAt + counts.char + counts.leap * (timeSize + 4) + counts.isstd + counts.isut
        guard dataEnd <= bytes.count else { return nil }

        var types: [LocalTimeType] = []
        for index in 0..<counts.type {
            let at = typesAt + index * 6
            guard let offset = int(at, 4) else { return nil }
            let nameStart = charsAt + Int(bytes[at + 5])
            let charsEnd = charsAt + counts.char
            var name = ""
            if nameStart < charsEnd {
                let nameEnd = bytes[nameStart..<charsEnd].firstIndex(of: 0) ?? charsEnd
                name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
            }
            types.append(LocalTimeType(offset: offset, isDaylight: bytes[at + 4] != 0, abbreviation: name))
        }
        var transitions: [(at: Int, type: Int)] = []
        for index in 0..<counts.time {
            guard let at = int(timesAt + index * timeSize, timeSize) else { return nil }
            let type = Int(bytes[indicesAt + index])
            guard type < types.count else { return nil }
            transitions.append((at, type))
        }
        self.transitions = transitions
        self.types = types
        // The footer is "\n<TZ string>\n" after the version 2+ data.
        var footer: PosixTZ?
        if timeSize == 8, dataEnd < bytes.count, bytes[dataEnd] == 0x0A,
           let close = bytes[(dataEnd + 1)...].firstIndex(of: 0x0A) {
            footer = PosixTZ(String(decoding: bytes[(dataEnd + 1)..<close], as: UTF8.self))
        }
        self.footer = footer
    }

    /// The local time type in force at `seconds` since 1970.
    func type(at seconds: Int) -> LocalTimeType {
        guard let last = transitions.last else { return footer?.type(at: seconds) ?? types[0] }
        if seconds >= last.at, let footer { return footer.type(at: seconds) }
        // Before the first transition the first type applies (RFC 8536 §3.2).
        guard seconds >= transitions[0].at else { return types[0] }
        var low = 0, high = transitions.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if transitions[middle].at <= seconds { low = middle } else { high = middle - 1 }
        }
        return types[transitions[low].type]
    }

    /// Every change of offset or daylight-saving state in `from..<to`,
    /// from the explicit transitions and, after them, from the footer's rule.
    func changes(from: Int, to: Int) -> [ZoneChange] {
        var instants = transitions.map(\.at).filter { $0 >= from && $0 < to }
        if let footer, let rule = footer.daylight {
            let after = max(from, (transitions.last?.at ?? Int.min) + 1)
            if after < to {
                let firstYear = CalendarDate(dayNumber: floorDiv(after, 86_400)).year - 1
                let lastYear = CalendarDate(dayNumber: floorDiv(to, 86_400)).year + 1
                for year in firstYear...lastYear {
                    for instant in footer.transitions(in: year, rule: rule) where instant >= after && instant < to {
                        instants.append(instant)
                    }
                }
            }
        }
        return instants.sorted().compactMap { instant in
            let before = type(at: instant - 1), now = type(at: instant)
            guard before.offset != now.offset || before.isDaylight != now.isDaylight else { return nil }
            return ZoneChange(epochSeconds: instant, offsetBefore: before.offset, after: now)
        }
    }
}

/// A change of a zone's local time, as a VTIMEZONE observance states it.
struct ZoneChange: Sendable {
    let epochSeconds: Int
    let offsetBefore: Int
    let after: TZif.LocalTimeType
}

/// A POSIX TZ string such as `CET-1CEST,M3.5.0,M10.5.0/3` (RFC 8536 §3.3,
/// with the version 3 extensions: hours outside 0–24 and negative times).
struct PosixTZ: Sendable {
    struct Daylight: Sendable {
        let type: TZif.LocalTimeType
        let start: Day, startTime: Int
        let end: Day, endTime: Int
    }

    enum Day: Sendable {
        /// `Mm.w.d`: weekday `d` (0 = Sunday) of week `w` (5 = last) of month `m`.
        case weekday(month: Int, week: Int, weekday: Int)
        /// `Jn`: day 1–365, 29 February never counted.
        case julian(Int)
        /// `n`: day 0–365, 29 February counted.
        case zeroBased(Int)
    }

    let standard: TZif.LocalTimeType
    let daylight: Daylight?

    init?(_ text: String) {
        var scanner = PosixScanner(Array(text.utf8))
        guard let stdName = scanner.name(), let stdOffset = scanner.time() else { return nil }
        standard = TZif.LocalTimeType(offset: -stdOffset, isDaylight: false, abbreviation: stdName)
        guard !scanner.atEnd else { daylight = nil; return }
        guard let dstName = scanner.name() else { return nil }
        var dstOffset = -stdOffset + 3600
        if !scanner.atEnd, scanner.peek != UInt8(ascii: ",") {
            guard let written = scanner.time() else { return nil }
            dstOffset = -written
        }
        guard scanner.eat(","), let start = scanner.day() else { return nil }
        let startTime = scanner.eat("/") ? scanner.time() : 7200
        guard let startTime, scanner.eat(","), let end = scanner.day() else { return nil }
        let endTime = scanner.eat("/") ? scanner.time() : 7200
        guard let endTime, scanner.atEnd else { return nil }
        daylight = Daylight(type: TZif.LocalTimeType(offset: dstOffset, isDaylight: true, abbreviation: dstName),
                            start: start, startTime: startTime, end: end, endTime: endTime)
    }

    /// The UTC instants daylight time starts and ends in `year`; a rule
    /// time is local time of the state it ends.
    func transitions(in year: Int, rule: Daylight) -> [Int] {
        let start = rule.start.dayNumber(in: year) * 86_400 + rule.startTime - standard.offset
        let end = rule.end.dayNumber(in: year) * 86_400 + rule.endTime - rule.type.offset
        return [start, end]
    }

    func type(at seconds: Int) -> TZif.LocalTimeType {
        guard let rule = daylight else { return standard }
        let year = CalendarDate(dayNumber: floorDiv(seconds, 86_400)).year
        // A zone in daylight time all year (`,0/0,J365/25`) has start and end
        // meeting; otherwise the latest change at or before `seconds` decides.
        var changes: [(at: Int, daylight: Bool)] = []
        for y in (year - 1)...(year + 1) {
            let pair = transitions(in: y, rule: rule)
            changes.append((pair[0], true))
            changes.append((pair[1], false))
        }
        changes.sort { $0.at < $1.at }
        let latest = changes.last { $0.at <= seconds } ?? changes[0]
        return latest.daylight ? rule.type : standard
    }
}

extension PosixTZ.Day {
    func dayNumber(in year: Int) -> Int {
        switch self {
        case let .weekday(month, week, weekday):
            let first = CalendarDate.dayNumber(year: year, month: month, day: 1)
            let firstWeekday = ((first + 4) % 7 + 7) % 7 // 0 = Sunday, as POSIX counts; 1970-01-01 was a Thursday
            var day = 1 + (weekday - firstWeekday + 7) % 7 + (week - 1) * 7
            while day > CalendarDate.daysIn(month: month, year: year) { day -= 7 }
            return first + day - 1
        case let .julian(n):
            return CalendarDate.dayNumber(year: year, month: 1, day: 1) + n - 1 + (CalendarDate.isLeap(year) && n >= 60 ? 1 : 0)
        case let .zeroBased(n):
            return CalendarDate.dayNumber(year: year, month: 1, day: 1) + n
        }
    }
}

/// Reads the parts of a POSIX TZ string.
private struct PosixScanner {
    let bytes: [UInt8]
    var at = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { at >= bytes.count }
    var peek: UInt8? { atEnd ? nil : bytes[at] }

    mutating func eat(_ character: Character) -> Bool {
        guard let peek, peek == character.asciiValue else { return false }
        at += 1
        return true
    }

    /// `CET`, or a quoted `<+0545>`.
    mutating func name() -> String? {
        let begin = at
        if eat("<") {
            while let peek, peek != UInt8(ascii: ">") { at += 1 }
            guard eat(">"), at - begin > 2 else { return nil }
            return String(decoding: bytes[(begin + 1)..<(at - 1)], as: UTF8.self)
        }
        while let peek, (0x41...0x5A).contains(peek) || (0x61...0x7A).contains(peek) { at += 1 }
        guard at - begin >= 3 else { return nil }
        return String(decoding: bytes[begin..<at], as: UTF8.self)
    }

    /// `[+-]hh[:mm[:ss]]` in seconds.
    mutating func time() -> Int? {
        var sign = 1
        if eat("-") { sign = -1 } else { _ = eat("+") }
        guard let hours = number() else { return nil }
        var seconds = hours * 3600
        if eat(":") {
            guard let minutes = number() else { return nil }
            seconds += minutes * 60
            if eat(":") {
                guard let secs = number() else { return nil }
                seconds += secs
            }
        }
        return sign * seconds
    }

    mutating func day() -> PosixTZ.Day? {
        if eat("M") {
            guard let month = number(), eat("."), let week = number(), eat("."), let weekday = number(),
                  (1...12).contains(month), (1...5).contains(week), (0...6).contains(weekday) else { return nil }
            return .weekday(month: month, week: week, weekday: weekday)
        }
        if eat("J") {
            guard let n = number(), (1...365).contains(n) else { return nil }
            return .julian(n)
        }
        guard let n = number(), (0...365).contains(n) else { return nil }
        return .zeroBased(n)
    }

    private mutating func number() -> Int? {
        let begin = at
        var value = 0
        while let peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(peek), at - begin < 4 {
            value = value * 10 + Int(peek - UInt8(ascii: "0"))
            at += 1
        }
        return at > begin ? value : nil
    }
}

func floorDiv(_ a: Int, _ b: Int) -> Int {
    a >= 0 ? a / b : -((-a + b - 1) / b)
}
