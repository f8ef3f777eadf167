import BocheckModel
import Testing

@testable import BocheckReading

/// The value parsers' word scans find what a scan of every word start finds, on invented texts.
@Suite struct ValueScanTests {
  /// The words that tell a part's kind, as ``ValueParsers/partKind(_:_:)`` documents them, by kind.
  private static let kindWords: [(kind: String, phrases: [String])] = [
    ("warrant", ["WARRANT", "PURCHASE RIGHT", "SUBSCRIPTION RIGHT"]), ("right", ["RIGHTS"]),
    ("votingRight", ["VOTING RIGHT", "DISPOSITIVE RIGHT", "RIGHTS PLAN"]), ("option", ["OPTION"]),
    ("convertible", ["CONVER", "PREFERRED", "NOTE", "DEBENTURE"]),
    ("acquirable", ["ISSUABLE", "EXERCIS", "RIGHT TO ACQUIRE", "UNDERLYING"]),
    ("common", ["COMMON", "ORDINARY", "SHARE"]),
  ]

  /// A part's kind found by trying every phrase at every word start of the range, as the parser told it
  /// before it skipped short words.
  private static func referenceKind(_ bytes: [UInt8], _ range: Range<Int>) -> PartKind {
    var found = Set<String>()
    for start in range where ASCIIText.isLetter(bytes[start]) {
      if start > range.lowerBound && ASCIIText.isLetter(bytes[start - 1]) { continue }
      for (kind, phrases) in kindWords
      where phrases.contains(where: {
        ASCIIText.matchLength(ASCIIText.phrase($0), in: bytes, at: start, end: range.upperBound) != nil
      }) {
        found.insert(kind)
      }
    }
    if found.contains("warrant") { return .warrant }
    if found.contains("right"), !found.contains("votingRight") { return .warrant }
    if found.contains("option") { return .option }
    if found.contains("convertible") { return .convertible }
    if found.contains("acquirable") { return .other }
    if found.contains("common") { return .common }
    return .other
  }

  @Test func aPartsKindIsToldFromItsWordsOfFourLettersOrMore() {
    let texts = [
      "100 note", "100 Notes", "100 notebook", "100 not", "100 shares of Common Stock", "100 sh", "100 share",
      "600 shares issuable upon exercise of warrants", "10 rights", "10 voting rights", "10 rights plan units",
      "5 Preferred", "5 options", "5 of the Debentures", "5 purchase  rights", "5 purchase", "7 ordinary",
      "a note", "note", "x", "", "(i) 400 shares underlying", "(ii) 3 subscription rights to acquire", "9 co note",
    ]
    for text in texts {
      let bytes = ValueText(text).bytes
      // The whole text, and every range that ends inside it: a word cut by the range's end is matched no
      // further.
      for end in 0...bytes.count {
        for start in [0, min(1, end), min(4, end)] where start <= end {
          #expect(
            ValueParsers.partKind(bytes, start..<end) == Self.referenceKind(bytes, start..<end),
            "\(text) \(start)..<\(end)")
        }
      }
    }
    #expect(ValueParsers.partKind("100 note") == .convertible)
    #expect(ValueParsers.partKind("100 not") == .other)
  }

  @Test func aPhraseWhoseFirstWordIsLongIsFoundByItsLengthsLastBit() {
    let long = String(repeating: "A", count: 70)
    let set = PhraseSet([long, String(repeating: "A", count: 63) + " B", "AB"].map(ASCIIText.phrase))
    let text = ValueText("x \(long) \(String(repeating: "a", count: 63)) b ab \(String(repeating: "a", count: 64))")
    let found = text.occurrences(of: set)
    #expect(found.map(\.phrase) == [0, 1, 2])
    #expect(found.map(\.range.lowerBound) == [2, 73, 139])
  }

  @Test func anAmountsPartsFollowItsFirstRelationPhrase() {
    // Texts with no attribution phrase and relation phrases in every order, repeated, and none.
    let texts = [
      "shares including 400 warrants, consisting of 600 common", "consisting of 600 common, of which 300 notes",
      "of which 5 notes; comprising 7 options including 2 rights", "(including 400 warrants) and 600 common",
      "600 common comprised of 300 notes consisting of 300 options, including 1 right", "no phrase here",
      "inclusive of 4 notes; includes 5 options; made up of 6 rights; represented by 7 units",
    ]
    for text in texts {
      let value = ValueText(text)
      // Each relation phrase's first occurrence, the earliest of them first in the order of the phrases.
      var best: (range: Range<Int>, relation: PartsRelation)?
      for (phrase, relation) in ValueParsers.relationPhrases {
        guard let range = value.find(phrase) else { continue }
        if best.map({ range.lowerBound < $0.range.lowerBound }) ?? true { best = (range, relation) }
      }
      let split = ValueParsers.splitAmountTextRanges(value)
      #expect(split.parts?.lowerBound == best?.range.upperBound, "\(text)")
      #expect(split.relation == (best?.relation ?? PartsRelation.none), "\(text)")
      #expect(split.attribution == nil, "\(text)")
    }
    let split = ValueParsers.splitAmountTextRanges(ValueText("of which 5 notes; comprising 7 options"))
    #expect(split.relation == .including)
    #expect(split.parts == 8..<38)
  }
}
