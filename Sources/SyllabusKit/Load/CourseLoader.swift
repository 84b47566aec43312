/// Reads one `content/courses/<slug>.md` into a `Course`.
enum CourseLoader {
    static let knownKeys = ["title", "summary", "kind", "instructors", "instructor", "start", "end", "time",
                            "timezone", "location", "tags", "draft", "slug", "runs"]
        + WrittenBooking.keys + CourseFactsFields.keys
    static let runKeys = ["start", "end", "time", "timezone", "location", "instructors", "instructor", "id"] + WrittenBooking.keys

    static func load(_ file: SourceFile, site: SiteConfig?, log: inout DiagnosticLog) -> Course? {
        guard let parts = FrontMatter.split(file, log: &log),
              let fields = YAMLFields.parse(parts.yaml, file: file.path, firstLine: parts.yamlFirstLine, log: &log)
        else { return nil }
        fields.warnUnknownKeys(known: knownKeys, log: &log)
        var errors = DiagnosticLog()

        let title = fields.requiredString("title", example: "OTP for the seasoned Erlanger", log: &errors)
        let slug = slug(of: file, fields: fields, log: &errors)
        let instructors = instructorNames(fields, log: &errors)
        let location = fields.string("location", log: &errors)
        let hours = fields.hours("time", log: &errors) ?? site?.hours ?? .allDay
        let timezone = fields.timezone("timezone", log: &errors) ?? site?.timezone ?? "UTC"
        let courseBooking = WrittenBooking(fields, log: &errors)
        let facts = CourseFactsFields.read(fields, log: &errors)
        let inherited = RunDefaults(hours: hours, timezone: timezone, location: location, instructors: instructors,
                                    booking: courseBooking, site: site)
        var reported = Set<SourceLocation>()

        var runs: [Run] = []
        if let runList = fields.fieldList("runs", log: &errors) {
            for key in ["start", "end"] where fields.has(key) {
                errors.error(fields.keyLocation(key), "'\(key)' cannot stand beside 'runs:'; give each run its own start and end")
            }
            var ids: [Slug: SourceLocation] = [:]
            for (index, runFields) in runList.enumerated() {
                runFields.warnUnknownKeys(known: runKeys + CourseFactsFields.keys, log: &log)
                for key in CourseFactsFields.keys where runFields.node(key) != nil {
                    log.warning(runFields.keyLocation(key), "'\(runFields.name(key))' is ignored: \(key) belongs to the whole course; set it at the top of the file")
                }
                guard let run = run(runFields, ordinal: index, defaults: inherited, reported: &reported, log: &errors) else { continue }
                if let id = run.id {
                    if let first = ids[id] {
                        errors.error(runFields.valueLocation("id"), "'\(runFields.name("id"))' \"\(id.value)\" is already the id of the run at line \(first.line); each run of a course needs its own id")
                    }
                    ids[id] = ids[id] ?? runFields.valueLocation("id")
                }
                runs.append(run)
            }
            if runList.isEmpty {
                errors.error(fields.valueLocation("runs"), "'runs' is an empty list; list at least one run or remove 'runs:'")
            }
        } else if fields.has("start") || fields.has("end") {
            if let run = run(fields, ordinal: 0, defaults: inherited, reported: &reported, log: &errors) { runs.append(run) }
        }
        // An entry without dates (an exam) may still have a price and a booking link.
        let entryBooking = runs.isEmpty && !fields.has("runs") && !fields.has("start")
            ? courseBooking.booking(site: site, reported: &reported, log: &errors) : nil
        let summary = fields.string("summary", log: &errors)
        let kind = fields.string("kind", log: &errors)
        let tags = fields.stringList("tags", log: &errors) ?? []
        for tag in tags.uniqued() where Slug(tag: tag) == nil {
            // Left out of the tag pages, which need an address: say so rather than drop it.
            log.warning(fields.valueLocation("tags"), "tag \(quoted: tag) has no letters or digits to make a page address from; it gets no topic page")
        }
        let draft = fields.bool("draft", log: &errors) ?? false
        // A draft is work in progress; sample text matters once it is published.
        if !draft {
            Placeholders.checkSummary(fields, log: &log)
            Placeholders.checkBody(parts.body, file: file.path, firstLine: parts.bodyFirstLine,
                                   samples: Placeholders.courseBody, log: &log)
        }
        log.merge(errors)
        guard !errors.hasErrors, let title, let slug else { return nil }
        return Course(
            slug: slug,
            title: title.trimmingWhitespace(),
            summary: summary.map { $0.trimmingWhitespace(andNewlines: true) }.flatMap { $0.isEmpty ? nil : $0 },
            kind: kind,
            instructors: instructors,
            location: location,
            tags: tags.uniqued(),
            draft: draft,
            facts: facts,
            booking: entryBooking ?? .unspecified,
            runs: runs.sorted { ($0.start, $0.ordinal) < ($1.start, $1.ordinal) },
            body: parts.body,
            bodyLine: parts.bodyFirstLine,
            source: SourceLocation(path: file.path, line: 1, column: 1),
            fingerprint: fingerprint(of: file, site: site)
        )
    }

    private static func fingerprint(of file: SourceFile, site: SiteConfig?) -> Int {
        var hasher = Hasher()
        hasher.combine(file.path)
        // The bytes, not the String: String hashing normalises Unicode first,
        // which cost 2% of a large build for a "did this file change" check.
        var text = file.text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(site)
        return hasher.finalize()
    }

    private struct RunDefaults {
        let hours: DailyHours
        let timezone: String
        let location: String?
        let instructors: [String]
        /// The course's booking keys, which a run's own override.
        let booking: WrittenBooking
        let site: SiteConfig?
    }

    private static func run(_ fields: YAMLFields, ordinal: Int, defaults: RunDefaults, reported: inout Set<SourceLocation>,
                            log: inout DiagnosticLog) -> Run? {
        guard fields.has("start") else {
            log.error(fields.has("end") ? fields.keyLocation("end") : fields.location,
                      "'\(fields.name("start"))' is missing: a run needs its first day, e.g. start: 2020-05-25")
            return nil
        }
        guard let start = fields.date("start", log: &log) else { return nil }
        var end = start
        if fields.has("end") {
            guard let written = fields.date("end", log: &log) else { return nil }
            guard written >= start else {
                log.error(fields.valueLocation("end"), "'\(fields.name("end"))' \(written) is before 'start' \(start); the last day cannot come before the first")
                return nil
            }
            let days = written.dayNumber - start.dayNumber + 1
            guard days <= Run.maximumDays else {
                log.error(fields.valueLocation("end"), "'\(fields.name("end"))' \(written) makes a run of \(days) days from 'start' \(start); a run lasts at most \(Run.maximumDays) days, so split a longer one into several runs")
                return nil
            }
            end = written
        }
        // A top-level start/end shares its fields with the course, which
        // already read them into `defaults`.
        let isNested = !fields.context.isEmpty
        var instructors = defaults.instructors
        if isNested, fields.has("instructors") || fields.has("instructor") {
            instructors = instructorNames(fields, log: &log)
        }
        let written = isNested ? WrittenBooking(fields, log: &log).over(defaults.booking) : defaults.booking
        guard let booking = written.booking(site: defaults.site, reported: &reported, log: &log) else { return nil }
        var id: Slug?
        if isNested, let written = fields.string("id", log: &log) {
            // A leading letter keeps an id apart from the run numbers that
            // UIDs of runs without an id carry.
            guard let slug = Slug(written), slug.value.first!.isLetter else {
                log.error(fields.valueLocation("id"), "'\(fields.name("id"))': \"\(written)\" is not a run id; use a slug that starts with a letter, e.g. spring-2021")
                return nil
            }
            id = slug
        }
        return Run(
            ordinal: ordinal,
            id: id,
            start: start,
            end: end,
            hours: isNested ? (fields.hours("time", log: &log) ?? defaults.hours) : defaults.hours,
            timezone: isNested ? (fields.timezone("timezone", log: &log) ?? defaults.timezone) : defaults.timezone,
            location: isNested ? (fields.string("location", log: &log) ?? defaults.location) : defaults.location,
            instructors: instructors,
            booking: booking,
            source: fields.keyLocation("start")
        )
    }

    /// `instructors: [A, B]` or `instructor: A`, not both.
    private static func instructorNames(_ fields: YAMLFields, log: inout DiagnosticLog) -> [String] {
        if fields.has("instructors"), fields.has("instructor") {
            log.error(fields.keyLocation("instructor"), "use either 'instructor' or 'instructors', not both")
        }
        let names = (fields.stringList("instructors", log: &log) ?? []) + (fields.stringList("instructor", log: &log) ?? [])
        for name in names where Slug(folding: name) == nil {
            log.error(fields.valueLocation(fields.has("instructors") ? "instructors" : "instructor"),
                      "instructor name \(quoted: name) has no letters or digits to make a page address from")
        }
        return names.uniqued()
    }

    private static func slug(of file: SourceFile, fields: YAMLFields, log: inout DiagnosticLog) -> Slug? {
        if let written = fields.string("slug", log: &log) {
            guard let slug = Slug(written) else {
                log.error(fields.valueLocation("slug"), "'slug': \(quoted: written) is not a slug; use lower-case letters, digits and single hyphens, e.g. otp-seasoned")
                return nil
            }
            // The slug names the page's folder: keep it well inside a file name.
            guard written.utf8.count <= Slug.maxLength else {
                log.error(fields.valueLocation("slug"), "'slug' is \(written.utf8.count) characters long; keep it to \(Slug.maxLength)")
                return nil
            }
            return slug
        }
        let stem = SourceFile.stem(file.path)
        guard let slug = Slug(stem) else {
            let hint = Slug(folding: stem).map { "; rename it to \($0).md or set slug: \($0)" } ?? ""
            log.error(SourceLocation(path: file.path, line: 1, column: 1),
                      "the file name \(quoted: stem) is not a slug (lower-case letters, digits and single hyphens)\(hint)")
            return nil
        }
        return slug
    }
}
