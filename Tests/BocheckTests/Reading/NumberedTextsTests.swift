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

  @Test("the same bytes under two tags are two texts, told apart as the table grows")
  func taggedTexts() {
    var texts = NumberedTexts()
    func number(_ text: String, _ tag: UInt8) -> Int {
      let bytes = Array(text.utf8)
      return bytes.withUnsafeBufferPointer { texts.number(of: 0..<$0.count, in: $0, tag: tag) }
    }
    let spellings = (0..<300).map { "1,\($0)00" } + ["", "None", "IN"]
    var numbers: [[Int]] = []
    for tag: UInt8 in [0, 2, 5] { numbers.append(spellings.map { number($0, tag) }) }
    // Every text under every tag has a number of its own, given in the order met, and keeps it after the growth.
    #expect(numbers.joined().elementsEqual(0..<(3 * spellings.count)))
    for (index, tag) in [UInt8(5), 0, 2].enumerated() {
      #expect(spellings.map { number($0, tag) } == numbers[[2, 0, 1][index]], "tag \(tag)")
    }
    #expect(texts.count == 3 * spellings.count)
    #expect(texts.spelling(numbers[1][301]) == "None")
    // Under every tag, a few texts each: the same bytes under other tags stand in the probes of many look-ups
    // (the tag seeds the hash, but two hashes may meet), and only the tag tells them apart there.
    var tagged = NumberedTexts()
    let few = spellings.prefix(50)
    var all: [Int] = []
    for tag in UInt8.min...UInt8.max {
      for text in few {
        let bytes = Array(text.utf8)
        all.append(bytes.withUnsafeBufferPointer { tagged.number(of: 0..<$0.count, in: $0, tag: tag) })
      }
    }
    #expect(all.elementsEqual(0..<(256 * few.count)))
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
