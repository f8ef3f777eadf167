import BocheckModel
import BocheckReading
import BocheckRules
import Foundation
import Testing

@testable import BocheckCLI
@testable import BocheckReporting

/// The founding samples checked as `bocheck check` checks them, for the HTML report's tests.
enum HTMLSamples {
  /// The sample read under its repository-relative path, checked with the built-in rules.
  ///
  /// - Parameter sample: The sample's file name without `.txt`.
  static func report(_ sample: String) throws -> FileReport {
    let url = TestSupport.repositoryRoot.appendingPathComponent("Samples/\(sample).txt")
    let filing = try FilingReader.read(bytes: Array(try Data(contentsOf: url)), path: "Samples/\(sample).txt")
    let rules = try RuleSet.load(
      directories: [TestSupport.repositoryRoot.appendingPathComponent("Rules").path])
    let result = rules.check(filing, options: CheckOptions(sharesOutstanding: nil, onlyRules: nil))
    return FileReport(
      filing: filing, findings: result.findings, basis: result.basis.map(CheckCommand.reportedBasis))
  }

  /// A text row.
  static func text(_ field: RowField, _ text: String, line: Int) -> Row {
    Row(field: field, raw: text, line: line, status: .read, value: .text(text))
  }
}

@Suite("HTML report")
struct HTMLReportTests {
  /// A filing whose names, issuer and path carry markup, quotes and ampersands.
  static func hostileReport() -> FileReport {
    var fund = SyntheticFiling.page(1, "<script>alert(\"x\")</script> Fund & 'Co' LP", aggregate: 100)
    fund.rows[.citizenshipOrOrganization] = HTMLSamples.text(
      .citizenshipOrOrganization, "<img src=x onerror=alert(1)>", line: 106)
    let manager = SyntheticFiling.page(
      2, "Manager \"Quoted\" LLC", aggregate: 101, attributedTo: ["<script>alert(\"x\")</script> Fund & 'Co' LP"])
    var filing = SyntheticFiling.filing([fund, manager])
    filing.path = "drafts/<b>bold</b>&\"q\".txt"
    filing.issuer = Located("Issuer <i>Inc</i> & Sons", line: 3)
    filing.form = Located("SC 13D", line: 1)
    let finding = Finding(
      ruleID: "parent-sum", severity: .error, page: 2, person: "Manager \"Quoted\" LLC", row: 11, line: 211,
      column: 1, message: "Manager \"Quoted\" LLC: row 11 reports 101, but <script> & co hold 100",
      expected: "100", actual: "101")
    return FileReport(filing: filing, findings: [finding], basis: nil)
  }

  @Test("Every text from the filing is escaped: no markup from a name, value, issuer, path or message survives")
  func escaping() {
    let html = HTMLReport.render([Self.hostileReport()])
    #expect(!html.contains("<script"))
    #expect(!html.contains("<img"))
    #expect(!html.contains("<b>bold"))
    #expect(!html.contains("<i>Inc"))
    #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Fund &amp; &#39;Co&#39; LP"))
    #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
    #expect(html.contains("<h2 id=\"file1-title\">drafts/&lt;b&gt;bold&lt;/b&gt;&amp;&quot;q&quot;.txt</h2>"))
    #expect(html.contains("Issuer &lt;i&gt;Inc&lt;/i&gt; &amp; Sons"))
    #expect(html.contains("Manager &quot;Quoted&quot; LLC: row 11 reports 101, but &lt;script&gt; &amp; co hold 100"))
    // The SVG picture escapes the names too (its own text elements).
    #expect(html.contains("<text class=\"name\" x=\"26\" y=\"205\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
  }

  @Test("The escaping of one text: entities for the five characters, spaces for control characters")
  func escapeFunction() {
    #expect(HTMLText.escape("a<b>&\"c'\n\td\u{1B}") == "a&lt;b&gt;&amp;&quot;c&#39;  d ")
    #expect(HTMLText.escape("Wynnefield Capital, Inc.") == "Wynnefield Capital, Inc.")
  }

  @Test("The page is self-contained: no script, no link, no image, nothing fetched from elsewhere")
  func selfContained() throws {
    for sample in GoldenTests.samples {
      let html = HTMLReport.render([try HTMLSamples.report(sample)])
      #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
      #expect(html.hasSuffix("</html>\n"))
      for forbidden in ["<script", "<link", "<img", "<iframe", "@import", "src=", "https://"] {
        #expect(!html.contains(forbidden), "\(sample) contains \(forbidden)")
      }
      // The only URL is the SVG namespace; every url() points into the page itself.
      #expect(html.components(separatedBy: "http://").count - 1 == 1)
      #expect(html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
      #expect(html.components(separatedBy: "url(").count == html.components(separatedBy: "url(#").count)
      #expect(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""))
    }
  }

  @Test("The same files give the same page, byte for byte")
  func deterministic() throws {
    let reports = try GoldenTests.samples.map(HTMLSamples.report)
    #expect(HTMLReport.render(reports) == HTMLReport.render(reports))
    #expect(HTMLReport.render([Self.hostileReport()]) == HTMLReport.render([Self.hostileReport()]))
  }

  @Test("A finding's cell is coloured, marked with icon, severity and number, and the finding is listed under its row")
  func cellsAndFindings() throws {
    let html = HTMLReport.render([try HTMLSamples.report("sc13da-amendment-4-complete-rows")])
    // Finding 6 of the complete sample is Nelson Obus's parent-sum error on row 11, the 6th column.
    let row11 = try #require(html.range(of: "<span class=\"row-number\">11</span> aggregate amount"))
    let rowEnd = try #require(html.range(of: "</tr>", range: row11.upperBound..<html.endIndex))
    let cells = html[row11.upperBound..<rowEnd.lowerBound].components(separatedBy: "<td class=\"")
    #expect(cells.count == 8)
    #expect(cells[6].hasPrefix("cell sev-error status-read\"><strong class=\"number\">3,731,323</strong>"))
    #expect(
      cells[6].contains(
        "<a class=\"mark sev-error\" href=\"#file1-finding6\"><span aria-hidden=\"true\">✖</span> error #6</a>"))
    #expect(cells[1].hasPrefix("cell status-read\"><strong class=\"number\">1,019,531</strong>"))
    // The list right after the row holds both parent-sum errors, with their numbers.
    let after = html[rowEnd.upperBound...]
    #expect(after.hasPrefix("\n<tr class=\"row-findings\"><td colspan=\"8\"><ul class=\"findings\">"))
    #expect(
      after.contains(
        "<li class=\"finding sev-error\" id=\"file1-finding6\"><span class=\"mark sev-error\"><span "
          + "aria-hidden=\"true\">✖</span> error #6</span> <span class=\"where\">cover page 6 (Nelson Obus), "
          + "row 11 (aggregate amount beneficially owned) · line 196, column 65</span> <code class=\"rule\">"
          + "parent-sum</code>"))
    #expect(after.contains("<div class=\"comparison\">expected 3,731,324, found 3,731,323</div>"))
    // The header states the basis and its source.
    #expect(
      html.contains(
        "<dt>Shares outstanding</dt><dd><strong>44,726,000</strong> <span class=\"aside\">stated in the filing, "
          + "line 323</span></dd>"))
    #expect(html.contains("<dt>CUSIP</dt><dd><code>53634X100</code>"))
  }

  @Test("Missing, recovered and unreadable rows say so in words; a page-level finding gets its own row")
  func statuses() throws {
    let html = HTMLReport.render([try HTMLSamples.report("sc13da-amendment-2-malformed-rows")])
    // Page 5 lacks the values of rows 8 and 9; page 4's row 8 was recovered; page 7's rows 7-10 are unreadable.
    #expect(html.contains("<td class=\"cell sev-error status-missing\"><span class=\"missing\">— missing</span>"))
    #expect(
      html.contains(
        "<td class=\"cell sev-warning status-recovered\"><strong class=\"number\">0</strong> <span class=\"status "
          + "recovered\"><span aria-hidden=\"true\">↺</span> recovered</span>"))
    #expect(html.contains("<td class=\"cell sev-error status-malformed\"><span class=\"status malformed\">unreadable"))
    // The incomplete page 3 is reported about the whole page, in a row of its own above row 1.
    let wholePage = try #require(html.range(of: "<th scope=\"row\">the whole page</th>"))
    let firstRow = try #require(html.range(of: "<span class=\"row-number\">1</span>"))
    #expect(wholePage.lowerBound < firstRow.lowerBound)
    #expect(html.contains("cover page 3 is incomplete"))
    #expect(
      html.contains(
        "<th scope=\"col\"><span class=\"aside\">page 3 · line 139</span><br><span class=\"missing\">(no name)</span></th>"
      ))
  }

  @Test("Findings without a cover page are listed above the table")
  func filingLevelFindings() throws {
    var report = Self.hostileReport()
    report.findings.append(
      Finding(
        ruleID: "issuer-item-one", severity: .error, page: nil, person: nil, row: nil, line: 40, column: 1,
        message: "the issuer differs from Item 1's"))
    let html = HTMLReport.render([report])
    let heading = try #require(html.range(of: "<h3>Findings about the filing as a whole</h3>"))
    let finding = try #require(html.range(of: "the issuer differs from Item 1&#39;s"))
    let table = try #require(html.range(of: "<h3>Cover pages</h3>"))
    #expect(heading.upperBound < finding.lowerBound && finding.upperBound < table.lowerBound)
    #expect(html.contains("<span class=\"where\">the filing as a whole · line 40, column 1</span>"))
  }

  @Test("The ownership picture draws the holders the rules sum, red where a parent's sum breaks")
  func ownershipBroken() throws {
    let filing = SyntheticFiling.filing([
      SyntheticFiling.page(1, "Alpha Fund LP", aggregate: 100),
      SyntheticFiling.page(2, "Beta Fund LP", aggregate: 200),
      SyntheticFiling.page(3, "Manager LLC", aggregate: 300, attributedTo: ["Alpha Fund LP", "Beta Fund LP"]),
      SyntheticFiling.page(4, "Jane Roe", aggregate: 299, attributedTo: ["Alpha Fund LP", "Beta Fund LP"]),
      SyntheticFiling.page(5, "Offshore Advisors Inc.", aggregate: 50, attributedTo: ["Offshore Fund Ltd."]),
    ])
    let structure = OwnershipStructure(filing: filing, findings: [])
    #expect(structure.nodes.map(\.name).last == "Offshore Fund Ltd.")
    #expect(structure.nodes.last?.page == nil)
    #expect(
      structure.edges.map { [$0.parent, $0.child, $0.isSummed ? 1 : 0] } == [
        [2, 0, 1], [2, 1, 1], [3, 0, 1], [3, 1, 1], [4, 5, 0],
      ])
    #expect(structure.sums.map(\.page) == [3, 4, 5])
    #expect(structure.sums.map(\.isBroken) == [false, true, false])
    #expect(structure.sums.map { $0.held?.description } == ["300", "300", nil])
    #expect(OwnershipSVG.layers(structure) == [0, 0, 1, 1, 1, 0])

    let html = HTMLReport.render([FileReport(filing: filing, findings: [], basis: nil)])
    #expect(html.components(separatedBy: "<path class=\"edge broken\"").count - 1 == 2)
    #expect(html.components(separatedBy: "<path class=\"edge\"").count - 1 == 2)
    #expect(html.components(separatedBy: "<path class=\"edge named\"").count - 1 == 1)
    #expect(html.contains("<text class=\"sum broken\" x=\"302\" y=\"107\">✖ sum breaks: off by 1</text>"))
    #expect(html.contains("<text class=\"detail\" x=\"302\" y=\"89\">holders hold 300</text>"))
    #expect(html.contains("<text class=\"sum ok\" x=\"26\" y=\"107\">✔ adds up</text>"))
    #expect(html.contains("<text class=\"sum unsummed\" x=\"578\" y=\"107\">– not summed</text>"))
    #expect(html.contains("<text class=\"detail\" x=\"578\" y=\"241\">no cover page</text>"))
    #expect(html.contains("<g class=\"node broken\"><rect x=\"292\" y=\"16\" width=\"240\" height=\"100\" rx=\"6\"/>"))
    #expect(
      html.contains(
        "<tr class=\"broken\"><th scope=\"row\">Jane Roe <span class=\"aside\">(page 4)</span></th><td "
          + "class=\"number\">299</td><td>Alpha Fund LP <span class=\"aside\">(page 1)</span><br>Beta Fund LP "
          + "<span class=\"aside\">(page 2)</span></td><td class=\"number\">300</td><td><span class=\"mark "
          + "sev-error\"><span aria-hidden=\"true\">✖</span> breaks</span> holders − parent = 1</td></tr>"))
  }

  @Test("A parent-sum finding marks a sum broken even when the totals agree (a part differs)")
  func ownershipPartFinding() {
    let filing = SyntheticFiling.filing([
      SyntheticFiling.page(1, "Alpha Fund LP", aggregate: 100),
      SyntheticFiling.page(2, "Jane Roe", aggregate: 100, attributedTo: ["Alpha Fund LP"]),
    ])
    let finding = Finding(
      ruleID: "parent-sum", severity: .error, page: 2, person: "Jane Roe", row: 11, line: 211, column: 1,
      message: "part (ii) differs")
    let html = HTMLReport.render([FileReport(filing: filing, findings: [finding], basis: nil)])
    #expect(html.contains(">✖ sum breaks: a part differs</text>"))
    #expect(html.contains("<span aria-hidden=\"true\">✖</span> breaks</span> a part differs</td>"))
  }

  @Test("A filing without attributions says so instead of drawing; no file says so too")
  func noStructure() {
    let filing = SyntheticFiling.filing([SyntheticFiling.page(1, "Alpha Fund LP", aggregate: 100)])
    let html = HTMLReport.render([FileReport(filing: filing, findings: [], basis: nil)])
    #expect(html.contains("No cover page attributes its shares to other reporting persons."))
    #expect(!html.contains("<svg"))
    #expect(HTMLReport.render([]).contains("<p class=\"totals\">0 files checked:"))
    #expect(HTMLReport.render([]).contains("<p>No file was checked.</p>"))
  }

  @Test("Several files get an index that links to each section")
  func index() throws {
    let reports = try GoldenTests.samples.map(HTMLSamples.report)
    let html = HTMLReport.render(reports)
    #expect(
      html.contains(
        "<tr><th scope=\"row\"><a href=\"#file2\">Samples/sc13da-amendment-2-malformed-rows.txt</a></th><td>9</td>"
          + "<td>13</td><td>1</td></tr>"))
    #expect(html.contains("<section class=\"filing\" id=\"file2\" aria-labelledby=\"file2-title\">"))
    #expect(
      html.contains("2 files checked: <span class=\"mark sev-error\"><span aria-hidden=\"true\">✖</span> 11 errors"))
  }

  @Test("Every real filing of the corpus renders to a whole page, 13G row numbers included")
  func corpus() throws {
    let folder = CorpusReadingTests.corpus
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasSuffix(".md") }
      .sorted()
    #expect(names.count == 7)
    let rules = try RuleSet.load(directories: [TestSupport.repositoryRoot.appendingPathComponent("Rules").path])
    var schedule13GPages = 0
    for name in names {
      let filing = try TestSupport.read(folder.appendingPathComponent(name))
      let result = rules.check(filing, options: CheckOptions(sharesOutstanding: nil, onlyRules: nil))
      let html = HTMLReport.render([FileReport(filing: filing, findings: result.findings, basis: nil)])
      #expect(html.hasSuffix("</section>\n</main>\n</body>\n</html>\n"), "\(name)")
      #expect(!html.contains("<script"), "\(name)")
      if filing.schedule == .schedule13G && !filing.coverPages.isEmpty {
        schedule13GPages += filing.coverPages.count
        #expect(html.contains("<span class=\"row-number\">9</span> aggregate amount beneficially owned"), "\(name)")
      }
    }
    #expect(schedule13GPages > 0)
  }

  @Test("Box names wrap at spaces to two lines, cut with an ellipsis")
  func wrapping() {
    #expect(OwnershipSVG.wrap("Alpha Fund LP", width: 30, lines: 2) == ["Alpha Fund LP"])
    #expect(
      OwnershipSVG.wrap("Wynnefield Partners Small Cap Value LP I", width: 30, lines: 2) == [
        "Wynnefield Partners Small Cap", "Value LP I",
      ])
    #expect(OwnershipSVG.wrap("aaaa bbbb cccc dddd eeee", width: 9, lines: 2) == ["aaaa bbbb", "cccc ddd…"])
    #expect(OwnershipSVG.wrap("abcdefghijkl", width: 5, lines: 3) == ["abcde", "fghij", "kl"])
    #expect(OwnershipSVG.wrap("", width: 5, lines: 2) == [])
  }
}
