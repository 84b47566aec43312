import Testing
@testable import SyllabusKit

@Suite struct SlugTests {
    @Test(arguments: ["otp", "otp-seasoned", "a1-b2-c3", "2020", "x"])
    func acceptsValidSlugs(_ text: String) {
        #expect(Slug(text)?.value == text)
    }

    @Test(arguments: ["", "-otp", "otp-", "otp--seasoned", "OTP", "otp seasoned", "otp_seasoned", "../../escape",
                      "a/b", ".", "..", "ö", "otp.md"])
    func refusesAnythingElse(_ text: String) {
        #expect(Slug(text) == nil)
        #expect(!Slug.isValid(text))
    }

    @Test(arguments: [
        ("Mikael Muszyński", "mikael-muszynski"),
        ("Zoë Brontë", "zoe-bronte"),
        ("Ærø", "aero"),
        ("Łukasz Straße", "lukasz-strasse"),
        ("  Robert   Virding  ", "robert-virding"),
        ("C++ & Rust -- a tour!", "c-rust-a-tour"),
        ("OTP: the ... basics?", "otp-the-basics"),
        ("José O'Neil", "jose-o-neil"),
        ("Erlang/OTP 23", "erlang-otp-23"),
    ])
    func foldsNamesToASCII(_ name: String, _ slug: String) {
        #expect(Slug(folding: name)?.value == slug)
    }

    @Test(arguments: ["", "   ", "---", "🎓", "!!!"])
    func namesWithoutLettersOrDigitsHaveNoSlug(_ name: String) {
        #expect(Slug(folding: name) == nil)
    }

    /// Every script gets an address: transliterated by ICU where it can.
    @Test(arguments: [
        ("李小龍", "li-xiao-long"),
        ("Иван Петров", "ivan-petrov"),
        ("Ελληνικά", "ellenika"),
        ("日本語", "ri-ben-yu"),
    ])
    func namesInOtherScriptsAreTransliterated(_ name: String, _ slug: String) {
        #expect(Slug(folding: name)?.value == slug)
    }

    @Test func aNameInAScriptWithSomeLatinKeepsItsLatinSlug() {
        // Unchanged from before transliteration: existing addresses stay.
        #expect(Slug(folding: "Zoë 李")?.value == "zoe")
    }

    @Test func theFallbackHashIsStable() {
        // Pinned (FNV-1a 64, upper half, checked against Python): a page
        // address must be the same in every build and process.
        #expect(StableHash.short("李小龍") == "73abed31")
        #expect(StableHash.short("") == "cbf29ce4")
    }

    @Test func longSlugsAreCutAtAWordAndEndInAHashOfTheWhole() throws {
        let long = try #require(Slug(folding: String(repeating: "word ", count: 60)))
        #expect(long.value.utf8.count <= Slug.maxLength)
        #expect(long.value.hasPrefix("word-word-"))
        #expect(long.value.hasSuffix("-" + StableHash.short(Array(repeating: "word", count: 60).joined(separator: "-"))))
        #expect(!long.value.contains("-wor-"))
        let oneWord = try #require(Slug(folding: String(repeating: "a", count: 300)))
        #expect(oneWord.value.utf8.count == Slug.maxLength)
        #expect(Slug.isValid(oneWord.value))
        // Two long names that share their first 96 letters still differ.
        #expect(Slug(folding: String(repeating: "a", count: 300)) != Slug(folding: String(repeating: "a", count: 301)))
        // A slug of exactly the limit is kept as it is.
        let exact = String(repeating: "b", count: Slug.maxLength)
        #expect(Slug(folding: exact)?.value == exact)
    }

    @Test func topicSlugsSpellOutPlusAndSharp() {
        #expect(Slug(tag: "C++")?.value == "c-plus-plus")
        #expect(Slug(tag: "C#")?.value == "c-sharp")
        #expect(Slug(tag: "C")?.value == "c")
        #expect(Slug(tag: "Erlang/OTP")?.value == "erlang-otp")
    }
}
