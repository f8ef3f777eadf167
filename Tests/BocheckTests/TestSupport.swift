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

  /// Reads text into the model.
  static func read(text: String, path: String = "test.txt") throws -> Filing {
    try FilingReader.read(bytes: Array(text.utf8), path: path)
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
