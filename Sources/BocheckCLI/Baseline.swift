import BocheckModel
import BocheckReporting
import BocheckSystem

/// What identifies a finding across runs: its rule, file, person, row and numbers.
///
/// Line and column numbers and the message text are left out on purpose, so that editing other parts of a
/// filing, or rewording a rule's message, does not make an accepted finding new again.
struct BaselineKey: Hashable, Sendable {
  /// The rule's id.
  var rule: String
  /// The file's path as given on the command line (`-` for standard input).
  var file: String
  /// The reporting person's name, or `nil`.
  var person: String?
  /// The row number, or `nil` for a finding about the whole filing.
  var row: Int?
  /// What the value should be, as the rule gives it, or `nil`.
  var expected: String?
  /// What the value is, or `nil`.
  var actual: String?

  /// The key of a finding of a file.
  ///
  /// - Parameters:
  ///   - finding: The finding.
  ///   - file: Its file's path as given.
  init(_ finding: Finding, file: String) {
    self.init(
      rule: finding.ruleID, file: file, person: finding.person, row: finding.row, expected: finding.expected,
      actual: finding.actual)
  }

  /// Creates a key from its parts.
  init(rule: String, file: String, person: String?, row: Int?, expected: String?, actual: String?) {
    self.rule = rule
    self.file = file
    self.person = person
    self.row = row
    self.expected = expected
    self.actual = actual
  }

  /// Orders keys by file, rule, person, row, expected and actual (absent values first; text by Unicode
  /// scalars), so that the file is written the same way on every platform.
  static func writingOrder(_ lhs: BaselineKey, _ rhs: BaselineKey) -> Bool {
    func text(_ value: String?) -> [UInt32] { value.map { $0.unicodeScalars.map(\.value) } ?? [] }
    let left = [text(lhs.file), text(lhs.rule), text(lhs.person)]
    let right = [text(rhs.file), text(rhs.rule), text(rhs.person)]
    for (a, b) in zip(left, right) where a != b { return a.lexicographicallyPrecedes(b) }
    if lhs.person == nil && rhs.person != nil { return true }
    if lhs.person != nil && rhs.person == nil { return false }
    if lhs.row != rhs.row { return (lhs.row ?? 0) < (rhs.row ?? 0) }
    for (a, b) in [(lhs.expected, rhs.expected), (lhs.actual, rhs.actual)] where a != b {
      if a == nil { return true }
      if b == nil { return false }
      return text(a).lexicographicallyPrecedes(text(b))
    }
    return false
  }
}

/// The findings a team has accepted, with a count per key: `--write-baseline FILE` writes it and
/// `--baseline FILE` reports only the findings it does not hold.
///
/// The file is JSON with sorted keys, one entry per distinct key in ``BaselineKey/writingOrder(_:_:)``:
///
///     {
///       "findings": [
///         {
///           "actual": "3731323",
///           "count": 1,
///           "expected": "3731324",
///           "file": "filings/amendment-4.txt",
///           "person": "Example Holdings LLC",
///           "row": 11,
///           "rule": "parent-sum"
///         }
///       ],
///       "version": 1
///     }
struct Baseline: Sendable, Equatable {
  /// The format version written and accepted.
  static let version = 1

  /// How many findings of each key are accepted.
  private(set) var counts: [BaselineKey: Int] = [:]

  /// Creates an empty baseline.
  init() {}

  /// Counts one finding.
  ///
  /// - Parameters:
  ///   - finding: The finding.
  ///   - file: Its file's path as given.
  mutating func add(_ finding: Finding, file: String) {
    counts[BaselineKey(finding, file: file), default: 0] += 1
  }

  /// Removes the findings the baseline accepts, using up each key's count.
  ///
  /// For a key with count n, the first n findings of that key (in the order given) are absorbed; any more
  /// are reported as new.
  ///
  /// - Parameters:
  ///   - findings: One file's findings.
  ///   - file: Its path as given.
  /// - Returns: The findings that are new.
  mutating func absorb(_ findings: [Finding], file: String) -> [Finding] {
    guard !counts.isEmpty else { return findings }
    return findings.filter { finding in
      let key = BaselineKey(finding, file: file)
      guard let remaining = counts[key], remaining > 0 else { return true }
      counts[key] = remaining - 1
      return false
    }
  }

  /// The baseline as JSON text with sorted keys and a final newline.
  func rendered() -> String {
    let entries = counts.keys.sorted(by: BaselineKey.writingOrder).map { key -> JSONValue in
      .object([
        "rule": .string(key.rule), "file": .string(key.file), "person": .optional(key.person),
        "row": .optional(key.row), "expected": .optional(key.expected), "actual": .optional(key.actual),
        "count": .integer(counts[key] ?? 0),
      ])
    }
    return JSONWriter.string(.object(["version": .integer(Baseline.version), "findings": .array(entries)])) + "\n"
  }

  /// Writes the baseline to a file, replacing it.
  ///
  /// - Parameter path: The file's absolute path.
  /// - Returns: `nil` when it was written, else why it could not be.
  func write(to path: String) -> String? {
    SystemCalls.replaceFile(at: path, with: rendered())
  }

  /// Reads a baseline file.
  ///
  /// - Parameters:
  ///   - path: The file's path as given.
  ///   - workingDirectory: The absolute working directory.
  /// - Throws: ``LocatedJSONError`` with the file, line and column for a file that cannot be read, is not
  ///   strict JSON, or does not have the shape ``rendered()`` writes.
  static func read(path: String, workingDirectory: String) throws(LocatedJSONError) -> Baseline {
    let absolute = PathArithmetic.absolute(path, in: workingDirectory)
    guard let bytes = FileSystem.contents(of: absolute) else {
      throw LocatedJSONError(path: path, line: 0, column: 0, message: "cannot read the baseline file")
    }
    return try decode(LocatedJSONParser.parse(bytes, path: path), path: path)
  }

  /// Decodes a parsed baseline document.
  static func decode(_ document: LocatedJSON, path: String) throws(LocatedJSONError) -> Baseline {
    let reader = LocatedJSONReader(path: path)
    var baseline = Baseline()
    var sawVersion = false
    for member in try reader.members(of: document, named: "the baseline", keys: ["findings", "version"]) {
      if member.key == "version" {
        let version = try reader.integer(member.value, named: "version", in: 1...1_000_000)
        guard version == Baseline.version else {
          throw reader.error(
            at: member.value.line, member.value.column,
            "baseline version \(version) is not supported (this bocheck writes version \(Baseline.version))")
        }
        sawVersion = true
        continue
      }
      for (index, element) in try reader.array(member.value, named: "findings").enumerated() {
        let name = "findings[\(index)]"
        var fields: [String: LocatedJSON] = [:]
        for entry in try reader.members(
          of: element, named: name, keys: ["actual", "count", "expected", "file", "person", "row", "rule"])
        {
          fields[entry.key] = entry.value
        }
        func optionalString(_ key: String) throws(LocatedJSONError) -> String? {
          guard let value = fields[key], value.content != .null else { return nil }
          guard case .string(let text) = value.content else {
            throw reader.error(
              at: value.line, value.column, "'\(name).\(key)' must be a string or null, found \(value.kindDescription)")
          }
          return text
        }
        func required(_ key: String) throws(LocatedJSONError) -> LocatedJSON {
          guard let value = fields[key] else {
            throw reader.error(at: element.line, element.column, "'\(name)' needs '\(key)'")
          }
          return value
        }
        let rule = try reader.nonEmptyString(required("rule"), named: "\(name).rule", what: "a rule id")
        let file = try reader.nonEmptyString(required("file"), named: "\(name).file", what: "a path")
        let count = try reader.integer(required("count"), named: "\(name).count", in: 1...Int(Int32.max))
        var row: Int?
        if let value = fields["row"], value.content != .null {
          row = try reader.integer(value, named: "\(name).row", in: 1...14)
        }
        let key = BaselineKey(
          rule: rule, file: file, person: try optionalString("person"), row: row,
          expected: try optionalString("expected"), actual: try optionalString("actual"))
        guard baseline.counts[key] == nil else {
          throw reader.error(at: element.line, element.column, "'\(name)' repeats an earlier entry's key")
        }
        baseline.counts[key] = count
      }
    }
    guard sawVersion else { throw reader.error(at: document.line, document.column, "the baseline needs 'version'") }
    return baseline
  }
}
