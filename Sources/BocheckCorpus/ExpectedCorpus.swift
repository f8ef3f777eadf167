import BocheckModel
import Foundation

/// A hand-made reading of a folder of real filings: what every cover page prints and the certain findings.
///
/// The file is `expected.json` beside the filings (its format is described in the corpus's `SOURCES.md`).
/// Rows are named by meaning in Schedule 13D numbering, whatever the filing's own numbering.
public struct ExpectedCorpus: Decodable, Sendable {
  /// Every filing's reading, keyed by file name.
  public var files: [String: ExpectedFiling]

  /// Reads `expected.json`.
  ///
  /// - Parameter path: The file's path.
  /// - Throws: A message naming the file when it cannot be read or decoded.
  public static func load(path: String) throws -> ExpectedCorpus {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw LoadError(
        description: "\(path): cannot be read (no such file?); the corpus is a folder of filings with their "
          + "expected.json, by default ../shared/corpus/edgar beside the project (make corpus CORPUS=DIR names another)"
      )
    }
    do {
      return try JSONDecoder().decode(ExpectedCorpus.self, from: data)
    } catch {
      throw LoadError(description: "\(path): not a corpus reading (see the corpus's SOURCES.md): \(error)")
    }
  }

  /// Why `expected.json` could not be loaded, naming the file.
  public struct LoadError: Error, CustomStringConvertible {
    public let description: String
  }
}

/// One filing's expected reading.
public struct ExpectedFiling: Decodable, Sendable {
  /// The form as EDGAR names it, such as `SC 13D/A`.
  public var form: String
  /// `13D` or `13G`.
  public var schedule: String
  /// The number of cover pages printed (a combined page for several persons counts once).
  public var coverPages: Int
  /// Every reporting person's rows, in printed order.
  public var persons: [ExpectedPerson]
  /// The discrepancies that are certain.
  public var findings: [ExpectedFinding]
}

/// One reporting person's expected rows.
public struct ExpectedPerson: Decodable, Sendable {
  /// The name as printed in row 1.
  public var name: String
  public var soleVoting: ExpectedCell
  public var sharedVoting: ExpectedCell
  public var soleDispositive: ExpectedCell
  public var sharedDispositive: ExpectedCell
  public var aggregate: ExpectedCell
  public var percent: ExpectedCell

  /// The amount rows and the percent row with the model's field for each, in form order.
  public var cells: [(RowField, ExpectedCell)] {
    [
      (.soleVotingPower, soleVoting), (.sharedVotingPower, sharedVoting),
      (.soleDispositivePower, soleDispositive), (.sharedDispositivePower, sharedDispositive),
      (.aggregateAmountOwned, aggregate), (.percentOfClass, percent),
    ]
  }
}

/// What one row prints.
public enum ExpectedCell: Decodable, Sendable, CustomStringConvertible {
  /// A number as printed (separators removed).
  case number(ExactDecimal)
  /// The row is there but holds nothing.
  case empty
  /// The page has no such row.
  case absent
  /// Words where a number belongs, such as `N/A` or `See Item 4`.
  case text(String)

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .empty
      return
    }
    let string = try container.decode(String.self)
    if string == "absent" {
      self = .absent
    } else if string.hasPrefix("text:") {
      self = .text(String(string.dropFirst(5)))
    } else if let number = ExactDecimal.parse(string.hasPrefix(".") ? "0" + string : string) {
      self = .number(number)
    } else {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a cell value: \(string)")
    }
  }

  public var description: String {
    switch self {
    case .number(let number): return number.formatted(grouping: false)
    case .empty: return "(empty)"
    case .absent: return "(absent)"
    case .text(let text): return "text '\(text)'"
    }
  }
}

/// A discrepancy that is certain.
public struct ExpectedFinding: Decodable, Sendable {
  /// The rule id, such as `missing-row`.
  public var rule: String
  /// The reporting person it is about, or `nil` for the filing as a whole.
  public var person: String?
  /// The row in Schedule 13D numbering, or `nil`.
  public var row: Int?
  /// Why it is certain.
  public var why: String
}
