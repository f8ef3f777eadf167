import Testing

@testable import BocheckReading

/// Decoding a file's bytes into text: the UTF-8 check, and reading a file straight into its text's storage.
@Suite struct TextDecodingTests {
  /// Decodes bytes as a file read piece by piece into its text's storage: `read` copies each piece in.
  static func readInPlace(_ bytes: [UInt8], capacity: Int? = nil) throws(ReadError) -> String? {
    var offset = 0
    return try FilingText(size: capacity ?? bytes.count) { buffer in
      let count = min(buffer.count, bytes.count - offset)
      for index in 0..<count { buffer[index] = bytes[offset + index] }
      offset += count
      return count
    }?.text
  }

  @Test(
    arguments: [
      ([0x41, 0x42], true),
      ([0xC3, 0xA9], true),  // é
      ([0xE2, 0x82, 0xAC], true),  // €
      ([0xF0, 0x9F, 0x98, 0x80], true),  // an emoji
      ([0xF4, 0x8F, 0xBF, 0xBF], true),  // U+10FFFF, the last scalar
      ([0xE9], false),  // é in Windows-1252
      ([0xC0, 0xAF], false),  // an overlong "/"
      ([0xE0, 0x80, 0xAF], false),  // an overlong "/" in three bytes
      ([0xED, 0xA0, 0x80], false),  // a surrogate
      ([0xF4, 0x90, 0x80, 0x80], false),  // above U+10FFFF
      ([0xF5, 0x80, 0x80, 0x80], false),
      ([0xE2, 0x82], false),  // cut short at the end
      ([0xE2, 0x41, 0x41], false),  // a continuation byte missing
      ([0x80], false),  // a continuation byte alone
    ] as [([UInt8], Bool)])
  func utf8CheckTellsWellFormedSequences(bytes: [UInt8], valid: Bool) {
    // The sequence both alone and after a run of ASCII long enough to be passed over a word at a time.
    for prefix in [[], Array("ASCII text before it".utf8)] {
      let checked = prefix + bytes
      #expect(checked.withUnsafeBufferPointer { UTF8Validation.isValid($0) } == valid)
      #expect(checked.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) != nil } == valid)
    }
  }

  @Test func utf8CheckFindsASequenceAtEveryOffsetOfTheASCIIRuns() {
    // A sequence at every offset of a run of ASCII long enough to be passed over sixteen words at a time (twice),
    // then eight, then one: the check must stop at the word that holds it, wherever it falls.
    let sequences: [[UInt8]] = [
      [0xC3, 0xA9], [0xF0, 0x9F, 0x98, 0x80], [0xE9], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0x80],
    ]
    var disagreements: [String] = []
    for sequence in sequences {
      for offset in 0...270 {
        for length in [offset + sequence.count, offset + sequence.count + 7, 280] {
          var bytes = [UInt8](repeating: 0x41, count: max(length, offset + sequence.count))
          bytes.replaceSubrange(offset..<(offset + sequence.count), with: sequence)
          let ours = bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) }
          let standard = bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) != nil }
          if ours != standard { disagreements.append("\(sequence) at \(offset) of \(bytes.count)") }
        }
      }
    }
    #expect(disagreements.isEmpty)
  }

  @Test func utf8CheckAgreesWithTheStandardLibraryOnEveryShortSequence() {
    // Every one- and two-byte input, and every three-byte input led by a byte that starts a longer sequence.
    var disagreements: [[UInt8]] = []
    func compare(_ bytes: [UInt8]) {
      let ours = bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) }
      let standard = bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) != nil }
      if ours != standard { disagreements.append(bytes) }
    }
    for first in UInt8.min...UInt8.max {
      compare([first])
      for second in UInt8.min...UInt8.max {
        compare([first, second])
        guard first >= 0xE0 else { continue }
        for third: UInt8 in [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF] {
          compare([first, second, third])
          compare([first, second, third, 0x80])
        }
      }
    }
    #expect(disagreements.isEmpty)
  }

  @Test func fileReadInPlaceIsDecodedAsItsBytesAre() throws {
    let utf8 = Array("Caf\u{E9} Holdings LLC\r\n".utf8)
    #expect(try Self.readInPlace(utf8) == "Caf\u{E9} Holdings LLC\r\n")
    // A byte-order mark is dropped; invalid UTF-8 is read as Windows-1252, its mark kept as text.
    #expect(try Self.readInPlace([0xEF, 0xBB, 0xBF] + Array("Fund".utf8)) == "Fund")
    #expect(try Self.readInPlace(Array("Caf".utf8) + [0xE9, 0x80]) == "Caf\u{E9}\u{20AC}")
    #expect(try Self.readInPlace([0xEF, 0xBB, 0xBF, 0x93, 0x41, 0x94]) == "\u{201C}A\u{201D}")
    for bytes in [utf8, [0xEF, 0xBB, 0xBF, 0x41], Array("Caf".utf8) + [0xE9]] {
      #expect(try Self.readInPlace(bytes) == FilingText(bytes: bytes).text)
    }
    // A text shorter than a string stores inline, and one longer, read with room to spare.
    #expect(try Self.readInPlace(Array("A".utf8), capacity: 100) == "A")
    let long = String(repeating: "ROW 11 ", count: 1_000)
    #expect(try Self.readInPlace(Array(long.utf8), capacity: 10_000) == long)
  }

  @Test func fileReadInPiecesKeepsASequenceThatAPieceCuts() throws {
    // A sequence of each length at every offset around the end of the first piece and of the second: the piece
    // must end before it, and the next begin with it.
    let length = FilingText.pieceLength
    let sequences: [[UInt8]] = [[0xC3, 0xA9], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80]]
    var misread: [String] = []
    for sequence in sequences {
      for offset in Array((length - 6)...(length + 2)) + Array((2 * length - 6)...(2 * length + 2)) {
        for prefix in [[], [0xEF, 0xBB, 0xBF]] as [[UInt8]] {
          var bytes = prefix + [UInt8](repeating: 0x41, count: 2 * length + 20)
          bytes.replaceSubrange(offset..<(offset + sequence.count), with: sequence)
          let expected = String(decoding: bytes.dropFirst(prefix.count), as: UTF8.self)
          if try Self.readInPlace(bytes) != expected { misread.append("\(sequence) at \(offset)") }
        }
      }
    }
    #expect(misread.isEmpty)
    // Each piece ends where a sequence starts, so that it is well-formed itself (a piece that is not makes the
    // whole file be decoded as bytes, which gives the same text).
    var cut: [String] = []
    for sequence in sequences {
      for offset in 0...8 {
        var bytes = [UInt8](repeating: 0x41, count: 8 + sequence.count)
        bytes.replaceSubrange(offset..<(offset + sequence.count), with: sequence)
        for end in 1...bytes.count {
          let (pieceEnd, isWhole) = bytes.withUnsafeBufferPointer { read in
            let pieceEnd = FilingText.wholeSequencesEnd(UnsafeBufferPointer(rebasing: read[..<end]))
            return (pieceEnd, UTF8Validation.isValid(UnsafeBufferPointer(rebasing: read[..<pieceEnd])))
          }
          if !isWhole || end - pieceEnd > 4 { cut.append("\(sequence) at \(offset), \(end) bytes read") }
        }
      }
    }
    #expect(cut.isEmpty)
  }

  @Test func fileReadInPiecesIsDecodedAsAWholeWhenALaterPieceIsNotUTF8() throws {
    // A byte that is not UTF-8 in the third piece: the whole file is read as Windows-1252, the pieces before
    // it too, and a byte-order mark is dropped as it is from bytes decoded at once.
    let length = FilingText.pieceLength
    for prefix in [[], [0xEF, 0xBB, 0xBF]] as [[UInt8]] {
      var bytes = prefix + Array(String(repeating: "Caf\u{E9} ", count: length).utf8)
      bytes[2 * length + 5] = 0x93
      let text = try Self.readInPlace(bytes)
      #expect(text == TextDecoding.decode(bytes).text)
      #expect(text?.unicodeScalars.contains("\u{C3}") == true)
    }
  }

  @Test func fileReadInPiecesIsBinaryOnlyForANulInItsFirstMebibyte() throws {
    let lines = Array(String(repeating: "ROW\n", count: 300_000).utf8)
    // A NUL after the first mebibyte is text; one in it makes the file binary, wherever its piece falls.
    var late = lines
    late[(1 << 20) + 1] = 0
    #expect(try Self.readInPlace(late)?.utf8.count == late.count)
    for offset in [FilingText.pieceLength - 1, FilingText.pieceLength, (1 << 20) - 1] {
      var early = lines
      early[offset] = 0
      let line = 1 + early[..<offset].count { $0 == 0x0A }
      #expect(throws: ReadError(message: "the file is binary, not a text filing", line: line)) {
        try Self.readInPlace(early)
      }
    }
  }

  @Test func fileReadInPlaceIsCheckedAsEveryInputIs() throws {
    #expect(throws: ReadError(message: "the file is empty")) { try Self.readInPlace([]) }
    #expect(throws: ReadError(message: "the file is binary, not a text filing", line: 2)) {
      try Self.readInPlace(Array("A\nB".utf8) + [0x00])
    }
    // A reader that gives more bytes than the size (the file grew) gives no text.
    #expect(try Self.readInPlace(Array("ABC".utf8), capacity: 2) == nil)
  }
}
