/// A reporting person's name reduced to what identifies it, so that the ways one filing prints the same
/// name compare equal.
///
/// "Cedar Point Value Partners, L.P. II", "CEDAR POINT VALUE PARTNERS LP II" and
/// "Cedar Point Value Partners L P II" share one key. The key keeps every word, so names that
/// differ by a word ("... LP" and "... LP I") stay apart.
public struct NameKey: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The normalised words joined by single spaces.
  public let text: String

  /// Normalises a printed name: upper-cases it, turns `&` into AND, drops punctuation, joins spaced
  /// single-letter abbreviations ("L P" to "LP") and spells common entity suffixes one way.
  ///
  /// - Parameter name: The name as printed.
  public init(_ name: String) {
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
        // "L.P." and "Ltd." lose their points; "Macy's" keeps its letters together.
        continue
      default:
        if scalar.properties.isAlphabetic {
          current.unicodeScalars.append(scalar)
        } else {
          flush()
        }
      }
    }
    flush()
    var merged: [String] = []
    for word in words {
      // "L P" -> "LP", "L L C" -> "LLC": runs of single letters that spell an entity suffix.
      if word.count == 1, let last = merged.last, last.count <= 2, NameKey.joinableLetters.contains(last + word) {
        merged[merged.count - 1] = last + word
      } else {
        merged.append(NameKey.synonyms[word] ?? word)
      }
    }
    if merged.first == "THE" && merged.count > 1 { merged.removeFirst() }
    text = merged.map { NameKey.synonyms[$0] ?? $0 }.joined(separator: " ")
  }

  private static let joinableLetters: Set<String> = ["LP", "LL", "LLC", "LLP", "NA", "PC", "SA", "AG", "NV", "BV"]
  private static let synonyms: [String: String] = [
    "LIMITED": "LTD", "INCORPORATED": "INC", "CORPORATION": "CORP", "COMPANY": "CO",
    "PARTNERSHIP": "LP",
  ]

  /// The normalised text.
  public var description: String { text }

  /// Orders keys by their text.
  public static func < (lhs: NameKey, rhs: NameKey) -> Bool { lhs.text < rhs.text }
}
