import BocheckModel

/// Relationships between reporting persons that a filing states in words ("AVP LP, as the sole general
/// partner of AVF, may be deemed to beneficially own ..."), turned into row 11 attributions.
///
/// XML filings have no place on the cover page to say whose shares a parent's are; Items 2, 4 and 5 and the
/// comments say it in prose, often with defined short names (`ARCH Venture Fund XII, L.P. ("AVF XII")`). A
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

  /// Each role followed by " of ", upper-cased for ``ASCIIText/contains(_:in:)-(_,String)``.
  private static let rolePhrases = roles.map { ASCIIText.phrase($0 + " of ") }

  /// Whether a paragraph can matter to ``relationships(in:names:)``: only one that names a role can state a
  /// relationship, and only one holding a parenthesis can define a short name.
  ///
  /// The others are left out before they are made into text; leaving them out changes nothing read.
  ///
  /// - Parameter paragraph: The paragraph's UTF-8 bytes.
  static func mayStateRelationship(_ paragraph: UnsafeBufferPointer<UInt8>) -> Bool {
    ASCIIText.firstOffset(of: 0x28, in: paragraph, to: paragraph.count) < paragraph.count
      || ASCIIText.containsAny(rolePhrases, inBytes: paragraph)
  }

  /// Reads the relationships stated in paragraphs.
  ///
  /// - Parameters:
  ///   - paragraphs: The paragraphs' text, each with its 1-based line.
  ///   - names: The reporting persons' names (from their cover pages).
  static func relationships(in paragraphs: [(text: String, line: Int)], names: [String]) -> [Relationship] {
    let aliases = aliasMap(paragraphs.map(\.text), names: names)
    var mentions: [(key: String, name: String)] = names.map { ($0.lowercased(), $0) }
    mentions += aliases.map { ($0.key.lowercased(), $0.value) }
    // Longest first, so "Fund LP II" is found before "Fund LP".
    mentions.sort { $0.key.count > $1.key.count }
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
            let parent = mention(endingBefore: found.lowerBound, in: lower, mentions: mentions),
            NameKey(parent) != NameKey(child)
          else { continue }
          let relationship = Relationship(parent: parent, child: child, line: paragraph.line)
          if !result.contains(where: { NameKey($0.parent) == NameKey(parent) && NameKey($0.child) == NameKey(child) }) {
            result.append(relationship)
          }
        }
      }
    }
    return result
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
      // The mention must end a word ("AVF XII" is not the start of "AVF XIII").
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
    for index in pages.indices where takesAttribution(pages[index]) {
      guard let name = pages[index].reportingPersonName else { continue }
      let children = relationships.filter { NameKey($0.parent) == NameKey(name) }
      let lines = children.map { String($0.line) }.joined(separator: ", ")
      pages[index].attributeAggregate(
        to: children.map(\.child),
        note: "attributed to \(children.map(\.child).joined(separator: ", ")) as the filing states (line \(lines))",
        source: .prose)
    }
  }
}
