import BocheckModel
import BocheckRules
import Foundation
import Testing

@testable import BocheckCLI
@testable import BocheckReading

/// Invented filings concatenated into one file, as EDGAR's feed files and pasted drafts hold them.
enum ConcatenatedFilings {
  /// The clean one-person filing of the command-line tests, under the heading every schedule has and
  /// followed by a signature block signed for `signer` (52 lines with the trailing blank line).
  ///
  /// - Parameters:
  ///   - body: A schedule's title, header and cover page.
  ///   - signer: The name the signature block signs for.
  static func signed(_ body: String, signer: String) -> String {
    "UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\nWashington, D.C. 20549\n\n" + body
      + "\nSIGNATURE\n\nAfter reasonable inquiry, the undersigned certifies that this statement is true.\n\n"
      + signer.uppercased() + "\nBy: /s/ Jane Roe\nName: Jane Roe\nTitle: Manager\n\n"
  }

  /// A clean filing for Alpha Fund LP, signed.
  static let alpha = signed(CLIHarness.cleanFiling, signer: "Alpha Fund LP")

  /// A filing for Beta Fund LP whose dispositive powers add up to more than its aggregate, signed.
  static let beta = signed(
    CLIHarness.errorFiling.replacingOccurrences(of: "Alpha Fund LP", with: "Beta Fund LP"), signer: "Beta Fund LP")

  /// Alpha's filing, then Beta's: two plain-text filings, Beta's from line 53.
  static let twoText = alpha + beta

  /// A plain-text schedule wrapped in an EDGAR submission (`<SEC-DOCUMENT>`), its cover page from the
  /// wrapper's line 6.
  ///
  /// - Parameters:
  ///   - body: The schedule's text.
  ///   - number: A number that tells the submissions apart.
  static func submission(_ body: String, number: Int) -> String {
    "<SEC-DOCUMENT>0000000000-24-00000\(number).txt\n<DOCUMENT>\n<TYPE>SC 13D/A\n<TEXT>\n" + body
      + "</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
  }

  /// Three SGML submissions one after the other: the clean filing (49 lines), a letter that is no schedule
  /// (5 lines, from line 50) and the filing with an error (from line 55).
  static let threeSubmissions = [
    submission(CLIHarness.cleanFiling, number: 1),
    submission("Dear shareholder,\nnothing to see here.\n", number: 2)
      .replacingOccurrences(of: "SC 13D/A", with: "SC 13D"),
    submission(CLIHarness.errorFiling, number: 3),
  ].joined()

  /// A submission in a privacy-enhanced-message wrapper, as EDGAR disseminated them.
  ///
  /// - Parameters:
  ///   - body: The schedule's text.
  ///   - number: A number that tells the submissions apart.
  static func message(_ body: String, number: Int) -> String {
    "-----BEGIN PRIVACY-ENHANCED MESSAGE-----\nProc-Type: 2001,MIC-CLEAR\nOriginator-Name: webmaster@example.com\n\n"
      + submission(body, number: number) + "-----END PRIVACY-ENHANCED MESSAGE-----\n"
  }

  /// An XML schedule for one person who signs, or for whom `signer` signs.
  ///
  /// - Parameters:
  ///   - person: The reporting person.
  ///   - signer: Who signs the filing.
  static func xml(person: String, signer: String) -> String {
    """
    <?xml version="1.0"?>
    <edgarSubmission><formData><reportingPersons><reportingPersonInfo>
    <reportingPersonName>\(person)</reportingPersonName><fundType>WC</fundType>
    <citizenshipOrOrganization>DE</citizenshipOrOrganization><soleVotingPower>10</soleVotingPower>
    <sharedVotingPower>0</sharedVotingPower><soleDispositivePower>10</soleDispositivePower>
    <sharedDispositivePower>0</sharedDispositivePower><aggregateAmountOwned>10</aggregateAmountOwned>
    <percentOfClass>1.0</percentOfClass><typeOfReportingPerson>PN</typeOfReportingPerson>
    </reportingPersonInfo></reportingPersons>
    <signatureInfo><signaturePerson><signatureReportingPerson>\(signer)</signatureReportingPerson>
    </signaturePerson></signatureInfo>
    </formData></edgarSubmission>

    """
  }

  /// An HTML schedule: one cover page in a table.
  ///
  /// - Parameter person: The reporting person.
  static func html(person: String) -> String {
    """
    <html><body>
    <p>SCHEDULE 13G</p>
    <table>
    <tr><td>1</td><td>NAME OF REPORTING PERSON</td><td>\(person)</td></tr>
    <tr><td>5</td><td>SOLE VOTING POWER</td><td>700</td></tr>
    </table>
    </body></html>

    """
  }

  /// Reads every filing of a text, failing the test when the file as a whole cannot be read.
  static func readAll(_ text: String, path: String = "feed.txt") throws -> [Result<Filing, ReadError>] {
    try FilingReader.readAll(bytes: Array(text.utf8), path: path)
  }

  /// The filings of a text, failing the test when one cannot be read.
  static func filings(_ text: String, path: String = "feed.txt") throws -> [Filing] {
    try readAll(text, path: path).map { try $0.get() }
  }

  /// The built-in rules.
  static func rules() throws -> RuleSet {
    try RuleSet.load(directories: [TestSupport.repositoryRoot.appendingPathComponent("Rules").path])
  }

  /// A filing's findings as `rule@line: message`, in report order.
  static func findings(_ filing: Filing, rules: RuleSet) -> [String] {
    rules.check(filing, options: CheckOptions()).findings.sorted(by: Finding.reportOrder)
      .map { "\($0.ruleID)@\($0.line): \($0.message)" }
  }
}

@Suite("Several filings in one file: reading")
struct MultiFilingReadingTests {
  @Test("two plain-text schedules, the second after the first's signature, are two filings with the file's lines")
  func plainText() throws {
    let filings = try ConcatenatedFilings.filings(ConcatenatedFilings.twoText)
    #expect(
      filings.map(\.position) == [
        FilingPosition(index: 1, count: 2, line: 1), FilingPosition(index: 2, count: 2, line: 53),
      ])
    #expect(filings.map { $0.coverPages.map(\.reportingPersonName) } == [["Alpha Fund LP"], ["Beta Fund LP"]])
    #expect(filings.map { $0.coverPages.map(\.line) } == [[14], [66]])
    #expect(try filings[1].coverPages[0].row(.aggregateAmountOwned).line == 86)
    #expect(filings.map { $0.signers.map(\.name) } == [["ALPHA FUND LP"], ["BETA FUND LP"]])
    #expect(filings.map { $0.signers.map(\.line) } == [[48], [100]])
    #expect(filings.map { $0.statedSharesOutstanding?.line } == [42, 94])
    #expect(filings.map { $0.cusip?.line } == [11, 63])

    // Each filing is checked on its own: Beta's signature does not make Alpha's filing lack a page.
    let rules = try ConcatenatedFilings.rules()
    #expect(ConcatenatedFilings.findings(filings[0], rules: rules) == [])
    #expect(
      ConcatenatedFilings.findings(filings[1], rules: rules) == [
        "power-sum@84: Beta Fund LP: sole and shared dispositive power (rows 9 and 10) add up to 1,200 shares, "
          + "more than the 1,000 of the aggregate in row 11"
      ])
  }

  @Test("each filing read out of a file is the filing its own text gives, moved to the file's lines")
  func linesAreTheFilesLines() throws {
    let texts: [[String]] = [
      [ConcatenatedFilings.alpha, ConcatenatedFilings.beta],
      [1, 2, 3].map { ConcatenatedFilings.submission(CLIHarness.cleanFiling, number: $0) },
      [
        ConcatenatedFilings.message(CLIHarness.errorFiling, number: 1),
        ConcatenatedFilings.message(CLIHarness.cleanFiling, number: 2),
      ],
      [
        ConcatenatedFilings.xml(person: "Kestrel Fund LP", signer: "Kestrel Fund LP"),
        ConcatenatedFilings.xml(person: "Heron Fund LP", signer: "Heron Fund LP"),
      ],
      [ConcatenatedFilings.html(person: "Finch LLC"), ConcatenatedFilings.html(person: "Wren LLC")],
    ]
    for pieces in texts {
      let filings = try ConcatenatedFilings.filings(pieces.joined())
      #expect(filings.count == pieces.count)
      var linesAbove = 0
      for (index, piece) in pieces.enumerated() {
        // The piece alone, below as many blank lines as the file has above it, is read as the same filing.
        let alone = try TestSupport.read(text: String(repeating: "\n", count: linesAbove) + piece, path: "feed.txt")
        var read = filings[index]
        #expect(read.position == FilingPosition(index: index + 1, count: pieces.count, line: linesAbove + 1))
        read.position = nil
        #expect(read == alone)
        linesAbove += piece.utf8.filter { $0 == 0x0A }.count
      }
    }
  }

  @Test("SGML submissions one after the other are split at each wrapper; an unreadable one names its line")
  func submissions() throws {
    let text = ConcatenatedFilings.threeSubmissions
    let results = try ConcatenatedFilings.readAll(text)
    #expect(results.count == 3)
    // The first submission is 49 lines, the second 5.
    #expect(try results[0].get().position?.line == 1)
    #expect(
      throws: ReadError(
        message: "filing 2 of 3: no Schedule 13D or 13G cover page found (no row captions such as "
          + "'NAME OF REPORTING PERSON')", line: 50)
    ) { try results[1].get() }
    let third = try results[2].get()
    #expect(third.position == FilingPosition(index: 3, count: 3, line: 55))
    #expect(third.format == .sgml)
    #expect(third.form?.value == "SC 13D/A")
    #expect(
      try ConcatenatedFilings.findings(third, rules: ConcatenatedFilings.rules()) == [
        "power-sum@86: Alpha Fund LP: sole and shared dispositive power (rows 9 and 10) add up to 1,200 shares, "
          + "more than the 1,000 of the aggregate in row 11"
      ])
  }

  @Test("filings handed over one at a time are those readAll returns, in order, with the same errors")
  func oneAtATime() throws {
    let text = ConcatenatedFilings.threeSubmissions
    let all = try ConcatenatedFilings.readAll(text)
    var handed: [Result<Filing, ReadError>] = []
    try FilingReader.readEach(text: FilingText(bytes: Array(text.utf8)), path: "feed.txt") { handed.append($0) }
    #expect(handed.count == 3)
    #expect(handed.map { try? $0.get().position } == all.map { try? $0.get().position })
    #expect(
      handed.map { try? $0.get().coverPages.map(\.reportingPersonName) } == [["Alpha Fund LP"], nil, ["Alpha Fund LP"]])
    let errors = { (results: [Result<Filing, ReadError>]) in
      results.map { result -> ReadError? in
        if case .failure(let error) = result { return error }
        return nil
      }
    }
    #expect(errors(handed) == errors(all))
    #expect(errors(handed)[1]?.line == 50)
  }

  @Test("filings found first and read in any order, on any thread, are those readEach hands over")
  func foundThenRead() throws {
    let text = ConcatenatedFilings.threeSubmissions
    var handed: [Result<Filing, ReadError>] = []
    try FilingReader.readEach(text: FilingText(bytes: Array(text.utf8)), path: "feed.txt") { handed.append($0) }
    let filings = FilingReader.filings(of: try FilingText(bytes: Array(text.utf8)), path: "feed.txt")
    #expect(filings.count == 3)
    // Last first, and the middle one on another thread.
    var read: [Int: Result<Filing, ReadError>] = [2: filings.read(2), 0: filings.read(0)]
    read[1] = try #require(
      DispatchQueue.global().sync { Optional(filings.read(1)) })
    #expect(read[0] == handed[0])
    #expect(read[1] == handed[1])
    #expect(read[2] == handed[2])
    // The third filing keeps the file's lines: its finding is at line 86, the 32nd line of its own text.
    let third = try #require(try read[2]?.get())
    #expect(third.position?.line == 55)
    #expect(
      ConcatenatedFilings.findings(third, rules: try ConcatenatedFilings.rules()).map { $0.prefix(13) }
        == ["power-sum@86:"])
    guard case .failure(let error) = handed[1] else {
      Issue.record("the letter was read as a filing")
      return
    }
    #expect(error.message.hasPrefix("filing 2 of 3: "))
  }

  @Test("a file of one filing is found as one, read without a position and with the file's own error")
  func oneFilingFound() throws {
    let clean = FilingReader.filings(of: try FilingText(bytes: Array(CLIHarness.cleanFiling.utf8)), path: "one.txt")
    #expect(clean.count == 1)
    #expect(try clean.read(0).get().position == nil)
    let letter = FilingReader.filings(of: try FilingText(bytes: Array("Dear shareholder,\n".utf8)), path: "a.txt")
    #expect(letter.count == 1)
    guard case .failure(let error) = letter.read(0) else {
      Issue.record("the letter was read as a filing")
      return
    }
    #expect(error.message.hasPrefix("no Schedule 13D or 13G cover page found"))
  }

  @Test("privacy-enhanced messages one after the other are split at each message, not at the submission inside")
  func privacyEnhancedMessages() throws {
    let text =
      ConcatenatedFilings.message(CLIHarness.cleanFiling, number: 1)
      + ConcatenatedFilings.message(CLIHarness.warningFiling, number: 2)
    let filings = try ConcatenatedFilings.filings(text)
    #expect(filings.map { $0.position?.line } == [1, 51])
    #expect(filings.map(\.format) == [.sgml, .sgml])
    let rules = try ConcatenatedFilings.rules()
    #expect(ConcatenatedFilings.findings(filings[0], rules: rules) == [])
    #expect(ConcatenatedFilings.findings(filings[1], rules: rules).map { $0.prefix(17) } == ["invalid-code@94: "])
  }

  @Test("XML documents one after the other are split, and each has its own signers")
  func xmlDocuments() throws {
    let text =
      ConcatenatedFilings.xml(person: "Kestrel Fund LP", signer: "Kestrel Fund LP")
      + ConcatenatedFilings.xml(person: "Heron Fund LP", signer: "Heron Fund LP")
    let filings = try ConcatenatedFilings.filings(text, path: "feed.xml")
    #expect(filings.map { $0.position?.line } == [1, 12])
    #expect(filings.map { $0.coverPages.map(\.reportingPersonName) } == [["Kestrel Fund LP"], ["Heron Fund LP"]])
    #expect(filings.map { $0.signers.map(\.name) } == [["Kestrel Fund LP"], ["Heron Fund LP"]])
    #expect(filings.map { $0.signers.map(\.line) } == [[9], [20]])
    let rules = try ConcatenatedFilings.rules()
    // Were the two read as one, the second's signer would lack a cover page in the first.
    for filing in filings {
      #expect(!ConcatenatedFilings.findings(filing, rules: rules).contains { $0.hasPrefix("missing-cover-page") })
    }
    // A document whose signer has no page of its own is still found out, at the file's line.
    let unsigned =
      ConcatenatedFilings.xml(person: "Kestrel Fund LP", signer: "Kestrel Fund LP")
      + ConcatenatedFilings.xml(person: "Heron Fund LP", signer: "Osprey Fund LP")
    let second = try ConcatenatedFilings.filings(unsigned, path: "feed.xml")[1]
    #expect(
      ConcatenatedFilings.findings(second, rules: rules).filter { $0.hasPrefix("missing-cover-page") } == [
        "missing-cover-page@20: Osprey Fund LP signs the filing but has no complete cover page"
      ])
  }

  @Test("HTML documents one after the other are split after each </html>")
  func htmlDocuments() throws {
    let text = ConcatenatedFilings.html(person: "Finch LLC") + ConcatenatedFilings.html(person: "Wren LLC")
    let filings = try ConcatenatedFilings.filings(text, path: "feed.htm")
    #expect(filings.map { $0.position?.line } == [1, 8])
    #expect(filings.map { $0.coverPages.first?.reportingPersonName } == ["Finch LLC", "Wren LLC"])
    #expect(try filings[1].coverPages[0].row(.soleVotingPower).line == 12)
  }

  @Test("a file of one filing is read as read(bytes:) reads it, without a position")
  func oneFiling() throws {
    let results = try ConcatenatedFilings.readAll(ConcatenatedFilings.alpha)
    #expect(results.count == 1)
    #expect(try results[0].get() == TestSupport.read(text: ConcatenatedFilings.alpha, path: "feed.txt"))
    #expect(try results[0].get().position == nil)
    // An unreadable file of one filing throws as before, without a filing number.
    #expect(throws: ReadError(message: "the file is empty")) { try ConcatenatedFilings.readAll("") }
    #expect(
      throws: ReadError(
        message: "no Schedule 13D or 13G cover page found (no row captions such as 'NAME OF REPORTING PERSON')")
    ) { try ConcatenatedFilings.readAll("Dear shareholder,\nnothing to see.\n") }
  }
}

@Suite("Several filings in one file: never splitting one filing")
struct SingleFilingNotSplitTests {
  /// One filing of two persons whose cover pages each repeat the title and the issuer header, then a
  /// signature, then a joint filing agreement that names the schedule again.
  static let coverPagePerPerson: String = {
    func page(_ name: String) -> String {
      CLIHarness.cleanFiling.replacingOccurrences(of: "Alpha Fund LP", with: name)
        .replacingOccurrences(
          of: "\nItem 5. The percentages are based on 10,000 shares of Common Stock outstanding.\n", with: "")
    }
    return "UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\n\n" + page("Alpha Fund LP") + "\n" + page("Alpha GP LLC")
      + "\nItem 5. The percentages are based on 10,000 shares of Common Stock outstanding.\n\nSIGNATURE\n\n"
      + "ALPHA FUND LP\nBy: /s/ Jane Roe\n\nALPHA GP LLC\nBy: /s/ Jane Roe\n\nEXHIBIT 1\n\nSCHEDULE 13D\n"
      + "JOINT FILING AGREEMENT\n\nThe undersigned agree to the joint filing of this Schedule 13D.\n\n"
      + "ALPHA FUND LP\nBy: /s/ Jane Roe\n\nALPHA GP LLC\nBy: /s/ Jane Roe\n"
  }()

  @Test("a filing whose every cover page repeats the title and header, signed at the end, is one filing")
  func coverPagePerPerson() throws {
    let results = try ConcatenatedFilings.readAll(Self.coverPagePerPerson)
    #expect(results.count == 1)
    #expect(try results[0].get().coverPages.map(\.reportingPersonName) == ["Alpha Fund LP", "Alpha GP LLC"])
  }

  @Test("a title after a signature without a new issuer and CUSIP header does not split")
  func titleWithoutHeader() throws {
    let text =
      ConcatenatedFilings.alpha
      + "EXHIBIT 2\n\nSCHEDULE 13D\n(Amendment No. 1)\n\nA copy of the schedule as first filed.\n"
    #expect(try ConcatenatedFilings.readAll(text).count == 1)
  }

  @Test("one submission of several documents, in a message, is one filing; so is a bare <DOCUMENT> list")
  func oneSubmissionOfSeveralDocuments() throws {
    let exhibit = "<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\nSCHEDULE 13D\n<SEC-DOCUMENT>\n</TEXT>\n</DOCUMENT>\n"
    let wrapped = ConcatenatedFilings.message(CLIHarness.cleanFiling, number: 1)
      .replacingOccurrences(of: "</DOCUMENT>\n</SEC-DOCUMENT>", with: "</DOCUMENT>\n" + exhibit + "</SEC-DOCUMENT>")
    #expect(try ConcatenatedFilings.readAll(wrapped).count == 1)
    let bare = "<DOCUMENT>\n<TYPE>SC 13D\n<TEXT>\n" + CLIHarness.cleanFiling + "</TEXT>\n</DOCUMENT>\n" + exhibit
    #expect(try ConcatenatedFilings.readAll(bare).count == 1)
  }

  @Test("the document read is the one whose type names a schedule, in any case, though an exhibit comes first")
  func scheduleDocumentChosen() throws {
    let alone = try FilingReader.read(bytes: Array(CLIHarness.cleanFiling.utf8), path: "clean.txt")
    #expect(!alone.coverPages.isEmpty)
    let exhibit = "<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\nA press release.\n</TEXT>\n</DOCUMENT>\n"
    for type in ["SC 13D", "sc 13d/a", "Sc 13G"] {
      let text = exhibit + "<DOCUMENT>\n<TYPE>\(type)\n<TEXT>\n" + CLIHarness.cleanFiling + "</TEXT>\n</DOCUMENT>\n"
      let filing = try FilingReader.read(bytes: Array(text.utf8), path: "submission.txt")
      #expect(filing.coverPages.count == alone.coverPages.count, "\(type)")
    }
  }

  @Test("an XML declaration and root, and an HTML document, each read alone, are one filing")
  func oneDocument() throws {
    #expect(
      try ConcatenatedFilings.readAll(ConcatenatedFilings.xml(person: "Heron Fund LP", signer: "Heron Fund LP"))
        .count == 1)
    #expect(try ConcatenatedFilings.readAll(ConcatenatedFilings.html(person: "Finch LLC")).count == 1)
  }

  @Test("the split is one pass: thousands of submissions give as many starts, each at its own line")
  func manySubmissions() {
    let one = ConcatenatedFilings.submission(CLIHarness.cleanFiling, number: 1)
    let lines = one.utf8.filter { $0 == 0x0A }.count
    let starts = FilingSplitter.starts(of: String(repeating: one, count: 5_000), format: .sgml)
    #expect(starts.count == 5_000)
    #expect(starts.last == FilingSplitter.Start(offset: one.utf8.count * 4_999, line: lines * 4_999 + 1))
  }

  @Test("wrapper tags and a document's text end are told after blanks and in any case; a wrapper inside a text is text")
  func indentedWrapperTags() {
    // Each submission's tags stand after other blanks (spaces, a tab, a no-break space, a form feed), its
    // "</text>" in lower case; a wrapper tag inside its text (a quoted submission) starts no filing.
    let blanks = ["  ", "\t", "\u{A0}", "\u{0C} ", ""]
    let submissions = (0..<5).map { number in
      let blank = blanks[number]
      return "\(blank)<SEC-DOCUMENT>0000000000-24-00000\(number).txt\n\(blank)<DOCUMENT>\n<TYPE>SC 13D\n"
        + "\(blank)<TEXT>\nA quoted submission:\n <SEC-DOCUMENT>\n <SUBMISSION>\n\(blank)</text>\n</DOCUMENT>\n"
        + "\(blank)</SEC-DOCUMENT>\n"
    }
    let starts = FilingSplitter.starts(of: submissions.joined(), format: .sgml)
    #expect(starts.map(\.line) == [1, 11, 21, 31, 41])
  }

  @Test(
    "no filing of the real corpus is split",
    .enabled(if: RealCorpus.isPresent, "../shared/corpus/edgar is missing in this checkout; skipped"))
  func realCorpus() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: RealCorpus.folder).filter { !$0.hasSuffix(".json") }
    #expect(names.count >= 99)
    for name in names.sorted() {
      let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: RealCorpus.folder + "/" + name)))
      let results = try FilingReader.readAll(bytes: bytes, path: name)
      #expect(results.count == 1, "\(name) was read as \(results.count) filings")
    }
  }
}

@Suite("Several filings in one file: the command line")
struct MultiFilingCLITests {
  /// Writes Alpha's and Beta's filings as one file in a new folder.
  private func writeFeed() throws -> (folder: URL, path: String) {
    let folder = try CLIHarness.temporaryFolder()
    return (folder, try CLIHarness.write(ConcatenatedFilings.twoText, named: "feed.txt", in: folder))
  }

  @Test("the text report shows each filing with its findings, then one total for the file")
  func textReport() throws {
    let (folder, path) = try writeFeed()
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = CLIHarness.run(["check", path])
    #expect(outcome.status == 1)
    #expect(outcome.standardError == "")
    #expect(
      outcome.standardOutput == """
        \(path) (filing 1 of 2, from line 1): 0 errors, 0 warnings, 0 notes; shares outstanding 10,000 (stated, line 42)

        \(path):84:1: error: Beta Fund LP: sole and shared dispositive power (rows 9 and 10) add up to 1,200 shares, \
        more than the 1,000 of the aggregate in row 11 [power-sum]
            cover page 1 (Beta Fund LP), row 10 (shared dispositive power)
            expected 1,000, found 1,200
        \(path) (filing 2 of 2, from line 53): 1 error, 0 warnings, 0 notes; shares outstanding 10,000 (stated, line 94)

        total: 1 file (2 filings) checked, 1 error, 0 warnings, 0 notes

        """)
  }

  @Test("the JSON report has one object per filing, each saying which it is")
  func jsonReport() throws {
    let (folder, path) = try writeFeed()
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = CLIHarness.run(["check", "--format", "json", path])
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
    let files = try #require(report["files"] as? [[String: Any]])
    #expect(files.count == 2)
    #expect(files.map { $0["path"] as? String } == [path, path])
    #expect(
      files.map { ($0["filing"] as? [String: Int]) ?? [:] } == [
        ["index": 1, "count": 2, "line": 1], ["index": 2, "count": 2, "line": 53],
      ])
    let findings = try #require(files[1]["findings"] as? [[String: Any]])
    #expect(findings.map { $0["line"] as? Int } == [84])
    #expect(findings.map { $0["rule"] as? String } == ["power-sum"])
    #expect((files[0]["findings"] as? [Any])?.isEmpty == true)
    #expect((report["summary"] as? [String: Int]) == ["files": 2, "errors": 1, "warnings": 0, "notes": 0])
    // A file of one filing has no "filing" key.
    let single = try CLIHarness.write(ConcatenatedFilings.alpha, named: "single.txt", in: folder)
    #expect(!CLIHarness.run(["check", "--format", "json", single]).standardOutput.contains("\"filing\""))
  }

  @Test("every other report format names the filing of each finding")
  func otherFormats() throws {
    let (folder, path) = try writeFeed()
    defer { try? FileManager.default.removeItem(at: folder) }
    let expectations: [(format: String, text: String)] = [
      ("github", "title=bocheck power-sum (filing 2 of 2%2C from line 53)::Beta Fund LP"),
      ("checkstyle", "in row 11 (filing 2 of 2, from line 53)\" source=\"bocheck.power-sum\""),
      ("junit", "<testsuite name=\"\(path) (filing 2 of 2, from line 53)\" tests="),
      ("html", ">\(path) (filing 2 of 2, from line 53)</h2>"),
      ("sarif", "\"filing\": {"),
    ]
    for (format, text) in expectations {
      let output = CLIHarness.run(["check", "--format", format, path]).standardOutput
      #expect(output.contains(text), "\(format): \(output)")
    }
    let sarif = CLIHarness.run(["check", "--format", "sarif", path]).standardOutput
    #expect(sarif.contains("\"index\": 2"))
  }

  @Test("several jobs report a folder with a file of several filings byte for byte as one job does")
  func parallel() throws {
    let (folder, _) = try writeFeed()
    defer { try? FileManager.default.removeItem(at: folder) }
    try CLIHarness.write(ConcatenatedFilings.beta, named: "a-single.txt", in: folder)
    try CLIHarness.write(
      ConcatenatedFilings.alpha + ConcatenatedFilings.beta + ConcatenatedFilings.alpha, named: "z.txt", in: folder)
    for format in ["text", "json", "sarif", "junit"] {
      let serial = CLIHarness.run(["check", "--jobs", "1", "--format", format, folder.path])
      let parallel = CLIHarness.run(["check", "--jobs", "3", "--format", format, folder.path])
      #expect(serial.standardOutput == parallel.standardOutput)
      #expect(serial.status == parallel.status)
    }
  }

  @Test("a filing that cannot be read is an error naming the file, its line and which filing; the others are checked")
  func unreadableFiling() throws {
    let folder = try CLIHarness.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = ConcatenatedFilings.threeSubmissions
    let path = try CLIHarness.write(text, named: "feed.nc", in: folder)
    let outcome = CLIHarness.run(["check", path])
    #expect(outcome.status == 2)
    #expect(
      outcome.standardError == "bocheck: error: \(path):50: filing 2 of 3: no Schedule 13D or 13G cover page found "
        + "(no row captions such as 'NAME OF REPORTING PERSON')\n")
    #expect(outcome.standardOutput.contains("\(path) (filing 1 of 3, from line 1): 0 errors"))
    #expect(outcome.standardOutput.contains("\(path) (filing 3 of 3, from line 55): 1 error"))
    #expect(
      outcome.standardOutput.hasSuffix(
        "total: 1 file (2 filings) checked, 1 error, 0 warnings, 0 notes, 1 unreadable\n"))
  }

  @Test("parse prints every filing of a file, each with its position")
  func parse() throws {
    let (folder, path) = try writeFeed()
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = CLIHarness.run(["parse", path])
    #expect(outcome.status == 0)
    let model = try #require(
      try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
    let filings = try #require(model["filings"] as? [[String: Any]])
    #expect(filings.map { ($0["filing"] as? [String: Int])?["line"] } == [1, 53])
    #expect(model["version"] as? Int == 1)
  }

  @Test("a baseline written for a file of several filings absorbs their findings on the next run")
  func baseline() throws {
    let (folder, path) = try writeFeed()
    defer { try? FileManager.default.removeItem(at: folder) }
    let baseline = folder.appendingPathComponent("baseline.json").path
    #expect(CLIHarness.run(["check", "--write-baseline", baseline, path]).status == 0)
    let outcome = CLIHarness.run(["check", "--baseline", baseline, path])
    #expect(outcome.status == 0)
    #expect(outcome.standardOutput.hasSuffix("total: 1 file (2 filings) checked, 0 errors, 0 warnings, 0 notes\n"))
  }
}
