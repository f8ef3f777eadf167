/// A reporting person's name reduced to what identifies it, so that the ways one filing prints the same
/// name compare equal.
///
/// "Cedar Point Value Partners, L.P. II", "CEDAR POINT VALUE PARTNERS LP II" and
/// "Cedar Point Value Partners L P II" share one key. The key keeps every word, so names that
/// differ by a word ("... LP" and "... LP I") stay apart.
public struct NameKey: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The normalised words joined by single spaces.
  public let text: String

  /// Normalises a printed name: upper-cases it, turns `&` into AND, drops punctuation, joins spaced
  /// single-letter abbreviations ("L P" to "LP") and spells common entity suffixes one way.
  ///
  /// - Parameter name: The name as printed.
  public init(_ name: String) {
    var name = name
    name.makeContiguousUTF8()
    let ascii = name.utf8.withContiguousStorageIfAvailable { bytes -> String? in
      // A name is read byte by byte when it is ASCII; its key is then at most its own length plus four bytes
      // per `&` (which becomes " AND " between words).
      guard let ampersands = ByteWord.asciiOccurrences(of: 0x26, in: bytes) else { return nil }
      return NameKey.build(capacity: bytes.count + 4 * ampersands) { NameKey.appendASCIIWords(of: bytes, to: &$0) }
    }
    if let asciiKey = ascii ?? nil {
      text = asciiKey
    } else {
      let words = NameKey.unicodeWords(name)
      text = NameKey.build(capacity: words.reduce(0) { $0 + $1.utf8.count + 1 }) { key in
        for word in words { key.append(word: word.utf8) }
      }
    }
  }

  /// A key whose text is already normalised.
  private init(normalized text: String) {
    self.text = text
  }

  /// The keys of a text's leading parts, each the key ``init(_:)`` gives that part, read in one pass.
  ///
  /// A name is read left to right, each word settled when the byte after it is read, so the key of a part
  /// that ends before a byte that ends a word (a space, a comma, a semicolon) is the key read so far. A list
  /// of names tries every run of a few of its pieces as one name; the runs from one piece on are leading
  /// parts of one text, and their keys cost one reading of the longest instead of one reading each. A part
  /// that ends before any other byte (a letter, a digit, `&`, `.` or `'`), and every part of a text that is
  /// not ASCII, is read on its own.
  ///
  /// - Parameters:
  ///   - text: The UTF-8 bytes of the text.
  ///   - ends: The length of each part, in bytes, at most `text.count`, in rising order.
  /// - Returns: One key per length in `ends`, in the same order.
  public static func keysOfLeadingParts(of text: [UInt8], endingAt ends: [Int]) -> [NameKey] {
    guard !ends.isEmpty, text.withUnsafeBufferPointer(ByteWord.isASCII) else {
      return ends.map { NameKey(String(decoding: text[..<$0], as: UTF8.self)) }
    }
    return readLeadingParts(
      ofASCII: text, endingAt: ends, settled: { (NameKey(normalized: String(decoding: $0, as: UTF8.self)), true) },
      alone: { $0 }, past: nil)
  }

  /// Whether the key of each of a text's leading parts is among `known`: what looking up each key of
  /// ``keysOfLeadingParts(of:endingAt:)`` in `known`'s set tells, read in one pass.
  ///
  /// When the text and every known key are ASCII, a part's key is compared with the known keys of its length on
  /// its bytes as it is read: no text is made for it and none is hashed. (Two ASCII texts are equal exactly when
  /// their bytes are; a key that is not ASCII may equal an ASCII one, as the Kelvin sign equals K, and then the
  /// keys are looked up in the set.)
  ///
  /// - Parameters:
  ///   - text: The UTF-8 bytes of the text.
  ///   - ends: The length of each part, in bytes, at most `text.count`, in rising order.
  ///   - known: The known keys.
  /// - Returns: One answer per length in `ends`, in the same order.
  public static func leadingParts(of text: [UInt8], endingAt ends: [Int], among known: KnownNameKeys) -> [Bool] {
    guard let asciiKeys = known.asciiKeys, !ends.isEmpty, text.withUnsafeBufferPointer(ByteWord.isASCII) else {
      return keysOfLeadingParts(of: text, endingAt: ends).map(known.keys.contains)
    }
    // Whether a known key starts with the given bytes, or (`whole`) is them.
    let knownKeyStarts = { (bytes: UnsafeRawBufferPointer, whole: Bool) -> Bool in
      asciiKeys.contains { candidate in
        let length = candidate.text.utf8.count
        guard whole ? length == bytes.count : length > bytes.count else { return false }
        return candidate.text.utf8.withContiguousStorageIfAvailable {
          ByteWord.sameBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer($0)[..<bytes.count]), bytes)
        } ?? candidate.text.utf8.prefix(bytes.count).elementsEqual(bytes)
      }
    }
    return readLeadingParts(
      ofASCII: text, endingAt: ends,
      settled: { key in
        let settled = UnsafeRawBufferPointer(key)
        // The words before the key's last one, and the space after them, are final: the key of every longer part
        // starts with them (a single letter after the last word may join it, a word ends spelled one way, a
        // leading THE is dropped once another word follows; none changes an earlier word). When no known key
        // starts with them, no longer part is known.
        guard let lastSpace = key.lastIndex(of: 0x20) else { return (knownKeyStarts(settled, true), true) }
        return (
          knownKeyStarts(settled, true), knownKeyStarts(UnsafeRawBufferPointer(rebasing: settled[...lastSpace]), false)
        )
      }, alone: known.keys.contains, past: false)
  }

  /// The one pass of ``keysOfLeadingParts(of:endingAt:)`` over an ASCII text: what `settled` tells of each part
  /// whose key is the key read so far, and `alone` of the key of each other part, read on its own.
  ///
  /// - Parameters:
  ///   - text: The UTF-8 bytes of the text, all ASCII.
  ///   - ends: The length of each part, in bytes, at most `text.count`, in rising order; at least one.
  ///   - settled: Tells a part from its key's UTF-8 bytes, which live only for the call, and whether the parts
  ///     after it that it would tell are still to be read (when `past` is given).
  ///   - alone: Tells a part from its key.
  ///   - past: What every part `settled` would tell is after one it said is the last to be read; `nil` when all
  ///     are read.
  /// - Returns: One answer per length in `ends`, in the same order.
  private static func readLeadingParts<Answer>(
    ofASCII text: [UInt8], endingAt ends: [Int], settled: (UnsafeBufferPointer<UInt8>) -> (Answer, goesOn: Bool),
    alone: (NameKey) -> Answer, past: Answer?
  ) -> [Answer] {
    var answers: [Answer] = []
    answers.reserveCapacity(ends.count)
    let ampersands = text.reduce(0) { $0 + ($1 == 0x26 ? 1 : 0) }
    text.withUnsafeBufferPointer { bytes in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max((ends.last ?? 0) + 4 * ampersands, 1)) { buffer in
        var key = KeyBuilder(buffer)
        var read = 0
        var stopped = false
        for end in ends {
          // A byte that continues a word (or drops out of it) would change the part's last word.
          guard end == bytes.count || endsWord(bytes[end]) else {
            answers.append(alone(NameKey(String(decoding: bytes[..<end], as: UTF8.self))))
            continue
          }
          // Once `settled` says the parts after one are all `past`, they are not read.
          if let past, stopped {
            answers.append(past)
            continue
          }
          appendASCIIWords(of: UnsafeBufferPointer(rebasing: bytes[read..<end]), to: &key)
          read = end
          let (answer, goesOn) = settled(key.settledBytes())
          answers.append(answer)
          stopped = !goesOn
        }
      }
    }
    return answers
  }

  /// Tells an ASCII name by the UTF-8 bytes of its key (those of the ``text`` that ``init(_:)`` gives), made in
  /// scratch room: no text is made for them.
  ///
  /// Not generic, unlike ``withASCIIKeyBytes(of:_:)``, which it calls: a generic function of this module that
  /// another module calls is not specialised there, and each such call looked up the metadata of its result's
  /// type at run time.
  ///
  /// - Parameters:
  ///   - name: The UTF-8 bytes of a name as printed.
  ///   - body: Tells the key's bytes, which live only for the call.
  /// - Returns: What `body` tells; `nil` for a name that is not all ASCII, whose key is not read here.
  public static func withKeyBytes(
    ofASCII name: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Bool
  ) -> Bool? {
    withASCIIKeyBytes(of: name, body)
  }

  /// Calls `body` with the UTF-8 bytes of an ASCII name's key (those of the ``text`` that ``init(_:)`` gives),
  /// made in scratch room: no text is made for them.
  ///
  /// - Parameters:
  ///   - name: The UTF-8 bytes of a name as printed.
  ///   - body: What to do with the key's bytes, which live only for the call.
  /// - Returns: What `body` returns; `nil` for a name that is not all ASCII, whose key is not read here.
  static func withASCIIKeyBytes<Result>(
    of name: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result? {
    guard let ampersands = ByteWord.asciiOccurrences(of: 0x26, in: name) else { return nil }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(name.count + 4 * ampersands, 1)) { buffer in
      var key = KeyBuilder(buffer)
      appendASCIIWords(of: name, to: &key)
      return body(UnsafeBufferPointer(rebasing: buffer[..<key.finish()]))
    }
  }

  /// Whether a byte of an ASCII name ends the word before it, as ``appendASCIIWords(of:to:)`` reads it.
  private static func endsWord(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x61...0x7A, 0x41...0x5A, 0x30...0x39, 0x26, 0x2E, 0x27: return false
    default: return true
    }
  }

  /// The text of a key written by `write` into a scratch buffer of `capacity` bytes, which must be room for
  /// every byte it writes.
  private static func build(capacity: Int, _ write: (inout KeyBuilder) -> Void) -> String {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(capacity, 1)) { buffer in
      var key = KeyBuilder(buffer)
      write(&key)
      return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<key.finish()]), as: UTF8.self)
    }
  }

  /// Writes a name's upper-cased words into its key's bytes as they are read, without a `String` or an
  /// `Array` per word.
  ///
  /// When a word ends, a single letter that with the word before it spells an entity suffix is joined to it
  /// ("L P" to "LP") and a long suffix is spelled one way ("LIMITED" to "LTD"); a leading "THE" is dropped
  /// when other words follow. The tables hold only ASCII letters, which a word's bytes equal exactly when
  /// its text does.
  private struct KeyBuilder {
    /// Where the key's UTF-8 bytes are written: words separated by single spaces. The caller gives room for
    /// every byte the name can produce.
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    /// How many bytes of ``bytes`` are written.
    private var count = 0
    /// Where the last finished word starts in ``bytes``.
    private var lastWordStart = 0
    /// How many words the key has, not counting the word being read.
    private var wordCount = 0
    /// Where the word being read starts in ``bytes``, or -1 between words.
    private var wordStart = -1

    /// An empty key written into `bytes`.
    init(_ bytes: UnsafeMutableBufferPointer<UInt8>) {
      self.bytes = bytes
    }

    /// Adds an upper-cased byte to the word being read, or starts a word with it.
    mutating func appendLetter(_ byte: UInt8) {
      if wordStart < 0 {
        if wordCount > 0 {
          bytes[count] = 0x20
          count += 1
        }
        wordStart = count
      }
      bytes[count] = byte
      count += 1
    }

    /// Ends the word being read, if one is: joins it to the word before or spells it one way.
    mutating func endWord() {
      guard wordStart >= 0 else { return }
      let start = wordStart
      wordStart = -1
      // The word before ends at the space before this one.
      if count - start == 1, wordCount > 0, start - 1 - lastWordStart <= 2,
        NameKey.isJoinable(bytes[lastWordStart..<(start - 1)], bytes[start])
      {
        bytes[start - 1] = bytes[start]
        count -= 1
        return
      }
      lastWordStart = start
      wordCount += 1
      if let synonym = NameKey.synonym(of: bytes[start..<count]) {
        for (offset, byte) in synonym.enumerated() { bytes[start + offset] = byte }
        count = start + synonym.count
      }
    }

    /// Adds a whole word.
    ///
    /// - Parameter word: The word's upper-cased UTF-8 bytes; not empty.
    mutating func append<Word: Sequence<UInt8>>(word: Word) {
      endWord()
      for byte in word { appendLetter(byte) }
      endWord()
    }

    /// Ends the last word and gives the key's length, its bytes at the start of ``bytes``.
    mutating func finish() -> Int {
      endWord()
      let dropped = droppedArticleLength()
      guard dropped > 0 else { return count }
      for index in dropped..<count { bytes[index - dropped] = bytes[index] }
      return count - dropped
    }

    /// Ends the last word and gives the UTF-8 bytes of the key of what has been read, in place, leaving them so
    /// that reading can go on (see ``NameKey/keysOfLeadingParts(of:endingAt:)``): they live until it does.
    mutating func settledBytes() -> UnsafeBufferPointer<UInt8> {
      endWord()
      let start = droppedArticleLength()
      return UnsafeBufferPointer(UnsafeMutableBufferPointer(rebasing: bytes[start..<count]))
    }

    /// How many leading bytes the key drops: those of "THE " when THE is its first word and another
    /// follows, else none.
    private func droppedArticleLength() -> Int {
      let article = NameKey.leadingArticle
      guard wordCount > 1, count > article.count, bytes[0..<article.count].elementsEqual(article) else { return 0 }
      return article.count
    }
  }

  /// Reads the upper-cased words of an ASCII name (see ``init(_:)``) from its bytes into a key.
  ///
  /// - Parameter name: The UTF-8 bytes of a name whose bytes are all ASCII.
  private static func appendASCIIWords(of name: UnsafeBufferPointer<UInt8>, to key: inout KeyBuilder) {
    for byte in name {
      switch byte {
      case 0x61...0x7A: key.appendLetter(byte - 0x20)
      case 0x41...0x5A, 0x30...0x39: key.appendLetter(byte)
      case 0x26: key.append(word: andWord)
      case 0x2E, 0x27: continue
      default: key.endWord()
      }
    }
  }

  /// The upper-cased words of any name (see ``init(_:)``), scalar by scalar.
  private static func unicodeWords(_ name: String) -> [String] {
    var words: [String] = []
    var current = ""
    func flush() {
      if !current.isEmpty { words.append(current) }
      current = ""
    }
    for scalar in name.unicodeScalars {
      switch scalar {
      case "a"..."z": current.unicodeScalars.append(Unicode.Scalar(scalar.value - 32)!)
      case "A"..."Z", "0"..."9": current.unicodeScalars.append(scalar)
      case "&":
        flush()
        words.append("AND")
      case ".", "'", "\u{2019}":
        // "L.P." and "Ltd." lose their points; "Macy's" keeps its letters together.
        continue
      default:
        if scalar.properties.isAlphabetic {
          // "Müller" and "MÜLLER" are one name.
          current += String(scalar).uppercased()
        } else {
          flush()
        }
      }
    }
    flush()
    return words
  }

  /// Whether a word of at most two letters and the single letter after it spell an entity suffix.
  private static func isJoinable(_ last: Slice<UnsafeMutableBufferPointer<UInt8>>, _ letter: UInt8) -> Bool {
    joinableLetters.contains { $0.count == last.count + 1 && $0.last == letter && $0.starts(with: last) }
  }

  /// The one spelling of a long entity suffix, or `nil` for any other word.
  private static func synonym<Word: Collection<UInt8>>(of word: Word) -> [UInt8]? {
    // Every spelled-out suffix has seven letters or more.
    guard word.count >= 7 else { return nil }
    return synonyms.first { $0.word.count == word.count && $0.word.elementsEqual(word) }?.spelling
  }

  private static let andWord = Array("AND".utf8)
  private static let leadingArticle = Array("THE ".utf8)
  private static let joinableLetters: [[UInt8]] = ["LP", "LL", "LLC", "LLP", "NA", "PC", "SA", "AG", "NV", "BV"].map {
    Array($0.utf8)
  }
  private static let synonyms: [(word: [UInt8], spelling: [UInt8])] = [
    ("LIMITED", "LTD"), ("INCORPORATED", "INC"), ("CORPORATION", "CORP"), ("COMPANY", "CO"), ("PARTNERSHIP", "LP"),
  ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

  /// The normalised text.
  public var description: String { text }

  /// Orders keys by their text.
  public static func < (lhs: NameKey, rhs: NameKey) -> Bool { lhs.text < rhs.text }
}

/// The keys of the names a filing is known to use, made ready for telling whether the parts of a text name one
/// of them (``NameKey/leadingParts(of:endingAt:among:)``).
public struct KnownNameKeys {
  /// The keys.
  public let keys: Set<NameKey>
  /// The keys, when every one is ASCII (whose equal texts are equal bytes); `nil` otherwise.
  fileprivate let asciiKeys: [NameKey]?

  /// Makes keys ready.
  ///
  /// - Parameter keys: The keys.
  public init(_ keys: Set<NameKey>) {
    self.keys = keys
    let allASCII = keys.allSatisfy { key in key.text.utf8.withContiguousStorageIfAvailable(ByteWord.isASCII) == true }
    asciiKeys = allASCII ? Array(keys) : nil
  }
}

/// A printed name made ready to be compared with many others: its key and the key without qualifiers are worked
/// out once.
public struct MatchableName: Sendable {
  /// The name as printed.
  public let name: String
  /// Its key.
  let key: NameKey
  /// The key of the name without what trails it (see ``NameKey/looseKey(_:key:)``).
  private let looseKey: NameKey
  /// The words of that key (see ``NameKey/looseWords(_:key:)``) when it is not ASCII; `nil` for an ASCII key,
  /// whose words are cut only when a comparison needs them (few do: most names are told apart on their bytes).
  private let nonASCIILooseWords: [Substring]?
  /// Where the last word of that key stands in its bytes, when it is ASCII.
  private let lastLooseWord: Range<Int>?

  /// Works out what comparing a printed name needs.
  ///
  /// - Parameter name: The name as printed.
  public init(_ name: String) {
    self.init(name, key: NameKey(name))
  }

  /// Works out what comparing a printed name whose key is known needs.
  ///
  /// - Parameters:
  ///   - name: The name as printed.
  ///   - key: Its key (`NameKey(name)`).
  init(_ name: String, key: NameKey) {
    self.name = name
    self.key = key
    looseKey = NameKey.looseKey(name, key: key)
    let last = looseKey.text.utf8.withContiguousStorageIfAvailable { ByteWord.isASCII($0) ? Self.lastWord($0) : nil }
    lastLooseWord = last ?? nil
    nonASCIILooseWords = lastLooseWord == nil ? looseKey.words : nil
  }

  /// The words of the key without what trails the name (see ``NameKey/looseWords(_:key:)``).
  var looseWords: [Substring] { nonASCIILooseWords ?? looseKey.words }

  /// Whether the key without what trails the name is ASCII: two such names that ``matchOnKeys(_:)`` leaves
  /// undecided match only as one person's.
  var hasASCIILooseKey: Bool { lastLooseWord != nil }

  /// Whether the words of the key without what trails the name may name a person (see
  /// ``NameKey/mayNamePerson(_:)``): `false` only for a name that is no person's; `true` for any key that is not
  /// ASCII.
  var mayNamePerson: Bool {
    let told = looseKey.text.utf8.withContiguousStorageIfAvailable { bytes in
      ByteWord.isASCII(bytes) ? NameKey.mayNamePerson(bytes) : true
    }
    return told ?? true
  }

  /// How a printed name matches this one: what ``NameKey/match(_:_:)`` says of `other` and ``name``, in
  /// that order.
  ///
  /// When both loose keys are ASCII, most names are told apart on the keys' bytes, without the keys' words:
  /// their words are equal exactly when their texts are, and two persons' names match only when their keys'
  /// last words are the same (see ``NameKey/PersonName``).
  ///
  /// - Parameter other: Another name as printed.
  /// - Returns: How the names match, or `nil` when they name different persons.
  public func match(_ other: String) -> NameMatch? {
    let otherKey = NameKey(other)
    guard !otherKey.text.isEmpty, !key.text.isEmpty else { return nil }
    if otherKey == key { return .exact }
    let otherLooseKey = NameKey.looseKey(other, key: otherKey)
    if let lastLooseWord, let toldApart = toldApart(otherLooseKey, lastLooseWord, otherLastWord: nil) {
      return toldApart
    }
    return NameKey.match(
      key: otherKey, looseWords: otherLooseKey.words, key, looseWords: nonASCIILooseWords ?? looseKey.words)
  }

  /// How another name made ready matches this one: what ``NameKey/match(_:_:)`` says of `other`'s ``name`` and
  /// ``name``, in that order (which the answer does not depend on), without working out either name's keys again.
  ///
  /// - Parameter other: Another name made ready.
  /// - Returns: How the names match, or `nil` when they name different persons.
  public func match(_ other: MatchableName) -> NameMatch? {
    if let decided = matchOnKeys(other) { return decided }
    return NameKey.match(key: other.key, looseWords: other.looseWords, key, looseWords: looseWords)
  }

  /// What ``match(_:)-(MatchableName)`` says, told on the two names' keys alone (see ``match(_:)-(String)``);
  /// `nil` when their words are to be compared. Two names with ASCII loose keys that it leaves undecided match
  /// only as one person's.
  ///
  /// - Parameter other: Another name made ready.
  func matchOnKeys(_ other: MatchableName) -> NameMatch?? {
    guard !other.key.text.isEmpty, !key.text.isEmpty else { return .some(nil) }
    if other.key == key { return .exact }
    guard let lastLooseWord, let otherLastWord = other.lastLooseWord else { return nil }
    return toldApart(other.looseKey, lastLooseWord, otherLastWord: otherLastWord)
  }

  /// What ``match(_:)-(String)`` says of a name whose loose key is `otherLooseKey`, told on the two loose keys'
  /// bytes when both are ASCII and their words are not needed; `nil` when the words are to be compared.
  ///
  /// Two names whose loose keys differ match only as one person's (``NameKey/samePerson(_:_:)``), whose last
  /// names and generational suffixes agree: the keys' last words are then the same (the suffix when both have
  /// one, else the last name).
  ///
  /// - Parameters:
  ///   - otherLooseKey: The other name's loose key; the keys themselves differ.
  ///   - lastLooseWord: The last word of this name's loose key, which is ASCII.
  ///   - known: The last word of the other name's loose key when it is known to be ASCII; `nil` to read it.
  private func toldApart(
    _ otherLooseKey: NameKey, _ lastLooseWord: Range<Int>, otherLastWord known: Range<Int>?
  ) -> NameMatch?? {
    let told = looseKey.text.utf8.withContiguousStorageIfAvailable { bytes in
      otherLooseKey.text.utf8.withContiguousStorageIfAvailable { otherBytes -> NameMatch?? in
        let otherLastWord: Range<Int>
        if let known {
          otherLastWord = known
        } else {
          guard ByteWord.isASCII(otherBytes) else { return .none }
          otherLastWord = Self.lastWord(otherBytes)
        }
        guard !lastLooseWord.isEmpty, !otherLastWord.isEmpty else { return .some(nil) }
        let (text, otherText) = (UnsafeRawBufferPointer(bytes), UnsafeRawBufferPointer(otherBytes))
        if ByteWord.sameBytes(text, otherText) { return .some(.loose) }
        let sameLastWord = ByteWord.sameBytes(
          UnsafeRawBufferPointer(rebasing: text[lastLooseWord]),
          UnsafeRawBufferPointer(rebasing: otherText[otherLastWord]))
        return sameLastWord ? .none : .some(nil)
      }
    }
    return (told ?? nil) ?? nil
  }

  /// Where the last word of an ASCII text stands in its bytes, words cut at spaces as ``NameKey/words`` cuts them;
  /// an empty range when the text has no word.
  ///
  /// - Parameter bytes: The text's bytes, ASCII.
  private static func lastWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    var end = bytes.count
    while end > 0 && bytes[end - 1] == 0x20 { end -= 1 }
    var start = end
    while start > 0 && bytes[start - 1] != 0x20 { start -= 1 }
    return start..<end
  }
}

/// How closely two printed names agree.
public enum NameMatch: String, Sendable {
  /// The names have the same ``NameKey``: they differ at most in case, punctuation and the spelling of
  /// entity suffixes.
  case exact
  /// The names agree as a reader compares them, but not key for key: a trailing qualifier such as
  /// "(PFIC)", a footnote mark or a tax identification number differs, or a person's middle name is
  /// missing or reduced to its initial.
  case loose
}

extension NameKey {
  /// Compares two printed names the way a reader of the filing would.
  ///
  /// Names with equal keys match exactly. Otherwise both names lose what is printed after the name
  /// rather than in it (trailing parenthesised qualifiers, footnote marks, a tax identification number
  /// such as "23-1234567" or "IRS # 123456789") and compare again. Two names of people (no entity word,
  /// no digits) also match when their first and last names and generational suffixes agree and their
  /// middle names do not contradict each other: one is missing, or each is the other's initial ("Jane Q.
  /// Roe", "Jane Quinn Roe" and "Jane Roe" match; "Jane Q. Roe" and "Jane R. Roe" do not, nor do "John
  /// Roe" and "John Roe, Jr."). Entity names never match by dropping words.
  ///
  /// - Parameters:
  ///   - name: A name as printed.
  ///   - other: Another name as printed.
  /// - Returns: How the names match, or `nil` when they name different persons.
  public static func match(_ name: String, _ other: String) -> NameMatch? {
    match(name, key: NameKey(name), other, key: NameKey(other))
  }

  /// Compares two printed names whose keys are known (see ``match(_:_:)``).
  static func match(_ name: String, key: NameKey, _ other: String, key otherKey: NameKey) -> NameMatch? {
    guard !key.text.isEmpty, !otherKey.text.isEmpty else { return nil }
    if key == otherKey { return .exact }
    return match(
      key: key, looseWords: looseWords(name, key: key), otherKey, looseWords: looseWords(other, key: otherKey))
  }

  /// Compares two names whose keys and loose words (see ``looseWords(_:key:)``) are known, as
  /// ``match(_:_:)`` compares the names they were made from.
  ///
  /// - Parameters:
  ///   - key: A name's key.
  ///   - words: The words of its key without what trails the name.
  ///   - otherKey: Another name's key.
  ///   - otherWords: The words of that key without what trails the other name.
  static func match(
    key: NameKey, looseWords words: [Substring], _ otherKey: NameKey, looseWords otherWords: [Substring]
  ) -> NameMatch? {
    if let decided = matchBeforePersons(key, words, otherKey, otherWords) { return decided }
    return samePerson(words, otherWords) ? .loose : nil
  }

  /// Compares two names whose keys, loose words (see ``looseWords(_:key:)``) and persons' names (``PersonName``
  /// of those words) are known, as ``match(key:looseWords:_:looseWords:)`` compares them.
  ///
  /// A name compared with many is split into a person's name once, not once for each comparison.
  ///
  /// - Parameters:
  ///   - key: A name's key.
  ///   - words: The words of its key without what trails the name.
  ///   - person: `PersonName(words)`.
  ///   - otherKey: Another name's key.
  ///   - otherWords: The words of that key without what trails the other name.
  ///   - otherPerson: `PersonName(otherWords)`.
  static func match(
    key: NameKey, looseWords words: [Substring], person: PersonName?, _ otherKey: NameKey,
    looseWords otherWords: [Substring], person otherPerson: PersonName?
  ) -> NameMatch? {
    if let decided = matchBeforePersons(key, words, otherKey, otherWords) { return decided }
    guard let person, let otherPerson else { return nil }
    return samePerson(person, otherPerson) ? .loose : nil
  }

  /// What both ``match(key:looseWords:_:looseWords:)`` and ``match(key:looseWords:person:_:looseWords:person:)``
  /// tell before comparing persons' names: no match for an empty key or words, exact for equal keys, loose for
  /// equal words; `nil` when only the persons' names can tell.
  ///
  /// - Parameters:
  ///   - key: A name's key.
  ///   - words: The words of its key without what trails the name.
  ///   - otherKey: Another name's key.
  ///   - otherWords: The words of that key without what trails the other name.
  @inline(__always)
  private static func matchBeforePersons(
    _ key: NameKey, _ words: [Substring], _ otherKey: NameKey, _ otherWords: [Substring]
  ) -> NameMatch?? {
    guard !key.text.isEmpty, !otherKey.text.isEmpty else { return .some(nil) }
    if key == otherKey { return .exact }
    guard !words.isEmpty, !otherWords.isEmpty else { return .some(nil) }
    if words == otherWords { return .loose }
    return nil
  }

  /// The words of a name's key once what trails the name is gone (see ``withoutQualifiers(_:)``).
  ///
  /// - Parameters:
  ///   - name: A name as printed.
  ///   - key: Its key, reused when nothing trails the name.
  static func looseWords(_ name: String, key: NameKey) -> [Substring] {
    looseKey(name, key: key).words
  }

  /// The key of a name once what trails the name is gone (see ``withoutQualifiers(_:)``): the text of
  /// ``looseWords(_:key:)`` joined by single spaces.
  ///
  /// - Parameters:
  ///   - name: A name as printed.
  ///   - key: Its key, returned when nothing trails the name.
  static func looseKey(_ name: String, key: NameKey) -> NameKey {
    let unqualified = withoutQualifiers(name)
    return unqualified == name ? key : NameKey(unqualified)
  }

  /// The key's words.
  ///
  /// An ASCII key is cut at its spaces byte by byte; any other is split by characters, where a space followed
  /// by a combining mark is not a space.
  var words: [Substring] {
    let text = self.text
    let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> [Substring]? in
      guard let spaces = ByteWord.asciiOccurrences(of: 0x20, in: bytes) else { return nil }
      // In ASCII every byte starts a character, so a word's bounds are its offsets from the text's start. The
      // word is made from its bytes' view, which rounds its bounds to scalars, rather than by the text's
      // subscript, which checks them at a higher cost.
      func word(_ start: Int, _ end: Int) -> Substring {
        let utf8 = text.utf8
        let bounds = utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)
        return Substring(utf8[bounds])
      }
      var words: [Substring] = []
      words.reserveCapacity(spaces + 1)
      var start = 0
      for offset in 0..<bytes.count where bytes[offset] == 0x20 {
        if offset != start { words.append(word(start, offset)) }
        start = offset + 1
      }
      if bytes.count != start { words.append(word(start, bytes.count)) }
      return words
    }
    if let words = ascii ?? nil { return words }
    return text.split(separator: " ")
  }

  /// The printed name without what trails it: parenthesised qualifiers, footnote marks (`*`, `†`) and
  /// tax identification numbers (seven digits or more) with the labels before them ("IRS #").
  static func withoutQualifiers(_ name: String) -> String {
    // A name that ends in a letter or a point has nothing trailing it: no qualifier closes it, no mark or
    // punctuation follows it, and its last word is no identification number.
    if let last = name.utf8.last, (0x61...0x7A).contains(last | 0x20) || last == 0x2E { return name }
    // An ASCII name is cut on its bytes, each a scalar: no array of scalars is made.
    let ascii = name.utf8.withContiguousStorageIfAvailable { bytes -> String? in
      guard ByteWord.isASCII(bytes) else { return nil }
      let length = unqualifiedCount(bytes.lazy.map { Unicode.Scalar($0) })
      return length == bytes.count
        ? name : String(decoding: UnsafeBufferPointer(rebasing: bytes[..<length]), as: UTF8.self)
    }
    if let ascii = ascii ?? nil { return ascii }
    // Any other name is read as an array of its scalars, then cut in place at the scalar where what trails it
    // starts: its kept scalars are not appended one by one to a new text.
    let scalars = Array(name.unicodeScalars)
    let kept = unqualifiedCount(scalars)
    guard kept < scalars.count else { return name }
    let view = name.unicodeScalars
    return String(Substring(view[..<view.index(view.startIndex, offsetBy: kept)]))
  }

  /// How many leading scalars of a name ``withoutQualifiers(_:)`` keeps: the one reading of what trails a
  /// name, over an ASCII name's bytes (each a scalar) as over any name's scalars.
  ///
  /// - Parameter scalars: The name's scalars.
  private static func unqualifiedCount<Scalars: RandomAccessCollection<Unicode.Scalar>>(_ scalars: Scalars) -> Int
  where Scalars.Index == Int {
    let isDigit = { (scalar: Unicode.Scalar) in ("0"..."9").contains(scalar) }
    var end = scalars.endIndex
    var changed = true
    var removedIdentifier = false
    while changed {
      changed = false
      // Blanks, footnote marks and the punctuation after a name.
      while end > scalars.startIndex {
        let last = scalars[end - 1]
        guard
          isWhitespace(last) || last == "*" || last == "\u{2020}" || last == "," || last == ";" || last == "-"
            || last == "\u{2013}" || last == "#" || last == ":"
        else { break }
        end -= 1
      }
      if end > scalars.startIndex, scalars[end - 1] == ")",
        let open = scalars[..<end].lastIndex(of: "("), open > scalars.startIndex
      {
        end = open
        changed = true
        continue
      }
      // The last word: a number of seven or more digits (with dashes) or a label of one.
      guard let space = scalars[..<end].lastIndex(where: isWhitespace) else { break }
      let word = scalars[(space + 1)..<end]
      let isIdentifier = word.count(where: isDigit) >= 7 && word.allSatisfy { isDigit($0) || $0 == "-" }
      if isIdentifier
        || (removedIdentifier
          && taxNumberLabels.contains(String(String.UnicodeScalarView(word)).uppercased()))
      {
        end = space + 1
        removedIdentifier = true
        changed = true
      }
    }
    return end
  }

  /// Whether a scalar is white space (the Unicode property), decided without a property lookup for ASCII.
  private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    guard scalar.isASCII else { return scalar.properties.isWhitespace }
    return (0x09...0x0D).contains(scalar.value) || scalar.value == 0x20
  }

  private static let taxNumberLabels: Set<String> = [
    "IRS", "I.R.S.", "NO", "NO.", "NOS.", "EIN", "ID", "I.D.", "TIN", "#",
  ]

  /// Whether two keys' words name the same person: same first and last names and suffix, middle names
  /// missing on one side or each the other's initial.
  private static func samePerson(_ words: [Substring], _ otherWords: [Substring]) -> Bool {
    // A person's last name is their last word, or the word before a generational suffix, and no entity word:
    // words whose last two share none but entity words ("LP", "LLC", which many entities' names end with) name
    // different persons, told before either is split (``PersonName``). Only a shared word is looked up.
    let (lastWords, otherLastWords) = (words.suffix(2), otherWords.suffix(2))
    guard lastWords.contains(where: { otherLastWords.contains($0) && !entityWords.contains($0) }) else {
      return false
    }
    guard let person = PersonName(words), let other = PersonName(otherWords) else { return false }
    return samePerson(person, other)
  }

  /// Whether two persons' names, split, name the same person: same first and last names and suffix, middle
  /// names missing on one side or each the other's initial.
  static func samePerson(_ person: PersonName, _ other: PersonName) -> Bool {
    guard person.first == other.first, person.last == other.last, person.suffix == other.suffix else {
      return false
    }
    if person.middle.isEmpty || other.middle.isEmpty { return true }
    guard person.middle.count == other.middle.count else { return false }
    return zip(person.middle, other.middle).allSatisfy { middle, otherMiddle in
      middle == otherMiddle || (middle.count == 1 && otherMiddle.hasPrefix(middle))
        || (otherMiddle.count == 1 && middle.hasPrefix(otherMiddle))
    }
  }

  /// A person's name split into first name, middle names, last name and generational suffix.
  struct PersonName {
    var first: Substring
    var middle: [Substring]
    var last: Substring
    var suffix: Substring?

    /// Splits a key's words, or fails when they are not a person's name: an entity word, a digit, fewer
    /// than two or more than five words.
    init?(_ keyWords: [Substring]) {
      // The words between an honorific and a suffix, by position, without copying them.
      var start = keyWords.startIndex
      var end = keyWords.endIndex
      if start < end, NameKey.honorifics.contains(keyWords[start]) { start += 1 }
      if start < end, NameKey.generationalSuffixes.contains(keyWords[end - 1]) {
        suffix = keyWords[end - 1]
        end -= 1
      }
      guard end - start >= 2, end - start <= 5 else { return nil }
      for word in keyWords[start..<end] where NameKey.entityWords.contains(word) || NameKey.hasNumber(word) {
        return nil
      }
      first = keyWords[start]
      last = keyWords[end - 1]
      middle = Array(keyWords[(start + 1)..<(end - 1)])
    }
  }

  /// Whether the words of an ASCII key may name a person (``PersonName``), told on its bytes: two to seven words
  /// (a person's two to five, an honorific and a generational suffix), none an entity word or holding a digit.
  ///
  /// A key that fails names no person; one that passes may still not (its words are then split to tell).
  ///
  /// - Parameter key: The UTF-8 bytes of a key (words separated by single spaces), all ASCII.
  static func mayNamePerson(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
    var words = 0
    var start = 0
    for index in 0...key.count {
      guard index == key.count || key[index] == 0x20 else {
        if (0x30...0x39).contains(key[index]) { return false }
        continue
      }
      if index > start {
        words += 1
        let word = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: key[start..<index]))
        if words > 7 || entityWords.contains(ascii: word) { return false }
      }
      start = index + 1
    }
    return words >= 2
  }

  /// Whether a word holds a number: a digit, or in a word that is not ASCII any character that is a number.
  private static func hasNumber(_ word: Substring) -> Bool {
    // An ASCII character is a number exactly when it is a digit; the Character test is for other scripts.
    // The bytes are read in one pass from the word's storage when it is contiguous.
    let ascii = word.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
      var digit = false
      for byte in bytes {
        if byte >= 0x80 { return nil }
        if (0x30...0x39).contains(byte) { digit = true }
      }
      return digit
    }
    if let ascii = ascii ?? nil { return ascii }
    if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.utf8.contains { (0x30...0x39).contains($0) } }
    return word.contains(where: \.isNumber)
  }

  private static let honorifics: WordSet = ["MR", "MRS", "MS", "DR", "SIR", "HE", "HON"]
  private static let generationalSuffixes: WordSet = ["JR", "SR", "II", "III", "IV", "ESQ"]
  /// Words that make a name an entity's (after the key's own spelling of suffixes).
  private static let entityWords: WordSet = [
    "LP", "LLC", "LLP", "LTD", "INC", "CORP", "CO", "PLC", "NA", "SA", "AG", "NV", "BV", "GMBH", "TRUST", "FUND",
    "FUNDS", "PARTNERS", "GROUP", "CAPITAL", "MANAGEMENT", "HOLDINGS", "HOLDING", "BANK", "ADVISORS", "ADVISERS",
    "INVESTMENTS", "INVESTMENT", "ASSOCIATES", "SECURITIES", "FOUNDATION", "IRA", "ESTATE", "AND", "OF", "FAMILY",
    "VENTURES", "PARTNERSHIP", "LIMITED", "COMPANY", "CORPORATION", "INCORPORATED", "FINANCIAL", "ENTERPRISES",
  ]
}

/// A few upper-case ASCII words, such as a key's entity words, that a key's word is looked up among.
///
/// An ASCII word equals one of them exactly when its bytes do, so it is compared byte by byte, without hashing;
/// any other word is looked up by `String` equality, under which a non-ASCII word can equal an ASCII one (the
/// Kelvin sign is the letter K).
struct WordSet: ExpressibleByArrayLiteral, Sendable {
  /// The words, for the words that are not ASCII.
  private let words: Set<Substring>
  /// The words' bytes, by their length: a word is compared only with the words as long as it.
  private let asciiWordsByLength: [[[UInt8]]]

  /// A set of the given words, each upper-case ASCII.
  init(arrayLiteral words: Substring...) {
    self.words = Set(words)
    var byLength: [[[UInt8]]] = Array(repeating: [], count: (words.map { $0.utf8.count }.max() ?? 0) + 1)
    for word in words { byLength[word.utf8.count].append(Array(word.utf8)) }
    asciiWordsByLength = byLength
  }

  /// Whether the set holds a word.
  func contains(_ word: Substring) -> Bool {
    let utf8 = word.utf8
    let found = utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
      guard ByteWord.isASCII(bytes) else { return nil }
      return contains(ascii: UnsafeRawBufferPointer(bytes))
    }
    if let found = found ?? nil { return found }
    return words.contains(word)
  }

  /// Whether the set holds an ASCII word.
  ///
  /// - Parameter word: The word's bytes, all ASCII.
  func contains(ascii word: UnsafeRawBufferPointer) -> Bool {
    guard word.count < asciiWordsByLength.count else { return false }
    // The words of one length are compared with the word's bytes in place, without an iterator over each.
    return asciiWordsByLength[word.count].contains { $0.withUnsafeBytes { ByteWord.sameBytes($0, word) } }
  }
}

/// The name keys of a filing's cover pages, with their row 1 names, for the same names printed elsewhere in
/// the filing (a signature, a party to the agreement, a name row 11 is attributed to).
///
/// A key is a function of the name's text, so a name printed exactly as a page's row 1 has that page's key:
/// it is taken rather than made again (making a key costs one to two thousand instructions). The names of a
/// few pages are compared one by one, their lengths in bytes first; the names of many are looked up in a
/// table, so that a filing of many pages and many mentions costs time linear in their number.
public struct PageNameKeys: Sendable {
  /// Each page's row 1 name, in the order of the filing's cover pages; `nil` for a page without one.
  public let names: [String?]
  /// The ``NameKey`` of each page's row 1 name, in the same order; `nil` for a page without one.
  public let keys: [NameKey?]
  /// The first page of each name, by position in ``names``, when the pages are too many to compare one by one.
  private let positionOfName: [String: Int]?

  /// The most pages whose names are compared one by one rather than looked up in a table.
  static let comparedPages = 16

  /// The names and keys of a filing's cover pages, each page's row 1 looked up once.
  ///
  /// - Parameter filing: The filing.
  public init(_ filing: Filing) {
    let names = filing.coverPages.map(\.reportingPersonName)
    self.init(names: names, keys: names.map { $0.map(NameKey.init) })
  }

  /// Names and their keys already made.
  ///
  /// - Parameters:
  ///   - names: Each page's row 1 name, or `nil`.
  ///   - keys: The key of each name (`NameKey(name)`), or `nil` where the name is `nil`.
  public init(names: [String?], keys: [NameKey?]) {
    precondition(names.count == keys.count, "one key for each name")
    self.names = names
    self.keys = keys
    if names.count > PageNameKeys.comparedPages {
      var positions = [String: Int](minimumCapacity: names.count)
      for (position, name) in names.enumerated().reversed() {
        if let name { positions[name] = position }
      }
      positionOfName = positions
    } else {
      positionOfName = nil
    }
  }

  /// The key of a name: a page's key when a page's row 1 prints the name in the same bytes, else made.
  ///
  /// - Parameter name: A name as printed.
  /// - Returns: `NameKey(name)`.
  public func key(of name: String) -> NameKey {
    // A name is taken as a page's when their bytes are equal: `String`'s `==` also holds for canonically
    // equivalent texts of other bytes ("é" precomposed and "e" with a combining accent).
    if let positionOfName {
      if let position = positionOfName[name], let pageName = names[position], let key = keys[position],
        pageName.utf8.elementsEqual(name.utf8)
      {
        return key
      }
      return NameKey(name)
    }
    let length = name.utf8.count
    for position in names.indices {
      guard let pageName = names[position], pageName.utf8.count == length, ByteWord.sameBytes(pageName, name),
        let key = keys[position]
      else { continue }
      return key
    }
    return NameKey(name)
  }
}
