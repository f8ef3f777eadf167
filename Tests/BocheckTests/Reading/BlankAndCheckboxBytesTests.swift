import Testing

@testable import BocheckReading

/// Trimming blanks and reading checkbox glyphs on UTF-8 bytes give the answers the String-based steps gave
/// before them, on invented texts, ASCII and not: the reference below is the earlier implementation, kept
/// here only to compare with.
@Suite struct BlankAndCheckboxBytesTests {
  /// Invented cell texts: blanks of every kind at either end, glyphs in both cases, glyphs spelled with
  /// combining marks, glyphs with words after them, texts beyond ASCII.
  static let samples: [String] = [
    "", " ", "\t", "\u{00A0}", " \u{00A0}\t", "x", "X", " x ", "\tX\u{00A0}", "x yes", "X  ", "[x]", "[X]",
    "[ x ]", "[ X ]", "[x] checked", "[X]\tno", "[ ]", "[]", "( )", "(x)", "(X)", "o", "O", "0", "00", "yes",
    "YES", "Yes ", "no", "NO", "n/a", "N/A", " N/A\u{00A0}", "na", "þ", "Þ", "ý", "Ý", "y\u{0301}", "Y\u{0301}",
    "ý checked", "y\u{0301} checked", "þ x", "¨", "☐", "☒", "☑", "✓", "✔", "■", "□", " ☐ ", "\u{00A0}☒\u{00A0}",
    "x\u{0301}", "o\u{0308}", "[x\u{0301}]", "\u{212A}", "xx", "x\ty", "x\u{00A0}y", "1,000", "None",
    "Example Fund LP", "Zürich", "\u{00A0}\u{00A0}", " \u{00A0}x", "x \u{00A0}", "\u{00C2}\u{00A0}",
  ]

  @Test func blanksTrimAsBefore() {
    for sample in Self.samples {
      #expect(sample.trimmingBlanks() == Reference.trimmingBlanks(Substring(sample)), "\(sample)")
      #expect(
        sample.trimmingBlanks().utf8.elementsEqual(Reference.trimmingBlanks(Substring(sample)).utf8), "\(sample)")
      let inner = Substring(" " + sample + "\t").dropFirst()
      #expect(inner.trimmingBlanks().utf8.elementsEqual(Reference.trimmingBlanks(inner).utf8), "\(sample)")
    }
  }

  @Test func checkboxesReadAsBefore() {
    for sample in Self.samples {
      #expect(ValueParsers.checkboxState(sample) == Reference.checkboxState(sample), "\(sample)")
      #expect(ValueParsers.checkboxGlyph(sample) == Reference.checkboxGlyph(sample), "\(sample)")
    }
  }
}

/// The String-based steps the byte-level ones replaced.
private enum Reference {
  static func trimmingBlanks(_ text: Substring) -> String {
    let utf8 = text.utf8
    var start = utf8.startIndex
    var end = utf8.endIndex
    while start < end {
      let byte = utf8[start]
      if byte == 0x20 || byte == 0x09 {
        start = utf8.index(after: start)
      } else if byte == 0xC2, utf8.index(after: start) < end, utf8[utf8.index(after: start)] == 0xA0 {
        start = utf8.index(start, offsetBy: 2)
      } else {
        break
      }
    }
    while end > start {
      let last = utf8.index(before: end)
      let byte = utf8[last]
      if byte == 0x20 || byte == 0x09 {
        end = last
      } else if byte == 0xA0, last > start, utf8[utf8.index(before: last)] == 0xC2 {
        end = utf8.index(before: last)
      } else {
        break
      }
    }
    return String(text[start..<end])
  }

  static func checkboxState(_ text: String) -> Bool? {
    if ASCIIText.containsByte(0x3C, in: text), ASCIIText.contains(ASCIIText.phrase("<INPUT"), in: text) {
      return ASCIIText.contains(ASCIIText.phrase("CHECKED"), in: text)
    }
    let trimmed = trimmingBlanks(Substring(text)).lowercased()
    if trimmed.isEmpty { return nil }
    for checked in ["[x]", "[ x ]", "x", "þ", "ý", "☒", "☑", "✓", "✔", "■", "yes", "(x)"] where trimmed == checked {
      return true
    }
    for unchecked in ["[ ]", "[]", "o", "0", "¨", "☐", "□", "no", "( )", "n/a"] where trimmed == unchecked {
      return false
    }
    if trimmed.hasPrefix("[x]") || trimmed.hasPrefix("x ") || trimmed.hasPrefix("þ") || trimmed.hasPrefix("ý") {
      return true
    }
    return false
  }

  static func checkboxGlyph(_ text: String) -> Bool {
    ["o", "0", "x", "X", "[ ]", "[x]", "[X]", "¨", "þ", "ý", "☐", "☒"].contains(trimmingBlanks(Substring(text)))
  }
}
