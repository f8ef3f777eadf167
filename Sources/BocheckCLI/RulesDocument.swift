import BocheckModel
import BocheckRules

/// The reference of the rules as Markdown: `Rules/README.md` is this document, generated from the rule files.
///
/// `bocheck rules --markdown` prints it and `make rules-doc` writes it; a test fails when the committed file
/// differs from what the rule files say, so the reference can never go stale.
enum RulesDocument {
  /// The whole document.
  ///
  /// - Parameter rules: The rules, in any order; they are listed by id.
  static func markdown(_ rules: [Rule]) -> String {
    let sorted = rules.sorted { $0.id.unicodeScalars.lexicographicallyPrecedes($1.id.unicodeScalars) }
    var lines = [
      "# bocheck rules",
      "",
      "<!-- Generated from the rule files by `make rules-doc` (bocheck rules --markdown); do not edit by hand. -->",
      "",
      "Each rule is a file in this folder named by its stable id. `bocheck rules ID` explains one with its",
      "examples; the README at the top of the repository says how to write one.",
      "",
      "| id | severity | summary |",
      "|---|---|---|",
    ]
    for rule in sorted {
      lines.append("| [`\(rule.id)`](#\(rule.id)) | \(RulesCommand.severities(of: rule)) | \(cell(rule.summary)) |")
    }
    for rule in sorted {
      lines += ["", "## \(rule.id)", "", oneLine(rule.summary), ""]
      lines.append("- Severity: \(RulesCommand.severities(of: rule))")
      lines.append("- Source: \(oneLine(rule.source))")
      lines.append("- File: `\(fileName(rule.path))`")
      lines += ["", oneLine(rule.rationale)]
      for (number, check) in rule.checkSources.enumerated() {
        lines += ["", "Check \(number + 1)\(check.severity.map { " (\($0.rawValue))" } ?? ""):", "", "```"]
        lines.append("for: \(check.iteration)")
        lines += check.steps
        lines.append("expect: \(check.expectation)")
        lines.append("message: \(check.message)")
        lines.append("```")
      }
      let triggering = rule.examples.filter(\.triggers).count
      lines += [
        "",
        "Examples: \(triggering) that must report and \(rule.examples.count - triggering) that must not "
          + "(`bocheck rules \(rule.id)` shows them).",
      ]
    }
    return lines.map { $0 + "\n" }.joined()
  }

  private static func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).map { String($0).trimmingWhiteSpace() }.joined(separator: " ")
  }

  private static func cell(_ text: String) -> String {
    oneLine(text).split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
  }

  private static func fileName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }
}
