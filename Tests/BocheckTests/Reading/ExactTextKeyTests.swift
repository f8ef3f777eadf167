import Testing

@testable import BocheckReading

/// A text's key is equal to another's exactly when their bytes and tags are, and every byte reaches its hash.
@Suite struct ExactTextKeyTests {
  /// A text of `count` ASCII letters, varied so that no eight bytes repeat the eight before them.
  private static func text(count: Int) -> String {
    String(decoding: (0..<count).map { UInt8(0x41 + ($0 * 7) % 26) }, as: UTF8.self)
  }

  @Test func aTextAndTheSameBytesWithinALongerTextMakeOneKey() {
    for count in 0...40 {
      let text = Self.text(count: count)
      let longer = "<<" + text + ">>"
      let inside = ExactTextKey(longer, range: 2..<(2 + count))
      #expect(ExactTextKey(text) == inside, "\(count) bytes")
      #expect(ExactTextKey(text).hashValue == inside.hashValue, "\(count) bytes")
      #expect(ExactTextKey(text, tag: 1) != ExactTextKey(text, tag: 2), "\(count) bytes")
    }
  }

  @Test func changingAnyByteChangesTheKeyAndItsHash() {
    // Lengths below, at and past one word, and whole and partial last words: the bytes past the last whole
    // word are read through an overlapping word, or one by one in a text shorter than a word.
    for count in 1...40 {
      let text = Self.text(count: count)
      let key = ExactTextKey(text)
      for offset in 0..<count {
        var bytes = Array(text.utf8)
        bytes[offset] = 0x61
        let changed = ExactTextKey(String(decoding: bytes, as: UTF8.self))
        #expect(key != changed, "byte \(offset) of \(count)")
        #expect(key.hashValue != changed.hashValue, "byte \(offset) of \(count)")
      }
    }
  }

  @Test func textsThatDifferInLengthOnlyAreApart() {
    // "AAAAAAAAA" and "AAAAAAAA" overlap in every word read: the length sets them apart.
    for count in 1...24 {
      let short = String(repeating: "A", count: count)
      let long = short + "A"
      #expect(ExactTextKey(short) != ExactTextKey(long))
      #expect(ExactTextKey(short).hashValue != ExactTextKey(long).hashValue, "\(count) bytes")
    }
  }
}
