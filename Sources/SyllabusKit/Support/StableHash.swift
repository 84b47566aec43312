/// FNV-1a over UTF-8 bytes: the same value in every process and on every
/// platform, unlike `Hasher`, which is seeded per process. Slugs derived
/// from it must not change between builds.
enum StableHash {
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// Eight lower-case hex digits, enough to tell names apart in a slug.
    static func short(_ text: String) -> String {
        let hex = String(fnv1a(text) >> 32, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
