import Foundation
import Mustache
import Testing
@testable import SyllabusKit

/// Typed page data becomes the plain values the patched Mustache reads fastest,
/// with `false` for every absent optional.
@Suite struct TemplateEncoderTests {
    struct Badges: TemplateInline {
        let price: String?
        let hasBadges: Bool
    }

    struct Item: Encodable {
        let name: String
        let note: String?
    }

    struct Card: Encodable {
        let title: String
        let count: Int
        let location: String?
        let items: [Item]
        let words: [String]
        let first: Item?
        let badges: Badges
        enum CodingKeys: String, CodingKey { case title = "card_title", count, location, items, words, first, badges }
    }

    @Test func absentOptionalsAreFalseAndInlineFieldsJoinTheirHolder() throws {
        let card = Card(title: "OTP", count: 3, location: nil, items: [Item(name: "a", note: nil)], words: ["x", "y"],
                        first: nil, badges: Badges(price: nil, hasBadges: true))
        let frame = TemplateEncoder.frame(card)
        #expect(frame.names == ["card_title", "count", "location", "items", "words", "first", "price", "hasBadges"], "each name once, in order")
        #expect(frame["card_title"] as? String == "OTP")
        #expect(frame["count"] as? Int == 3)
        #expect(frame["location"] as? Bool == false)
        #expect(frame["first"] as? Bool == false)
        #expect(frame["price"] as? Bool == false)
        #expect(frame["hasBadges"] as? Bool == true)
        #expect(frame["words"] as? [Any] != nil)
        #expect((frame["words"] as? [Any])?.compactMap { $0 as? String } == ["x", "y"])
        let item = try #require((frame["items"] as? [Any])?.first as? MustacheFields)
        #expect(item["name"] as? String == "a")
        #expect(item["note"] as? Bool == false)
    }

    /// The values are exactly the types of the Mustache fast paths: a struct is
    /// `MustacheFields`, not a dictionary or a custom type.
    @Test func structsBecomeMustacheFields() throws {
        let frame = TemplateEncoder.frame(Card(title: "t", count: 0, location: "Oslo", items: [], words: [],
                                               first: Item(name: "b", note: "n"), badges: Badges(price: "€5", hasBadges: false)))
        #expect(type(of: frame["first"]!) == MustacheFields.self)
        #expect(type(of: frame["location"]!) == String.self)
        #expect(type(of: frame["count"]!) == Int.self)
        #expect((frame["items"] as? [Any])?.isEmpty == true)
    }
}

/// `EncodedOnce`: a run's part of a day session is encoded when it is made,
/// and every day that shows it copies those fields instead of encoding again.
@Suite struct EncodedOnceTests {
    /// Counts how often it is encoded.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func increment() { lock.withLock { count += 1 } }
    }

    struct Counted: TemplateInline, Sendable {
        let counter: Counter
        let title: String
        let location: String?
        func encode(to encoder: Encoder) throws {
            counter.increment()
            var fields = encoder.container(keyedBy: CodingKeys.self)
            try fields.encode(title, forKey: .title)
            try fields.encodeIfPresent(location, forKey: .location)
        }
        enum CodingKeys: String, CodingKey { case title, location }
    }

    struct Day: Encodable {
        let run: EncodedOnce
        let dayOfRun: Int
    }

    @Test func eachDayCopiesTheFieldsEncodedWhenTheRunWasMade() {
        let counter = Counter()
        let run = EncodedOnce(Counted(counter: counter, title: "OTP", location: nil))
        #expect(counter.value == 1)
        let days = (1...3).map { TemplateEncoder.frame(Day(run: run, dayOfRun: $0)) }
        #expect(counter.value == 1)
        #expect(days.map(\.names) == Array(repeating: ["title", "location", "dayOfRun"], count: 3))
        #expect(days.map { $0["dayOfRun"] as? Int } == [1, 2, 3])
        #expect(days.allSatisfy { $0["title"] as? String == "OTP" && $0["location"] as? Bool == false })
    }

    /// A test's marker for absent values must reach the run's fields too.
    @Test func aMarkerForAbsentValuesEncodesTheRunAfresh() {
        let counter = Counter()
        let run = EncodedOnce(Counted(counter: counter, title: "OTP", location: nil))
        let frame = TemplateEncoder.frame(Day(run: run, dayOfRun: 1), absent: "ABSENT")
        #expect(counter.value == 2)
        #expect(frame["location"] as? String == "ABSENT")
    }
}
