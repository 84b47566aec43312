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

    /// Reads the UID, SEQUENCE and schedule lines of every VEVENT in `feed`.
    init(previousFeed feed: String) {
        var uid: String?
        var sequence = 0
        var schedule: [String] = []
        var inEvent = false
        for line in ContentLinesReader.unfold(feed) {
            if line == "BEGIN:VEVENT" {
                inEvent = true; uid = nil; sequence = 0; schedule = []
            } else if line == "END:VEVENT" {
                if let uid { entries[uid] = Entry(sequence: sequence, schedule: schedule.sorted().joined(separator: "\n")) }
                inEvent = false
            } else if inEvent {
                let name = line.prefix { $0 != ":" && $0 != ";" }
                switch name {
                case "UID": uid = String(line.dropFirst(4))
                case "SEQUENCE": sequence = Int(line.dropFirst(9)) ?? 0
                case "DTSTART", "DTEND", "RRULE", "STATUS": schedule.append(line)
                default: break
                }
            }
        }
    }

    /// The SEQUENCE an event with `uid` and these schedule lines gets now.
    func sequence(uid: String, schedule: [String]) -> Int {
        guard let previous = entries[uid] else { return 0 }
        return previous.schedule == schedule.sorted().joined(separator: "\n") ? previous.sequence : previous.sequence + 1
    }
}

/// Reads back content lines: unfolds continuation lines, drops CRs.
enum ContentLinesReader {
    static func unfold(_ text: String) -> [String] {
        var lines: [String] = []
        // "\r\n" is one Character in Swift, so split on newlines, not on "\n".
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if let first = line.first, first == " " || first == "\t", !lines.isEmpty {
                lines[lines.count - 1] += line.dropFirst()
            } else if !line.isEmpty {
                lines.append(String(line))
            }
        }
        return lines
    }
}
