/// The format a filing was read from.
public enum InputFormat: String, Sendable, Codable, CaseIterable {
  case text, html, sgml, xml
}

/// A whole Schedule 13D or 13G filing as read, before any rule runs.
public struct Filing: Hashable, Sendable {
  /// The path the filing was read from, as given (`-` for standard input).
  public var path: String
  /// The format it was read from.
  public var format: InputFormat
  /// Which schedule it is.
  public var schedule: Schedule
  /// The form type, such as `SC 13D/A`, when it could be told.
  public var form: Located<String>?
  /// The amendment number, when the filing is an amendment that states it.
  public var amendment: Located<Int>?
  /// The issuer's name as printed above "(Name of Issuer)".
  public var issuer: Located<String>?
  /// The issuer's name as Item 1 states it, when it does.
  public var itemOneIssuer: Located<String>?
  /// The CUSIP as the filing's first page prints it, spaces removed.
  public var cusip: Located<String>?
  /// The shares-outstanding basis the filing states, in shares.
  public var statedSharesOutstanding: Located<ExactDecimal>?
  /// The names that sign the filing.
  public var signers: [NamedMention]
  /// The parties to the joint filing agreement.
  public var jointFilers: [NamedMention]
  /// The cover pages, in order.
  public var coverPages: [CoverPage]
  /// Problems the reader met that are not about a single row, such as a value it had to ignore.
  public var readerNotes: [ReaderNote]
  /// Which of its file's filings this is, when the file holds several; `nil` when it holds one.
  public var position: FilingPosition?

  /// Creates a filing.
  public init(
    path: String, format: InputFormat, schedule: Schedule, form: Located<String>? = nil,
    amendment: Located<Int>? = nil, issuer: Located<String>? = nil, itemOneIssuer: Located<String>? = nil,
    cusip: Located<String>? = nil, statedSharesOutstanding: Located<ExactDecimal>? = nil,
    signers: [NamedMention] = [], jointFilers: [NamedMention] = [], coverPages: [CoverPage] = [],
    readerNotes: [ReaderNote] = [], position: FilingPosition? = nil
  ) {
    self.path = path
    self.format = format
    self.schedule = schedule
    self.form = form
    self.amendment = amendment
    self.issuer = issuer
    self.itemOneIssuer = itemOneIssuer
    self.cusip = cusip
    self.statedSharesOutstanding = statedSharesOutstanding
    self.signers = signers
    self.jointFilers = jointFilers
    self.coverPages = coverPages
    self.readerNotes = readerNotes
    self.position = position
  }
}

/// Where a filing stands in a file that holds several, one after the other.
///
/// EDGAR's feed and dissemination files concatenate submissions, and a folder of drafts may hold several
/// schedules pasted into one file; each is read and checked as a filing of its own. Its lines stay those
/// of the whole file, so the position only says which filing it is and where it begins.
public struct FilingPosition: Hashable, Sendable, CustomStringConvertible {
  /// The filing's 1-based index among the file's filings.
  public var index: Int
  /// How many filings the file holds.
  public var count: Int
  /// The 1-based line of the file where the filing begins.
  public var line: Int

  /// Creates a position.
  ///
  /// - Parameters:
  ///   - index: The 1-based index of the filing in its file.
  ///   - count: How many filings the file holds.
  ///   - line: The 1-based line of the file where the filing begins.
  public init(index: Int, count: Int, line: Int) {
    self.index = index
    self.count = count
    self.line = line
  }

  /// The position in words, as reports print it: `filing 2 of 3, from line 812`.
  public var description: String {
    "filing \(index) of \(count), from line \(line)"
  }
}

/// Something the reader noticed that belongs to no row: a stray value it ignored, text it skipped.
public struct ReaderNote: Hashable, Sendable {
  /// The 1-based index of the cover page it was met on, if any.
  public var page: Int?
  /// The row it stands after, if any.
  public var field: RowField?
  /// The 1-based line.
  public var line: Int
  /// The 1-based column.
  public var column: Int
  /// What the reader did, in words.
  public var message: String

  /// Creates a note.
  public init(page: Int?, field: RowField?, line: Int, column: Int = 1, message: String) {
    self.page = page
    self.field = field
    self.line = line
    self.column = column
    self.message = message
  }
}
