import BocheckModel
import BocheckReporting
import BocheckRules
import BocheckSystem

/// What `bocheck check` takes from `.bocheck.json`, `--baseline` and `--write-baseline`, and what it does
/// with them for each filing.
///
/// ``CheckCommand`` asks it for the extra rule folders before loading rules, lets it prepare each filing
/// (relationships) and choose its options (disabled rules, shares outstanding), and passes each file's
/// findings through ``filter(_:of:)`` before reporting them: severity overrides, then suppressions, then the
/// baseline. ``finish(console:)`` writes the baseline and warns about unused suppressions.
struct CheckSettings: Sendable {
  /// The configuration in force, if any.
  let configuration: Configuration?
  /// The absolute working directory, the base of relative paths on the command line.
  let workingDirectory: String
  /// Where to write the baseline, when asked to.
  let baselineOutput: String?
  private var suppressions: SuppressionTracker?
  private var baseline: Baseline?
  private var toWrite = Baseline()
  private let severityOverrides: [String: Severity]

  /// Reads the configuration (given or discovered) and the baseline.
  ///
  /// - Parameters:
  ///   - parsed: The arguments of `check`.
  ///   - workingDirectory: The absolute working directory, where discovery starts.
  /// - Returns: The settings, or the one-line message (file, line and column) to print before exiting with 2.
  /// - Throws: ``UsageError`` when `--config` and `--no-config` are both given, or `--write-baseline` names
  ///   standard input.
  static func load(_ parsed: ParsedArguments, workingDirectory: String) throws(UsageError) -> Result<
    CheckSettings, RuleProblem
  > {
    if parsed.has("--config") && parsed.has("--no-config") {
      throw UsageError(message: "--config and --no-config exclude each other", usage: HelpText.checkUsage)
    }
    if parsed.last("--write-baseline") == "-" || parsed.last("--baseline") == "-" {
      throw UsageError(message: "a baseline must be a file, not standard input", usage: HelpText.checkUsage)
    }
    do throws(LocatedJSONError) {
      var configuration: Configuration?
      if let given = parsed.last("--config") {
        configuration = try Configuration.load(path: given, workingDirectory: workingDirectory)
      } else if !parsed.has("--no-config"), let found = Configuration.discover(from: workingDirectory) {
        // The working directory's own file is printed by name; a parent's by its absolute path.
        let shown = PathArithmetic.folder(of: found) == workingDirectory ? Configuration.fileName : found
        configuration = try Configuration.load(path: shown, workingDirectory: workingDirectory)
      }
      let baseline = try parsed.last("--baseline").map { (path) throws(LocatedJSONError) in
        try Baseline.read(path: path, workingDirectory: workingDirectory)
      }
      if let configuration {
        for folder in configuration.rules where !FileSystem.isDirectory(folder.path) {
          throw LocatedJSONError(
            path: configuration.path, line: folder.line, column: folder.column,
            message: "no such folder of rules: \(folder.path)")
        }
      }
      return .success(
        CheckSettings(
          configuration: configuration, workingDirectory: workingDirectory,
          baselineOutput: parsed.last("--write-baseline"), baseline: baseline))
    } catch {
      return .failure(RuleProblem(message: error.description))
    }
  }

  private init(configuration: Configuration?, workingDirectory: String, baselineOutput: String?, baseline: Baseline?) {
    self.configuration = configuration
    self.workingDirectory = workingDirectory
    self.baselineOutput = baselineOutput
    self.baseline = baseline
    suppressions = configuration.map(SuppressionTracker.init)
    var overrides: [String: Severity] = [:]
    for entry in configuration?.severity ?? [] { overrides[entry.rule.id] = entry.severity }
    severityOverrides = overrides
  }

  /// The configuration's extra rule folders, absolute, in file order.
  var ruleFolders: [String] {
    configuration?.rules.map(\.path) ?? []
  }

  /// The configuration's fail-on level, used when `--fail-on` is not given.
  var failOn: Severity? {
    configuration?.failOn
  }

  /// Checks the rule ids the configuration names against the loaded rules.
  ///
  /// - Returns: The message for the first unknown id, or `nil`.
  func validate(_ ruleSet: RuleSet) -> RuleProblem? {
    do {
      try configuration?.validate(ruleIDs: Set(ruleSet.rules.map(\.id)))
      return nil
    } catch {
      return RuleProblem(message: error.description)
    }
  }

  /// The filing with the configuration's relationships added.
  func prepare(_ filing: Filing) -> Filing {
    configuration?.applyingRelationships(to: filing) ?? filing
  }

  /// The options to check a filing with.
  ///
  /// - Parameters:
  ///   - filing: The filing.
  ///   - sharesOutstanding: `--shares-outstanding`, which wins over the configuration's figure.
  ///   - ruleSet: The loaded rules; the disabled ones are left out.
  func options(for filing: Filing, sharesOutstanding: ExactDecimal?, ruleSet: RuleSet) -> CheckOptions {
    var onlyRules: Set<String>?
    if let disabled = configuration?.disable, !disabled.isEmpty {
      onlyRules = Set(ruleSet.rules.map(\.id)).subtracting(disabled.map(\.id))
    }
    if let sharesOutstanding {
      return CheckOptions(sharesOutstanding: sharesOutstanding, onlyRules: onlyRules)
    }
    return CheckOptions(
      sharesOutstanding: configuration?.sharesOutstanding(for: filing), onlyRules: onlyRules,
      sharesOutstandingSource: .configuration)
  }

  /// One file's findings as they are to be reported.
  ///
  /// Severity overrides apply first; then suppressed findings are dropped; what is left is recorded for
  /// `--write-baseline`; then the findings `--baseline` accepts are dropped.
  ///
  /// - Parameters:
  ///   - findings: What the rules found.
  ///   - filing: The filing; its path is the one given.
  mutating func filter(_ findings: [Finding], of filing: Filing) -> [Finding] {
    var findings = findings
    if !severityOverrides.isEmpty {
      for index in findings.indices {
        if let severity = severityOverrides[findings[index].ruleID] { findings[index].severity = severity }
      }
    }
    if var tracker = suppressions {
      findings = tracker.filter(findings, path: filing.path, workingDirectory: workingDirectory)
      suppressions = tracker
    }
    if baselineOutput != nil {
      for finding in findings { toWrite.add(finding, file: filing.path) }
    }
    if var accepted = baseline {
      findings = accepted.absorb(findings, file: filing.path)
      baseline = accepted
    }
    return findings
  }

  /// Ends the run: warns on standard error about unused suppressions and writes the baseline.
  ///
  /// - Parameter console: Where warnings and errors go.
  /// - Returns: `false` when the baseline could not be written (the error has been printed).
  func finish(console: Console) -> Bool {
    for warning in suppressions?.unusedWarnings(workingDirectory: workingDirectory) ?? [] {
      console.standardError("bocheck: warning: \(TextReport.oneLine(warning))\n")
    }
    guard let baselineOutput else { return true }
    let path = PathArithmetic.absolute(baselineOutput, in: workingDirectory)
    if let problem = toWrite.write(to: path) {
      console.error("\(baselineOutput): cannot write the baseline: \(problem)")
      return false
    }
    return true
  }
}
