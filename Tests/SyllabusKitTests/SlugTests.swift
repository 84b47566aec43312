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

    @Test(arguments: ["", "   ", "---", "🎓", "日本語"])
    func namesWithoutLettersOrDigitsHaveNoSlug(_ name: String) {
        #expect(Slug(folding: name) == nil)
    }

    @Test func topicSlugsSpellOutPlusAndSharp() {
        #expect(Slug(tag: "C++")?.value == "c-plus-plus")
        #expect(Slug(tag: "C#")?.value == "c-sharp")
        #expect(Slug(tag: "C")?.value == "c")
        #expect(Slug(tag: "Erlang/OTP")?.value == "erlang-otp")
    }
}
