import BocheckModel
import Testing

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
}
