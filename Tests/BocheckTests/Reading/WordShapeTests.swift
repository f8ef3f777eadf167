import BocheckModel
import Testing

@testable import BocheckReading

/// Words told by their bytes alone, in one pass: a drawn checkbox, and the first word of a side label's
/// fragment, told from its first byte before its letters are read.
@Suite struct WordShapeTests {
  @Test("a drawn checkbox is four bytes at most, all a box's, a bracket or a slash among them")
  func drawnCheckboxes() {
    for box in ["[X]", "[ ]", "[_]", "/x/", "[]", "_/", "[x]]", "(/)"] {
      #expect(Array(box.utf8).withUnsafeBufferPointer(CaptionWords.isDrawnCheckbox), "\(box)")
    }
    for word in ["(x)", "xx", "X", "", "[X]]]", "[a]", "/X/X/", "[1]", "(_)", "--"] {
      #expect(!Array(word.utf8).withUnsafeBufferPointer(CaptionWords.isDrawnCheckbox), "\(word)")
    }
  }

  @Test("a side label's words alone are no tokens; other words, whatever their first letter, are values")
  func sideLabelFragments() {
    func kinds(_ text: String) -> [LineToken.Kind] {
      let source = SourceLines(text)
      return source.withBytes(1) { LineTokenizer.tokenize(bytes: $0, number: 1, source: source) }.tokens.map(\.kind)
    }
    #expect(kinds("Beneficially Owned By").isEmpty)
    #expect(kinds("NUMBER OF SHARES").isEmpty)
    #expect(kinds("Each Reporting: Person").isEmpty)
    #expect(kinds("Beneficial Owner") == [.value("Beneficial Owner")])
    #expect(kinds("Zebra Owned") == [.value("Zebra Owned")])
    #expect(kinds("Owner") == [.value("Owner")])
    #expect(kinds("1 Owned") == [.value("1 Owned")])
  }
}
