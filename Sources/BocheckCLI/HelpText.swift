/// The usage lines and help texts of the commands.
enum HelpText {
  /// The tool's version, printed by `bocheck --version`.
  static let version = "1.0.0"

  /// The usage line of the tool as a whole.
  static let toolUsage = "usage: bocheck check [options] PATH... | parse PATH | rules [ID] | --version | --help"
  /// The usage line of `bocheck check`.
  static let checkUsage = "usage: bocheck check [options] PATH..."
  /// The usage line of `bocheck parse`.
  static let parseUsage = "usage: bocheck parse [--input-format FORMAT] PATH"
  /// The usage line of `bocheck rules`.
  static let rulesUsage = "usage: bocheck rules [--rules DIR] [--markdown] [ID]"

  /// `bocheck --help`.
  static let tool = """
    bocheck \(version): checks the cover pages of Schedule 13D and 13G beneficial-ownership filings

    usage: bocheck check [options] PATH...   check filings against the rules and report every discrepancy
           bocheck parse PATH                print one filing's model as read, without rules (JSON)
           bocheck rules [ID]                list the rules, or explain one rule with its examples
           bocheck --version                 print the version
           bocheck --help                    print this help

    Run 'bocheck COMMAND --help' for a command's options.

    exit status: 0 when no finding is at or above --fail-on, 1 when one is, 2 for a usage error,
    an unreadable input or an invalid rule file.

    """

  /// `bocheck check --help`.
  static let check = """
    \(checkUsage)

    Reads each filing, finds its cover pages and checks them against the rules. PATH is a file, a folder
    (searched recursively for .htm .html .nc .txt .xml files, in sorted order; names starting with a dot
    are skipped) or - for standard input. A file that holds several filings one after the other (EDGAR
    feed files, concatenated submissions or documents) is checked as several filings, each reported with
    its place in the file ("filing 2 of 3, from line 812") and lines counted in the whole file.

    options:
      --format text|json|sarif|github|junit|checkstyle|html
                                    report format on standard output (default: text)
      --output FORMAT=PATH          also write a report in FORMAT to the file PATH (may be repeated,
                                    e.g. --output sarif=bocheck.sarif --output junit=bocheck.xml);
                                    sarif, github, junit and checkstyle paths are relative to
                                    $GITHUB_WORKSPACE when set, else to the working directory
      --input-format FORMAT         read every input as auto (the default: told from the content),
                                    text, html, sgml or xml
      --rules DIR                   also load the rule files in DIR (may be repeated)
      --shares-outstanding N        check percents of class against N shares outstanding
                                    (12,500,000 or 12500000) instead of the filing's own figure
      --fail-on error|warning|note  exit with 1 when a finding is this severe or more (default: error)
      --no-color                    never colour the text report; it is coloured only on a terminal,
                                    and not when the NO_COLOR environment variable is set
      --jobs N                      check up to N files at once, or N filings of a single file that
                                    holds several (default: the processor cores the process may use:
                                    its CPU affinity, capped by a container's CPU quota); the reports
                                    are the same, in the same order, as with 1
      --config PATH                 read this configuration file instead of the .bocheck.json found in
                                    the working directory or its nearest parent that has one
      --no-config                   read no configuration file
      --baseline FILE               report only findings that FILE (from --write-baseline) does not hold
      --write-baseline FILE         write every finding left after suppressions to FILE; exit 0 once written
      -h, --help                    print this help

    html report: one self-contained page (no script, nothing fetched): per filing a header, the
    ownership structure with each parent's sum (red where it breaks) and the cover pages as a table, each
    finding marked in its cell and listed under its row.

    .bocheck.json (strict JSON; options on the command line win): "disable" (rule ids), "severity"
    (rule id -> error|warning|note), "rules" (folders, relative to the file), "failOn",
    "sharesOutstanding" (CUSIP -> shares), "relationships" ([{"parent": NAME, "holds": [NAME...]}]),
    "suppressions" ([{"rule", "path" (glob: * ** ?), "person"?, "row"?, "reason"}]). An unused
    suppression is reported as a warning on standard error. See README.md for a complete example.

    exit status: 0 when no finding is at or above --fail-on, 1 when one is, 2 for a usage error,
    an unreadable input (the other inputs are still checked), an invalid rule file, or an invalid
    configuration or baseline file.

    """

  /// `bocheck parse --help`.
  static let parse = """
    \(parseUsage)

    Reads one filing (a file, or - for standard input) and prints its model as JSON, without running any
    rule: the form, issuer, CUSIP, stated shares outstanding, signers, joint filers and every reporting
    person's rows with their 1-based lines, how each was read and its value. A file that holds several
    filings prints {"filings": [...], "version": 1}, each model with its "filing" position.

    options:
      --input-format FORMAT  read it as auto (the default: told from the content), text, html, sgml or xml
      -h, --help             print this help

    exit status: 0 when every filing was read, 2 for a usage error or an unreadable input or filing.

    """

  /// `bocheck rules --help`.
  static let rules = """
    \(rulesUsage)

    Without ID, lists the rules: id, severity and summary. With ID, explains that rule: its summary,
    source, rationale, checks and examples.

    options:
      --rules DIR  also load the rule files in DIR (may be repeated)
      --markdown   print the reference of every rule as Markdown (Rules/README.md is this output)
      -h, --help   print this help

    exit status: 0 when the rules were shown, 2 for a usage error, an unknown rule or an invalid rule file.

    """
}
