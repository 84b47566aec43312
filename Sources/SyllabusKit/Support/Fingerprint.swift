/// A 128-bit digest of a page's inputs that is the same in every process,
/// so that a build can tell from the previous build's record that a page
/// would come out as it did then (`PageFingerprints`). Swift's `Hasher` is
/// seeded per process and cannot serve; `StableHash` (64-bit FNV-1a over
/// bytes) is too slow for the megabytes of a catalog's page data and too
/// short to trust across 100,000 pages and years of builds.
///
/// The mixing is MurmurHash3's x64-128 round over 16-byte blocks: fast
/// and well spread for data nobody chose to collide. It is not a
/// cryptographic hash; an editor who crafted two course files with one
/// digest could at worst keep an old page of their own in place.
struct Fingerprint: Hashable, Sendable {
    let high: UInt64
    let low: UInt64

    /// 32 lower-case hex digits.
    var hex: String {
        Self.hex(high) + Self.hex(low)
    }

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    init?(hex: Substring) {
        guard hex.utf8.count == 32, let high = UInt64(hex.prefix(16), radix: 16),
              let low = UInt64(hex.suffix(16), radix: 16) else { return nil }
        self.init(high: high, low: low)
    }

    private static func hex(_ word: UInt64) -> String {
        let digits = String(word, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// Feeds values into a `Fingerprint`. Every value is written with its length
/// or a tag first, so that no two different sequences of values read alike
/// (`"ab", "c"` against `"a", "bc"`).
struct FingerprintHasher {
    private var h1: UInt64 = 0x6A09_E667_F3BC_C908
    private var h2: UInt64 = 0xBB67_AE85_84CA_A73B
    private var words: UInt64 = 0

    private static let c1: UInt64 = 0x87C3_7B91_1142_53D5
    private static let c2: UInt64 = 0x4CF5_AD43_2745_937F

    mutating func combine(_ word: UInt64) {
        combine(word, 0)
    }

    /// MurmurHash3 x64-128's round over one 16-byte block.
    private mutating func combine(_ first: UInt64, _ second: UInt64) {
        words &+= 1
        var k1 = first &* Self.c1
        k1 = (k1 << 31) | (k1 >> 33)
        k1 &*= Self.c2
        h1 ^= k1
        h1 = ((h1 << 27) | (h1 >> 37)) &+ h2
        h1 = h1 &* 5 &+ 0x52DC_E729
        var k2 = second &* Self.c2
        k2 = (k2 << 33) | (k2 >> 31)
        k2 &*= Self.c1
        h2 ^= k2
        h2 = ((h2 << 31) | (h2 >> 33)) &+ h1
        h2 = h2 &* 5 &+ 0x3849_5AB5
    }

    mutating func combine(_ value: Int) {
        combine(UInt64(bitPattern: Int64(value)))
    }

    /// The byte count, then the bytes sixteen at a time, the last block padded with zeros.
    mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        combine(UInt64(bytes.count))
        var offset = 0
        while offset + 16 <= bytes.count {
            combine(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)),
                    UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)))
            offset += 16
        }
        if offset < bytes.count {
            var last: (UInt64, UInt64) = (0, 0)
            for index in offset..<bytes.count {
                let shift = UInt64(8 * ((index - offset) % 8))
                if index - offset < 8 { last.0 |= UInt64(bytes[index]) << shift } else { last.1 |= UInt64(bytes[index]) << shift }
            }
            combine(last.0, last.1)
        }
    }

    /// A string's UTF-8 bytes, as `combine(_: UnsafeRawBufferPointer)` writes them.
    mutating func combine(_ text: String) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ combine(UnsafeRawBufferPointer($0)) }) {
            return done
        }
        var copy = text
        copy.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
    }

    func finalize() -> Fingerprint {
        var a = h1 ^ words, b = h2 ^ words
        a &+= b
        b &+= a
        a = Self.mix(a)
        b = Self.mix(b)
        a &+= b
        b &+= a
        return Fingerprint(high: a, low: b)
    }

    /// MurmurHash3's finaliser: every input bit reaches every output bit.
    private static func mix(_ value: UInt64) -> UInt64 {
        var k = value
        k ^= k >> 33
        k &*= 0xFF51_AFD7_ED55_8CCD
        k ^= k >> 33
        k &*= 0xC4CE_B9FE_1A85_EC53
        k ^= k >> 33
        return k
    }
}
