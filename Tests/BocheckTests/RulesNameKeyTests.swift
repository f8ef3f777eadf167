import Testing

@testable import BocheckModel

/// The name key built on bytes gives the key the word-by-word `String` logic gave.
@Suite("Rules: name keys on bytes")
struct RulesNameKeyTests {
  /// The key as it was computed before it was built on bytes: a `String` per word, merged, mapped and joined.
  static func referenceKey(_ name: String) -> String {
    var words: [String] = []
    var current = ""
    func flush() {
      if !current.isEmpty { words.append(current) }
      current = ""
    }
    for scalar in name.unicodeScalars {
      switch scalar {
      case "a"..."z": current.unicodeScalars.append(Unicode.Scalar(scalar.value - 32)!)
      case "A"..."Z", "0"..."9": current.unicodeScalars.append(scalar)
      case "&":
        flush()
        words.append("AND")
      case ".", "'", "\u{2019}":
        continue
      default:
        if scalar.properties.isAlphabetic {
          current += String(scalar).uppercased()
        } else {
          flush()
        }
      }
    }
    flush()
    let joinable: Set<String> = ["LP", "LL", "LLC", "LLP", "NA", "PC", "SA", "AG", "NV", "BV"]
    let synonyms = [
      "LIMITED": "LTD", "INCORPORATED": "INC", "CORPORATION": "CORP", "COMPANY": "CO", "PARTNERSHIP": "LP",
    ]
    var merged: [String] = []
    for word in words {
      if word.utf8.count == 1, let last = merged.last, last.utf8.count <= 2, joinable.contains(last + word) {
        merged[merged.count - 1] = last + word
      } else {
        merged.append(synonyms[word] ?? word)
      }
    }
    if merged.first == "THE" && merged.count > 1 { merged.removeFirst() }
    return merged.map { synonyms[$0] ?? $0 }.joined(separator: " ")
  }

  /// Invented names: suffixes spelled every way, single letters that do and do not join, a leading article,
  /// ampersands, apostrophes, digits, runs of separators and names that are not ASCII.
  static let names = [
    "Alpha Partners Value, L.P.", "CEDAR POINT VALUE PARTNERS L P II", "The Gamma Company", "the", "THE THE",
    "The", "Beta Capital Management, L.L.C.", "L L P Omega", "L L L L", "L. L. C.", "P C", "N.A. Bank", "B V S A",
    "Rivera & Stone", "&&", "& Co", "Macy's Inc.", "John Q. Roe, Jr.", "A B C D", "x y", "S A G", "NV AG",
    "Omega Corporation (PFIC)", "IRS # 23-1234567", "  Delta   Incorporated  ", "Limited Partnership Company",
    "Zeta\tPartnership;Limited", "L L C", "Epsilon Holdings 2019-A LLC", "", "...", "-", "LIMITEDS", "Ltd",
    "Ærø Fond A/S", "Müller & Söhne GmbH", "Rivera\u{2019}s Fund", "The Ça Va Company L P", "Ω Fund L L C",
    "Straße Holding\u{00A0}Limited", "西 Capital LP", "\u{212A}appa L P",
  ]

  @Test("every invented name keys as the word-by-word logic keys it")
  func keysEqualTheWordByWordLogic() {
    for name in RulesNameKeyTests.names {
      #expect(NameKey(name).text == RulesNameKeyTests.referenceKey(name), "\(name)")
    }
  }

  /// What trails a name, cut as it was cut with a property lookup for every scalar.
  static func referenceWithoutQualifiers(_ name: String) -> String {
    if let last = name.utf8.last, (0x61...0x7A).contains(last | 0x20) || last == 0x2E { return name }
    var scalars = Array(name.unicodeScalars)
    func trimTrailing() {
      while let last = scalars.last,
        last.properties.isWhitespace || last == "*" || last == "\u{2020}" || last == "," || last == ";"
          || last == "-" || last == "\u{2013}" || last == "#" || last == ":"
      {
        scalars.removeLast()
      }
    }
    let labels: Set<String> = ["IRS", "I.R.S.", "NO", "NO.", "NOS.", "EIN", "ID", "I.D.", "TIN", "#"]
    var changed = true
    var removedIdentifier = false
    while changed {
      changed = false
      trimTrailing()
      if scalars.last == ")", let open = scalars.lastIndex(of: "("), open > 0 {
        scalars.removeSubrange(open...)
        changed = true
        continue
      }
      let wordStart = (scalars.lastIndex { $0.properties.isWhitespace }).map { $0 + 1 } ?? 0
      guard wordStart > 0 else { break }
      let word = String(String.UnicodeScalarView(scalars[wordStart...])).uppercased()
      let digits = word.unicodeScalars.filter { ("0"..."9").contains($0) }.count
      let isIdentifier = digits >= 7 && word.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || $0 == "-" }
      if isIdentifier || (removedIdentifier && labels.contains(word)) {
        scalars.removeSubrange(wordStart...)
        removedIdentifier = true
        changed = true
      }
    }
    return String(String.UnicodeScalarView(scalars))
  }

  @Test("what trails a name is cut as the property lookup cut it, ASCII white space or not")
  func qualifiersAreCutAsBefore() {
    let names = [
      "Harbor Fund LP (PFIC)", "Harbor Fund LP IRS # 12-3456789", "The Harbor Fund LP*", "Omega Trust\t(2)",
      "Delta LLC\u{1C}1234567", "Delta LLC\u{0B}1234567", "Delta LLC\u{00A0}1234567", "Delta LLC\u{2003}EIN 1234567",
      "Zeta Holdings, Inc. \u{2020}", "Eta Partners; No. 1234-5678 ", "(Theta)", "Iota\r\n", "Kappa 123456",
      "Lambda I.D. 98-7654321 -", "",
    ]
    for name in names {
      #expect(NameKey.withoutQualifiers(name) == Self.referenceWithoutQualifiers(name), "\(name.debugDescription)")
    }
  }

  @Test("a key's words are its text split at spaces, and its loose key is its loose words joined")
  func wordsAreTheTextSplitAtSpaces() {
    for name in RulesNameKeyTests.names + ["Harbor Fund LP (PFIC)", "Jane Q. Roe IRS # 12-3456789", "A \u{301}B"] {
      let key = NameKey(name)
      #expect(key.words == key.text.split(separator: " "), "\(name)")
      let loose = NameKey.looseKey(name, key: key)
      #expect(loose.text == NameKey.looseWords(name, key: key).joined(separator: " "), "\(name)")
      #expect(loose.text == NameKey(NameKey.withoutQualifiers(name)).text, "\(name)")
    }
  }

  @Test("a word set finds the words a set of substrings finds, the Kelvin sign's K included")
  func wordSetFindsWhatASetFinds() {
    // Words of 8, 9, 16 and 17 bytes straddle the two integers a word is packed in, and the longer words.
    let table: [Substring] = [
      "LP", "BANK", "INC", "K", "MR", "PARTNERS", "FINANCIAL", "ABCDEFGHIJKLMNOP", "INTERCONTINENTALS",
    ]
    let words = WordSet(
      arrayLiteral: table[0], table[1], table[2], table[3], table[4], table[5], table[6], table[7], table[8])
    let reference = Set(table)
    let candidates: [Substring] = [
      "LP", "LPS", "L", "BANK", "BAN\u{212A}", "\u{212A}", "K", "INC", "IN", "", "MR", "Mr", "MÜLLER", "BANKS",
      "BAN", "西", "PARTNERS", "PARTNERZ", "FINANCIAL", "FINANCIAX", "ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNOQ",
      "INTERCONTINENTALS", "INTERCONTINENTALZ", "INTERCONTINENTAL\u{212A}", "PARTNER\u{212A}",
    ]
    for word in candidates {
      #expect(words.contains(word) == reference.contains(word), "\(word)")
    }
  }
}
