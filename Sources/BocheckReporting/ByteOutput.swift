/// A growable run of UTF-8 bytes that a report's writer appends to, a few bytes at a time.
///
/// A report's text is made of many short pieces: a separator, an indentation, a quoted key, a number. An
/// `Array<UInt8>`'s `append(contentsOf:)` cost about a hundred instructions for each such piece; here a piece is
/// written in place after one check of room (``append(upTo:_:)``), and several pieces can share the check.
///
/// The bytes live in storage of their own that a copy of the output shares until either copy is appended to: the
/// one appended to then takes a copy of its own, as an array would.
struct ByteOutput {
  /// Memory for the bytes: `capacity` bytes, the first `count` of the output that owns it written.
  private final class Storage {
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int

    init(capacity: Int) {
      self.capacity = capacity
      base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }
  }

  private var storage = Storage(capacity: 0)
  /// How many bytes have been written.
  private(set) var count = 0

  /// An empty output.
  init() {}

  /// Appends at most `maxCount` bytes in place: `write` is given where the next byte goes and returns how many it
  /// wrote.
  ///
  /// - Parameters:
  ///   - maxCount: The most bytes `write` may write.
  ///   - write: Writes the bytes from the pointer it is given and returns their count, at most `maxCount`.
  @inline(__always)
  mutating func append(upTo maxCount: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Int) {
    makeRoom(for: maxCount)
    let written = write(storage.base + count)
    assert(written <= maxCount, "more bytes written than room was made for")
    count += written
  }

  /// Appends one byte.
  @inline(__always)
  mutating func append(_ byte: UInt8) {
    append(upTo: 1) { next in
      next.initialize(to: byte)
      return 1
    }
  }

  /// Appends a run of bytes.
  @inline(__always)
  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    append(upTo: bytes.count) { next in ByteOutput.write(bytes, at: next) }
  }

  /// Appends the bytes of a static text.
  @inline(__always)
  mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { append($0) }
  }

  /// Writes a run of bytes at a place made ready for them and returns their count: the piece of a larger write
  /// (``append(upTo:_:)``).
  ///
  /// - Parameters:
  ///   - bytes: The bytes.
  ///   - next: Where the first goes.
  @inline(__always)
  static func write(_ bytes: UnsafeBufferPointer<UInt8>, at next: UnsafeMutablePointer<UInt8>) -> Int {
    if let source = bytes.baseAddress { next.initialize(from: source, count: bytes.count) }
    return bytes.count
  }

  /// Calls `body` with the bytes written, valid only during the call.
  func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    body(UnsafeBufferPointer(start: storage.base, count: count))
  }

  /// The bytes written, as UTF-8 text (an ill-formed sequence repaired, as `String(decoding:as:)` repairs it).
  var text: String { withBytes { String(decoding: $0, as: UTF8.self) } }

  /// Makes room for `extra` more bytes, in storage this output alone holds.
  @inline(__always)
  private mutating func makeRoom(for extra: Int) {
    if count + extra <= storage.capacity && isKnownUniquelyReferenced(&storage) { return }
    grow(toHold: count + extra)
  }

  /// Moves the bytes to new storage of at least `minimumCapacity` bytes (at least twice the old), held by this
  /// output alone.
  private mutating func grow(toHold minimumCapacity: Int) {
    let grown = Storage(capacity: max(minimumCapacity, 2 * storage.capacity, 256))
    grown.base.initialize(from: storage.base, count: count)
    storage = grown
  }
}
