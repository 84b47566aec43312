/// The UID of each day's event, and what a UID read back from a published
/// feed says about the event: its course and its run.
///
/// - A run without `id:`: day 1 is `<slug>-<n>@host` (n = the run's place as
///   written, 1-based: the UID the whole run had when it was one recurring
///   event), day k is `<slug>-<n>.<k>@host`.
/// - A run with `id: spring`: `<slug>.spring@host`, then `<slug>.spring.<k>@host`.
///
/// Slugs hold no `.` and ids start with a letter, so no two runs or days
/// share a UID and each UID can be split back into course, run and day.
struct EventID: Sendable, Hashable {
    let course: String
    /// `otp-2` or `otp.spring`: shared by every day of one run.
    let run: String
    /// 1-based.
    let day: Int

    init(_ scheduled: ScheduledRun, day: Int) {
        course = scheduled.course.slug.value
        if let id = scheduled.run.id {
            run = "\(course).\(id.value)"
        } else {
            run = "\(course)-\(scheduled.run.ordinal + 1)"
        }
        self.day = day
    }

    /// Reads a UID this scheme wrote; `nil` for any other UID.
    init?(uid: String) {
        guard let at = uid.lastIndex(of: "@") else { return nil }
        let parts = uid[..<at].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        func isNumber(_ text: String) -> Bool { !text.isEmpty && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber) }
        func ordinalCourse(_ run: String) -> String? {
            guard let dash = run.lastIndex(of: "-"), isNumber(String(run[run.index(after: dash)...])) else { return nil }
            return String(run[..<dash])
        }
        switch parts.count {
        case 1:
            guard let course = ordinalCourse(parts[0]) else { return nil }
            (self.course, run, day) = (course, parts[0], 1)
        case 2 where isNumber(parts[1]):
            guard let course = ordinalCourse(parts[0]), let day = Int(parts[1]) else { return nil }
            (self.course, run, self.day) = (course, parts[0], day)
        case 2:
            (course, run, day) = (parts[0], parts[0] + "." + parts[1], 1)
        case 3:
            guard isNumber(parts[2]), let day = Int(parts[2]) else { return nil }
            (course, run, self.day) = (parts[0], parts[0] + "." + parts[1], day)
        default:
            return nil
        }
        guard !course.isEmpty, day >= 1 else { return nil }
    }

    func uid(host: String) -> String {
        day == 1 ? "\(run)@\(host)" : "\(run).\(day)@\(host)"
    }
}
