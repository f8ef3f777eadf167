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

  /// A table of texts kept in place numbers the lines of one text by their bytes, wherever they lie in it, and
  /// keeps telling them apart as it grows: it compares against the text it is given, not a copy.
  @Test("texts kept in place are numbered by their bytes, through the table's growth")
  func textsKeptInPlace() {
    let lines = (0..<600).map { "line \($0 % 300)" } + ["line 1", "line 10", "line 299", "line 2999"]
    let text = Array(lines.joined(separator: "\n").utf8)
    var ranges: [Range<Int>] = []
    var start = 0
    for line in lines {
      ranges.append(start..<(start + line.utf8.count))
      start += line.utf8.count + 1
    }
    var table = NumberedTexts(inOneText: ())
    let numbers = text.withUnsafeBufferPointer { text in ranges.map { table.number(of: $0, in: text) } }
    #expect(Array(numbers[0..<300]) == Array(0..<300))
    #expect(Array(numbers[300..<600]) == Array(0..<300))
    #expect(Array(numbers[600...]) == [1, 10, 299, 300])
    #expect(table.count == 301)
  }
}
