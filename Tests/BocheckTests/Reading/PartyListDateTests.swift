import BocheckSeeded
import Testing

@testable import BocheckReading

/// Whether a name taken from a list of parties holds a date (a name does not): its ASCII reading on bytes
/// agrees with the reading by characters it stands in for.
@Suite struct PartyListDateTests {
  /// The reading by characters: words split at spaces and commas, a four-digit number alone, or a month's
  /// name followed by a word that starts with a number.
  private static func holdsDateByCharacters(_ text: String) -> Bool {
    let months: Set<String> = [
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december",
    ]
    let words = text.split { $0 == " " || $0 == "," }
    for (index, word) in words.enumerated() {
      if word.count == 4 && word.allSatisfy(\.isNumber) && words.count == 1 { return true }
      if months.contains(word.lowercased()), index + 1 < words.count, words[index + 1].first?.isNumber == true {
        return true
      }
    }
    return false
  }

  @Test("dates and years are told as they were told by characters, on ASCII and on other text")
  func datesAreToldAsByCharacters() {
    let pieces = [
      "March", "MAY", "june", "Junes", "Decembe", "2024", "1999,", "12", "31,", "123", "12345", "Fund", "L.P.",
      "Cedar", "Point", "II", "\r\n", "\u{A0}", "Zoë", "٣", "½", "", ",", " ", "  ", "may2", "Jan", "2O24",
    ]
    var random = SplitMix64(seed: 31)
    var dates = 0
    for _ in 0..<5_000 {
      let count = random.int(in: 1...5)
      let text = (0..<count).map { _ in pieces[random.int(in: 0...(pieces.count - 1))] }
        .joined(separator: [" ", ", ", ",", ""][random.int(in: 0...3)])
      let expected = Self.holdsDateByCharacters(text)
      #expect(DocumentFacts.holdsDate(text) == expected, "\(text.debugDescription)")
      if expected { dates += 1 }
    }
    // The seed gives 386 texts that hold a date.
    #expect(dates > 300, "\(dates)")
  }
}
