/// The CUSIP identifier's check-digit arithmetic.
public enum CUSIP {
  /// Removes the spaces and hyphens a filing prints inside a CUSIP ("12345 A 106") and upper-cases it.
  public static func compact(_ printed: String) -> String {
    String(printed.unicodeScalars.filter { $0 != " " && $0 != "-" && $0 != "\t" }).uppercased()
  }

  /// Whether a compacted text has the form of a CUSIP: nine CUSIP characters (digits, A–Z, `*`, `@`, `#`)
  /// with at least three digits among the six that name the issuer.
  ///
  /// The form says nothing of the check digit: "68989910A" has the form and a wrong check digit. Words that
  /// happen to have nine letters ("SCHEDULE1") and numbers of another length do not have it.
  ///
  /// - Parameter cusip: The CUSIP without spaces or hyphens (see ``compact(_:)``).
  public static func hasCUSIPForm(_ cusip: String) -> Bool {
    let characters = Array(cusip.unicodeScalars)
    guard characters.count == 9 else { return false }
    var issuerDigits = 0
    for (offset, character) in characters.enumerated() {
      switch character {
      case "0"..."9": if offset < 6 { issuerDigits += 1 }
      case "A"..."Z", "*", "@", "#": continue
      default: return false
      }
    }
    return issuerDigits >= 3
  }

  /// The check digit the first eight characters call for, or `nil` when they are not CUSIP characters.
  ///
  /// Digits count as themselves, A–Z as 10–35, `*` as 36, `@` as 37 and `#` as 38; every second
  /// character (positions 2, 4, 6, 8, counting from 1) is doubled, the digits of each result are
  /// added, and the check digit is (10 − sum mod 10) mod 10.
  ///
  /// - Parameter cusip: At least eight characters; only the first eight are used.
  public static func checkDigit(of cusip: String) -> Int? {
    let characters = Array(cusip.unicodeScalars.prefix(8))
    guard characters.count == 8 else { return nil }
    var sum = 0
    for (offset, character) in characters.enumerated() {
      var value: Int
      switch character {
      case "0"..."9": value = Int(character.value - 48)
      case "A"..."Z": value = Int(character.value - 65) + 10
      case "*": value = 36
      case "@": value = 37
      case "#": value = 38
      default: return nil
      }
      if offset % 2 == 1 { value *= 2 }
      sum += value / 10 + value % 10
    }
    return (10 - sum % 10) % 10
  }

  /// Whether a nine-character CUSIP's last character is the check digit its first eight call for.
  public static func hasValidCheckDigit(_ cusip: String) -> Bool {
    let characters = Array(cusip.unicodeScalars)
    guard characters.count == 9, let expected = checkDigit(of: cusip) else { return false }
    return characters[8] == Unicode.Scalar(UInt8(48 + expected))
  }
}
