import BocheckModel
import Testing

@testable import BocheckReporting

@Suite("The reports' byte output")
struct ByteOutputTests {
  @Test("pieces of every kind are appended in order, across the storage's growth")
  func piecesInOrder() {
    var output = ByteOutput()
    var expected: [UInt8] = []
    // Enough pieces to outgrow the first storage (256 bytes) several times.
    for round in 0..<200 {
      output.append(UInt8(ascii: "a") + UInt8(round % 26))
      expected.append(UInt8(ascii: "a") + UInt8(round % 26))
      output.append("<static>")
      expected += Array("<static>".utf8)
      let run = Array("run \(round);".utf8)
      run.withUnsafeBufferPointer { output.append($0) }
      expected += run
      // A write in place that uses less room than it asked for.
      output.append(upTo: 10) { next in
        next.initialize(repeating: UInt8(ascii: "-"), count: 3)
        return 3
      }
      expected += Array("---".utf8)
    }
    #expect(output.count == expected.count)
    #expect(output.withBytes { Array($0) } == expected)
    #expect(output.text == String(decoding: expected, as: UTF8.self))
  }

  @Test("a copy keeps its own bytes when either is appended to")
  func copiesAreIndependent() {
    var first = ByteOutput()
    first.append("shared")
    var second = first
    first.append(" first")
    second.append(" second")
    #expect(first.text == "shared first")
    #expect(second.text == "shared second")
    // An empty output's copy, appended to, leaves the original empty.
    let empty = ByteOutput()
    var grown = empty
    grown.append(UInt8(ascii: "x"))
    #expect(empty.text.isEmpty && empty.count == 0)
    #expect(grown.text == "x")
  }

  @Test("ill-formed UTF-8 is repaired in the text, as String(decoding:as:) repairs it")
  func textRepairsIllFormedBytes() {
    var output = ByteOutput()
    let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0xC3]
    bytes.withUnsafeBufferPointer { output.append($0) }
    #expect(output.text == String(decoding: bytes, as: UTF8.self))
    #expect(output.text == "a\u{FFFD}b\u{FFFD}")
  }

  @Test("JSON keys, values and brackets are written with the separators and indentation of their level")
  func jsonLayout() {
    var output = JSONOutput(indentLevel: 1)
    output.beginObject()
    output.member("a", 1)
    output.key("b")
    output.beginArray()
    output.string("x\"y")
    output.null()
    output.beginObject()
    output.endObject()
    output.endArray()
    output.member("c", ExactDecimal.parse("12.50"))
    output.key("dynamic key")
    output.bool(true)
    output.endObject()
    let expected = """
      {
          "a": 1,
          "b": [
            "x\\"y",
            null,
            {}
          ],
          "c": 12.50,
          "dynamic key": true
        }
      """
    #expect(output.text == expected)
    var compact = JSONOutput(pretty: false)
    compact.beginArray()
    compact.integer(-3)
    compact.beginObject()
    compact.member("k", "v")
    compact.endObject()
    compact.endArray()
    #expect(compact.text == #"[-3,{"k":"v"}]"#)
  }
}
