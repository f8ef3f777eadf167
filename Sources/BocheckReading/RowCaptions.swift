import BocheckModel

/// The printed captions of cover-page rows, and how to recognise them in a line.
///
/// A caption is recognised by a core phrase that only that row uses ("SOLE VOTING POWER"); the words
/// forms add after it ("(SEE INSTRUCTIONS)", "S.S. OR I.R.S. IDENTIFICATION NO. OF ABOVE PERSON",
/// "(11) EXCLUDES CERTAIN SHARES") are part of the caption, not of the value.
enum RowCaptions {
  /// A caption found in a line.
  struct Match {
    /// Which row the caption names.
    let field: RowField
    /// Byte range of the caption, tails included.
    let range: Range<Int>
  }

  private static let cores: [(RowField, [[UInt8]])] = [
    (
      .reportingPersonName,
      [
        "NAMES OF REPORTING PERSONS", "NAME OF REPORTING PERSONS", "NAMES OF REPORTING PERSON",
        "NAME OF REPORTING PERSON",
      ]
    ),
    (.memberOfGroup, ["CHECK THE APPROPRIATE BOX IF A MEMBER OF A GROUP"]),
    (.secUseOnly, ["SEC USE ONLY"]),
    (.fundType, ["SOURCE OF FUNDS"]),
    (.legalProceedings, ["CHECK BOX IF DISCLOSURE OF LEGAL PROCEEDINGS", "DISCLOSURE OF LEGAL PROCEEDINGS"]),
    (.citizenshipOrOrganization, ["CITIZENSHIP OR PLACE OF ORGANIZATION"]),
    (.soleVotingPower, ["SOLE VOTING POWER"]),
    (.sharedVotingPower, ["SHARED VOTING POWER"]),
    (.soleDispositivePower, ["SOLE DISPOSITIVE POWER"]),
    (.sharedDispositivePower, ["SHARED DISPOSITIVE POWER"]),
    (.aggregateAmountOwned, ["AGGREGATE AMOUNT BENEFICIALLY OWNED"]),
    (
      .isAggregateExcludeShares,
      ["CHECK IF THE AGGREGATE AMOUNT IN ROW", "CHECK BOX IF THE AGGREGATE AMOUNT IN ROW", "AGGREGATE AMOUNT IN ROW"]
    ),
    (.percentOfClass, ["PERCENT OF CLASS REPRESENTED BY AMOUNT IN ROW", "PERCENT OF CLASS REPRESENTED BY AMOUNT"]),
    (.typeOfReportingPerson, ["TYPE OF REPORTING PERSON"]),
  ].map { field, phrases in (field, phrases.map(ASCIIText.phrase)) }

  /// Words that may follow a caption's core and still belong to the caption, tried in order.
  private static let tails: [[UInt8]] = [
    "BY EACH REPORTING PERSON", "IS REQUIRED PURSUANT TO ITEMS 2(D) OR 2(E)",
    "IS REQUIRED PURSUANT TO ITEM 2(D) OR 2(E)",
    "IS REQUIRED PURSUANT TO ITEMS 2(D) AND 2(E)", "PURSUANT TO ITEMS 2(D) OR 2(E)",
    "S.S. OR I.R.S. IDENTIFICATION NOS. OF ABOVE PERSONS", "S.S. OR I.R.S. IDENTIFICATION NO. OF ABOVE PERSONS",
    "S.S. OR I.R.S. IDENTIFICATION NO. OF ABOVE PERSON", "I.R.S. IDENTIFICATION NOS. OF ABOVE PERSONS",
    "I.R.S. IDENTIFICATION NO. OF ABOVE PERSONS", "I.R.S. IDENTIFICATION NO. OF ABOVE PERSON", "(ENTITIES ONLY)",
    "(11) EXCLUDES CERTAIN SHARES", "(9) EXCLUDES CERTAIN SHARES", "11 EXCLUDES CERTAIN SHARES",
    "9 EXCLUDES CERTAIN SHARES", "EXCLUDES CERTAIN SHARES", "(SEE INSTRUCTIONS)", "(SEE INSTRUCTION)",
    "(SEE ITEM 5)", "(SEE ITEM 4)", "*", ":", ".",
  ].map(ASCIIText.phrase)

  /// Row references that end captions such as "PERCENT OF CLASS REPRESENTED BY AMOUNT IN ROW (11)"; only
  /// tried right after a core that ends in "ROW", so that a value such as "9" is never taken for one.
  private static let rowReferences: [[UInt8]] = ["(11)", "(9)", "11", "9"].map(ASCIIText.phrase)
  private static let row = ASCIIText.phrase("ROW")

  /// Lines made only of caption words that a layout put on a line of their own, such as the second line of
  /// a wrapped caption; they are neither captions nor values.
  static let captionTailLines: [[UInt8]] = [
    "S.S. OR I.R.S. IDENTIFICATION NO. OF ABOVE PERSON", "S.S. OR I.R.S. IDENTIFICATION NOS. OF ABOVE PERSONS",
    "I.R.S. IDENTIFICATION NOS. OF ABOVE PERSONS (ENTITIES ONLY)", "I.R.S. IDENTIFICATION NO. OF ABOVE PERSON",
    "I.R.S. IDENTIFICATION NOS. OF ABOVE PERSONS", "(ENTITIES ONLY)", "(SEE INSTRUCTIONS)", "BY EACH REPORTING PERSON",
    "EACH REPORTING PERSON", "IS REQUIRED PURSUANT TO ITEMS 2(D) OR 2(E)", "PURSUANT TO ITEMS 2(D) OR 2(E)",
    "EXCLUDES CERTAIN SHARES", "(11) EXCLUDES CERTAIN SHARES", "(9) EXCLUDES CERTAIN SHARES", "IN ROW (11)",
    "IN ROW (9)",
  ].map(ASCIIText.phrase)

  /// The core phrases indexed by their first letter, longest first, for a single pass over a line.
  private static let coresByFirstByte: [UInt8: [(field: RowField, phrase: [UInt8])]] = {
    var table: [UInt8: [(field: RowField, phrase: [UInt8])]] = [:]
    for (field, phrases) in cores {
      for phrase in phrases { table[phrase[0], default: []].append((field, phrase)) }
    }
    return table.mapValues { $0.sorted { $0.phrase.count > $1.phrase.count } }
  }()

  /// The first caption in `bytes` at or after `from`.
  ///
  /// One pass over the bytes: only positions that start a word with the first letter of some caption
  /// are tried, and at each the longest caption that matches wins.
  static func firstMatch(in bytes: [UInt8], from: Int = 0) -> Match? {
    var position = from
    var found: (field: RowField, range: Range<Int>)?
    while position < bytes.count {
      let byte = ASCIIText.upper(bytes[position])
      if let candidates = coresByFirstByte[byte], position == 0 || !ASCIIText.isLetter(bytes[position - 1]) {
        for candidate in candidates {
          if let end = ASCIIText.matchLength(candidate.phrase, in: bytes, at: position),
            end == bytes.count || !ASCIIText.isLetter(bytes[end])
          {
            found = (candidate.field, position..<end)
            break
          }
        }
        if found != nil { break }
      }
      position += 1
    }
    guard let found else { return nil }
    var end = found.range.upperBound
    if found.range.count >= 3, Array(bytes[(end - 3)..<end]).map(ASCIIText.upper) == row {
      let start = ASCIIText.skipBlanks(bytes, from: end)
      for reference in rowReferences {
        if let referenceEnd = ASCIIText.matchLength(reference, in: bytes, at: start),
          referenceEnd == bytes.count || !(ASCIIText.isDigit(bytes[referenceEnd]) || bytes[referenceEnd] == 0x2C)
        {
          end = referenceEnd
          break
        }
      }
    }
    return Match(field: found.field, range: found.range.lowerBound..<consumeTails(bytes, from: end))
  }

  /// The offset after any caption tails that follow `offset`.
  static func consumeTails(_ bytes: [UInt8], from offset: Int) -> Int {
    var position = offset
    var progressed = true
    while progressed {
      progressed = false
      let start = ASCIIText.skipBlanks(bytes, from: position)
      for tail in tails {
        if let end = ASCIIText.matchLength(tail, in: bytes, at: start) {
          position = end
          progressed = true
          break
        }
      }
    }
    return position
  }

  /// Whether the whole trimmed text is a caption tail printed on its own line.
  static func isCaptionTailLine(_ bytes: [UInt8]) -> Bool {
    var range = ASCIIText.trimmedRange(bytes, 0..<bytes.count)
    // A closing point or colon ("(entities only).") is part of the caption too.
    while !range.isEmpty, bytes[range.upperBound - 1] == 0x2E || bytes[range.upperBound - 1] == 0x3A {
      range = range.lowerBound..<(range.upperBound - 1)
    }
    guard !range.isEmpty else { return false }
    let trimmed = Array(bytes[range])
    return captionTailLines.contains { ASCIIText.matchLength($0, in: trimmed, at: 0) == trimmed.count }
  }
}
