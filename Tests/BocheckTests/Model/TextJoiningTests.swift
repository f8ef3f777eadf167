import BocheckModel
import Testing

/// The model's `joined(separator:)` for arrays of texts gives what the standard library's gives.
@Suite struct TextJoiningTests {
  @Test func arraysOfTextsJoinAsTheStandardLibraryJoinsThem() {
    let pieces = ["", "a", "Alpha Fund LP", "é", "Zoë ", " ", "\n", "1,000", "(i)"]
    let separators = ["", ", ", " and ", "\n", "é"]
    var seed: UInt64 = 0x6A6F_696E
    var compared = 0
    for _ in 0..<500 {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let texts = (0..<Int(seed >> 60)).map { pieces[Int((seed >> (UInt64($0) * 5 % 50)) % UInt64(pieces.count))] }
      for separator in separators {
        // An array slice has no such method: it is joined by the standard library's.
        #expect(texts.joined(separator: separator) == texts[...].joined(separator: separator), "\(texts)")
        compared += 1
      }
      #expect(texts.joined() == texts[...].joined(), "\(texts)")
    }
    #expect(compared == 2_500)
    #expect(["a", "b", "c"].joined(separator: ", ") == "a, b, c")
    #expect([String]().joined(separator: ", ").isEmpty)
  }
}
