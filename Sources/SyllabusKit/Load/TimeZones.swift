import Foundation

/// The IANA zone names of the tz database on this machine.
enum TimeZones {
    static let known: Set<String> = {
        var names = Set(TimeZone.knownTimeZoneIdentifiers)
        names.insert("UTC")
        return names
    }()

    /// Exact, case-sensitive: calendar apps match TZID by its exact spelling.
    static func isKnown(_ name: String) -> Bool {
        known.contains(name) && TimeZone(identifier: name) != nil
    }

    static func closest(to name: String) -> String? {
        if let sameLetters = known.first(where: { $0.lowercased() == name.lowercased() }) { return sameLetters }
        let city = name.split(separator: "/").last.map(String.init) ?? name
        if let sameCity = known.sorted().first(where: { $0.split(separator: "/").last.map(String.init)?.lowercased() == city.lowercased().replacingOccurrences(of: " ", with: "_") }) {
            return sameCity
        }
        return Suggestion.closest(to: name, among: known.sorted())
    }
}
