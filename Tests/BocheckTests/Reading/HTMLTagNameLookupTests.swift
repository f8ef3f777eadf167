import Testing

@testable import BocheckReading

/// A tag's kind read from one word of the bytes at its name's start is the kind of the name as its end is found.
@Suite struct HTMLTagNameLookupTests {
  private typealias TagKind = HTMLFlattener.Flattener.TagKind

  /// For names of every length up to ten, each followed by every byte value, with tag ends at, before and after
  /// the name's end, and near the end of the text, the kind is the one the name's range looks up.
  @Test func kindsFromTheNamesStartAreTheNamesKinds() {
    let names = ["td", "TR", "p", "Div", "font", "br", "table", "h6", "center", "document", "blockquote", "input"]
    var told = 0
    for name in names + names.map({ String($0.dropLast()) }) {
      for after in UInt8.min...UInt8.max {
        let forms = [Array(name.utf8) + [after], Array(name.utf8) + [after] + Array(" class=\"x\">".utf8)]
        for bytes in forms {
          bytes.withUnsafeBufferPointer { buffer in
            for end in Set([buffer.count, name.utf8.count, name.utf8.count / 2, 0]) where end <= buffer.count {
              let nameRange = 0..<HTMLFlattener.Flattener.nameEnd(in: buffer, from: 0, to: end)
              let expected = TagKind.of(buffer, name: nameRange)
              let found = TagKind.of(buffer, nameFrom: 0, tagEnd: end)
              #expect(found == expected, "\(name) \(after) \(end)")
              if found != nil { told += 1 }
            }
          }
        }
      }
    }
    #expect(told > 1_000)
  }
}
