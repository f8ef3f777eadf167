/// The CUSIP identifier's check-digit arithmetic.
public enum CUSIP {
  /// Removes the spaces, hyphens and tabs a filing prints inside a CUSIP ("12345 A 106") and upper-cases it.
  ///
  /// An ASCII text is read from its bytes: most filings print their CUSIP compact already, and it is then
  /// given back as it is; any other text is filtered scalar by scalar and upper-cased as a whole.
  public static func compact(_ printed: String) -> String {
    let ascii = printed.utf8.withContiguousStorageIfAvailable { bytes -> String? in
      guard ByteWord.isASCII(bytes) else { return nil }
      guard bytes.contains(where: { isRemoved($0) || isLowercaseLetter($0) }) else { return printed }
      var compacted: [UInt8] = []
      compacted.reserveCapacity(bytes.count)
      for byte in bytes where !isRemoved(byte) { compacted.append(isLowercaseLetter(byte) ? byte - 0x20 : byte) }
      return String(decoding: compacted, as: UTF8.self)
    }
    if let ascii = ascii ?? nil { return ascii }
    return String(printed.unicodeScalars.filter { $0 != " " && $0 != "-" && $0 != "\t" }).uppercased()
  }

  /// Whether an ASCII byte is one ``compact(_:)`` removes: a space, a hyphen or a tab.
  private static func isRemoved(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x2D || byte == 0x09
  }

  /// Whether a byte is an ASCII lower-case letter.
  private static func isLowercaseLetter(_ byte: UInt8) -> Bool {
    byte >= 0x61 && byte <= 0x7A
  }

  /// The value a CUSIP character counts for in the check digit (digits as themselves, A–Z as 10–35, `*` as
  /// 36, `@` as 37, `#` as 38), or `nil` for a byte that is no CUSIP character.
  ///
  /// A character beyond ASCII is none: each of its UTF-8 bytes is 0x80 or above.
  private static func characterValue(_ byte: UInt8) -> Int? {
    switch byte {
    case 0x30...0x39: Int(byte - 0x30)
    case 0x41...0x5A: Int(byte - 0x41) + 10
    case 0x2A: 36
    case 0x40: 37
    case 0x23: 38
    default: nil
    }
  }

  /// Whether a compacted text has the form of a CUSIP: nine CUSIP characters (digits, A–Z, `*`, `@`, `#`)
  /// with at least three digits among the six that name the issuer.
  ///
  /// The form says nothing of the check digit: "68989910A" has the form and a wrong check digit. Words that
  /// happen to have nine letters ("SCHEDULE1") and numbers of another length do not have it. Every CUSIP
  /// character is one byte, so the text's bytes are read: nine characters are nine bytes.
  ///
  /// - Parameter cusip: The CUSIP without spaces or hyphens (see ``compact(_:)``).
  public static func hasCUSIPForm(_ cusip: String) -> Bool {
    var cusip = cusip
    return cusip.withUTF8 { bytes in
      guard bytes.count == 9 else { return false }
      var issuerDigits = 0
      for (offset, byte) in bytes.enumerated() {
        guard let value = characterValue(byte) else { return false }
        if offset < 6 && value < 10 { issuerDigits += 1 }
      }
      return issuerDigits >= 3
    }
  }

  /// The check digit the first eight characters call for, or `nil` when they are not CUSIP characters.
  ///
  /// Digits count as themselves, A–Z as 10–35, `*` as 36, `@` as 37 and `#` as 38; every second
  /// character (positions 2, 4, 6, 8, counting from 1) is doubled, the digits of each result are
  /// added, and the check digit is (10 − sum mod 10) mod 10. Every CUSIP character is one byte, so the first
  /// eight bytes are read: a character beyond ASCII among the first eight shows there as a byte that is no
  /// CUSIP character.
  ///
  /// - Parameter cusip: At least eight characters; only the first eight are used.
  public static func checkDigit(of cusip: String) -> Int? {
    var cusip = cusip
    return cusip.withUTF8 { bytes -> Int? in
      guard bytes.count >= 8 else { return nil }
      var sum = 0
      for offset in 0..<8 {
        guard var value = characterValue(bytes[offset]) else { return nil }
        if offset % 2 == 1 { value *= 2 }
        sum += value / 10 + value % 10
      }
      return (10 - sum % 10) % 10
    }
  }

  /// Whether a nine-character CUSIP's last character is the check digit its first eight call for.
  public static func hasValidCheckDigit(_ cusip: String) -> Bool {
    let characters = Array(cusip.unicodeScalars)
    guard characters.count == 9, let expected = checkDigit(of: cusip) else { return false }
    return characters[8] == Unicode.Scalar(UInt8(48 + expected))
  }
}
