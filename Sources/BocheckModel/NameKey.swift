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
    var words = name.utf8.allSatisfy({ $0 < 0x80 }) ? NameKey.asciiWords(name) : NameKey.words(name)
    var merged: [String] = []
    merged.reserveCapacity(words.count)
    for word in words {
      // "L P" -> "LP", "L L C" -> "LLC": runs of single letters that spell an entity suffix.
      if word.count == 1, let last = merged.last, last.count <= 2, NameKey.isJoinable(last + word) {
        merged[merged.count - 1] = last + word
      } else {
        merged.append(NameKey.synonym(word))
      }
    }
    if merged.first == "THE" && merged.count > 1 { merged.removeFirst() }
    words = merged.map(NameKey.synonym)
    text = words.joined(separator: " ")
  }

  /// The upper-cased words of a name: `&` is a word AND, points and apostrophes are dropped (so "L.P." and
  /// "Ltd." lose their points and "Macy's" keeps its letters together), and anything else that is neither a
  /// letter nor a digit separates words.
  private static func words(_ name: String) -> [String] {
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
          current.unicodeScalars.append(scalar)
        } else {
          flush()
        }
      }
    }
    flush()
    return words
  }

  /// ``words(_:)`` for a name that is all ASCII, on its bytes: the same words, found without building strings a
  /// scalar at a time (names are keyed many times while a filing is read and checked).
  private static func asciiWords(_ name: String) -> [String] {
    var words: [String] = []
    var current: [UInt8] = []
    func flush() {
      if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
      current.removeAll(keepingCapacity: true)
    }
    for byte in name.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"): current.append(byte - 32)
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): current.append(byte)
      case UInt8(ascii: "&"):
        flush()
        words.append("AND")
      case UInt8(ascii: "."), UInt8(ascii: "'"):
        continue
      default:
        // No other ASCII character is a letter.
        flush()
      }
    }
    flush()
    return words
  }

  /// Whether single letters joined spell an entity suffix ("L P" is "LP").
  private static func isJoinable(_ letters: String) -> Bool {
    switch letters {
    case "LP", "LL", "LLC", "LLP", "NA", "PC", "SA", "AG", "NV", "BV": return true
    default: return false
    }
  }

  /// The one spelling of an entity suffix ("LIMITED" is "LTD"), or the word itself.
  private static func synonym(_ word: String) -> String {
    switch word {
    case "LIMITED": return "LTD"
    case "INCORPORATED": return "INC"
    case "CORPORATION": return "CORP"
    case "COMPANY": return "CO"
    case "PARTNERSHIP": return "LP"
    default: return word
    }
  }

  /// The normalised text.
  public var description: String { text }

  /// Orders keys by their text.
  public static func < (lhs: NameKey, rhs: NameKey) -> Bool { lhs.text < rhs.text }
}

/// How closely two printed names agree.
public enum NameMatch: String, Sendable {
  /// The names have the same ``NameKey``: they differ at most in case, punctuation and the spelling of
  /// entity suffixes.
  case exact
  /// The names agree as a reader compares them, but not key for key: a trailing qualifier such as
  /// "(PFIC)", a footnote mark or a tax identification number differs, or a person's middle name is
  /// missing or reduced to its initial.
  case loose
}

extension NameKey {
  /// Compares two printed names the way a reader of the filing would.
  ///
  /// Names with equal keys match exactly. Otherwise both names lose what is printed after the name
  /// rather than in it (trailing parenthesised qualifiers, footnote marks, a tax identification number
  /// such as "23-1234567" or "IRS # 123456789") and compare again. Two names of people (no entity word,
  /// no digits) also match when their first and last names and generational suffixes agree and their
  /// middle names do not contradict each other: one is missing, or each is the other's initial ("Jane Q.
  /// Roe", "Jane Quinn Roe" and "Jane Roe" match; "Jane Q. Roe" and "Jane R. Roe" do not, nor do "John
  /// Roe" and "John Roe, Jr."). Entity names never match by dropping words.
  ///
  /// - Parameters:
  ///   - name: A name as printed.
  ///   - other: Another name as printed.
  /// - Returns: How the names match, or `nil` when they name different persons.
  public static func match(_ name: String, _ other: String) -> NameMatch? {
    let key = NameKey(name)
    let otherKey = NameKey(other)
    guard !key.text.isEmpty, !otherKey.text.isEmpty else { return nil }
    if key == otherKey { return .exact }
    let words = NameKey(withoutQualifiers(name)).words
    let otherWords = NameKey(withoutQualifiers(other)).words
    guard !words.isEmpty, !otherWords.isEmpty else { return nil }
    if words == otherWords { return .loose }
    return samePerson(words, otherWords) ? .loose : nil
  }

  /// The key's words.
  var words: [Substring] { text.split(separator: " ") }

  /// The printed name without what trails it: parenthesised qualifiers, footnote marks (`*`, `†`) and
  /// tax identification numbers (seven digits or more) with the labels before them ("IRS #").
  static func withoutQualifiers(_ name: String) -> String {
    var scalars = Array(name.unicodeScalars)
    func trimTrailing() {
      while let last = scalars.last,
        last.properties.isWhitespace || last == "*" || last == "\u{2020}" || last == "," || last == ";"
          || last == "-" || last == "\u{2013}" || last == "#" || last == ":"
      {
        scalars.removeLast()
      }
    }
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
      // The last word: a number of seven or more digits (with dashes) or a label of one.
      let wordStart = (scalars.lastIndex { $0.properties.isWhitespace }).map { $0 + 1 } ?? 0
      guard wordStart > 0 else { break }
      let word = String(String.UnicodeScalarView(scalars[wordStart...])).uppercased()
      let digits = word.unicodeScalars.filter { ("0"..."9").contains($0) }.count
      let isIdentifier = digits >= 7 && word.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || $0 == "-" }
      if isIdentifier || (removedIdentifier && taxNumberLabels.contains(word)) {
        scalars.removeSubrange(wordStart...)
        removedIdentifier = true
        changed = true
      }
    }
    return String(String.UnicodeScalarView(scalars))
  }

  private static let taxNumberLabels: Set<String> = [
    "IRS", "I.R.S.", "NO", "NO.", "NOS.", "EIN", "ID", "I.D.", "TIN", "#",
  ]

  /// Whether two keys' words name the same person: same first and last names and suffix, middle names
  /// missing on one side or each the other's initial.
  private static func samePerson(_ words: [Substring], _ otherWords: [Substring]) -> Bool {
    guard let person = PersonName(words), let other = PersonName(otherWords) else { return false }
    guard person.first == other.first, person.last == other.last, person.suffix == other.suffix else {
      return false
    }
    if person.middle.isEmpty || other.middle.isEmpty { return true }
    guard person.middle.count == other.middle.count else { return false }
    return zip(person.middle, other.middle).allSatisfy { middle, otherMiddle in
      middle == otherMiddle || (middle.count == 1 && otherMiddle.hasPrefix(middle))
        || (otherMiddle.count == 1 && middle.hasPrefix(otherMiddle))
    }
  }

  /// A person's name split into first name, middle names, last name and generational suffix.
  private struct PersonName {
    var first: Substring
    var middle: [Substring]
    var last: Substring
    var suffix: Substring?

    /// Splits a key's words, or fails when they are not a person's name: an entity word, a digit, fewer
    /// than two or more than five words.
    init?(_ keyWords: [Substring]) {
      var words = keyWords
      if let first = words.first, NameKey.honorifics.contains(first) { words.removeFirst() }
      if let last = words.last, NameKey.generationalSuffixes.contains(last) {
        suffix = last
        words.removeLast()
      }
      guard words.count >= 2, words.count <= 5,
        !words.contains(where: { NameKey.entityWords.contains($0) || $0.contains(where: \.isNumber) })
      else { return nil }
      first = words[0]
      last = words[words.count - 1]
      middle = Array(words[1..<(words.count - 1)])
    }
  }

  private static let honorifics: Set<Substring> = ["MR", "MRS", "MS", "DR", "SIR", "HE", "HON"]
  private static let generationalSuffixes: Set<Substring> = ["JR", "SR", "II", "III", "IV", "ESQ"]
  /// Words that make a name an entity's (after the key's own spelling of suffixes).
  private static let entityWords: Set<Substring> = [
    "LP", "LLC", "LLP", "LTD", "INC", "CORP", "CO", "PLC", "NA", "SA", "AG", "NV", "BV", "GMBH", "TRUST", "FUND",
    "FUNDS", "PARTNERS", "GROUP", "CAPITAL", "MANAGEMENT", "HOLDINGS", "HOLDING", "BANK", "ADVISORS", "ADVISERS",
    "INVESTMENTS", "INVESTMENT", "ASSOCIATES", "SECURITIES", "FOUNDATION", "IRA", "ESTATE", "AND", "OF", "FAMILY",
    "VENTURES", "PARTNERSHIP", "LIMITED", "COMPANY", "CORPORATION", "INCORPORATED", "FINANCIAL", "ENTERPRISES",
  ]
}
