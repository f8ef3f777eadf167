import BocheckModel
import BocheckReporting
import BocheckSeeded
import Testing

@Suite("Text report")
struct ReportingTextTests {
  private let plain = TextReport(colors: false)

  @Test("a finding: location line, context line and expected/found with thousands separators")
  func findingLines() {
    let lines = plain.findingLines(ReportingFixtures.parentFinding, path: "filings/example.txt", schedule: .schedule13D)
    #expect(
      lines == [
        "filings/example.txt:30:5: error: row 11 reports 1,500 shares, but the funds hold 1,501 [parent-sum]",
        "    cover page 1 (Beta \"Manager\" LLC), row 11 (aggregate amount beneficially owned)",
        "    expected 1,501, found 1,500",
      ])
  }

  @Test("a finding about the whole filing and one on a page without a name")
  func contextWithoutPageOrName() {
    #expect(
      plain.findingLines(ReportingFixtures.filingFinding, path: "a.txt", schedule: .schedule13D) == [
        "a.txt:6:1: warning: the CUSIP's check digit is wrong [cusip-check-digit]",
        "    the filing as a whole",
      ])
    #expect(
      plain.findingLines(ReportingFixtures.namelessFinding, path: "a.txt", schedule: .schedule13D) == [
        "a.txt:40:1: note: cover page 2 has no rows [missing-cover-page]",
        "    cover page 2 (no name)",
      ])
  }

  @Test("rows are named as the filing's schedule numbers them")
  func thirteenGRows() {
    let finding = Finding(
      ruleID: "percent-basis", severity: .error, page: 1, person: "Gamma", row: 11, line: 3, column: 1, message: "m",
      expected: "5.1")
    #expect(
      TextReport.context(of: finding, schedule: .schedule13G) == "cover page 1 (Gamma), row 11 (percent of class)")
    #expect(TextReport.comparison(of: finding) == "expected 5.1")
    var unknownRow = finding
    unknownRow.row = 40
    #expect(TextReport.context(of: unknownRow, schedule: .schedule13D) == "cover page 1 (Gamma), row 40")
  }

  @Test("only the found value, or neither")
  func comparisons() {
    var finding = ReportingFixtures.parentFinding
    finding.expected = nil
    #expect(TextReport.comparison(of: finding) == "found 1,500")
    finding.actual = nil
    #expect(TextReport.comparison(of: finding) == nil)
  }

  @Test("control characters from the filing cannot break a line or reach the terminal")
  func controlCharacters() {
    var finding = ReportingFixtures.parentFinding
    finding.message = "two\nlines\u{1B}[31m and a tab\t"
    finding.person = "Name\r\nInjected"
    let lines = plain.findingLines(finding, path: "a\nb.txt", schedule: .schedule13D)
    #expect(lines[0] == "a b.txt:30:5: error: two lines [31m and a tab  [parent-sum]")
    #expect(lines[1] == "    cover page 1 (Name  Injected), row 11 (aggregate amount beneficially owned)")
  }

  @Test("one line: every control character, C1 control and line separator becomes one space, nothing else changes")
  func oneLineOnBytes() {
    #expect(TextReport.oneLine("plain text, Müller & Cie — 1,000") == "plain text, Müller & Cie — 1,000")
    #expect(TextReport.oneLine("a\u{0}b\u{7F}c\u{85}d\u{9F}e") == "a b c d e")
    #expect(TextReport.oneLine("line\u{2028}para\u{2029}end\u{2027}") == "line para end\u{2027}")
    #expect(TextReport.oneLine("\r\n") == "  ")
    // U+00A0 and U+00C2 share the lead byte of the C1 controls, and U+20AC that of the separators: kept.
    #expect(TextReport.oneLine("\u{A0}\u{C2}\u{20AC}\u{1F600}") == "\u{A0}\u{C2}\u{20AC}\u{1F600}")
    #expect(TextReport.oneLine("") == "")
  }

  @Test("one line: a control character at every place of the eight-byte words read, as a reading by scalars finds")
  func oneLineAtEveryOffset() {
    // Seeded texts of printable ASCII, its edges (space, tilde), controls, C1 controls, separators and other
    // characters, each replaced or kept as its scalars say, whatever its offset from the text's start.
    let pieces = [
      "a", "a", "a", "Z", " ", "~", "\u{7F}", "\u{1F}", "\t", "\n", "\u{1B}", "é", "\u{85}", "\u{A0}", "\u{2028}",
      "\u{2029}", "\u{2027}", "€",
    ]
    var random = SplitMix64(seed: 0x6f6e_656c)
    for _ in 0..<2000 {
      let text = (0..<random.int(in: 0...40)).map { _ in random.pick(pieces) }.joined()
      let scalars = text.unicodeScalars.map { scalar -> String in
        let value = scalar.value
        let isControl = value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
        return isControl ? " " : String(scalar)
      }
      #expect(TextReport.oneLine(text) == scalars.joined(), "\(Array(text.utf8))")
    }
  }

  @Test("the summary line counts by severity and names the basis and its source")
  func summaryLines() {
    let filing = ReportingFixtures.filing
    let findings = [ReportingFixtures.parentFinding, ReportingFixtures.filingFinding]
    let value = ReportingFixtures.decimal("44,000,000")
    let stated = FileReport(
      filing: filing, findings: findings, basis: ReportedBasis(value: value, source: .stated, line: 323))
    #expect(
      plain.summaryLine(stated, counts: SeverityCounts(findings))
        == "filings/example.txt: 1 error, 1 warning, 0 notes; shares outstanding 44,000,000 (stated, line 323)")
    #expect(
      TextReport.basisPhrase(ReportedBasis(value: value, source: .option, line: nil))
        == "shares outstanding 44,000,000 (--shares-outstanding)")
    #expect(
      TextReport.basisPhrase(ReportedBasis(value: value, source: .implied, line: nil))
        == "shares outstanding 44,000,000 (implied by the cover pages)")
    #expect(TextReport.basisPhrase(nil) == "no shares-outstanding basis")
    #expect(SeverityCounts().phrase == "0 errors, 0 warnings, 0 notes")
  }

  @Test("a whole report of two files: findings sorted by line, blank line between files, total line")
  func twoFiles() {
    var second = ReportingFixtures.filing
    second.path = "-"
    let report = plain.render(
      [
        FileReport(
          filing: ReportingFixtures.filing,
          findings: [ReportingFixtures.namelessFinding, ReportingFixtures.filingFinding], basis: nil),
        FileReport(filing: second, findings: [], basis: nil),
      ], unreadableCount: 1)
    #expect(
      report == """
        filings/example.txt:6:1: warning: the CUSIP's check digit is wrong [cusip-check-digit]
            the filing as a whole
        filings/example.txt:40:1: note: cover page 2 has no rows [missing-cover-page]
            cover page 2 (no name)
        filings/example.txt: 0 errors, 1 warning, 1 note; no shares-outstanding basis

        <stdin>: 0 errors, 0 warnings, 0 notes; no shares-outstanding basis

        total: 2 files checked, 0 errors, 1 warning, 1 note, 1 unreadable

        """)
  }

  @Test("one file and nothing unreadable: no total line")
  func oneFile() {
    let report = plain.render([FileReport(filing: ReportingFixtures.filing, findings: [], basis: nil)])
    #expect(report == "filings/example.txt: 0 errors, 0 warnings, 0 notes; no shares-outstanding basis\n")
  }

  @Test("colours: bold location, red error, magenta warning, cyan note, reset after each")
  func colours() {
    let coloured = TextReport(colors: true)
    let lines = coloured.findingLines(ReportingFixtures.parentFinding, path: "a.txt", schedule: .schedule13D)
    #expect(
      lines[0]
        == "\u{1B}[1ma.txt:30:5:\u{1B}[0m \u{1B}[1;31merror:\u{1B}[0m "
        + "\u{1B}[1mrow 11 reports 1,500 shares, but the funds hold 1,501\u{1B}[0m [parent-sum]")
    #expect(!lines[1].contains("\u{1B}"))
    let warning = coloured.findingLines(ReportingFixtures.filingFinding, path: "a.txt", schedule: .schedule13D)
    #expect(warning[0].contains("\u{1B}[1;35mwarning:\u{1B}[0m"))
    let note = coloured.findingLines(ReportingFixtures.namelessFinding, path: "a.txt", schedule: .schedule13D)
    #expect(note[0].contains("\u{1B}[1;36mnote:\u{1B}[0m"))
    #expect(
      !plain.render([
        FileReport(filing: ReportingFixtures.filing, findings: [ReportingFixtures.parentFinding], basis: nil)
      ]).contains("\u{1B}"))
  }
}
