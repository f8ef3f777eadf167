import BocheckModel
import BocheckSystem

/// A finding accepted on purpose, with the reason: an entry of the configuration's `suppressions`.
///
/// It matches a finding of its rule in a file its path matches, and, when given, of its person (compared
/// by ``NameKey``, so that punctuation and case do not matter) and its row (the row's number on the
/// filing's schedule). A finding about the whole filing has no row and no person, so an entry that names
/// one does not match it.
struct Suppression: Sendable, Equatable {
  /// The rule whose findings it suppresses.
  var rule: Configuration.RuleReference
  /// The files it applies to, matched against the path as given and relative to the configuration's folder.
  var path: PathGlob
  /// The reporting person, when only that person's findings are meant.
  var person: String?
  /// The row number, when only findings on that row are meant.
  var row: Int?
  /// Why the finding is accepted.
  var reason: String
  /// The 1-based line of the entry in the configuration file.
  var line: Int
  /// The 1-based column of the entry.
  var column: Int

  /// Whether the entry matches a finding of a file it applies to.
  ///
  /// - Parameter finding: A finding of a file whose path ``path`` matches.
  func matches(_ finding: Finding) -> Bool {
    guard finding.ruleID == rule.id else { return false }
    if let row, finding.row != row { return false }
    if let person {
      guard let named = finding.person, NameKey(named) == NameKey(person) else { return false }
    }
    return true
  }

  /// The entry in words, for messages: `parent-sum in "filings/*.txt", person "A", row 11`.
  var summary: String {
    var text = "\(rule.id) in \"\(path.pattern)\""
    if let person { text += ", person \"\(person)\"" }
    if let row { text += ", row \(row)" }
    return text
  }
}

/// The suppressions of a run and how often each was used.
///
/// A suppressed finding is dropped before it is reported, counted or written to a baseline. After the run,
/// ``unusedWarnings(workingDirectory:)`` says which entries are stale.
struct SuppressionTracker: Sendable {
  /// The entries, in file order.
  let suppressions: [Suppression]
  /// The configuration's absolute folder, the base of relative paths.
  let folder: String
  /// The configuration file's path as printed.
  let configurationPath: String
  /// How many findings each entry suppressed.
  private(set) var uses: [Int]
  /// Whether each entry's path matched a file of the run.
  private(set) var matchedFile: [Bool]

  /// Creates a tracker.
  ///
  /// - Parameter configuration: The configuration whose suppressions apply.
  init(configuration: Configuration) {
    suppressions = configuration.suppressions
    folder = configuration.folder
    configurationPath = configuration.path
    uses = Array(repeating: 0, count: configuration.suppressions.count)
    matchedFile = Array(repeating: false, count: configuration.suppressions.count)
  }

  /// The forms of a file's path that suppression paths are matched against.
  ///
  /// - Parameters:
  ///   - path: The path as given (`-` for standard input).
  ///   - workingDirectory: The absolute working directory.
  /// - Returns: The path as given, then (when the file lies below the configuration's folder) the path
  ///   relative to that folder.
  func pathForms(of path: String, workingDirectory: String) -> [String] {
    guard path != "-" else { return [path] }
    var forms = [path]
    let absolute = PathArithmetic.absolute(path, in: workingDirectory)
    if let relative = PathArithmetic.relative(absolute, to: folder), relative != path { forms.append(relative) }
    return forms
  }

  /// Drops the findings a suppression matches.
  ///
  /// - Parameters:
  ///   - findings: One file's findings.
  ///   - path: The file's path as given.
  ///   - workingDirectory: The absolute working directory.
  /// - Returns: The findings no entry matches, in their order.
  mutating func filter(_ findings: [Finding], path: String, workingDirectory: String) -> [Finding] {
    guard !suppressions.isEmpty else { return findings }
    let forms = pathForms(of: path, workingDirectory: workingDirectory)
    let applicable = suppressions.indices.filter { index in
      forms.contains { suppressions[index].path.matches($0) }
    }
    for index in applicable { matchedFile[index] = true }
    guard !applicable.isEmpty else { return findings }
    return findings.filter { finding in
      guard let index = applicable.first(where: { suppressions[$0].matches(finding) }) else { return true }
      uses[index] += 1
      return false
    }
  }

  /// One warning per entry that suppressed nothing, as `path:line:column: message`.
  ///
  /// An entry is stale when its path matched a file of the run but no finding of it, or when its path names
  /// one file (no `*` or `?`) that exists neither relative to the configuration's folder nor to the working
  /// directory. An entry whose glob matched no file of this run is not judged: the run may check only some
  /// files (a pre-commit hook checks the staged ones).
  ///
  /// - Parameter workingDirectory: The absolute working directory.
  func unusedWarnings(workingDirectory: String) -> [String] {
    var warnings: [String] = []
    for (index, suppression) in suppressions.enumerated() where uses[index] == 0 {
      let position = "\(configurationPath):\(suppression.line):\(suppression.column)"
      if matchedFile[index] {
        warnings.append(
          "\(position): unused suppression: \(suppression.summary) matched no finding; remove it or correct it")
      } else if isLiteral(suppression.path.pattern),
        !exists(PathArithmetic.absolute(suppression.path.pattern, in: folder)),
        !exists(PathArithmetic.absolute(suppression.path.pattern, in: workingDirectory))
      {
        warnings.append(
          "\(position): unused suppression: \(suppression.summary) names no existing file; remove it or correct it")
      }
    }
    return warnings
  }

  private func isLiteral(_ pattern: String) -> Bool {
    !pattern.contains("*") && !pattern.contains("?")
  }

  private func exists(_ path: String) -> Bool {
    FileSystem.kind(of: path) != .missing
  }
}
