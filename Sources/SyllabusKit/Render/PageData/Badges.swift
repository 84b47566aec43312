/// A status or delivery-mode badge: its text and the tone that colours it.
struct Badge: Encodable, Sendable {
    let label: String
    let tone: String
}

/// Price, status badge, mode badge and, for a run that can be booked now,
/// the booking link of a run, a card or a session. Every field is absent when
/// its front-matter key is, so a catalog without booking keys renders as
/// one written before them.
struct BookingBadges: TemplateInline, Sendable {
    let price: String?
    let status: Badge?
    let cancelled: Bool
    let mode: Badge?
    let book: String?
    /// Any badge to show: these, or the course badges beside them.
    let hasBadges: Bool
}

/// Level and language badges of a card or a session, beside its run's badges.
struct CourseBadges: TemplateInline, Sendable {
    let level: String?
    let languageName: String?

    var any: Bool { level != nil || languageName != nil }
}
