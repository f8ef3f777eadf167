import BocheckModel
import BocheckSystem

/// The settings of a `.bocheck.json` file.
///
/// The file is one JSON object; every key is optional and none other is allowed:
///
///     {
///       "disable": ["signature-name-match"],
///       "severity": {"percent-derivative-basis": "error"},
///       "rules": ["compliance/rules"],
///       "failOn": "warning",
///       "sharesOutstanding": {"037833100": 12500000},
///       "relationships": [{"parent": "Manager LLC", "holds": ["Fund I LP", "Fund II LP"]}],
///       "suppressions": [{"rule": "parent-sum", "path": "filings/**/*.txt", "person": "Manager LLC",
///                         "row": 11, "reason": "the manager's row 11 also counts managed accounts"}]
///     }
///
/// Rule ids are checked against the loaded rules by ``validate(ruleIDs:)``, once the extra rule folders are
/// loaded. Folders and suppression paths are relative to the file's own folder. Options given on the
/// command line win over the file.
struct Configuration: Sendable, Equatable {
  /// The file name looked for in the working directory and its parents.
  static let fileName = ".bocheck.json"

  /// The keys the top-level object may have.
  static let keys = ["disable", "failOn", "relationships", "rules", "severity", "sharesOutstanding", "suppressions"]

  /// A rule id as written in the file, with where it stands.
  struct RuleReference: Sendable, Equatable {
    /// The rule's id.
    var id: String
    /// The 1-based line of the id's string.
    var line: Int
    /// The 1-based column of the id's string.
    var column: Int
  }

  /// A severity a rule's findings are reported with instead of their own.
  struct SeverityOverride: Sendable, Equatable {
    /// The rule whose findings change.
    var rule: RuleReference
    /// The severity they get.
    var severity: Severity
  }

  /// An extra folder of rule files.
  struct RuleFolder: Sendable, Equatable {
    /// The folder as written in the file.
    var written: String
    /// The folder, made absolute against the configuration file's folder.
    var path: String
    /// The 1-based line of its string.
    var line: Int
    /// The 1-based column of its string.
    var column: Int
  }

  /// An ownership relationship the filings do not state: whose shares a person's row 11 stands for.
  struct Relationship: Sendable, Equatable {
    /// The reporting person whose row 11 counts the others' shares.
    var parent: String
    /// The persons whose shares it counts.
    var holds: [String]
  }

  /// The file's path as messages print it.
  var path: String
  /// The file's folder, absolute and normalised: the base of `rules` folders and suppression paths.
  var folder: String
  /// The rules not to run.
  var disable: [RuleReference] = []
  /// Severities that replace rules' own.
  var severity: [SeverityOverride] = []
  /// Extra folders of rule files, loaded after the built-in rules and before `--rules` folders.
  var rules: [RuleFolder] = []
  /// The severity at which the run fails, unless `--fail-on` is given.
  var failOn: Severity?
  /// The shares outstanding per issuer CUSIP (compact, upper-case), unless `--shares-outstanding` is given.
  var sharesOutstanding: [String: ExactDecimal] = [:]
  /// Relationships to add to filings before rules run.
  var relationships: [Relationship] = []
  /// Findings not to report, each with its reason.
  var suppressions: [Suppression] = []

  // MARK: Finding the file

  /// The `.bocheck.json` of a folder or its nearest parent that has one.
  ///
  /// - Parameter directory: An absolute folder, usually the working directory.
  /// - Returns: The file's absolute path, or `nil` when no folder up to the root has one.
  static func discover(from directory: String) -> String? {
    var folder = PathArithmetic.absolute(directory, in: "/")
    while true {
      let candidate = folder == "/" ? "/" + fileName : folder + "/" + fileName
      if FileSystem.kind(of: candidate) != .missing, FileSystem.kind(of: candidate) != .directory {
        return candidate
      }
      if folder == "/" { return nil }
      folder = PathArithmetic.folder(of: folder)
    }
  }

  /// Reads and decodes a configuration file.
  ///
  /// - Parameters:
  ///   - path: The file's path as given (relative to `workingDirectory`) or as discovered.
  ///   - workingDirectory: The absolute working directory.
  /// - Throws: ``LocatedJSONError`` with the file, line and column for a file that cannot be read, is not
  ///   strict JSON, has an unknown key or a value of the wrong type.
  static func load(path: String, workingDirectory: String) throws(LocatedJSONError) -> Configuration {
    let absolute = PathArithmetic.absolute(path, in: workingDirectory)
    let kind = FileSystem.kind(of: absolute)
    guard kind != .missing else {
      throw LocatedJSONError(path: path, line: 0, column: 0, message: "no such configuration file")
    }
    guard kind != .directory, let bytes = FileSystem.contents(of: absolute) else {
      throw LocatedJSONError(path: path, line: 0, column: 0, message: "cannot read the configuration file")
    }
    let document = try LocatedJSONParser.parse(bytes, path: path)
    return try decode(document, path: path, folder: PathArithmetic.folder(of: absolute))
  }

  /// Decodes a parsed configuration document.
  ///
  /// - Parameters:
  ///   - document: The parsed file.
  ///   - path: The file's path, for messages.
  ///   - folder: The file's absolute folder.
  static func decode(_ document: LocatedJSON, path: String, folder: String) throws(LocatedJSONError)
    -> Configuration
  {
    let reader = LocatedJSONReader(path: path)
    var configuration = Configuration(path: path, folder: folder)
    for member in try reader.members(of: document, named: "the configuration", keys: keys) {
      let value = member.value
      switch member.key {
      case "disable":
        configuration.disable = try reader.array(value, named: "disable").enumerated().map {
          (index, element) throws(LocatedJSONError) in
          try reader.ruleReference(element, named: "disable[\(index)]")
        }
      case "severity":
        for entry in try reader.members(of: value, named: "severity", keys: nil) {
          let rule = RuleReference(id: entry.key, line: entry.line, column: entry.column)
          let level = try reader.severity(entry.value, named: "severity.\(entry.key)")
          configuration.severity.append(SeverityOverride(rule: rule, severity: level))
        }
      case "rules":
        for (index, element) in try reader.array(value, named: "rules").enumerated() {
          let written = try reader.nonEmptyString(element, named: "rules[\(index)]", what: "a folder")
          configuration.rules.append(
            RuleFolder(
              written: written, path: PathArithmetic.absolute(written, in: folder), line: element.line,
              column: element.column))
        }
      case "failOn":
        configuration.failOn = try reader.severity(value, named: "failOn")
      case "sharesOutstanding":
        for entry in try reader.members(of: value, named: "sharesOutstanding", keys: nil) {
          let cusip = CUSIP.compact(entry.key)
          guard Configuration.isCUSIP(cusip) else {
            throw reader.error(
              at: entry.line, entry.column,
              "'\(entry.key)' is not a CUSIP (nine characters: digits, letters, '*', '@' or '#')")
          }
          guard configuration.sharesOutstanding[cusip] == nil else {
            throw reader.error(at: entry.line, entry.column, "CUSIP \(cusip) is given twice")
          }
          configuration.sharesOutstanding[cusip] = try reader.shares(entry.value, named: "sharesOutstanding.\(cusip)")
        }
      case "relationships":
        for (index, element) in try reader.array(value, named: "relationships").enumerated() {
          configuration.relationships.append(try reader.relationship(element, named: "relationships[\(index)]"))
        }
      case "suppressions":
        for (index, element) in try reader.array(value, named: "suppressions").enumerated() {
          configuration.suppressions.append(try reader.suppression(element, named: "suppressions[\(index)]"))
        }
      default:
        break
      }
    }
    return configuration
  }

  /// Checks that every rule id the file names is a loaded rule.
  ///
  /// - Parameter ruleIDs: The ids of the loaded rules.
  /// - Throws: ``LocatedJSONError`` at the first unknown id, with the closest known one when there is one.
  func validate(ruleIDs: Set<String>) throws(LocatedJSONError) {
    let references = disable + severity.map(\.rule) + suppressions.map(\.rule)
    let known = ruleIDs.sorted()
    for reference in references where !ruleIDs.contains(reference.id) {
      let hint = ArgumentParser.closest(to: reference.id, among: known).map { " (did you mean '\($0)'?)" } ?? ""
      throw LocatedJSONError(
        path: path, line: reference.line, column: reference.column,
        message: "unknown rule '\(reference.id)'\(hint); 'bocheck rules' lists the rules")
    }
  }

  /// Whether a compact text is a nine-character CUSIP (its check digit is not checked).
  static func isCUSIP(_ text: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    return scalars.count == 9
      && scalars.allSatisfy {
        ("0"..."9").contains($0) || ("A"..."Z").contains($0) || "*@#".unicodeScalars.contains($0)
      }
  }

  // MARK: Applying it

  /// The shares-outstanding basis the file gives for a filing's issuer.
  ///
  /// - Parameter filing: A filing as read; its first page's CUSIP, else a cover page's own, is looked up.
  /// - Returns: The number of shares, or `nil` when the file gives none for that CUSIP.
  func sharesOutstanding(for filing: Filing) -> ExactDecimal? {
    guard !sharesOutstanding.isEmpty else { return nil }
    let printed = filing.cusip?.value ?? filing.coverPages.lazy.compactMap(\.cusip).first
    return printed.flatMap { sharesOutstanding[CUSIP.compact($0)] }
  }

  /// The filing with the file's relationships added to the model.
  ///
  /// For each relationship, every cover page whose reporting person's name matches `parent` (by
  /// ``NameKey``) and whose row 11 holds an amount attributed to nobody gets `holds` as the names that amount
  /// is attributed to, exactly as if the row had said "owned by ..."; the ownership rules (`parent-sum`) then
  /// check it. A row 11 that states its own attribution is left as the filing states it.
  ///
  /// - Parameter filing: A filing as read.
  func applyingRelationships(to filing: Filing) -> Filing {
    guard !relationships.isEmpty else { return filing }
    var filing = filing
    for relationship in relationships {
      let parent = NameKey(relationship.parent)
      for index in filing.coverPages.indices {
        guard let name = filing.coverPages[index].reportingPersonName, NameKey(name) == parent else { continue }
        filing.coverPages[index].attributeAggregate(
          to: relationship.holds,
          note: "attributed to \(relationship.holds.joined(separator: ", ")) by the configuration file",
          source: .configuration)
      }
    }
    return filing
  }
}

/// Typed access to a ``LocatedJSON`` document, throwing positioned errors for wrong keys and types.
struct LocatedJSONReader {
  /// The file's path, for messages.
  var path: String

  /// An error at a position of the file.
  func error(at line: Int, _ column: Int, _ message: String) -> LocatedJSONError {
    LocatedJSONError(path: path, line: line, column: column, message: message)
  }

  private func wrongType(_ value: LocatedJSON, named name: String, expected: String) -> LocatedJSONError {
    error(at: value.line, value.column, "'\(name)' must be \(expected), found \(value.kindDescription)")
  }

  /// The members of an object.
  ///
  /// - Parameters:
  ///   - value: The value that must be an object.
  ///   - name: What it is, for messages: a key path such as `suppressions[0]`, or a whole document such as
  ///     `the configuration` (starting with `the `).
  ///   - keys: The keys allowed, or `nil` to allow any.
  /// - Throws: When the value is not an object or has a key not allowed (the closest allowed key is
  ///   suggested).
  func members(of value: LocatedJSON, named name: String, keys: [String]?) throws(LocatedJSONError)
    -> [LocatedJSON.Member]
  {
    let isDocument = name.hasPrefix("the ")
    guard case .object(let members) = value.content else {
      let subject = isDocument ? name : "'\(name)'"
      throw error(at: value.line, value.column, "\(subject) must be an object, found \(value.kindDescription)")
    }
    if let keys {
      for member in members where !keys.contains(member.key) {
        let hint = ArgumentParser.closest(to: member.key, among: keys).map { "did you mean '\($0)'? " } ?? ""
        let place = isDocument ? "" : " in '\(name)'"
        throw error(
          at: member.line, member.column,
          "unknown key '\(member.key)'\(place) (\(hint)known keys: \(keys.joined(separator: ", ")))")
      }
    }
    return members
  }

  /// The elements of an array.
  func array(_ value: LocatedJSON, named name: String) throws(LocatedJSONError) -> [LocatedJSON] {
    guard case .array(let elements) = value.content else {
      throw wrongType(value, named: name, expected: "an array")
    }
    return elements
  }

  /// A string that is not empty once white space is trimmed.
  func nonEmptyString(_ value: LocatedJSON, named name: String, what: String) throws(LocatedJSONError) -> String {
    guard case .string(let text) = value.content else {
      throw wrongType(value, named: name, expected: "a string (\(what))")
    }
    guard !text.trimmingWhiteSpace(newlines: true).isEmpty else {
      throw error(at: value.line, value.column, "'\(name)' must not be empty")
    }
    return text
  }

  /// A rule id with its position.
  func ruleReference(_ value: LocatedJSON, named name: String) throws(LocatedJSONError) -> Configuration.RuleReference {
    let id = try nonEmptyString(value, named: name, what: "a rule id")
    return Configuration.RuleReference(id: id, line: value.line, column: value.column)
  }

  /// `error`, `warning` or `note`.
  func severity(_ value: LocatedJSON, named name: String) throws(LocatedJSONError) -> Severity {
    let expected = "one of \"error\", \"warning\", \"note\""
    guard case .string(let text) = value.content else { throw wrongType(value, named: name, expected: expected) }
    guard let severity = Severity(rawValue: text) else {
      throw error(at: value.line, value.column, "'\(name)' must be \(expected), found \"\(text)\"")
    }
    return severity
  }

  /// A positive number of shares: a JSON number without exponent, or a string such as `"12,500,000"`.
  func shares(_ value: LocatedJSON, named name: String) throws(LocatedJSONError) -> ExactDecimal {
    let expected = "a positive number of shares (12500000 or \"12,500,000\")"
    let text: String
    switch value.content {
    case .number(let number): text = number
    case .string(let string): text = string.trimmingWhiteSpace()
    default: throw wrongType(value, named: name, expected: expected)
    }
    guard let shares = ExactDecimal.parse(text), shares.significand > 0 else {
      throw error(at: value.line, value.column, "'\(name)' must be \(expected), found \(text)")
    }
    return shares
  }

  /// A whole number within a range.
  func integer(_ value: LocatedJSON, named name: String, in range: ClosedRange<Int>) throws(LocatedJSONError) -> Int {
    let expected = "a whole number from \(range.lowerBound) to \(range.upperBound)"
    guard case .number(let text) = value.content else { throw wrongType(value, named: name, expected: expected) }
    guard let number = Int(text), range.contains(number) else {
      throw error(at: value.line, value.column, "'\(name)' must be \(expected), found \(text)")
    }
    return number
  }

  /// A relationship: `{"parent": "...", "holds": ["...", ...]}`.
  func relationship(_ value: LocatedJSON, named name: String) throws(LocatedJSONError) -> Configuration.Relationship {
    let members = try members(of: value, named: name, keys: ["holds", "parent"])
    var parent: String?
    var holds: [String]?
    for member in members {
      switch member.key {
      case "parent":
        parent = try nonEmptyString(member.value, named: "\(name).parent", what: "a reporting person's name")
      default:
        let elements = try array(member.value, named: "\(name).holds")
        guard !elements.isEmpty else {
          throw error(at: member.value.line, member.value.column, "'\(name).holds' must name at least one person")
        }
        holds = try elements.enumerated().map { (index, element) throws(LocatedJSONError) in
          try nonEmptyString(element, named: "\(name).holds[\(index)]", what: "a reporting person's name")
        }
      }
    }
    guard let parent else { throw error(at: value.line, value.column, "'\(name)' needs a 'parent'") }
    guard let holds else { throw error(at: value.line, value.column, "'\(name)' needs 'holds'") }
    return Configuration.Relationship(parent: parent, holds: holds)
  }

  /// A suppression: `rule`, `path` and `reason` required; `person` and `row` optional.
  func suppression(_ value: LocatedJSON, named name: String) throws(LocatedJSONError) -> Suppression {
    let members = try members(of: value, named: name, keys: ["path", "person", "reason", "row", "rule"])
    var rule: Configuration.RuleReference?
    var path: String?
    var person: String?
    var row: Int?
    var reason: String?
    for member in members {
      let key = "\(name).\(member.key)"
      switch member.key {
      case "rule": rule = try ruleReference(member.value, named: key)
      case "path": path = try nonEmptyString(member.value, named: key, what: "a path or glob")
      case "person": person = try nonEmptyString(member.value, named: key, what: "a reporting person's name")
      case "row": row = try integer(member.value, named: key, in: 1...14)
      default: reason = try nonEmptyString(member.value, named: key, what: "why the finding is accepted")
      }
    }
    guard let rule else { throw error(at: value.line, value.column, "'\(name)' needs a 'rule'") }
    guard let path else {
      throw error(at: value.line, value.column, "'\(name)' needs a 'path' (a filing's path or a glob such as \"**\")")
    }
    guard let reason else {
      throw error(at: value.line, value.column, "'\(name)' needs a 'reason': say why the finding is accepted")
    }
    return Suppression(
      rule: rule, path: PathGlob(path), person: person, row: row, reason: reason, line: value.line,
      column: value.column)
  }
}
