/// A file's text, decoded from its bytes after the checks every input passes: not empty, not too large, not
/// binary.
///
/// A file can be read straight into the storage of its text (``init(capacity:filling:)``), so that a large file
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
    // Decoded as a file read in place is: the bytes are copied into the text's storage and checked there.
    let copied = try FilingText(capacity: bytes.count) { buffer in
      _ = buffer.initialize(fromContentsOf: bytes)
      return bytes.count
    }
    // A filler that gives every byte always gives the text; the error only keeps this from trapping.
    guard let copied else { throw ReadError(message: "the file could not be read") }
    self = copied
  }

  /// Reads a file's bytes into the text's own storage and decodes them there.
  ///
  /// Bytes that are valid UTF-8 (nearly every filing) become the text where they were written; only bytes that
  /// are not are copied out once, to be decoded as Windows-1252.
  ///
  /// - Parameters:
  ///   - capacity: The most bytes `fill` may write, in bytes.
  ///   - fill: Writes the file's bytes at the start of the buffer it is given and returns how many it wrote,
  ///     or `nil` when it cannot give them this way (the file holds more than `capacity`, or a read failed).
  /// - Returns: `nil` when `fill` returned `nil`.
  /// - Throws: ``ReadError`` as ``init(bytes:)`` does.
  public init?(capacity: Int, filling fill: (UnsafeMutableBufferPointer<UInt8>) -> Int?) throws(ReadError) {
    var given = true
    var problem: ReadError?
    var invalidBytes: [UInt8]?
    let text = String(unsafeUninitializedCapacity: max(capacity, 1)) { buffer in
      guard let count = fill(buffer) else {
        given = false
        return 0
      }
      if let found = Self.problem(with: UnsafeBufferPointer(rebasing: buffer[..<count])) {
        problem = found
        return 0
      }
      // A UTF-8 byte-order mark is dropped, as ``TextDecoding/decode(_:)`` drops it.
      let start = count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
      guard UTF8Validation.isValid(UnsafeBufferPointer(rebasing: buffer[start..<count])) else {
        invalidBytes = Array(buffer[..<count])
        return 0
      }
      if start > 0 {
        UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(
          from: buffer.baseAddress! + start, byteCount: count - start)
      }
      return count - start
    }
    if let problem { throw problem }
    guard given else { return nil }
    self.text = invalidBytes.map { TextDecoding.decode($0).text } ?? text
  }

  /// Why a file's bytes cannot be read as a filing, if they cannot: empty, too large, or binary (a NUL byte in
  /// the first mebibyte).
  private static func problem(with bytes: UnsafeBufferPointer<UInt8>) -> ReadError? {
    guard !bytes.isEmpty else { return ReadError(message: "the file is empty") }
    guard bytes.count <= FilingReader.maximumSize else {
      return ReadError(message: "the file is larger than \(FilingReader.maximumSize / 1024 / 1024) MiB")
    }
    let scanned = UnsafeBufferPointer(rebasing: bytes.prefix(1 << 20))
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
