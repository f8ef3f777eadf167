import BocheckModel
import BocheckReading
import Foundation
import Testing

/// Paths and helpers shared by the tests.
enum TestSupport {
  /// The repository's root folder, found from this file's path.
  static let repositoryRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The bundled sample with complete rows (Amendment No. 4).
  static let completeSample = repositoryRoot.appendingPathComponent("Samples/sc13da-amendment-4-complete-rows.txt")
  /// The bundled sample with malformed and missing rows (Amendment No. 2).
  static let malformedSample = repositoryRoot.appendingPathComponent("Samples/sc13da-amendment-2-malformed-rows.txt")

  /// Reads a file from disk into the model.
  static func read(_ url: URL) throws -> Filing {
    let data = try Data(contentsOf: url)
    return try FilingReader.read(bytes: Array(data), path: url.lastPathComponent)
  }

  /// The text of one complete Schedule 13D cover page, rows 1 to 14, each caption on its own line and each
  /// value on the line under it (27 lines, each ending in a newline; row 3 has no value).
  ///
  /// - Parameters:
  ///   - name: Row 1, the reporting person.
  ///   - sole: Rows 7 and 9 as printed.
  ///   - shared: Rows 8 and 10 as printed.
  ///   - aggregate: Row 11 as printed; `sole` when `nil`.
  ///   - percent: Row 13 as printed.
  ///   - type: Row 14.
  static func coverPage(
    name: String, sole: String = "1,000", shared: String = "0", aggregate: String? = nil, percent: String = "10.0%",
    type: String = "PN"
  ) -> String {
    """
    1 NAME OF REPORTING PERSON
    \(name)
    2 CHECK THE APPROPRIATE BOX IF A MEMBER OF A GROUP
    (a) [ ] (b) [ ]
    3 SEC USE ONLY
    4 SOURCE OF FUNDS
    WC
    5 CHECK IF DISCLOSURE OF LEGAL PROCEEDINGS IS REQUIRED PURSUANT TO ITEMS 2(d) or 2(e)
    [ ]
    6 CITIZENSHIP OR PLACE OF ORGANIZATION
    Delaware
    7 SOLE VOTING POWER
    \(sole)
    8 SHARED VOTING POWER
    \(shared)
    9 SOLE DISPOSITIVE POWER
    \(sole)
    10 SHARED DISPOSITIVE POWER
    \(shared)
    11 AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON
    \(aggregate ?? sole)
    12 CHECK IF THE AGGREGATE AMOUNT IN ROW (11) EXCLUDES CERTAIN SHARES
    [ ]
    13 PERCENT OF CLASS REPRESENTED BY AMOUNT IN ROW (11)
    \(percent)
    14 TYPE OF REPORTING PERSON
    \(type)

    """
  }

  /// Reads text into the model.
  static func read(text: String, path: String = "test.txt") throws -> Filing {
    try FilingReader.read(bytes: Array(text.utf8), path: path)
  }

  /// Texts made of pieces drawn by a seeded generator, the same on every run: for comparing a fast byte-level
  /// routine with a plain reference on many awkward inputs.
  ///
  /// - Parameters:
  ///   - pieces: What the texts are made of.
  ///   - count: How many texts.
  ///   - maximumPieces: Each text has fewer pieces than this.
  ///   - seed: The generator's seed.
  /// - Returns: Each text's bytes, with the generator's state that drew it (for choices of the test's own).
  static func pieceTexts(_ pieces: [String], count: Int, maximumPieces: UInt64, seed: UInt64)
    -> [(bytes: [UInt8], draw: UInt64)]
  {
    var seed = seed
    return (0..<count).map { _ in
      var text: [UInt8] = []
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      var draw = seed
      for _ in 0..<Int(draw % maximumPieces) {
        text += Array(pieces[Int((draw >> 8) % UInt64(pieces.count))].utf8)
        draw = draw >> 5 | draw << 59
      }
      return (text, seed)
    }
  }
}

extension CoverPage {
  /// The row for a field, failing the test when it is absent.
  func row(_ field: RowField, sourceLocation: SourceLocation = #_sourceLocation) throws -> Row {
    try #require(rows[field], "page \(index) has no \(field.rawValue) row", sourceLocation: sourceLocation)
  }

  /// The total shares of an amount row, as text with separators.
  func shares(_ field: RowField) -> String? {
    rows[field]?.amount?.shares.description
  }
}
