import Testing

@testable import BocheckReading

/// The table of numbered texts, here element names: names given first keep their numbers, names met are
/// numbered after them in the order met, and every number spells its name however large the table grows.
@Suite struct NumberedTextsTests {
  private func number(_ names: inout NumberedTexts, _ name: String) -> Int {
    let bytes = Array(("<" + name + ">").utf8)
    return bytes.withUnsafeBufferPointer { names.number(of: 1..<(bytes.count - 1), in: $0) }
  }

  @Test("given names are numbered first, in order, a repeated one once")
  func givenNamesFirst() {
    var names = NumberedTexts(["item1", "issuerName", "item1", "aVeryLongElementNameOfMoreThanEightBytes"])
    #expect(names.count == 3)
    #expect((0..<3).map(names.spelling) == ["item1", "issuerName", "aVeryLongElementNameOfMoreThanEightBytes"])
    #expect(number(&names, "issuerName") == 1)
    #expect(number(&names, "aVeryLongElementNameOfMoreThanEightBytes") == 2)
    // Names that share their first eight bytes, or are prefixes of one another, are told apart.
    #expect(number(&names, "aVeryLongElementNameOfMoreThanEightByte") == 3)
    #expect(number(&names, "issuerNames") == 4)
    #expect(number(&names, "item") == 5)
    #expect(number(&names, "item1") == 0)
    #expect(number(&names, "é") == 6)
    #expect(names.spelling(6) == "é")
  }

  @Test("numbers survive the table's growth")
  func growth() {
    var names = NumberedTexts()
    let spellings = (0..<1000).map { "element\($0)" }
    for (index, spelling) in spellings.enumerated() { #expect(number(&names, spelling) == index) }
    for (index, spelling) in spellings.enumerated().reversed() { #expect(number(&names, spelling) == index) }
    #expect(names.count == 1000)
    #expect(names.spelling(999) == "element999")
  }
}
