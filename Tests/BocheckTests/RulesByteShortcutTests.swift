import BocheckModel
import Testing

@testable import BocheckRules

/// The building blocks that read a text's bytes when they are ASCII give what their general paths give, and model
/// objects are laid out for `malloc`.
@Suite("CUSIPs and substrings read from bytes, objects allocated by malloc")
struct RulesByteShortcutTests {
  /// Printed CUSIPs and texts that are not: spaced, hyphenated, tabbed, lower-case, too short or long, with a
  /// character that is no CUSIP character, with a line break, and past ASCII (the Kelvin sign upper-cases to
  /// itself, `ß` to two letters, `é` to `É`).
  static let printed = [
    "037833100", "037833 10 0", "037833-10-0", "03783\t3100", "g3922b107", "G3922B107", "00206r102", "68989910A",
    "*@#123456", "037833!00", "03783310", "0378331", "0378331000", "", " ", "SCHEDULE1", "ABC123DEF", "12A456789",
    "037833\r\n100", "037833\n100", "\u{212A}37833100", "0378331\u{212A}0", "03783ß100", "0378ß3100", "03783310é",
    "０37833100", "037833 10", "0378!310", "12 34 56 78 9", "ab-cd-ef-12",
  ]

  /// The reading of CUSIPs scalar by scalar, which ``CUSIP``'s reading of bytes must agree with.
  enum ScalarCUSIP {
    static func compact(_ printed: String) -> String {
      String(printed.unicodeScalars.filter { $0 != " " && $0 != "-" && $0 != "\t" }).uppercased()
    }

    static func value(_ character: Unicode.Scalar) -> Int? {
      switch character {
      case "0"..."9": Int(character.value - 48)
      case "A"..."Z": Int(character.value - 65) + 10
      case "*": 36
      case "@": 37
      case "#": 38
      default: nil
      }
    }

    static func hasCUSIPForm(_ cusip: String) -> Bool {
      let characters = Array(cusip.unicodeScalars)
      guard characters.count == 9, characters.allSatisfy({ value($0) != nil }) else { return false }
      return characters.prefix(6).filter { ("0"..."9").contains($0) }.count >= 3
    }

    static func checkDigit(of cusip: String) -> Int? {
      let characters = Array(cusip.unicodeScalars.prefix(8))
      guard characters.count == 8 else { return nil }
      var sum = 0
      for (offset, character) in characters.enumerated() {
        guard var value = value(character) else { return nil }
        if offset % 2 == 1 { value *= 2 }
        sum += value / 10 + value % 10
      }
      return (10 - sum % 10) % 10
    }
  }

  @Test("a printed CUSIP's compact form, its form and its check digit are those read scalar by scalar")
  func cusipBytesEqualScalars() {
    for text in Self.printed {
      let compact = ScalarCUSIP.compact(text)
      #expect(CUSIP.compact(text) == compact, "compact '\(text)'")
      #expect(Array(CUSIP.compact(text).utf8) == Array(compact.utf8), "bytes of compact '\(text)'")
      for form in [text, compact] {
        #expect(CUSIP.hasCUSIPForm(form) == ScalarCUSIP.hasCUSIPForm(form), "hasCUSIPForm '\(form)'")
        #expect(CUSIP.checkDigit(of: form) == ScalarCUSIP.checkDigit(of: form), "checkDigit '\(form)'")
      }
    }
  }

  @Test("an object and its values are aligned to 8 bytes, so that objects are allocated by malloc")
  func objectsAreEightByteAligned() {
    // The runtime hands an allocation aligned to more than 8 bytes to posix_memalign (Linux).
    #expect(MemoryLayout<ModelObjectHeader>.alignment <= 8)
    #expect(MemoryLayout<Value>.alignment <= 8)
    let shares = ExactDecimal(significand: -12_345_678_901_234_567_890_123, scale: 6)
    #expect(ObjectDisplay.decimal(shares).text == shares.description)
    #expect(ObjectDisplay.part(label: "i", shares: shares, kind: "warrant").text == "(i) \(shares) warrant")
  }

  @Test("substring cuts the characters a text's array of characters holds, line breaks and accents included")
  func substringEqualsCharacters() throws {
    let substring = try #require(BuiltinFunctions.all["substring"])
    let context = ModelBridge(filing: LanguageHarness.filing, basis: nil).context
    let texts = [
      "malformed XML: the document ends", "037833100", "", "a", "line\r\nbreak", "line\nbreak\r", "\r\n",
      "cafe\u{301} au lait", "caf\u{E9}", "\u{212A}elvin", "a text long enough to be stored outside the string",
    ]
    for text in texts {
      let characters = Array(text)
      for start in 1...(characters.count + 2) {
        for length in 0...(characters.count + 2) {
          let arguments = Arguments([
            .string(text), .number(Rational(start), decimals: nil), .number(Rational(length), decimals: nil),
          ])
          let from = min(start - 1, characters.count)
          let expected = String(characters[from..<min(from + length, characters.count)])
          guard case .string(let cut) = substring.evaluate(arguments, context) else {
            Issue.record("substring('\(text)', \(start), \(length)) is not a text")
            continue
          }
          #expect(cut == expected, "substring('\(text)', \(start), \(length))")
          #expect(Array(cut.utf8) == Array(expected.utf8), "bytes of substring('\(text)', \(start), \(length))")
        }
      }
    }
  }
}
