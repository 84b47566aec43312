import Foundation

/// The IANA zone names of the tz database on this machine.
enum TimeZones {
    static let known: Set<String> = {
        var names = Set(TimeZone.knownTimeZoneIdentifiers)
        names.insert("UTC")
        return names
    }()

    /// Exact, case-sensitive: calendar apps match TZID by its exact spelling.
    /// Foundation's list lacks some current names (`Asia/Kolkata`), so a zone
    /// Foundation can load under exactly that name counts too, but never an
    /// offset spelling such as `GMT+2`, which is no IANA name.
    static func isKnown(_ name: String) -> Bool {
        if known.contains(name) { return TimeZone(identifier: name) != nil }
        guard name.contains("/"), !name.contains(".."), !name.hasPrefix("/"),
              name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "/_+-".contains($0)) }) else { return false }
        return TimeZone(identifier: name)?.identifier == name
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
