import Testing

@testable import BocheckReading

@Suite("Character columns of byte offsets in a line")
struct ColumnCounterTests {
  /// The 1-based column of a byte offset, counted by decoding the line's characters up to it.
  private func expectedColumn(_ line: String, _ offset: Int) -> Int {
    let clamped = min(max(offset, 0), line.utf8.count)
    return String(decoding: Array(line.utf8)[..<clamped], as: UTF8.self).unicodeScalars.count + 1
  }

  @Test(
    "ASCII lines and lines with other characters give the column of every offset, asked in any order",
    arguments: ["Alpha Fund LP   1,200", "Société Générale  5.4 %", "", "€€ 12", "a\tb  c", "Zoë"])
  func columnsOfEveryOffset(line: String) {
    let count = line.utf8.count
    // Rising offsets, then falling ones (which restart the count), then offsets outside the line (clamped).
    let offsets = Array(0...count) + Array((0...count).reversed()) + [-3, count + 5, 0]
    var columns = ColumnCounter(Array(line.utf8))
    for offset in offsets {
      #expect(columns.column(at: offset) == expectedColumn(line, offset), "\(line) at \(offset)")
    }
  }
}
