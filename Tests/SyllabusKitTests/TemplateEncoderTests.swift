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
