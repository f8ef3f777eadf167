import BocheckModel

/// The CUSIP arithmetic of ``CUSIP`` over a CUSIP as a filing prints it, read from its bytes when they are all
/// ASCII.
///
/// ``CUSIP/compact(_:)`` removes spaces, hyphens and tabs by Unicode scalar and upper-cases the rest, which makes
/// two new strings; on an ASCII text it removes those bytes and upper-cases `a`–`z`, which a scan of the bytes
/// does without making either. A text with a byte past ASCII is handed to ``CUSIP`` as it is, so every answer
/// is exactly the one ``CUSIP`` gives for the compacted text.
enum PrintedCUSIP {
  /// `CUSIP.compact(printed)`: the text itself when it is ASCII with nothing to remove or upper-case, which is
  /// how the CUSIP of most filings is printed.
  static func compact(_ printed: String) -> String {
    let alreadyCompact = printed.utf8.withContiguousStorageIfAvailable { bytes in
      bytes.allSatisfy { byte in
        byte < 0x80 && byte != UInt8(ascii: " ") && byte != UInt8(ascii: "-") && byte != UInt8(ascii: "\t")
          && !(UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
      }
    }
    return alreadyCompact == true ? printed : CUSIP.compact(printed)
  }

  /// `CUSIP.hasCUSIPForm(CUSIP.compact(printed))`: whether the text, spaces, hyphens and tabs removed, is nine
  /// CUSIP characters with at least three digits among the first six.
  static func hasCUSIPForm(_ printed: String) -> Bool {
    var characters = 0
    var issuerDigits = 0
    var allCUSIPCharacters = true
    let complete = forEachCompactASCII(of: printed) { character in
      switch character {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): if characters < 6 { issuerDigits += 1 }
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "*"), UInt8(ascii: "@"), UInt8(ascii: "#"): break
      default: allCUSIPCharacters = false
      }
      characters += 1
    }
    guard complete else { return CUSIP.hasCUSIPForm(CUSIP.compact(printed)) }
    return allCUSIPCharacters && characters == 9 && issuerDigits >= 3
  }

  /// `CUSIP.checkDigit(of: CUSIP.compact(printed))`: the check digit the first eight characters of the
  /// compacted text call for, or `nil` when it has fewer or they are not all CUSIP characters.
  static func checkDigit(_ printed: String) -> Int? {
    var characters = 0
    var sum = 0
    var allCUSIPCharacters = true
    let complete = forEachCompactASCII(of: printed) { character in
      guard characters < 8 else { return }
      // Digits count as themselves, A–Z as 10–35, `*` as 36, `@` as 37 and `#` as 38 (see ``CUSIP``).
      var value: Int
      switch character {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): value = Int(character - UInt8(ascii: "0"))
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = Int(character - UInt8(ascii: "A")) + 10
      case UInt8(ascii: "*"): value = 36
      case UInt8(ascii: "@"): value = 37
      case UInt8(ascii: "#"): value = 38
      default:
        allCUSIPCharacters = false
        value = 0
      }
      if characters % 2 == 1 { value *= 2 }
      sum += value / 10 + value % 10
      characters += 1
    }
    guard complete else { return CUSIP.checkDigit(of: CUSIP.compact(printed)) }
    guard allCUSIPCharacters, characters == 8 else { return nil }
    return (10 - sum % 10) % 10
  }

  /// Calls `body` with each byte of the compacted text, upper-cased, in order, when every byte of the text is
  /// ASCII.
  ///
  /// - Returns: `false`, having called `body` for none or some of the bytes, when the text has a byte past ASCII
  ///   or its bytes cannot be read in place; the caller then asks ``CUSIP``.
  private static func forEachCompactASCII(of printed: String, _ body: (UInt8) -> Void) -> Bool {
    let complete = printed.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
      for byte in bytes {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "\t"): continue
        case UInt8(ascii: "a")...UInt8(ascii: "z"): body(byte - (UInt8(ascii: "a") - UInt8(ascii: "A")))
        default: body(byte)
        }
      }
      return true
    }
    return complete ?? false
  }
}
