import Yams

/// Typed access to one YAML mapping, turning every mistake into a diagnostic
/// that points at the key or value in the source file.
///
/// Values are read from Yams' composed nodes, never through Yams' decoder: a
/// date stays the text the editor wrote (no `Date`, no UTC shift), and every
/// node keeps its line and column.
struct YAMLFields {
    let file: String
    /// Added to Yams' 1-based lines: the lines before the YAML in the file.
    let lineOffset: Int
    let mapping: Node.Mapping
    /// Where the mapping itself starts, for "missing key" errors.
    let location: SourceLocation
    /// A short name for messages, e.g. `runs[2]`; empty at the top level.
    let context: String
    /// Key text to its key and value node: fields are looked up several
    /// times each, and a walk over the mapping copies every node it passes.
    private let entries: [String: (key: Node, value: Node)]

    init(file: String, lineOffset: Int, mapping: Node.Mapping, location: SourceLocation, context: String) {
        self.file = file
        self.lineOffset = lineOffset
        self.mapping = mapping
        self.location = location
        self.context = context
        var entries: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            // The first wins, as in a walk (Yams refuses duplicate keys anyway).
            if let text = key.scalar?.string, entries[text] == nil { entries[text] = (key, value) }
        }
        self.entries = entries
    }

    /// Parses `yaml` into a mapping. YAML syntax errors are reported at their
    /// line in the file; an empty document is an empty mapping.
    static func parse(_ yaml: String, file: String, firstLine: Int, log: inout DiagnosticLog) -> YAMLFields? {
        let offset = firstLine - 1
        if let at = YAMLExpansion.excess(in: yaml) {
            log.error(SourceLocation(path: file, line: at.line + offset, column: at.column),
                      "invalid YAML: with its aliases (*name) expanded the YAML would hold more than \(YAMLExpansion.maximumNodes) values; write the values out instead of nesting aliases")
            return nil
        }
        let node: Node?
        do {
            // The basic resolver tags every scalar as text: we read values as
            // written (dates stay dates, "no" stays a word), and Yams' default
            // resolver ran seven regular expressions over every scalar.
            // Explicit UTF-8: Yams' default encoding copies the whole process
            // environment into a dictionary on every call.
            node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            log.report(diagnostic(for: error, file: file, lineOffset: offset))
            return nil
        } catch {
            log.error(SourceLocation(path: file, line: firstLine, column: 1), "cannot read the YAML: \(shown: "\(error)", limit: 200)")
            return nil
        }
        let start = SourceLocation(path: file, line: firstLine, column: 1)
        guard let node else {
            return YAMLFields(file: file, lineOffset: offset, mapping: Node.Mapping([]), location: start, context: "")
        }
        guard let mapping = node.mapping else {
            log.error(location(of: node, file: file, lineOffset: offset) ?? start,
                      "the front matter must be a list of 'key: value' fields, not \(describe(node))")
            return nil
        }
        return YAMLFields(file: file, lineOffset: offset, mapping: mapping,
                          location: location(of: node, file: file, lineOffset: offset) ?? start, context: "")
    }

    private static func diagnostic(for error: YamlError, file: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: file, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            // Point at where the unfinished construct opened (an unclosed
            // `[` on line 4), not where the parser gave up (line 5).
            if let context, context.mark.line < mark.line,
               context.text.contains("flow") || context.text.contains("quoted") {
                return .error(at(context.mark), "invalid YAML: \(context.text) that starts here: \(problem) on line \(mark.line + lineOffset)")
            }
            let detail = context.map { "\($0.text) " } ?? ""
            return .error(at(mark), "invalid YAML: \(detail)\(problem)".trimmingWhitespace())
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error(at(context.mark), "invalid YAML: the key \(duplicates.map { "'\(shown: $0)'" }.joined(separator: ", ")) appears more than once")
        case let .reader(problem, _, _, _):
            return .error(SourceLocation(path: file, line: lineOffset + 1, column: 1), "invalid YAML: \(shown: problem, limit: 200)")
        default:
            return .error(SourceLocation(path: file, line: lineOffset + 1, column: 1), "invalid YAML: \(shown: "\(error)", limit: 200)")
        }
    }

    static func location(of node: Node, file: String, lineOffset: Int) -> SourceLocation? {
        node.mark.map { SourceLocation(path: file, line: $0.line + lineOffset, column: $0.column) }
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return "the value \(quoted: scalar.string)"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    // MARK: - Keys

    /// Name of a key in messages, with its context: `runs[2].start`.
    func name(_ key: String) -> String { context.isEmpty ? key : "\(context).\(key)" }

    func node(_ key: String) -> Node? {
        entries[key]?.value
    }

    func keyLocation(_ key: String) -> SourceLocation {
        guard let node = entries[key]?.key else { return location }
        return Self.location(of: node, file: file, lineOffset: lineOffset) ?? location
    }

    func valueLocation(_ key: String) -> SourceLocation {
        guard let value = node(key) else { return keyLocation(key) }
        return Self.location(of: value, file: file, lineOffset: lineOffset) ?? keyLocation(key)
    }

    func has(_ key: String) -> Bool {
        guard let value = node(key) else { return false }
        return !isNull(value)
    }

    private func isNull(_ node: Node) -> Bool {
        if let scalar = node.scalar, scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return true }
        return false
    }

    /// Reports keys not in `known`, suggesting the closest known key. In a
    /// course file that is a warning; `site.yml` asks for an error, since a
    /// misspelt site-wide key changes every page (`timezon:` moves every run).
    func warnUnknownKeys(known: [String], severity: Diagnostic.Severity = .warning, log: inout DiagnosticLog) {
        let consequence = severity == .error ? "is not a setting" : "is ignored"
        let why = severity == .error ? " (a misspelt site setting would silently change every page)" : ""
        for (k, _) in mapping {
            let key = k.scalar?.string ?? YAMLFields.describe(k)
            guard !known.contains(key) else { continue }
            let at = Self.location(of: k, file: file, lineOffset: lineOffset) ?? location
            if let guess = Suggestion.closest(to: key, among: known) {
                log.report(Diagnostic(severity, at: at, "unknown key '\(shown: name(key))' \(consequence); did you mean '\(name(guess))'?\(why)"))
            } else {
                log.report(Diagnostic(severity, at: at, "unknown key '\(shown: name(key))' \(consequence); known keys are \(known.joined(separator: ", "))\(why)"))
            }
        }
    }

    // MARK: - Typed values

    /// A text value; numbers and booleans are taken as written. Null counts as absent.
    func string(_ key: String, log: inout DiagnosticLog) -> String? {
        guard let value = node(key), !isNull(value) else { return nil }
        guard let scalar = value.scalar else {
            log.error(valueLocation(key), "'\(name(key))' must be text, not \(Self.describe(value))")
            return nil
        }
        return scalar.string
    }

    /// Like `string`, but an absent or blank value is an error.
    func requiredString(_ key: String, example: String, log: inout DiagnosticLog) -> String? {
        guard has(key) else {
            log.error(has(key) || node(key) != nil ? keyLocation(key) : location,
                      "'\(name(key))' is required; add e.g. \(key): \(example)")
            return nil
        }
        guard let text = string(key, log: &log) else { return nil }
        guard !text.trimmingWhitespace().isEmpty else {
            log.error(valueLocation(key), "'\(name(key))' must not be empty; write e.g. \(key): \(example)")
            return nil
        }
        return text
    }

    func bool(_ key: String, log: inout DiagnosticLog) -> Bool? {
        guard let value = node(key), !isNull(value) else { return nil }
        guard let flag = value.scalar.flatMap(Self.boolean) else {
            log.error(valueLocation(key), "'\(name(key))' must be true or false, not \(Self.describe(value))")
            return nil
        }
        return flag
    }

    /// A whole number at least `minimum`, written plainly in ASCII digits
    /// (`30`, not `"30"`, `+30` or `30.5`).
    func wholeNumber(_ key: String, minimum: Int, log: inout DiagnosticLog) -> Int? {
        guard let value = node(key), !isNull(value) else { return nil }
        guard let scalar = value.scalar, scalar.style == .plain, !scalar.string.isEmpty,
              scalar.string.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let number = Int(scalar.string), number >= minimum else {
            log.error(valueLocation(key), "'\(name(key))' must be a whole number of at least \(minimum), not \(Self.describe(value))")
            return nil
        }
        return number
    }

    /// YAML's plain `true`/`false` (and `yes`/`no`, `on`/`off`); a quoted
    /// "true" is text, as YAML says.
    static func boolean(_ scalar: Node.Scalar) -> Bool? {
        guard scalar.style == .plain else { return nil }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    /// A list of texts; a single text is a list of one (`tags: Erlang`).
    func stringList(_ key: String, log: inout DiagnosticLog) -> [String]? {
        guard let value = node(key), !isNull(value) else { return nil }
        if let scalar = value.scalar {
            let text = scalar.string.trimmingWhitespace()
            return text.isEmpty ? [] : [text]
        }
        guard let sequence = value.sequence else {
            log.error(valueLocation(key), "'\(name(key))' must be a list such as [A, B], not \(Self.describe(value))")
            return nil
        }
        var items: [String] = []
        for item in sequence {
            guard let scalar = item.scalar, !isNull(item) else {
                log.error(Self.location(of: item, file: file, lineOffset: lineOffset) ?? valueLocation(key),
                          "each entry of '\(name(key))' must be text, not \(Self.describe(item))")
                continue
            }
            let text = scalar.string.trimmingWhitespace()
            if !text.isEmpty { items.append(text) }
        }
        return items
    }

    /// A calendar day written `YYYY-MM-DD`.
    func date(_ key: String, log: inout DiagnosticLog) -> CalendarDate? {
        guard let text = string(key, log: &log) else { return nil }
        let trimmed = text.trimmingWhitespace()
        let years = CalendarDate.supportedYears
        if let date = CalendarDate(iso: trimmed), years.contains(date.year) { return date }
        if let year = Self.writtenYear(trimmed), !years.contains(year) {
            log.error(valueLocation(key), "'\(name(key))': \(trimmed) is outside the years Syllabus supports, \(years.lowerBound) to \(years.upperBound); write a date such as 2020-05-25")
        } else if looksLikeISODate(trimmed) {
            log.error(valueLocation(key), "'\(name(key))': \(trimmed) does not exist; \(Self.whyNoSuchDay(trimmed))")
        } else {
            log.error(valueLocation(key), "'\(name(key))': \(quoted: text) is not a date; write it as YYYY-MM-DD, e.g. 2020-05-25")
        }
        return nil
    }

    /// "February 2021 has 28 days" or "months run from 01 to 12".
    private static func whyNoSuchDay(_ text: String) -> String {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return "write YYYY-MM-DD" }
        guard (1...12).contains(parts[1]) else { return "months run from 01 to 12" }
        let days = CalendarDate.daysIn(month: parts[1], year: parts[0])
        return "\(DateText.months[parts[1] - 1]) \(parts[0]) has \(days) days"
    }

    private func looksLikeISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return text.count == 10 && parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
    }

    /// The year of a text shaped like a date, `-001-01-01` or `10000-01-01`
    /// included, so a year out of range is named as such rather than as a
    /// day that does not exist.
    private static func writtenYear(_ text: String) -> Int? {
        var rest = Substring(text)
        let negative = rest.first == "-"
        if negative || rest.first == "+" { rest = rest.dropFirst() }
        let parts = rest.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...6).contains(parts[0].count), parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), let year = Int(parts[0]) else { return nil }
        return negative ? -year : year
    }

    /// Daily hours, `HH:MM-HH:MM` or `all-day`.
    func hours(_ key: String, log: inout DiagnosticLog) -> DailyHours? {
        guard let text = string(key, log: &log) else { return nil }
        switch DailyHours.parse(text) {
        case .success(let hours):
            return hours
        case .failure(.unreadable):
            log.error(valueLocation(key), "'\(name(key))': \(quoted: text) is not a time range; write HH:MM-HH:MM, e.g. \"09:00-17:00\", or all-day")
        case let .failure(.endNotAfterStart(start, end)):
            // The example must itself be valid: "17:00-17:00" would not be.
            let example = start.hour < 17 ? "\(start)-17:00" : end < start ? "\(end)-\(start)" : "09:00-17:00"
            log.error(valueLocation(key), "'\(name(key))': the end \(end) is not after the start \(start); write e.g. \(quoted: example)")
        }
        return nil
    }

    /// An IANA zone name known to the tz database on this machine.
    func timezone(_ key: String, log: inout DiagnosticLog) -> String? {
        guard let text = string(key, log: &log) else { return nil }
        let name = text.trimmingWhitespace()
        if TimeZones.isKnown(name) { return name }
        if let guess = TimeZones.closest(to: name) {
            log.error(valueLocation(key), "'\(self.name(key))': unknown time zone \(quoted: text); did you mean \(guess)?")
        } else {
            log.error(valueLocation(key), "'\(self.name(key))': unknown time zone \(quoted: text); use an IANA name such as Europe/Stockholm")
        }
        return nil
    }

    /// A nested mapping, for `organizer:`.
    func fields(_ key: String, log: inout DiagnosticLog) -> YAMLFields? {
        guard let value = node(key), !isNull(value) else { return nil }
        guard let mapping = value.mapping else {
            log.error(valueLocation(key), "'\(name(key))' must be a mapping of fields, not \(Self.describe(value))")
            return nil
        }
        return YAMLFields(file: file, lineOffset: lineOffset, mapping: mapping, location: valueLocation(key), context: name(key))
    }

    /// A list of mappings, for `runs:` and `links:`.
    func fieldList(_ key: String, example: String = "{start: 2020-05-25}", log: inout DiagnosticLog) -> [YAMLFields]? {
        guard let value = node(key), !isNull(value) else { return nil }
        guard let sequence = value.sequence else {
            log.error(valueLocation(key), "'\(name(key))' must be a list, not \(Self.describe(value))")
            return nil
        }
        var result: [YAMLFields] = []
        for (index, item) in sequence.enumerated() {
            let at = Self.location(of: item, file: file, lineOffset: lineOffset) ?? valueLocation(key)
            guard let mapping = item.mapping else {
                log.error(at, "each entry of '\(name(key))' must be a mapping such as \(example), not \(Self.describe(item))")
                continue
            }
            result.append(YAMLFields(file: file, lineOffset: lineOffset, mapping: mapping, location: at, context: "\(name(key))[\(index + 1)]"))
        }
        return result
    }
}

private extension Character {
    /// 0-9 only: `isNumber` also takes other scripts' digits and fractions.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
