import Testing

@testable import BocheckReading

/// The byte search for a phrase in a text gives the range the standard library's search gives, in the text's
/// own indices, from the start or from a later position, in a String or a Substring.
@Suite struct PhraseSearchTests {
  private let texts = [
    "the general partner of the fund is the manager of the fund",
    "Müller Capital, général partner of Fonds Élan — the manager of Élan",
    "no such phrase here",
    "of",
    "",
  ]

  @Test("the first occurrence, as firstRange(of:) finds it")
  func fromTheStart() {
    for text in texts {
      for needle in ["partner of ", "manager of", "of", " (", "Élan"] {
        #expect(ASCIIText.firstOccurrence(of: needle, in: text) == text.firstRange(of: needle), "\(needle) in \(text)")
      }
    }
  }

  @Test("from a later position, and in a substring")
  func fromAPosition() {
    let text = texts[1]
    let first = ASCIIText.firstOccurrence(of: "of ", in: text)
    #expect(first != nil)
    let second = ASCIIText.firstOccurrence(of: "of ", in: text, from: first!.upperBound)
    #expect(second == text[first!.upperBound...].firstRange(of: "of "))
    #expect(second.map { String(text[$0.upperBound...]) } == "Élan")
    let tail = text[first!.upperBound...]
    #expect(ASCIIText.firstOccurrence(of: "manager", in: tail) == tail.firstRange(of: "manager"))
    #expect(ASCIIText.firstOccurrence(of: "Müller", in: tail) == nil)
  }

  @Test("the first of two bytes, found eight bytes at a time, as a search byte by byte finds it")
  func firstOfTwoBytes() {
    let texts = [
      "", "<", "abc", "<a>", "name attr=\"1\">text", "abcdefgh>ijk", "abcdefghijklmno<pq>", "ab>cdefghijklmno<",
      "\u{3E}\u{3C}", "é—“quoted”>", String(repeating: "x", count: 23) + "<",
    ]
    for text in texts {
      let bytes = Array(text.utf8)
      for start in 0...bytes.count {
        for end in start...bytes.count {
          let expected = bytes[start..<end].firstIndex { $0 == 0x3E || $0 == 0x3C } ?? end
          let found = bytes.withUnsafeBufferPointer {
            ASCIIText.firstOffset(of: 0x3E, or: 0x3C, in: $0, from: start, to: end)
          }
          #expect(found == expected, "\(text) \(start)..<\(end)")
        }
      }
    }
  }

  @Test("a range spells an upper-case word whatever the case of its letters, and only at its length")
  func rangeSpellsWord() {
    let bytes = Array("xx Inc. co., LTD é".utf8)
    #expect(ASCIIText.spells(Array("INC.".utf8), in: bytes, at: 3..<7))
    #expect(ASCIIText.spells(Array("CO.,".utf8), in: bytes, at: 8..<12))
    #expect(ASCIIText.spells(Array("LTD".utf8), in: bytes, at: 13..<16))
    #expect(!ASCIIText.spells(Array("INC".utf8), in: bytes, at: 3..<7))
    #expect(!ASCIIText.spells(Array("LTE".utf8), in: bytes, at: 13..<16))
    // A non-ASCII byte is compared as it is.
    #expect(ASCIIText.spells(Array(" é".utf8), in: bytes, at: 16..<19))
    #expect(ASCIIText.spells([], in: bytes, at: 2..<2))
  }
}
