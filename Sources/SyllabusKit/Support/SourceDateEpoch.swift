/// Reads `SOURCE_DATE_EPOCH` (reproducible-builds.org): a non-negative whole
/// number of seconds since 1970. Anything else is an error rather than a
/// silent fall-back to now, which would make a "reproducible" build differ.
public enum SourceDateEpoch {
    /// The timestamp a build uses: the variable when set, otherwise `now`.
    public static func timestamp(environment: [String: String], now: Int) throws -> Int {
        guard let text = environment["SOURCE_DATE_EPOCH"] else { return now }
        guard !text.isEmpty, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let value = Int(text) else {
            throw BuildFailed(diagnostics: [.error(SourceLocation(path: ""),
                "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, e.g. 1700000000; it is \"\(text.prefix(40))\"")])
        }
        return value
    }
}
