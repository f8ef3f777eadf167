import BocheckModel

/// The HTML report of `bocheck check`: one self-contained page for compliance analysts.
///
/// The page needs nothing from elsewhere: the style sheet is inline, the ownership picture is inline SVG,
/// there is no script, no font and no image to fetch, and a `Content-Security-Policy` forbids loading any.
/// For each filing it shows, in this order:
///
/// - a header: the path, form, amendment, schedule, issuer, CUSIP, the shares-outstanding basis and where it
///   comes from, and the findings counted by severity;
/// - the findings about the filing as a whole (those without a cover page);
/// - the cover pages as a table, one column per reporting person and one row per cover-page row, with the
///   values as read; a cell a finding is about is coloured by the finding's severity and carries a mark
///   that says the severity in words and links to the finding, and the findings on a row are listed right
///   under it; a missing row reads `missing`, a recovered value `recovered`, an unreadable one `unreadable`;
/// - the ownership structure: a picture of who reports for whom (the holders the rules sum, see
///   ``OwnershipGraph``), each parent labelled with its reported total against its holders' sum, red where
///   the sum breaks; and the same sums as a table, which also serves readers that cannot see the picture.
///
/// Colour is never the only signal: every severity also has an icon and its name. Every text that comes
/// from a filing (names, values, messages, the path) is escaped, with control characters made spaces. The
/// output depends only on the input: no time, no random order.
public enum HTMLReport {
  /// The page for the files read.
  ///
  /// - Parameter files: The files read, in the order given.
  /// - Returns: A complete HTML document, ending with a newline.
  public static func render(_ files: [FileReport]) -> String {
    var totals = SeverityCounts()
    for file in files { totals.add(SeverityCounts(file.findings)) }
    var html = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
      <title>bocheck report</title>
      <style>
      \(styleSheet)</style>
      </head>
      <body>
      <header class="page-header">
      <h1>bocheck report</h1>
      <p class="totals">\(SeverityCounts.counted(files.count, "file")) checked: \(countMarks(totals))</p>

      """
    html += legend
    if files.count > 1 { html += fileIndex(files) }
    html += "</header>\n<main>\n"
    if files.isEmpty { html += "<p>No file was checked.</p>\n" }
    for (position, file) in files.enumerated() {
      html += section(file, id: "file\(position + 1)")
    }
    return html + "</main>\n</body>\n</html>\n"
  }

  // MARK: - Page parts

  /// What the marks and colours mean.
  static let legend = """
    <p class="legend"><span class="mark sev-error"><span aria-hidden="true">✖</span> error</span> \
    <span class="mark sev-warning"><span aria-hidden="true">⚠</span> warning</span> \
    <span class="mark sev-note"><span aria-hidden="true">ℹ</span> note</span> \
    <span class="status recovered"><span aria-hidden="true">↺</span> recovered</span> a value read from a \
    shifted or detached layout; <span class="missing">— missing</span> a row without a value; in the \
    ownership picture, a <span class="broken-text">red line and ✖</span> mark a parent whose total is not the \
    sum of the persons it reports for, a dashed line a name that is not summed.</p>

    """

  /// The table of files with their counts, linking to each file's section.
  static func fileIndex(_ files: [FileReport]) -> String {
    var html = "<nav aria-label=\"files\"><table class=\"index\">\n<thead><tr><th scope=\"col\">file</th>"
    html += "<th scope=\"col\">errors</th><th scope=\"col\">warnings</th><th scope=\"col\">notes</th></tr></thead>\n"
    html += "<tbody>\n"
    for (position, file) in files.enumerated() {
      let counts = SeverityCounts(file.findings)
      html += "<tr><th scope=\"row\"><a href=\"#file\(position + 1)\">\(HTMLText.escape(file.displayName))</a></th>"
      html += "<td>\(counts.errors)</td><td>\(counts.warnings)</td><td>\(counts.notes)</td></tr>\n"
    }
    return html + "</tbody></table></nav>\n"
  }

  /// One file's section: header, filing-level findings, cover pages and ownership.
  ///
  /// - Parameters:
  ///   - file: The file's report.
  ///   - id: The section's id, a prefix for every id inside it.
  static func section(_ file: FileReport, id: String) -> String {
    let filing = file.filing
    let findings = file.sortedFindings
    let numbered = findings.enumerated().map { NumberedFinding(number: $0.offset + 1, finding: $0.element) }
    let pages = Set(filing.coverPages.map(\.index))
    let filingLevel = numbered.filter { $0.finding.page.map { !pages.contains($0) } ?? true }
    var html = "<section class=\"filing\" id=\"\(id)\" aria-labelledby=\"\(id)-title\">\n"
    html += "<h2 id=\"\(id)-title\">\(HTMLText.escape(file.displayName))</h2>\n"
    html += facts(file)
    html += "<h3>Findings about the filing as a whole</h3>\n"
    if filingLevel.isEmpty {
      html += "<p class=\"none\">None.</p>\n"
    } else {
      html += findingList(filingLevel, id: id, schedule: filing.schedule)
    }
    html += ownership(file, id: id)
    html += "<h3>Cover pages</h3>\n"
    html += coverPageTable(filing, findings: numbered, id: id)
    return html + "</section>\n"
  }

  /// The header facts of a filing as a description list.
  static func facts(_ file: FileReport) -> String {
    let filing = file.filing
    let counts = SeverityCounts(file.findings)
    var items: [(String, String)] = [
      ("Form", filing.form.map { HTMLText.escape($0.value) } ?? unknown),
      ("Amendment", filing.amendment.map { "No. \($0.value)" } ?? "none stated"),
      ("Schedule", "\(filing.schedule.rawValue), read as \(filing.format.rawValue)"),
      ("Issuer", filing.issuer.map { HTMLText.escape($0.value) + lineNote($0.line) } ?? unknown),
    ]
    if let itemOne = filing.itemOneIssuer, itemOne.value != filing.issuer?.value {
      items.append(("Issuer in Item 1", HTMLText.escape(itemOne.value) + lineNote(itemOne.line)))
    }
    items.append(
      ("CUSIP", filing.cusip.map { "<code>\(HTMLText.escape($0.value))</code>" + lineNote($0.line) } ?? unknown))
    items.append(("Shares outstanding", basisDescription(file.basis)))
    items.append(("Cover pages", "\(filing.coverPages.count)"))
    items.append(("Findings", countMarks(counts)))
    var html = "<dl class=\"facts\">\n"
    for (term, description) in items {
      html += "<div><dt>\(term)</dt><dd>\(description)</dd></div>\n"
    }
    return html + "</dl>\n"
  }

  /// The basis in words, as HTML: the number, then where it comes from.
  static func basisDescription(_ basis: ReportedBasis?) -> String {
    guard let basis else { return "none: percents were not checked against a basis" }
    let origin: String
    switch basis.source {
    case .option: origin = "given with <code>--shares-outstanding</code>"
    case .stated: origin = "stated in the filing" + (basis.line.map { ", line \($0)" } ?? "")
    case .implied: origin = "implied by the cover pages’ percents (the filing states none)"
    case .configuration: origin = "given for this CUSIP in the configuration file"
    }
    return "<strong>\(basis.value)</strong> <span class=\"aside\">\(origin)</span>"
  }

  /// The cover pages as a table: a column per reporting person, a row per cover-page row.
  static func coverPageTable(_ filing: Filing, findings: [NumberedFinding], id: String) -> String {
    guard !filing.coverPages.isEmpty else { return "<p class=\"none\">No cover page was found.</p>\n" }
    let schedule = filing.schedule
    let pages = filing.coverPages
    var fields = RowField.rows(of: schedule)
    for field in RowField.allCases where !fields.contains(field) {
      if pages.contains(where: { $0.rows[field] != nil }) { fields.append(field) }
    }
    var byCell: [Int: [RowField: [NumberedFinding]]] = [:]
    var byPage: [Int: [NumberedFinding]] = [:]
    let pageSet = Set(pages.map(\.index))
    for item in findings {
      guard let page = item.finding.page, pageSet.contains(page) else { continue }
      if let number = item.finding.row, let field = RowField.field(number: number, in: schedule),
        fields.contains(field)
      {
        byCell[page, default: [:]][field, default: []].append(item)
      } else {
        byPage[page, default: []].append(item)
      }
    }
    var html = "<div class=\"scroll\"><table class=\"cover-pages\">\n"
    html += "<caption>One column per reporting person (cover page), one row per numbered row, values as read"
    html += "</caption>\n<thead><tr><th scope=\"col\">row</th>"
    for page in pages {
      let name = page.reportingPersonName.map { HTMLText.escape($0) } ?? "<span class=\"missing\">(no name)</span>"
      html += "<th scope=\"col\"><span class=\"aside\">page \(page.index) · line \(page.line)</span><br>\(name)</th>"
    }
    html += "</tr></thead>\n<tbody>\n"
    if !byPage.isEmpty {
      html += "<tr><th scope=\"row\">the whole page</th>"
      for page in pages {
        let items = byPage[page.index] ?? []
        html += "<td class=\"\(cellClass(items, status: nil))\">\(marks(items, id: id))</td>"
      }
      html += "</tr>\n"
      html += findingsRow(pages.flatMap { byPage[$0.index] ?? [] }, columns: pages.count, id: id, schedule: schedule)
    }
    for field in fields {
      let number = field.number(in: schedule).map(String.init) ?? "–"
      html += "<tr><th scope=\"row\"><span class=\"row-number\">\(number)</span> \(field.caption)</th>"
      var rowFindings: [NumberedFinding] = []
      for page in pages {
        let items = byCell[page.index]?[field] ?? []
        rowFindings += items
        let row = page.rows[field]
        let aggregate = page.rows[.aggregateAmountOwned]?.amount.flatMap { amount in
          RowField.aggregateAmountOwned.number(in: schedule).map { AggregateNames(row: $0, names: amount.attributedTo) }
        }
        html += "<td class=\"\(cellClass(items, status: row?.status ?? .missing))\">"
        html +=
          cellValue(row, aggregate: field == .aggregateAmountOwned ? nil : aggregate) + marks(items, id: id) + "</td>"
      }
      html += "</tr>\n"
      html += findingsRow(
        rowFindings.sorted { $0.number < $1.number }, columns: pages.count, id: id, schedule: schedule)
    }
    return html + "</tbody>\n</table></div>\n"
  }

  /// The classes of a cell: its worst severity, if any, and how its value was read.
  static func cellClass(_ findings: [NumberedFinding], status: ReadStatus?) -> String {
    var classes = ["cell"]
    if let worst = findings.map(\.finding.severity).max() { classes.append("sev-\(worst.rawValue)") }
    if let status { classes.append("status-\(status.rawValue)") }
    return classes.joined(separator: " ")
  }

  /// The most characters of an unreadable value's text that a cell shows.
  static let rawLimit = 160

  /// A row's value as read, as HTML, with its line.
  ///
  /// - Parameters:
  ///   - row: The row, or `nil` when the page lacks it.
  ///   - aggregate: The names the page's row 11 is attributed to, when the row is another row: an amount
  ///     attributed to the same names says so in a few words instead of repeating them.
  static func cellValue(_ row: Row?, aggregate: AggregateNames? = nil) -> String {
    guard let row else { return "<span class=\"missing\">— missing</span>" }
    var html = ""
    switch row.status {
    case .missing:
      html = "<span class=\"missing\">— missing</span>"
    case .malformed:
      html = "<span class=\"status malformed\">unreadable</span>"
      if !row.raw.isEmpty {
        let raw = row.raw.count > rawLimit ? String(row.raw.prefix(rawLimit)) + "…" : row.raw
        html += "<div class=\"raw\">“\(HTMLText.escape(raw))”</div>"
      }
    case .read, .recovered:
      html = row.value.map { valueHTML($0, aggregate: aggregate) } ?? "<span class=\"missing\">— missing</span>"
      if row.status == .recovered {
        html += " <span class=\"status recovered\"><span aria-hidden=\"true\">↺</span> recovered</span>"
      }
    }
    if row.status != .missing { html += "<div class=\"line\">line \(row.line)</div>" }
    return html
  }

  /// A parsed value as HTML.
  ///
  /// - Parameters:
  ///   - value: The value.
  ///   - aggregate: The names row 11 of the same page is attributed to, for an amount of another row.
  static func valueHTML(_ value: RowValue, aggregate: AggregateNames? = nil) -> String {
    switch value {
    case .text(let text):
      return text.isEmpty ? "<span class=\"aside\">(blank)</span>" : HTMLText.escape(text)
    case .amount(let amount):
      var html = "<strong class=\"number\">\(amount.shares)</strong>"
      if !amount.parts.isEmpty {
        let relation = amount.partsRelation == .including ? "including" : "consisting of"
        let parts = amount.parts.map { part in
          "<span class=\"part\">(\(HTMLText.escape(part.label))) \(part.kind.rawValue) \(part.shares)</span>"
        }
        html += "<div class=\"parts\"><span class=\"aside\">\(relation)</span> \(parts.joined(separator: " · "))</div>"
      }
      if !amount.attributedTo.isEmpty {
        html += "<div class=\"attributed\"><span class=\"aside\">owned by</span> "
        if let aggregate, aggregate.names == amount.attributedTo {
          let count = amount.attributedTo.count == 1 ? "one" : "\(amount.attributedTo.count)"
          html += "the \(count) named in row \(aggregate.row)</div>"
        } else {
          html += amount.attributedTo.map { HTMLText.escape($0) }.joined(separator: "; ") + "</div>"
        }
      }
      return html
    case .percent(let percent):
      return "<strong class=\"number\">\(percent.value)%</strong>"
    case .checkbox(let checked):
      return checked ? "☒ checked" : "☐ not checked"
    case .groupBoxes(let a, let b):
      return "(a) \(a ? "☒" : "☐") (b) \(b ? "☒" : "☐")"
    case .codes(let codes):
      return codes.isEmpty ? "<span class=\"aside\">(none)</span>" : HTMLText.escape(codes.joined(separator: ", "))
    }
  }

  /// The marks of a cell's findings: icon, severity and number, each linking to the finding.
  static func marks(_ findings: [NumberedFinding], id: String) -> String {
    guard !findings.isEmpty else { return "" }
    let links = findings.map { item in
      let severity = item.finding.severity
      return "<a class=\"mark sev-\(severity.rawValue)\" href=\"#\(id)-finding\(item.number)\">"
        + "<span aria-hidden=\"true\">\(icon(severity))</span> \(severity.rawValue) #\(item.number)</a>"
    }
    return "<div class=\"marks\">" + links.joined(separator: " ") + "</div>"
  }

  /// The table row under a cover-page row that lists its findings, or nothing when it has none.
  static func findingsRow(_ findings: [NumberedFinding], columns: Int, id: String, schedule: Schedule) -> String {
    guard !findings.isEmpty else { return "" }
    return "<tr class=\"row-findings\"><td colspan=\"\(columns + 1)\">"
      + findingList(findings, id: id, schedule: schedule) + "</td></tr>\n"
  }

  /// A list of findings: mark, number, where, rule, message and the numbers expected and found.
  static func findingList(_ findings: [NumberedFinding], id: String, schedule: Schedule) -> String {
    var html = "<ul class=\"findings\">\n"
    for item in findings {
      let finding = item.finding
      let severity = finding.severity.rawValue
      html += "<li class=\"finding sev-\(severity)\" id=\"\(id)-finding\(item.number)\">"
      html += "<span class=\"mark sev-\(severity)\"><span aria-hidden=\"true\">\(icon(finding.severity))</span> "
      html += "\(severity) #\(item.number)</span> "
      html += "<span class=\"where\">\(HTMLText.escape(TextReport.context(of: finding, schedule: schedule)))"
      html += " · line \(finding.line), column \(finding.column)</span> "
      html += "<code class=\"rule\">\(HTMLText.escape(finding.ruleID))</code>"
      html += "<div class=\"message\">\(HTMLText.escape(finding.message))</div>"
      if let comparison = TextReport.comparison(of: finding) {
        html += "<div class=\"comparison\">\(HTMLText.escape(comparison))</div>"
      }
      html += "</li>\n"
    }
    return html + "</ul>\n"
  }

  /// The ownership section: the picture and the table of sums.
  static func ownership(_ file: FileReport, id: String) -> String {
    let structure = OwnershipStructure(filing: file.filing, findings: file.findings)
    let titleID = "\(id)-ownership"
    var html = "<h3 id=\"\(titleID)\">Ownership structure</h3>\n"
    guard !structure.sums.isEmpty else {
      return html + "<p class=\"none\">No cover page attributes its shares to other reporting persons.</p>\n"
    }
    let row = RowField.aggregateAmountOwned.number(in: file.filing.schedule) ?? 11
    html += "<p class=\"aside\">An arrow goes from a reporting person to each person whose shares its row \(row) "
    html += "reports (“owned by …”); a manager stands in for funds that have no cover page of their own. In "
    html += "each parent’s box: its row \(row) total, the sum of those persons’ row \(row) totals, and whether "
    html += "they agree.</p>\n"
    if let svg = OwnershipSVG.render(structure, titleID: titleID) {
      html += "<div class=\"scroll picture\">\n\(svg)</div>\n"
    } else {
      html += "<p class=\"aside\">The structure has too many persons to draw; the sums follow.</p>\n"
    }
    html += "<table class=\"sums\">\n<caption>Each parent’s total against the sum of the persons it reports for"
    html += "</caption>\n<thead><tr><th scope=\"col\">parent</th><th scope=\"col\">reports (row \(row))</th>"
    html += "<th scope=\"col\">reports for</th><th scope=\"col\">they hold together</th>"
    html += "<th scope=\"col\">result</th></tr></thead>\n<tbody>\n"
    for sum in structure.sums {
      let parent = structure.nodes[sum.node]
      let holderNames = sum.holders.map { page in
        let name = file.filing.coverPages.first { $0.index == page }?.reportingPersonName ?? "(no name)"
        return "\(HTMLText.escape(name)) <span class=\"aside\">(page \(page))</span>"
      }
      let named = structure.edges.filter { $0.parent == sum.node && !$0.isSummed }.map {
        HTMLText.escape(structure.nodes[$0.child].name)
      }
      let result: String
      if sum.held == nil {
        result = "<span class=\"mark unsummed\">not summed</span> no exact set of holders among the cover pages"
      } else if sum.isBroken {
        let difference = OwnershipStructure.difference(sum).flatMap { $0.significand == 0 ? nil : $0 }
        result =
          "<span class=\"mark sev-error\"><span aria-hidden=\"true\">✖</span> breaks</span> "
          + (difference.map { "holders − parent = \($0)" } ?? "a part differs")
      } else {
        result = "<span class=\"mark ok\"><span aria-hidden=\"true\">✔</span> adds up</span>"
      }
      html += "<tr class=\"\(sum.isBroken ? "broken" : "")\"><th scope=\"row\">\(HTMLText.escape(parent.name))"
      html += " <span class=\"aside\">(page \(sum.page))</span></th>"
      html += "<td class=\"number\">\(sum.reported)</td>"
      html += "<td>\((sum.holders.isEmpty ? named : holderNames).joined(separator: "<br>"))</td>"
      html += "<td class=\"number\">\(sum.held.map { "\($0)" } ?? "–")</td><td>\(result)</td></tr>\n"
    }
    return html + "</tbody>\n</table>\n"
  }

  // MARK: - Small pieces

  /// The number of a page's aggregate row on its schedule and the names that row's amount is attributed to.
  struct AggregateNames: Sendable {
    /// The row's number (11 on a 13D, 9 on a 13G).
    var row: Int
    /// The names as printed.
    var names: [String]
  }

  /// A finding with its number in the file's report order.
  struct NumberedFinding: Sendable {
    /// The 1-based number, as the marks and list show it.
    var number: Int
    /// The finding.
    var finding: Finding
  }

  /// `unknown`, styled as an aside.
  static let unknown = "<span class=\"aside\">not found</span>"

  /// ` (line N)` as an aside.
  static func lineNote(_ line: Int) -> String {
    " <span class=\"aside\">line \(line)</span>"
  }

  /// The icon of a severity, always shown next to the severity's name.
  static func icon(_ severity: Severity) -> String {
    switch severity {
    case .error: return "✖"
    case .warning: return "⚠"
    case .note: return "ℹ"
    }
  }

  /// Counts as marks: `✖ 2 errors ⚠ 7 warnings ℹ 0 notes`.
  static func countMarks(_ counts: SeverityCounts) -> String {
    [
      (Severity.error, counts.errors), (Severity.warning, counts.warnings), (Severity.note, counts.notes),
    ].map { severity, count in
      "<span class=\"mark sev-\(severity.rawValue)\"><span aria-hidden=\"true\">\(icon(severity))</span> "
        + "\(SeverityCounts.counted(count, severity.rawValue))</span>"
    }.joined(separator: " ")
  }

  /// The style sheet, inline in the page.
  static let styleSheet = """
    :root { color-scheme: light; --error: #b00020; --error-bg: #fde8ea; --warning: #8a5300; --warning-bg: #fff3d6;
      --note: #0b4f8a; --note-bg: #e4f0fb; --ok: #1b6e2e; --line: #c9ced6; --muted: #5b6470; }
    * { box-sizing: border-box; }
    body { margin: 0; padding: 24px 32px 48px; font: 14px/1.45 system-ui, "Segoe UI", "DejaVu Sans", sans-serif;
      color: #1c2026; background: #fff; }
    h1 { font-size: 24px; margin: 0 0 4px; }
    h2 { font-size: 19px; margin: 32px 0 8px; padding-top: 16px; border-top: 3px solid #1c2026;
      overflow-wrap: anywhere; }
    h3 { font-size: 16px; margin: 24px 0 8px; }
    code { font-family: "DejaVu Sans Mono", monospace; font-size: 13px; }
    .aside, .line, caption { color: var(--muted); font-size: 12px; }
    caption { text-align: left; padding: 0 0 6px; }
    .totals { margin: 0 0 8px; }
    .legend { font-size: 12px; color: var(--muted); max-width: 1100px; }
    .none { color: var(--muted); }
    .facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 6px 24px;
      margin: 8px 0 0; }
    .facts div { border-left: 3px solid var(--line); padding-left: 8px; }
    .facts dt { font-size: 12px; color: var(--muted); }
    .facts dd { margin: 0; overflow-wrap: anywhere; }
    .mark { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 12px; font-weight: 600;
      white-space: nowrap; text-decoration: none; border: 1px solid currentColor; }
    .mark.sev-error { color: var(--error); background: var(--error-bg); }
    .mark.sev-warning { color: var(--warning); background: var(--warning-bg); }
    .mark.sev-note { color: var(--note); background: var(--note-bg); }
    .mark.ok { color: var(--ok); background: #e6f4ea; }
    .mark.unsummed { color: var(--muted); background: #f1f3f5; }
    .status { font-size: 12px; font-weight: 600; white-space: nowrap; }
    .status.recovered { color: var(--warning); }
    .status.malformed { color: var(--error); }
    .missing { color: var(--muted); font-style: italic; }
    .broken-text { color: var(--error); font-weight: 600; }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; }
    .index th, .index td { padding: 2px 10px; border-bottom: 1px solid var(--line); text-align: left; }
    .cover-pages { width: 100%; table-layout: fixed; min-width: 900px; }
    .cover-pages th, .cover-pages td { border: 1px solid var(--line); padding: 5px 7px; vertical-align: top;
      text-align: left; overflow-wrap: anywhere; }
    .cover-pages thead th { background: #eef1f5; position: sticky; top: 0; }
    .cover-pages thead th:first-child, .cover-pages tbody th { width: 190px; }
    .cover-pages tbody th { background: #f7f8fa; font-weight: 600; }
    .row-number { display: inline-block; min-width: 20px; color: var(--muted); }
    .cell.sev-error { background: var(--error-bg); box-shadow: inset 4px 0 0 var(--error); }
    .cell.sev-warning { background: var(--warning-bg); box-shadow: inset 4px 0 0 var(--warning); }
    .cell.sev-note { background: var(--note-bg); box-shadow: inset 4px 0 0 var(--note); }
    .number { font-variant-numeric: tabular-nums; }
    .parts { font-size: 12px; line-height: 1.35; margin-top: 2px; }
    .parts .part { white-space: nowrap; font-variant-numeric: tabular-nums; }
    .attributed { font-size: 12px; margin-top: 2px; }
    .raw { font-size: 12px; color: var(--error); }
    .marks { margin-top: 4px; display: flex; flex-wrap: wrap; gap: 3px; }
    .row-findings td { background: #fafbfc; padding: 0 7px 0 24px; }
    .findings { list-style: none; margin: 6px 0; padding: 0; }
    .finding { margin: 4px 0; padding: 4px 8px; border-left: 4px solid var(--line); max-width: 1250px; }
    .finding.sev-error { border-left-color: var(--error); }
    .finding.sev-warning { border-left-color: var(--warning); }
    .finding.sev-note { border-left-color: var(--note); }
    .finding:target { outline: 2px solid #1c2026; }
    .where { font-size: 12px; color: var(--muted); }
    .rule { color: var(--muted); font-size: 12px; }
    .comparison { font-size: 12px; font-weight: 600; }
    .picture { margin: 8px 0 12px; }
    svg.ownership { display: block; max-width: none; font-family: system-ui, "DejaVu Sans", sans-serif; }
    svg .node rect { fill: #f4f6f9; stroke: #5b6470; stroke-width: 1.2; }
    svg .node.broken rect { fill: var(--error-bg); stroke: var(--error); stroke-width: 2; }
    svg .node.fund-without-page rect { fill: #fff; stroke-dasharray: 5 3; }
    svg .name { font-size: 13px; font-weight: 600; fill: #1c2026; }
    svg .detail { font-size: 12px; fill: var(--muted); }
    svg .edge { fill: none; stroke: #555; stroke-width: 1.5; }
    svg .edge.broken { stroke: var(--error); stroke-width: 2.5; }
    svg .edge.named { stroke-dasharray: 6 4; }
    svg .sum { font-size: 12px; font-weight: 700; fill: var(--muted); }
    svg .sum.ok { fill: var(--ok); }
    svg .sum.broken { fill: var(--error); }
    .sums th, .sums td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
    .sums thead th { background: #eef1f5; }
    .sums td.number { text-align: right; }
    .sums tr.broken td, .sums tr.broken th { background: var(--error-bg); }

    """
}

/// Escaping of text for HTML and SVG.
enum HTMLText {
  /// The text safe inside an element or a quoted attribute.
  ///
  /// `&`, `<`, `>`, `"` and `'` become entities; control characters (line breaks, tabs, escape) become
  /// spaces, as in the text report.
  ///
  /// - Parameter text: Any text, such as a name or value from a filing.
  static func escape(_ text: String) -> String {
    var output = ""
    output.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for scalar in TextReport.oneLine(text).unicodeScalars {
      switch scalar {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&quot;"
      case "'": output += "&#39;"
      default: output.unicodeScalars.append(scalar)
      }
    }
    return output
  }
}
