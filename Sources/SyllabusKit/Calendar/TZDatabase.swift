import Foundation

/// The one tz database of a build: the system's TZif files (`/usr/share/zoneinfo`,
/// or the folder `TZDIR` names) for every zone that has one, and the data
/// built into Foundation only for a zone without a file. Offsets, changes
/// and abbreviations of a zone all come from the same source, so a
/// `VTIMEZONE` agrees with the system's tz database wherever it has the zone.
public struct TZDatabase: Sendable {
    /// The folder of TZif files.
    public let directory: String
    private let zones = Memo<ZoneRules?>()

    public init(directory: String = "/usr/share/zoneinfo") {
        self.directory = directory
    }

    /// The system's default location.
    public static let system = TZDatabase()

    /// The rules of `identifier`, or `nil` for a name neither source knows.
    func rules(for identifier: String) -> ZoneRules? {
        zones.value(identifier) {
            if !identifier.contains(".."), !identifier.hasPrefix("/"),
               let data = FileManager.default.contents(atPath: "\(directory)/\(identifier)"),
               let file = TZif([UInt8](data)) {
                return .tzif(file)
            }
            return TimeZone(identifier: identifier).map(ZoneRules.foundation)
        }
    }

    /// `2025b (/usr/share/zoneinfo)`, from `tzdata.zi`'s first line or `+VERSION`;
    /// says so when the folder has no version and Foundation's data is all there is.
    public var version: String {
        let fileManager = FileManager.default
        if let text = fileManager.contents(atPath: "\(directory)/tzdata.zi").map({ String(decoding: $0.prefix(64), as: UTF8.self) }),
           let line = text.split(separator: "\n").first, line.hasPrefix("# version ") {
            return "\(line.dropFirst("# version ".count)) (\(directory))"
        }
        if let data = fileManager.contents(atPath: "\(directory)/+VERSION") {
            let text = String(decoding: data, as: UTF8.self).trimmingWhitespace(andNewlines: true)
            if !text.isEmpty { return "\(text) (\(directory))" }
        }
        var isFolder: ObjCBool = false
        if fileManager.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue {
            return "unknown version (\(directory))"
        }
        return "built into Foundation (no \(directory))"
    }
}

/// A zone's offsets and changes, from a TZif file or from Foundation.
enum ZoneRules: Sendable {
    case tzif(TZif)
    case foundation(TimeZone)

    func type(at seconds: Int) -> TZif.LocalTimeType {
        switch self {
        case let .tzif(file):
            return file.type(at: seconds)
        case let .foundation(zone):
            let instant = Date(timeIntervalSince1970: TimeInterval(seconds))
            let offset = zone.secondsFromGMT(for: instant)
            let text = zone.abbreviation(for: instant) ?? ""
            // Foundation on Linux names most offsets `GMT+1`: the tz database's
            // convention for zones without letters is the offset itself.
            let name = text.hasPrefix("GMT+") || text.hasPrefix("GMT-") || text.isEmpty ? ZoneRules.offsetName(offset) : text
            return TZif.LocalTimeType(offset: offset, isDaylight: zone.isDaylightSavingTime(for: instant), abbreviation: name)
        }
    }

    func changes(from: Int, to: Int) -> [ZoneChange] {
        switch self {
        case let .tzif(file):
            return file.changes(from: from, to: to)
        case let .foundation(zone):
            var found: [ZoneChange] = []
            var cursor = Date(timeIntervalSince1970: TimeInterval(from))
            let end = Date(timeIntervalSince1970: TimeInterval(to))
            while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < end, next > cursor {
                let seconds = Int(next.timeIntervalSince1970.rounded())
                found.append(ZoneChange(epochSeconds: seconds, offsetBefore: type(at: seconds - 1).offset, after: type(at: seconds)))
                cursor = next
            }
            return found
        }
    }

    /// The wall-clock time (seconds since 1970 as if local were UTC) a
    /// client should be given for `local`. A time the zone skips (the hour
    /// lost to summer time, Tehran's midnight changes) means, by RFC 5545
    /// §3.3.5, the instant the offset before the gap gives; clients disagree
    /// on skipped times, so the feed names that instant's real wall-clock time.
    func existing(local: Int) -> Int {
        let before = type(at: local - 86_400).offset, after = type(at: local + 86_400).offset
        for offset in [before, after] where type(at: local - offset).offset == offset { return local }
        let instant = local - before
        return instant + type(at: instant).offset
    }

    /// `+10`, `+0530`, `-03`: how tzdata names an offset without letters.
    static func offsetName(_ offset: Int) -> String {
        let hours = abs(offset) / 3600, minutes = abs(offset) % 3600 / 60
        return (offset < 0 ? "-" : "+") + pad(hours, 2) + (minutes == 0 ? "" : pad(minutes, 2))
    }
}
