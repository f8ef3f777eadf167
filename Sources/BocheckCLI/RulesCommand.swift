import BocheckModel
import BocheckReporting
import BocheckRules

/// `bocheck rules [ID]`: lists the rules, or explains one with its rationale, source, checks and examples.
enum RulesCommand {
  /// The options `rules` accepts besides `--help`.
  static let specs = [OptionSpec(name: "--rules", valueName: "DIR"), OptionSpec(name: "--markdown", valueName: nil)]

  /// Runs the command.
  ///
  /// - Parameters:
  ///   - arguments: The arguments after `rules`.
  ///   - console: Where to write.
  /// - Returns: The exit status: 0, or 2 for an unknown rule or invalid rule files.
  /// - Throws: ``UsageError`` for a mistake on the command line.
  static func run(_ arguments: [String], console: Console) throws(UsageError) -> Int32 {
    let parsed = try ArgumentParser.parse(arguments, specs: specs, usage: HelpText.rulesUsage)
    if parsed.has("--help") {
      console.standardOutput(HelpText.rules)
      return BocheckCommand.exitSuccess
    }
    guard parsed.positionals.count <= 1 else {
      throw UsageError(message: "rules takes at most one rule id", usage: HelpText.rulesUsage)
    }
    let ruleSet: RuleSet
    switch RuleLoading.load(userDirectories: parsed.all("--rules")) {
    case .success(let loaded): ruleSet = loaded
    case .failure(let problem):
      console.error(problem.message)
      return BocheckCommand.exitFailure
    }
    let rules = ruleSet.rules.sorted { $0.id.unicodeScalars.lexicographicallyPrecedes($1.id.unicodeScalars) }
    if parsed.has("--markdown") {
      console.standardOutput(RulesDocument.markdown(rules))
      return BocheckCommand.exitSuccess
    }
    guard let id = parsed.positionals.first else {
      console.standardOutput(list(rules))
      return BocheckCommand.exitSuccess
    }
    guard let rule = rules.first(where: { $0.id == id }) else {
      let suggestion = ArgumentParser.closest(to: id, among: rules.map(\.id)).map { " (did you mean '\($0)'?)" }
      console.error("unknown rule '\(id)'\(suggestion ?? "; 'bocheck rules' lists them")")
      return BocheckCommand.exitFailure
    }
    console.standardOutput(explanation(of: rule))
    return BocheckCommand.exitSuccess
  }

  /// The severities a rule's findings can have, most severe first, such as `error/warning`.
  ///
  /// - Parameter rule: The rule; a check without its own severity has the rule's.
  static func severities(of rule: Rule) -> String {
    let used = Set(
      rule.checkSources.map { $0.severity ?? rule.severity } + (rule.checkSources.isEmpty ? [rule.severity] : []))
    return used.sorted(by: >).map(\.rawValue).joined(separator: "/")
  }

  /// One line per rule: id, severities and summary, in aligned columns.
  ///
  /// - Parameter rules: The rules, sorted by id.
  static func list(_ rules: [Rule]) -> String {
    let idWidth = rules.map(\.id.count).max() ?? 0
    let severityTexts = rules.map(severities)
    let severityWidth = severityTexts.map(\.count).max() ?? 0
    var output = ""
    for (rule, severity) in zip(rules, severityTexts) {
      output +=
        padded(rule.id, to: idWidth) + "  " + padded(severity, to: severityWidth) + "  "
        + TextReport.oneLine(rule.summary) + "\n"
    }
    output += "\(rules.count) rule\(rules.count == 1 ? "" : "s"); 'bocheck rules ID' explains one.\n"
    return output
  }

  /// A rule explained: summary, severities, source, file, rationale, checks and examples.
  ///
  /// - Parameter rule: The rule.
  static func explanation(of rule: Rule) -> String {
    var lines = [
      "\(rule.id) (\(severities(of: rule)))",
      TextReport.oneLine(rule.summary),
      "",
      "source: \(TextReport.oneLine(rule.source))",
      "file: \(rule.path)",
      "",
      "rationale:",
    ]
    lines += indented(rule.rationale)
    for (number, check) in rule.checkSources.enumerated() {
      lines.append("")
      var heading = "check \(number + 1)"
      if let severity = check.severity { heading += " (\(severity.rawValue))" }
      lines.append(heading + ":")
      lines.append("  for: \(check.iteration)")
      lines += check.steps.map { "  " + $0 }
      lines.append("  expect: \(check.expectation)")
      lines.append("  message: \(check.message)")
    }
    for (number, example) in rule.examples.enumerated() {
      lines.append("")
      var heading = "example \(number + 1) (line \(example.line)): "
      if example.expectations.isEmpty {
        heading += "must report nothing"
      } else {
        heading += "must report at " + example.expectations.map(\.description).joined(separator: ", ")
      }
      if let shares = example.sharesOutstanding { heading += ", with \(shares) shares outstanding" }
      lines.append(heading)
      var filingLines = example.filingText.split(separator: "\n", omittingEmptySubsequences: false)
      while filingLines.last?.isEmpty == true { filingLines.removeLast() }
      lines += filingLines.map { $0.isEmpty ? "  |" : "  | " + $0 }
    }
    return lines.map { $0 + "\n" }.joined()
  }

  private static func indented(_ text: String) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }
  }

  private static func padded(_ text: String, to width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
  }
}
