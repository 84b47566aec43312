import Foundation

/// The abbreviations the tz database gives a zone's offsets (`CET`, `CEST`,
/// `AEDT`), read from its TZif file. Foundation on Linux only offers
/// `GMT+1`-style names, which calendar apps show to people as they are.
enum ZoneAbbreviations {
    /// Abbreviation by UTC offset and daylight-saving flag; later entries of
    /// the file (current rules) win over historical ones.
    static func table(for identifier: String, zoneinfo: String = "/usr/share/zoneinfo") -> [Key: String] {
        guard !identifier.contains(".."),
              let data = FileManager.default.contents(atPath: "\(zoneinfo)/\(identifier)") else { return [:] }
        return parse([UInt8](data)) ?? [:]
    }

    struct Key: Hashable {
        let offset: Int
        let isDaylight: Bool
    }

    /// Reads the local time types of a TZif file (RFC 8536), using the
    /// 64-bit block when the file has one.
    static func parse(_ bytes: [UInt8]) -> [Key: String]? {
        func int32(_ at: Int) -> Int? {
            guard at + 4 <= bytes.count else { return nil }
            return Int(Int32(bitPattern: UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])))
        }
        func header(at start: Int) -> (isut: Int, isstd: Int, leap: Int, time: Int, type: Int, char: Int)? {
            guard start + 44 <= bytes.count, bytes[start..<start + 4].elementsEqual("TZif".utf8),
                  let isut = int32(start + 20), let isstd = int32(start + 24), let leap = int32(start + 28),
                  let time = int32(start + 32), let type = int32(start + 36), let char = int32(start + 40) else { return nil }
            return (isut, isstd, leap, time, type, char)
        }
        guard let first = header(at: 0) else { return nil }
        var start = 0
        var timeSize = 4
        var counts = first
        if bytes[4] >= UInt8(ascii: "2") {
            let v1Length = 44 + first.time * 5 + first.type * 6 + first.char + first.leap * 8 + first.isstd + first.isut
            guard let second = header(at: v1Length) else { return nil }
            start = v1Length
            timeSize = 8
            counts = second
        }
        let typesAt = start + 44 + counts.time * timeSize + counts.time
        let charsAt = typesAt + counts.type * 6
        guard charsAt + counts.char <= bytes.count else { return nil }
        // Types in the order the zone last used them, so a current name wins
        // over a historical one with the same offset (EDT over 1945's EPT).
        let indicesAt = start + 44 + counts.time * timeSize
        var order = Array(0..<counts.type)
        for transition in 0..<counts.time {
            let type = Int(bytes[indicesAt + transition])
            if let position = order.firstIndex(of: type) {
                order.remove(at: position)
                order.append(type)
            }
        }
        var table: [Key: String] = [:]
        for index in order {
            let at = typesAt + index * 6
            guard let offset = int32(at) else { return nil }
            let isDaylight = bytes[at + 4] != 0
            let nameStart = charsAt + Int(bytes[at + 5])
            guard nameStart < charsAt + counts.char else { continue }
            let nameEnd = bytes[nameStart..<(charsAt + counts.char)].firstIndex(of: 0) ?? (charsAt + counts.char)
            let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
            if !name.isEmpty, name != "LMT" { table[Key(offset: offset, isDaylight: isDaylight)] = name }
        }
        return table
    }
}
