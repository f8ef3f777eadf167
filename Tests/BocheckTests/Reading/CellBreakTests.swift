import Testing

@testable import BocheckReading

/// A line is split into cells where a tab, a pipe or a run of spaces stands; the search for the next such byte
/// passes over eight bytes at a time (``LineTokenizer/nextCellBreak(in:from:to:)``), and must stop where a
/// byte-at-a-time search does, wherever the break stands in the eight.
@Suite struct CellBreakTests {
  /// The first tab, pipe or space followed by a space from `start` on, a byte at a time.
  private func expectedBreak(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
    var index = start
    while index < end {
      let byte = bytes[index]
      if byte == 0x09 || byte == 0x7C || (byte == 0x20 && index + 1 < end && bytes[index + 1] == 0x20) { break }
      index += 1
    }
    return index
  }

  @Test("every pattern of letters, spaces, tabs and pipes, at every place in a line, breaks where a byte scan does")
  func breaksWhereAByteScanDoes() {
    let alphabet: [UInt8] = [0x61, 0x20, 0x09, 0x7C]
    var checked = 0
    var mismatches = 0
    for length in 1...5 {
      var pattern = [UInt8](repeating: alphabet[0], count: length)
      var counter = Array(repeating: 0, count: length)
      repeat {
        for index in 0..<length { pattern[index] = alphabet[counter[index]] }
        for place in 0..<11 {
          let line = [UInt8](repeating: 0x78, count: place) + pattern + [UInt8](repeating: 0x78, count: 11 - place)
          for start in 0..<4 {
            for end in [line.count, line.count - 3, place + length] where end >= start {
              let found = line.withUnsafeBufferPointer { LineTokenizer.nextCellBreak(in: $0, from: start, to: end) }
              if found != expectedBreak(line, from: start, to: end) { mismatches += 1 }
              checked += 1
            }
          }
        }
        var digit = 0
        while digit < length {
          counter[digit] += 1
          if counter[digit] < alphabet.count { break }
          counter[digit] = 0
          digit += 1
        }
        if digit == length { break }
      } while true
    }
    #expect(checked > 10_000)
    #expect(mismatches == 0)
  }

  @Test("a lone space splits nothing; two spaces, a tab or a pipe mark a break")
  func breaksOfAPrintedLine() {
    let line = Array("Sole voting power of the person named  above\tand more | end".utf8)
    let breaks = line.withUnsafeBufferPointer { buffer in
      var found: [Int] = []
      var position = 0
      while true {
        position = LineTokenizer.nextCellBreak(in: buffer, from: position, to: buffer.count)
        guard position < buffer.count else { break }
        found.append(position)
        position += 1
      }
      return found
    }
    #expect(breaks == [37, 44, 54])
  }
}
