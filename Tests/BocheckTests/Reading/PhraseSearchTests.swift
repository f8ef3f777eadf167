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

  @Test(
    "one byte, found by memchr in a long range and eight bytes at a time in a short one, as a search byte by byte finds it"
  )
  func firstOfOneByte() {
    // Ranges on both sides of the length from which memchr is called, the byte before, at and past each end.
    let long = ASCIIText.longRange
    for length in [0, 1, 7, 8, 9, long - 1, long, long + 1, 3 * long + 5] {
      for place in [-1, 0, 1, length / 2, length - 1, length] {
        var bytes = [UInt8](repeating: 0x61, count: length + 2)
        // The byte outside the range searched, or inside at `place`.
        if place + 1 >= 0 && place + 1 < bytes.count { bytes[place + 1] = 0x00 }
        let (start, end) = (1, length + 1)
        let expected = bytes[start..<end].firstIndex(of: 0x00) ?? end
        let found = bytes.withUnsafeBufferPointer { ASCIIText.firstOffset(of: 0x00, in: $0, from: start, to: end) }
        #expect(found == expected, "length \(length), byte at \(place)")
        let contains = String(decoding: bytes[start..<end], as: UTF8.self)
        #expect(ASCIIText.containsByte(0x00, in: contains) == (expected < end))
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

  @Test("a word list holds a word in any ASCII case, of any length, and nothing else")
  func wordListsHoldTheirWordsInAnyCase() {
    let words = ["a", "of", "vice", "ceo", "and", "president", "representative", "individually", "to"]
    let list = LineBytes.WordList(words)
    // Every word, upper-cased, mixed, lengthened, shortened and changed by a letter; longer than any word.
    var texts: [String] = []
    for word in words {
      texts += [word, word.uppercased(), word.capitalized, word + "s", String(word.dropLast()), "x" + word.dropFirst()]
    }
    texts += ["", "representatives", "Individually,", "OF ", String(repeating: "z", count: 40)]
    for text in texts {
      let bytes = Array(text.utf8)
      let held = bytes.withUnsafeBufferPointer { list.contains($0, 0..<$0.count) }
      #expect(held == words.contains(text.lowercased()), "\(text)")
    }
    // A word inside a longer text, by its range.
    let line = Array("Jane Roe, Managing Member and CEO".utf8)
    let ranges = line.withUnsafeBufferPointer { LineBytes.letterWords($0) }
    let held = line.withUnsafeBufferPointer { buffer in ranges.filter { list.contains(buffer, $0) } }
    #expect(held.map { String(decoding: line[$0], as: UTF8.self) } == ["and", "CEO"])
  }

  @Test("phrase initials tell the bytes that start one of the phrases, in either case, and no other")
  func phraseSetTellsInitials() {
    let sets: [[String]] = [["SCHEDULE 13D", "13G", "(CONTINUED)", "CONTINUED"], ["NUMBER", "OF", "WITH"], ["A"], []]
    for texts in sets {
      let phrases = texts.map(ASCIIText.phrase)
      let initials = ASCIIText.PhraseInitials(phrases)
      for byte in UInt8.min...UInt8.max {
        let expected = phrases.contains { $0.first == ASCIIText.upper(byte) }
        #expect(initials.contains(byte) == expected, "\(texts): byte \(byte)")
      }
    }
  }

  @Test("a run of three equal bytes is found wherever it stands, across the words read, and only a whole run")
  func runsOfThree() {
    // Every place a run of three (or two, or four) spaces can stand in lines of up to 24 bytes, among letters.
    for count in 0...24 {
      for start in 0...count {
        for length in 1...4 where start + length <= count {
          var bytes = [UInt8](repeating: 0x61, count: count)
          for offset in start..<(start + length) { bytes[offset] = 0x20 }
          let expected = length >= 3
          let found = bytes.withUnsafeBufferPointer { ASCIIText.containsRunOfThree(0x20, in: $0) }
          #expect(found == expected, "\(length) spaces at \(start) of \(count)")
        }
      }
    }
    // Two runs of two, side by side in one word and across two, are no run of three.
    let pairs = Array("ab  c  de  fgh  ij".utf8)
    #expect(!pairs.withUnsafeBufferPointer { ASCIIText.containsRunOfThree(0x20, in: $0) })
  }
}
