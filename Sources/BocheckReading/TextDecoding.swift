/// A file's text, decoded from its bytes after the checks every input passes: not empty, not too large, not
/// binary.
///
/// A file is read piece by piece into the storage of its text (``init(size:reading:)``), so that a large file
/// is held once, as text, rather than as bytes and then again as text while it is decoded.
public struct FilingText: Sendable {
  /// The decoded text.
  let text: String

  /// Decodes a file's bytes.
  ///
  /// - Parameter bytes: The file's contents.
  /// - Throws: ``ReadError`` when the file is empty, larger than ``FilingReader/maximumSize`` or binary (the
  ///   error's line is the 1-based line of the first NUL byte).
  public init(bytes: [UInt8]) throws(ReadError) {
    // Decoded as a file read piece by piece is: each piece is copied from the bytes.
    var offset = 0
    let copied = try FilingText(size: bytes.count) { buffer in
      let count = min(buffer.count, bytes.count - offset)
      _ = buffer.initialize(fromContentsOf: bytes[offset..<(offset + count)])
      offset += count
      return count
    }
    // A reader that gives every byte always gives the text; the error only keeps this from trapping.
    guard let copied else { throw ReadError(message: "the file could not be read") }
    self = copied
  }

  /// Reads a file piece by piece into the text's own storage, checking each piece once.
  ///
  /// Each piece of at most ``pieceLength`` bytes is checked by ``UTF8Validation`` and copied into the text,
  /// which holds room for the whole file: the standard library does not check the bytes again (it would, a
  /// byte at a time, for a text beyond ASCII made from bytes in one go). Bytes that are not valid UTF-8, and a
  /// file with a NUL byte in its first mebibyte, are copied out once and decoded or refused as
  /// ``TextDecoding/decode(_:)`` and ``init(bytes:)`` do.
  ///
  /// - Parameters:
  ///   - size: The file's size as last seen, in bytes: the text's room.
  ///   - read: Writes the file's next bytes into the buffer it is given and returns how many: as many as the
  ///     buffer holds, fewer only at the end of the file; `nil` when a read failed.
  /// - Returns: `nil` when `read` returned `nil`, or gave more than `size` bytes (the file grew).
  /// - Throws: ``ReadError`` as ``init(bytes:)`` does.
  public init?(size: Int, reading read: (UnsafeMutableBufferPointer<UInt8>) -> Int?) throws(ReadError) {
    var text = String()
    text.reserveCapacity(size)
    let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Self.pieceLength)
    defer { buffer.deallocate() }
    // How many bytes were read, and how many of them begin the buffer, carried over from the last piece: a
    // sequence it ended in the middle of.
    var total = 0
    var carried = 0
    var hasByteOrderMark = false
    while true {
      let room = UnsafeMutableBufferPointer(rebasing: buffer[carried...])
      guard let count = read(room), count <= room.count else { return nil }
      let pieceOffset = total - carried
      total += count
      guard total <= size else { return nil }
      let filled = carried + count
      let isLast = count < room.count
      // A UTF-8 byte-order mark is dropped, as ``TextDecoding/decode(_:)`` drops it.
      var pieceStart = 0
      if pieceOffset == 0 && filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
        hasByteOrderMark = true
        pieceStart = 3
      }
      // A piece ends before the last sequence that the buffer may cut short (unless the file ends there).
      let pieceEnd = isLast ? filled : Self.wholeSequencesEnd(UnsafeBufferPointer(rebasing: buffer[..<filled]))
      let piece = UnsafeBufferPointer(rebasing: buffer[pieceStart..<pieceEnd])
      let scanned = max(0, min(piece.count, Self.binaryScanLength - pieceOffset - pieceStart))
      let holdsNul = scanned > 0 && ASCIIText.firstOffset(of: 0, in: piece, to: scanned) < scanned
      guard !holdsNul, let checked = UTF8Validation.string(piece) else {
        // The file is read to its end as bytes, then refused or decoded as bytes are.
        var bytes = (hasByteOrderMark ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
        text = ""
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[pieceStart..<filled]))
        guard isLast || Self.readAll(into: &bytes, size: size, buffer: buffer, read) else { return nil }
        self = try FilingText(checkedBytes: bytes)
        return
      }
      text.append(checked)
      carried = filled - pieceEnd
      if carried > 0 {
        UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(
          from: buffer.baseAddress! + pieceEnd, byteCount: carried)
      }
      if isLast { break }
    }
    if let problem = Self.problem(size: total) { throw problem }
    self.text = text
  }

  /// Where the bytes end that a piece takes: before the last sequence of more than one byte when it starts in
  /// the last four bytes, which the buffer may cut short; the end when they hold none.
  ///
  /// The bytes from there on begin the next piece. A piece cut inside a sequence would not be well-formed, and
  /// the whole file would be decoded as bytes (the same text, at the standard library's cost).
  ///
  /// - Parameter bytes: The bytes read.
  static func wholeSequencesEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard !bytes.isEmpty else { return 0 }
    var lead = bytes.count - 1
    while lead > 0 && bytes.count - lead < 4 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
    return bytes[lead] >= 0xC0 ? lead : bytes.count
  }

  /// The most bytes read and checked at once: the copies stay small, and the cost of making a piece of text is
  /// spread over thousands of bytes.
  static let pieceLength = 8000

  /// How many of a file's first bytes are looked at for a NUL byte (one mebibyte).
  private static let binaryScanLength = 1 << 20

  /// Reads the rest of a file onto bytes; `false` when a read failed or the file grew beyond `size`.
  private static func readAll(
    into bytes: inout [UInt8], size: Int, buffer: UnsafeMutableBufferPointer<UInt8>,
    _ read: (UnsafeMutableBufferPointer<UInt8>) -> Int?
  ) -> Bool {
    while true {
      guard let count = read(buffer), count <= buffer.count else { return false }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
      guard bytes.count <= size else { return false }
      if count < buffer.count { return true }
    }
  }

  /// Decodes a whole file's bytes: refused when empty, too large or binary, read as Windows-1252 when not
  /// valid UTF-8.
  private init(checkedBytes bytes: [UInt8]) throws(ReadError) {
    if let problem = bytes.withUnsafeBufferPointer(Self.problem(with:)) { throw problem }
    text = TextDecoding.decode(bytes).text
  }

  /// Why a file of a size cannot be read as a filing, if it cannot: empty or too large.
  private static func problem(size: Int) -> ReadError? {
    guard size > 0 else { return ReadError(message: "the file is empty") }
    guard size <= FilingReader.maximumSize else {
      return ReadError(message: "the file is larger than \(FilingReader.maximumSize / 1024 / 1024) MiB")
    }
    return nil
  }

  /// Why a file's bytes cannot be read as a filing, if they cannot: empty, too large, or binary (a NUL byte in
  /// the first mebibyte).
  private static func problem(with bytes: UnsafeBufferPointer<UInt8>) -> ReadError? {
    if let problem = problem(size: bytes.count) { return problem }
    let scanned = UnsafeBufferPointer(rebasing: bytes.prefix(binaryScanLength))
    let zero = ASCIIText.firstOffset(of: 0, in: scanned, to: scanned.count)
    guard zero < scanned.count else { return nil }
    let line = 1 + scanned[..<zero].count { $0 == 0x0A }
    return ReadError(message: "the file is binary, not a text filing", line: line)
  }
}

/// Turns a filing's bytes into text.
///
/// EDGAR filings are ASCII or UTF-8 today, but older ones and word-processor drafts come in Windows-1252
/// or Latin-1. Bytes that are not valid UTF-8 are read as Windows-1252 (a superset of Latin-1's
/// printable range), so that no input is refused for its encoding and no byte is lost.
enum TextDecoding {
  /// Decodes bytes as UTF-8, or as Windows-1252 when they are not valid UTF-8.
  ///
  /// - Parameter bytes: The file's bytes; a UTF-8 byte-order mark is dropped.
  /// - Returns: The text and whether the fallback encoding was used.
  static func decode(_ bytes: [UInt8]) -> (text: String, usedFallback: Bool) {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    if let text = String(validating: body, as: UTF8.self) {
      return (text, false)
    }
    var scalars = String.UnicodeScalarView()
    scalars.reserveCapacity(body.count)
    for byte in body {
      if byte >= 0x80 && byte <= 0x9F, let mapped = windows1252High[Int(byte - 0x80)] {
        scalars.append(mapped)
      } else {
        scalars.append(Unicode.Scalar(byte))
      }
    }
    return (String(scalars), true)
  }

  /// Windows-1252's characters for bytes 0x80–0x9F (`nil` where the code page leaves a byte undefined).
  private static let windows1252High: [Unicode.Scalar?] = [
    "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
    "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
    nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
    "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
  ]
}
