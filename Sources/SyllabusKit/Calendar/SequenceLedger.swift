/// Remembers, from the feed already in the output folder, each event's
/// `SEQUENCE` and schedule, so that a rescheduled run gets a higher
/// `SEQUENCE` and subscribed clients take the change.
struct SequenceLedger: Sendable {
    struct Entry: Sendable, Equatable {
        let sequence: Int
        let schedule: String
    }

    private(set) var entries: [String: Entry] = [:]

    init() {}

    /// The largest SEQUENCE kept: RFC 5545 makes it an "integer", a signed
    /// 32-bit value, and a reschedule at the top stays there rather than
    /// overflow.
    static let maximum = Int(Int32.max)

    /// Reads the UID, SEQUENCE and schedule lines of every VEVENT in `feed`,
    /// the file at `path`. A SEQUENCE that is not a whole number from 0 to
    /// `maximum` (the file was edited or written by something else) is
    /// ignored with a warning, as if the event had none.
    init(previousFeed feed: String, path: String, log: inout DiagnosticLog) {
        var uid: String?
        var sequence = 0
        var schedule: [String] = []
        var inEvent = false
        for (line, number) in ContentLinesReader.unfoldNumbered(feed) {
            if line == "BEGIN:VEVENT" {
                inEvent = true; uid = nil; sequence = 0; schedule = []
            } else if line == "END:VEVENT" {
                if let uid { entries[uid] = Entry(sequence: sequence, schedule: schedule.sorted().joined(separator: "\n")) }
                inEvent = false
            } else if inEvent {
                let name = line.prefix { $0 != ":" && $0 != ";" }
                switch name {
                case "UID": uid = String(line.dropFirst(4))
                case "SEQUENCE":
                    let value = line.drop { $0 != ":" }.dropFirst()
                    if let number = Self.sequenceNumber(value) {
                        sequence = number
                    } else {
                        sequence = 0
                        log.warning(SourceLocation(path: path, line: number, column: 1),
                                    "SEQUENCE \"\(value.prefix(40))\" of the previous feed is ignored: it must be a whole number from 0 to \(Self.maximum); the event counts again from 0")
                    }
                case "DTSTART", "DTEND", "RRULE": schedule.append(line)
                default: break
                }
            }
        }
    }

    /// Digits only, 0 to `maximum`; no sign, no blanks.
    private static func sequenceNumber(_ text: Substring) -> Int? {
        guard (1...10).contains(text.count), text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let value = Int(text), value <= maximum else { return nil }
        return value
    }

    /// The SEQUENCE an event with `uid` and these schedule lines gets now.
    func sequence(uid: String, schedule: [String]) -> Int {
        guard let previous = entries[uid] else { return 0 }
        guard previous.schedule != schedule.sorted().joined(separator: "\n") else { return previous.sequence }
        return min(previous.sequence, Self.maximum - 1) + 1
    }
}

/// Reads back content lines: unfolds continuation lines, drops CRs.
enum ContentLinesReader {
    static func unfold(_ text: String) -> [String] {
        unfoldNumbered(text).map(\.line)
    }

    /// Each unfolded line with the 1-based number of the line it starts on.
    static func unfoldNumbered(_ text: String) -> [(line: String, number: Int)] {
        var lines: [(line: String, number: Int)] = []
        // "\r\n" is one Character in Swift, so split on newlines, not on "\n".
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if let first = line.first, first == " " || first == "\t", !lines.isEmpty {
                lines[lines.count - 1].line += line.dropFirst()
            } else if !line.isEmpty {
                lines.append((String(line), index + 1))
            }
        }
        return lines
    }
}
