import BocheckModel

/// Relationships between reporting persons that a filing states in words ("Alpha GP LP, as the sole general
/// partner of Alpha Fund, may be deemed to beneficially own ..."), turned into row 11 attributions.
///
/// XML filings have no place on the cover page to say whose shares a parent's are; Items 2, 4 and 5 and the
/// comments say it in prose, often with defined short names (`Alpha Venture Fund II, L.P. ("Fund II")`). A
/// parent is tied to the persons it is the general partner, managing member, manager or investment
/// adviser of. The attribution is added only where it cannot mislead: the parent's row 11 names nobody, its
/// sole voting and sole dispositive powers are 0 (so it holds nothing in its own right, as an individual who
/// also owns shares personally would), and both names are reporting persons of the filing. The row keeps a
/// note saying where the relationship was read.
enum RelationshipFacts {
  /// A relationship read from the text.
  struct Relationship: Equatable {
    /// The reporting person that holds through the other.
    let parent: String
    /// The reporting person whose shares the parent beneficially owns.
    let child: String
    /// The 1-based line of the sentence.
    let line: Int
  }

  private static let roles = [
    "sole general partner", "general partner", "sole managing member", "managing member", "sole member",
    "investment manager", "investment adviser", "investment advisor", "sole manager", "manager",
  ]

  /// Each role followed by " of ", upper-cased for ``ASCIIText/contains(_:in:)-(_,String)`` and
  /// ``PlainText/roleMatches(in:upTo:)``.
  private static let rolePhrases = roles.map { ASCIIText.phrase($0 + " of ") }

  /// Whether a paragraph can matter to ``relationships(in:names:)``: only one that names a role can state a
  /// relationship, and only one that may define a short name (``mayDefineShortName(_:)``) can name a party by
  /// one.
  ///
  /// The others are left out before they are made into text; leaving them out changes nothing read.
  ///
  /// - Parameter paragraph: The paragraph's UTF-8 bytes.
  static func mayStateRelationship(_ paragraph: UnsafeBufferPointer<UInt8>) -> Bool {
    mayDefineShortName(paragraph) || !PlainText.roleMatches(in: paragraph, upTo: 1).isEmpty
  }

  /// Whether a paragraph may define a short name, `("ALIAS")` or `(the "ALIAS")`, told from the first byte after
  /// each opening parenthesis and the blanks after it.
  ///
  /// A short name's text, blanks trimmed, opens with a quote mark or "the " (``aliasMap(_:names:)``,
  /// ``PlainText/aliasMap(_:names:)``): the byte is a straight quote, a "t" in either case, or a byte beyond
  /// ASCII (a curly quote, a no-break space). Only more paragraphs than define one are let through: "(i)", "(a)"
  /// and "(1)" are not.
  ///
  /// - Parameter paragraph: The paragraph's UTF-8 bytes.
  static func mayDefineShortName(_ paragraph: UnsafeBufferPointer<UInt8>) -> Bool {
    var open = ASCIIText.firstOffset(of: 0x28, in: paragraph, to: paragraph.count)
    while open < paragraph.count {
      var next = open + 1
      while next < paragraph.count && ASCIIText.isWhiteSpace(paragraph[next]) { next += 1 }
      guard next < paragraph.count else { return false }
      let byte = paragraph[next]
      if byte >= 0x80 || byte == 0x22 || byte == 0x27 || byte | 0x20 == 0x74 { return true }
      open = ASCIIText.firstOffset(of: 0x28, in: paragraph, from: next, to: paragraph.count)
    }
    return false
  }

  /// Reads the relationships stated in paragraphs.
  ///
  /// When the paragraphs and the names are all plain text (``PlainText``), as nearly all filings' are, they
  /// are read on their bytes; otherwise character by character (``relationshipsByCharacters(in:names:)``).
  /// Both read the same.
  ///
  /// - Parameters:
  ///   - paragraphs: The paragraphs' text, each with its 1-based line.
  ///   - names: The reporting persons' names (from their cover pages).
  static func relationships(in paragraphs: [(text: String, line: Int)], names: [String]) -> [Relationship] {
    let isPlain =
      names.allSatisfy { ASCIIText.withUTF8($0, PlainText.holds) }
      && paragraphs.allSatisfy { ASCIIText.withUTF8($0.text, PlainText.holds) }
    if isPlain { return PlainText.relationships(in: paragraphs, names: names) }
    return relationshipsByCharacters(in: paragraphs, names: names)
  }

  /// Reads the relationships stated in paragraphs, comparing characters (``relationships(in:names:)`` reads
  /// plain text on its bytes instead, to the same result).
  ///
  /// - Parameters:
  ///   - paragraphs: The paragraphs' text, each with its 1-based line.
  ///   - names: The reporting persons' names (from their cover pages).
  static func relationshipsByCharacters(in paragraphs: [(text: String, line: Int)], names: [String]) -> [Relationship] {
    // Text that states no role states no relationship: its short names are never read.
    guard paragraphs.contains(where: { ASCIIText.containsAny(rolePhrases, in: $0.text) }) else { return [] }
    let aliases = aliasMap(paragraphs.map(\.text), names: names)
    var mentions: [(key: String, name: String)] = names.map { ($0.lowercased(), $0) }
    mentions += orderedAliases(aliases).map { ($0.key.lowercased(), $0.value) }
    // Longest first, so "Fund LP II" is found before "Fund LP"; mentions of one length keep their order.
    mentions = longestFirst(mentions) { $0.key.count }
    var result: [Relationship] = []
    for paragraph in paragraphs {
      // Most paragraphs state no role: one pass over the bytes says so without copying the paragraph.
      guard ASCIIText.containsAny(rolePhrases, in: paragraph.text) else { continue }
      let stated = roles.indices.filter { ASCIIText.contains(rolePhrases[$0], in: paragraph.text) }
      let lower = paragraph.text.lowercased()
      for role in stated.map({ roles[$0] }) {
        var searchStart = lower.startIndex
        while let found = ASCIIText.firstOccurrence(of: role + " of ", in: lower, from: searchStart) {
          searchStart = found.upperBound
          // A longer role at the same place ("sole general partner") was handled already.
          if roles.contains(where: {
            $0.count > role.count && $0.hasSuffix(role) && lower[..<found.upperBound].hasSuffix($0 + " of ")
          }) {
            continue
          }
          guard let child = mention(startingAt: found.upperBound, in: lower, mentions: mentions),
            let parent = mention(endingBefore: found.lowerBound, in: lower, mentions: mentions)
          else { continue }
          record(parent: parent, child: child, line: paragraph.line, in: &result)
        }
      }
    }
    return result
  }

  /// Adds a relationship read from a sentence, unless parent and child are one person or the two already
  /// stand in one read earlier (names compared by their ``NameKey``s): both readers keep the first sentence
  /// that states it.
  ///
  /// - Parameters:
  ///   - parent: The reporting person that holds through the other.
  ///   - child: The reporting person whose shares the parent owns.
  ///   - line: The 1-based line of the sentence.
  ///   - result: The relationships read so far.
  static func record(parent: String, child: String, line: Int, in result: inout [Relationship]) {
    let (parentKey, childKey) = (NameKey(parent), NameKey(child))
    guard parentKey != childKey,
      !result.contains(where: { NameKey($0.parent) == parentKey && NameKey($0.child) == childKey })
    else { return }
    result.append(Relationship(parent: parent, child: child, line: line))
  }

  /// The short names defined in a filing in the order mentions try them: by their spelling's bytes, not in the
  /// dictionary's order, which changes from run to run. Two short names that read alike but name different
  /// persons ("ABC" and "Abc") then resolve the same way on every run.
  ///
  /// - Parameter aliases: The short names and the names they stand for (``aliasMap(_:names:)``).
  static func orderedAliases(_ aliases: [String: String]) -> [(key: String, value: String)] {
    aliases.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { (key: $0.key, value: $0.value) }
  }

  /// Mentions longest first; mentions of one length keep the order they were given in (the names in their
  /// order, then the short names in ``orderedAliases(_:)``'s), whatever sorting algorithm the library uses.
  ///
  /// - Parameters:
  ///   - mentions: The mentions.
  ///   - length: A mention's length in characters.
  static func longestFirst<Mention>(_ mentions: [Mention], length: (Mention) -> Int) -> [Mention] {
    mentions.enumerated().sorted { a, b in
      let (lengthA, lengthB) = (length(a.element), length(b.element))
      return lengthA != lengthB ? lengthA > lengthB : a.offset < b.offset
    }.map(\.element)
  }

  /// Defined short names: `Full Name ("ALIAS")` or `Full Name (the "ALIAS")`, for names of the filing.
  static func aliasMap(_ texts: [String], names: [String]) -> [String: String] {
    var aliases: [String: String] = [:]
    let lowered = names.map { (name: $0, lower: $0.lowercased()) }
    // A name before a parenthesis is looked for in this many characters before it, not in the whole text
    // (which made every parenthesis of a long paragraph copy all that came before it).
    let window = 2 * (names.map(\.count).max() ?? 0) + 8
    for text in texts {
      // Parentheses are found on the bytes; only what stands between them is read as text.
      let pairs = ASCIIText.withUTF8(text) { bytes -> [(open: Int, close: Int)] in
        var pairs: [(open: Int, close: Int)] = []
        var open = 0
        while let found = bytes[open...].firstIndex(of: 0x28) {
          open = found + 1
          guard let close = bytes[open...].firstIndex(of: 0x29) else { break }
          pairs.append((found, close))
        }
        return pairs
      }
      for pair in pairs {
        let open = LineBytes.index(text, pair.open)
        var inner = text[LineBytes.index(text, pair.open + 1)..<LineBytes.index(text, pair.close)].trimmingBlanks()
        if inner.lowercased().hasPrefix("the ") { inner = String(inner.dropFirst(4)) }
        let quotes: Set<Character> = ["\"", "“", "”", "'"]
        guard let first = inner.first, let last = inner.last, quotes.contains(first), quotes.contains(last),
          inner.count > 2
        else { continue }
        let alias = String(inner.dropFirst().dropLast()).trimmingBlanks()
        var head = text[..<open]
        while let last = head.last, last == " " || last == "\t" || last == "\u{A0}" { head = head.dropLast() }
        let before = head.suffix(window).lowercased()
        if let name = lowered.filter({ before.hasSuffix($0.lower) }).map(\.name).max(by: { $0.count < $1.count }),
          !alias.isEmpty, alias.count < 60
        {
          aliases[alias] = name
        }
      }
    }
    return aliases
  }

  private static func mention(startingAt index: String.Index, in text: String, mentions: [(key: String, name: String)])
    -> String?
  {
    var start = index
    for article in ["the ", "each of "] where text[start...].hasPrefix(article) {
      start = text.index(start, offsetBy: article.count)
    }
    for mention in mentions where text[start...].hasPrefix(mention.key) {
      let end = text.index(start, offsetBy: mention.key.count)
      // The mention must end a word ("Fund II" is not the start of "Fund III").
      if end == text.endIndex || !(text[end].isLetter || text[end].isNumber) { return mention.name }
    }
    return nil
  }

  private static func mention(
    endingBefore index: String.Index, in text: String, mentions: [(key: String, name: String)]
  )
    -> String?
  {
    // The parent is named just before the role: "X is the", "X, as the", "X (\"X\") which is the".
    let fillers: Set<String> = ["the", "is", "as", "which", "who", "that", "being", "serves", "acts", "its", "a"]
    var before = Substring(text[..<index])
    var changed = true
    while changed {
      changed = false
      while let last = before.last,
        last == " " || last == "," || last == "\"" || last == ")" || last == "“"
          || last == "”" || last == "'"
      {
        before = before.dropLast()
        changed = true
      }
      if let space = before.lastIndex(of: " "), fillers.contains(String(before[before.index(after: space)...])) {
        before = before[..<space]
        changed = true
      }
    }
    for mention in mentions where before.hasSuffix(mention.key) {
      let start = before.index(before.endIndex, offsetBy: -mention.key.count)
      if start == before.startIndex || !(before[before.index(before: start)].isLetter) { return mention.name }
    }
    return nil
  }

  /// Reads the relationships stated in paragraphs and adds them to the cover pages (see ``apply(_:to:)``),
  /// reading the paragraphs only when a page can take an attribution at all (most filings have none).
  ///
  /// - Parameters:
  ///   - paragraphs: Makes the paragraphs' text, each with its 1-based line.
  ///   - pages: The cover pages; their reporting persons are the names looked for.
  static func attribute(_ paragraphs: () -> [(text: String, line: Int)], to pages: inout [CoverPage]) {
    guard pages.contains(where: takesAttribution) else { return }
    apply(relationships(in: paragraphs(), names: pages.compactMap(\.reportingPersonName)), to: &pages)
  }

  /// Whether a page can take an attribution: it names its reporting person, holds nothing in its own right
  /// (both sole powers 0) and its row 11 names nobody.
  private static func takesAttribution(_ page: CoverPage) -> Bool {
    guard page.reportingPersonName != nil,
      page.rows[.aggregateAmountOwned]?.amount?.attributedTo.isEmpty == true
    else { return false }
    return [RowField.soleVotingPower, .soleDispositivePower].allSatisfy { field in
      page.rows[field]?.amount.map { $0.shares.significand == 0 } ?? false
    }
  }

  /// Adds the relationships to the cover pages of parents whose row 11 names nobody and that hold nothing
  /// in their own right (both sole powers 0).
  static func apply(_ relationships: [Relationship], to pages: inout [CoverPage]) {
    // A page is given no one when there are no relationships.
    guard !relationships.isEmpty else { return }
    // Each name's key is made once: a key costs about a thousand instructions, and comparing two keys a few.
    let parentKeys = relationships.map { NameKey($0.parent) }
    for index in pages.indices where takesAttribution(pages[index]) {
      guard let name = pages[index].reportingPersonName else { continue }
      let key = NameKey(name)
      var children: [Relationship] = []
      for (position, relationship) in relationships.enumerated() where parentKeys[position] == key {
        children.append(relationship)
      }
      let lines = children.map { String($0.line) }.joined(separator: ", ")
      pages[index].attributeAggregate(
        to: children.map(\.child),
        note: "attributed to \(children.map(\.child).joined(separator: ", ")) as the filing states (line \(lines))",
        source: .prose)
    }
  }
}

extension RelationshipFacts {
  /// The relationships of plain text, read on its UTF-8 bytes.
  ///
  /// Text is plain when it holds ASCII and, beyond ASCII, only a few marks of punctuation (``isInert(_:)``).
  /// In such text no character changes when lower-cased but the ASCII letters, characters are equal only when
  /// their bytes are, and every character is one scalar but a carriage return followed by a line feed, which
  /// is one character of two. Comparing characters, as ``RelationshipFacts/relationshipsByCharacters(in:names:)``
  /// does, and comparing bytes with the ASCII letters lower-cased, as this does, find the same once a match is
  /// refused that would end between the two (``startsWith(_:in:at:)``) and characters are counted with the
  /// pair as one (``characterCount(_:)``). EDGAR's XML often writes a carriage return as `&#13;`.
  enum PlainText {
    /// Whether a scalar beyond ASCII may stand in plain text: a no-break space, a dash, a curly quote or
    /// another mark that is neither letter nor number, has no case, stands for no other character and never
    /// joins the characters around it.
    ///
    /// - Parameter value: The scalar's value.
    static func isInert(_ value: UInt32) -> Bool {
      switch value {
      case 0xA0, 0xA3, 0xA7, 0xA9, 0xAE, 0xB0, 0xB6, 0x2010...0x2015, 0x2018, 0x2019, 0x201C, 0x201D,
        0x2020...0x2022, 0x2026, 0x20AC, 0x2122:
        return true
      default:
        return false
      }
    }

    /// Whether UTF-8 bytes are plain text: ASCII, and the inert scalars beyond it.
    ///
    /// Eight bytes are passed at a time while they are ASCII.
    ///
    /// - Parameter bytes: Valid UTF-8 bytes.
    static func holds(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      guard let base = bytes.baseAddress else { return true }
      var index = 0
      while index < bytes.count {
        if index + 8 <= bytes.count {
          let word = ByteWord.load(UnsafeRawPointer(base), at: index)
          if ByteWord.isASCII(word) {
            index += 8
            continue
          }
        }
        if bytes[index] < 0x80 {
          index += 1
          continue
        }
        let scalar = LineBytes.scalar(bytes, at: index)
        guard isInert(scalar.value.value) else { return false }
        index += scalar.length
      }
      return true
    }

    /// A name as the text may mention it: a reporting person's name or a short name defined for one.
    struct Mention {
      /// The name's bytes, ASCII letters lower-cased.
      let key: [UInt8]
      /// The name's length in characters.
      let count: Int
      /// The reporting person.
      let name: String

      init(_ spelling: String, name: String) {
        key = Array(spelling.utf8).map(PlainText.lower)
        count = PlainText.characterCount(key[...])
        self.name = name
      }
    }

    /// The byte lower-cased when it is an ASCII letter.
    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 {
      byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    /// The number of characters in plain text's bytes: the bytes that do not continue a scalar, a carriage
    /// return and the line feed after it counted once.
    ///
    /// - Parameter bytes: UTF-8 bytes of plain text.
    static func characterCount<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int {
      var count = 0
      var previous: UInt8 = 0
      for byte in bytes {
        if ASCIIText.startsCharacter(byte) && !(byte == 0x0A && previous == 0x0D) { count += 1 }
        previous = byte
      }
      return count
    }

    /// Each role's phrase stated in the bytes: its index in `roles`, and the offsets where it starts and where
    /// its " of " ends, in the order of those ends.
    ///
    /// Every phrase ends in " of ", so only the places of an `f` (rare in English) are tried; at each, the
    /// phrases are compared backwards, ignoring ASCII case.
    ///
    /// - Parameters:
    ///   - bytes: UTF-8 bytes.
    ///   - limit: How many matches to find at most (one tells whether the bytes state a role at all).
    static func roleMatches(in bytes: UnsafeBufferPointer<UInt8>, upTo limit: Int = .max)
      -> [(role: Int, start: Int, end: Int)]
    {
      var matches: [(role: Int, start: Int, end: Int)] = []
      guard bytes.count >= 4 else { return matches }
      // The "f" of " of " has two bytes before it and one after.
      var index = 2
      while true {
        index = ASCIIText.nextPossibleStart(of: 0x46, in: bytes, from: index, to: bytes.count - 1)
        guard index < bytes.count - 1 else { return matches }
        if bytes[index + 1] == 0x20 && bytes[index - 2] == 0x20 && ASCIIText.upper(bytes[index - 1]) == 0x4F {
          let end = index + 2
          for role in rolePhrases.indices where endsWith(rolePhrases[role], in: bytes, at: end) {
            matches.append((role, end - rolePhrases[role].count, end))
            if matches.count >= limit { return matches }
          }
        }
        index += 1
      }
    }

    /// Whether the bytes before `end`, their ASCII letters upper-cased, end with an upper-case phrase.
    @inline(__always)
    private static func endsWith(_ phrase: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at end: Int) -> Bool {
      guard end >= phrase.count else { return false }
      let start = end - phrase.count
      for index in phrase.indices where ASCIIText.upper(bytes[start + index]) != phrase[index] { return false }
      return true
    }

    /// Whether the bytes at `start`, their ASCII letters lower-cased, begin with a lower-cased key, ending
    /// where a character ends (not between a carriage return and its line feed).
    ///
    /// - Parameters:
    ///   - key: The key's bytes, lower case.
    ///   - bytes: UTF-8 bytes of plain text.
    ///   - start: The offset where the key must start, at the start of a character.
    @inline(__always)
    static func startsWith(_ key: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
      let end = start + key.count
      guard end <= bytes.count else { return false }
      for index in key.indices where lower(bytes[start + index]) != key[index] { return false }
      return !(end < bytes.count && end > start && bytes[end] == 0x0A && bytes[end - 1] == 0x0D)
    }

    /// Whether the bytes before `end`, their ASCII letters lower-cased, end with a lower-cased key, starting
    /// where a character starts (not between a carriage return and its line feed).
    ///
    /// - Parameters:
    ///   - key: The key's bytes, lower case.
    ///   - bytes: UTF-8 bytes of plain text.
    ///   - end: The offset where the key must end, at the end of a character.
    @inline(__always)
    static func endsWith(key: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at end: Int) -> Bool {
      guard end >= key.count else { return false }
      let start = end - key.count
      for index in key.indices where lower(bytes[start + index]) != key[index] { return false }
      return !(start > 0 && end > start && bytes[start] == 0x0A && bytes[start - 1] == 0x0D)
    }

    /// For each role, the longer roles that end with it ("sole general partner" for "general partner").
    private static let longerRoles: [[Int]] = roles.map { role in
      roles.indices.filter { roles[$0].count > role.count && roles[$0].hasSuffix(role) }
    }

    private static let articles = [Array("the ".utf8), Array("each of ".utf8)]
    private static let fillers = ["the", "is", "as", "which", "who", "that", "being", "serves", "acts", "its", "a"].map
    {
      Array($0.utf8)
    }

    /// Reads the relationships stated in paragraphs of plain text, as
    /// ``RelationshipFacts/relationshipsByCharacters(in:names:)`` reads them.
    ///
    /// - Parameters:
    ///   - paragraphs: The paragraphs' text, plain, each with its 1-based line.
    ///   - names: The reporting persons' names, plain.
    static func relationships(in paragraphs: [(text: String, line: Int)], names: [String]) -> [Relationship] {
      // The roles are found first: text that states none states no relationship, and its short names are never
      // read.
      let roleMatchesByParagraph = paragraphs.map { ASCIIText.withUTF8($0.text) { roleMatches(in: $0) } }
      guard roleMatchesByParagraph.contains(where: { !$0.isEmpty }) else { return [] }
      let aliases = aliasMap(paragraphs.map(\.text), names: names)
      var mentions = names.map { Mention($0, name: $0) }
      mentions += RelationshipFacts.orderedAliases(aliases).map { Mention($0.key, name: $0.value) }
      // Longest first, so "Fund LP II" is found before "Fund LP"; mentions of one length keep their order.
      mentions = RelationshipFacts.longestFirst(mentions) { $0.count }
      var result: [Relationship] = []
      for (paragraph, matches) in zip(paragraphs, roleMatchesByParagraph) where !matches.isEmpty {
        ASCIIText.withUTF8(paragraph.text) { bytes in
          // Role by role, and each role's places from the start, not overlapping, as a search would find them.
          for role in roles.indices {
            var searchStart = 0
            for match in matches where match.role == role && match.start >= searchStart {
              searchStart = match.end
              // A longer role at the same place ("sole general partner") was handled already.
              if longerRoles[role].contains(where: { endsWith(rolePhrases[$0], in: bytes, at: match.end) }) {
                continue
              }
              guard let child = mention(startingAt: match.end, in: bytes, mentions: mentions),
                let parent = mention(endingBefore: match.start, in: bytes, mentions: mentions)
              else { continue }
              RelationshipFacts.record(parent: parent, child: child, line: paragraph.line, in: &result)
            }
          }
        }
      }
      return result
    }

    /// Defined short names in plain text, as ``RelationshipFacts/aliasMap(_:names:)`` reads them.
    ///
    /// - Parameters:
    ///   - texts: The paragraphs' text, plain.
    ///   - names: The reporting persons' names, plain.
    static func aliasMap(_ texts: [String], names: [String]) -> [String: String] {
      var aliases: [String: String] = [:]
      let lowered = names.map { Mention($0, name: $0) }
      for text in texts {
        ASCIIText.withUTF8(text) { bytes in
          var open = 0
          while case let found = ASCIIText.firstOffset(of: 0x28, in: bytes, from: open, to: bytes.count),
            found < bytes.count
          {
            open = found + 1
            let close = ASCIIText.firstOffset(of: 0x29, in: bytes, from: open, to: bytes.count)
            guard close < bytes.count else { break }
            if let alias = alias(in: bytes, open: found, close: close),
              let name = lowered.filter({ endsWith(key: $0.key, in: bytes, at: alias.nameEnd) })
                .max(by: { $0.count < $1.count })?.name
            {
              aliases[alias.text] = name
            }
          }
        }
      }
      return aliases
    }

    /// The short name a pair of parentheses defines, `("ALIAS")` or `(the "ALIAS")`, and where the name it
    /// stands for would end (before the blanks ahead of the parenthesis); `nil` when they define none.
    ///
    /// - Parameters:
    ///   - bytes: UTF-8 bytes of plain text.
    ///   - open: The offset of `(`.
    ///   - close: The offset of the `)` that follows it.
    private static func alias(in bytes: UnsafeBufferPointer<UInt8>, open: Int, close: Int)
      -> (text: String, nameEnd: Int)?
    {
      let trimmed = LineBytes.trimmedRange(UnsafeBufferPointer(rebasing: bytes[(open + 1)..<close]))
      var start = open + 1 + trimmed.lowerBound
      let end = open + 1 + trimmed.upperBound
      if startsWith(articles[0], in: UnsafeBufferPointer(rebasing: bytes[..<end]), at: start) { start += 4 }
      guard start < end, let first = quoteLength(bytes, at: start),
        let last = quoteLength(bytes, endingAt: end),
        characterCount(UnsafeBufferPointer(rebasing: bytes[start..<end])) > 2
      else { return nil }
      let inner = UnsafeBufferPointer(rebasing: bytes[(start + first)..<(end - last)])
      let alias = UnsafeBufferPointer(rebasing: inner[LineBytes.trimmedRange(inner)])
      guard !alias.isEmpty, characterCount(alias) < 60 else { return nil }
      var nameEnd = open
      while nameEnd > 0 {
        if bytes[nameEnd - 1] == 0x20 || bytes[nameEnd - 1] == 0x09 {
          nameEnd -= 1
        } else if nameEnd >= 2 && bytes[nameEnd - 1] == 0xA0 && bytes[nameEnd - 2] == 0xC2 {
          nameEnd -= 2
        } else {
          break
        }
      }
      return (String(decoding: alias, as: UTF8.self), nameEnd)
    }

    /// The length in bytes of the quote mark (`"`, `'`, `“` or `”`) that starts at `offset`, or `nil`.
    private static func quoteLength(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
      let byte = bytes[offset]
      if byte == 0x22 || byte == 0x27 { return 1 }
      guard byte == 0xE2, offset + 2 < bytes.count, bytes[offset + 1] == 0x80,
        bytes[offset + 2] == 0x9C || bytes[offset + 2] == 0x9D
      else { return nil }
      return 3
    }

    /// The length in bytes of the quote mark (`"`, `'`, `“` or `”`) that ends at `end`, or `nil`.
    private static func quoteLength(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Int? {
      let byte = bytes[end - 1]
      if byte == 0x22 || byte == 0x27 { return 1 }
      guard byte == 0x9C || byte == 0x9D, end >= 3, bytes[end - 2] == 0x80, bytes[end - 3] == 0xE2 else { return nil }
      return 3
    }

    /// The reporting person named at `offset`, after an article ("the", "each of"): the first mention (longest
    /// first) the bytes there begin with that is not followed by a letter or a digit.
    private static func mention(startingAt offset: Int, in bytes: UnsafeBufferPointer<UInt8>, mentions: [Mention])
      -> String?
    {
      var start = offset
      for article in articles where startsWith(article, in: bytes, at: start) { start += article.count }
      for mention in mentions where startsWith(mention.key, in: bytes, at: start) {
        let end = start + mention.key.count
        // The mention must end a word ("Fund II" is not the start of "Fund III").
        if end == bytes.count || !(ASCIIText.isLetter(bytes[end]) || ASCIIText.isDigit(bytes[end])) {
          return mention.name
        }
      }
      return nil
    }

    /// The reporting person named just before `offset`, past the punctuation and the filler words before a
    /// role ("X is the", "X, as the", "X (\"X\") which is the"): the first mention (longest first) the bytes
    /// end with that does not follow a letter.
    private static func mention(endingBefore offset: Int, in bytes: UnsafeBufferPointer<UInt8>, mentions: [Mention])
      -> String?
    {
      var end = offset
      var changed = true
      while changed {
        changed = false
        while end > 0 {
          let byte = bytes[end - 1]
          if byte == 0x20 || byte == 0x2C || byte == 0x22 || byte == 0x29 || byte == 0x27 {
            end -= 1
          } else if (byte == 0x9C || byte == 0x9D) && end >= 3 && bytes[end - 2] == 0x80 && bytes[end - 3] == 0xE2 {
            end -= 3
          } else {
            break
          }
          changed = true
        }
        var space = end
        while space > 0 && bytes[space - 1] != 0x20 { space -= 1 }
        if space > 0 {
          let word = UnsafeBufferPointer(rebasing: bytes[space..<end])
          if fillers.contains(where: { $0.count == word.count && startsWith($0, in: word, at: 0) }) {
            end = space - 1
            changed = true
          }
        }
      }
      for mention in mentions where endsWith(key: mention.key, in: bytes, at: end) {
        let start = end - mention.key.count
        if start == 0 || !ASCIIText.isLetter(bytes[start - 1]) { return mention.name }
      }
      return nil
    }
  }
}
