/// VTIMEZONE blocks by zone and year window, computed once per build: asking
/// Foundation for transitions and reading the TZif file for every feed of a
/// 10,000-course catalog would cost more than writing the feeds.
struct ZoneBlockCache: Sendable {
    private let blocks = Memo<ContentLines>()

    func block(for zone: TimeZoneDefinition) -> ContentLines {
        blocks.value("\(zone.identifier)|\(zone.firstYear)|\(zone.lastYear)") {
            var lines = ContentLines()
            zone.write(to: &lines)
            return lines
        }
    }
}
