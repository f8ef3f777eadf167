import BocheckModel
import BocheckReading
import Foundation
import Testing

/// Reading EDGAR XML primary documents of both schedules, and XML that is not well formed.
@Suite struct XMLReadingTests {
  static let corpus = TestSupport.repositoryRoot.appendingPathComponent("Tests/BocheckTests/Fixtures/corpus")

  @Test func schedule13DWithTwoPersons() throws {
    let filing = try TestSupport.read(Self.corpus.appendingPathComponent("edgartools__schedule13d.xml"))
    #expect(filing.format == .xml)
    #expect(filing.schedule == .schedule13D)
    #expect(filing.cusip?.value == "00032Q104")
    #expect(
      filing.coverPages.map { $0.reportingPersonName ?? "" } == [
        "BML Investment Partners, L.P.", "Leonard Braden Michael",
      ])
    let person = filing.coverPages[1]
    #expect(person.shares(.soleVotingPower) == "335,000")
    #expect(person.shares(.aggregateAmountOwned) == "2,435,000")
    #expect(try person.row(.aggregateAmountOwned).line == 70)
    #expect(try person.row(.percentOfClass).percent?.value.description == "9.9")
    #expect(filing.signers.map(\.name) == ["BML Investment Partners, L.P.", "Leonard Braden Michael"])
    #expect(filing.itemOneIssuer?.value == "Aadi Bioscience, Inc.")
  }

  @Test func nestedCusipAndStatedBasis() throws {
    let filing = try TestSupport.read(Self.corpus.appendingPathComponent("edgartools__schedule13d_nested_cusip.xml"))
    #expect(filing.cusip?.value == "81221K108")
    #expect(filing.coverPages.count == 7)
    #expect(filing.coverPages.allSatisfy { $0.shares(.aggregateAmountOwned) == "6,294,951" })
    #expect(filing.statedSharesOutstanding?.value.description == "53,027,817")
  }

  @Test func schedule13GWithDecimalSharesAndNestedPowers() throws {
    let filing = try TestSupport.read(Self.corpus.appendingPathComponent("edgartools__schedule13g.xml"))
    #expect(filing.schedule == .schedule13G)
    #expect(filing.form?.value == "SC 13G")
    let page = try #require(filing.coverPages.first)
    #expect(page.shares(.soleDispositivePower) == "10,000,000.00")
    #expect(try page.row(.memberOfGroup).value == .groupBoxes(a: true, b: false))
    #expect(try page.row(.percentOfClass).percent?.value.description == "5.1")
    #expect(filing.signers.count == 2)
  }

  @Test func fullSubmissionPicksTheXMLDocument() throws {
    let filing = try TestSupport.read(Self.corpus.appendingPathComponent("sec-edgar-parser__schedule13g.txt"))
    #expect(filing.format == .sgml)
    #expect(
      filing.coverPages.map { $0.reportingPersonName ?? "" } == ["ASKELADDEN CAPITAL MANAGEMENT LLC", "Samir Patel"])
    #expect(filing.statedSharesOutstanding?.value.description == "4,598,241")
    #expect(try filing.coverPages[0].row(.typeOfReportingPerson).value == .codes(["PN", "IA"]))
  }

  @Test func anEndTagWithoutItsBracketIsReportedAndReadingGoesOn() throws {
    let xml = """
      <?xml version="1.0"?>
      <edgarSubmission xmlns="http://www.sec.gov/edgar/schedule13D"><formData><reportingPersons>
      <reportingPersonInfo>
      <reportingPersonName>Quarry Hill Fund LP</reportingPersonName
      <aggregateAmountOwned>1500</aggregateAmountOwned>
      <percentOfClass>7.5</percentOfClass>
      </reportingPersonInfo>
      </reportingPersons></formData></edgarSubmission>
      """
    let filing = try TestSupport.read(text: xml, path: "broken.xml")
    let page = try #require(filing.coverPages.first)
    #expect(page.reportingPersonName == "Quarry Hill Fund LP")
    #expect(page.shares(.aggregateAmountOwned) == "1,500")
    let note = try #require(filing.readerNotes.first)
    #expect(note.line == 4)
    #expect(note.message == "malformed XML: the tag </reportingPersonName has no closing '>'")
  }

  @Test(arguments: ["\n", "\r\n", "\r"])
  func valuesOnLinesOfTheirOwnAreReadWhateverTheLineEnds(lineEnd: String) throws {
    let xml = [
      "<?xml version=\"1.0\"?>", "<edgarSubmission xmlns=\"http://www.sec.gov/edgar/schedule13D\">",
      "<formData><reportingPersons><reportingPersonInfo>", "<reportingPersonName>", "    Quarry Hill Fund LP",
      "  </reportingPersonName>", "<aggregateAmountOwned>\u{A0}1500 </aggregateAmountOwned>",
      "</reportingPersonInfo></reportingPersons></formData></edgarSubmission>",
    ].joined(separator: lineEnd)
    let page = try #require(try TestSupport.read(text: xml, path: "line-ends.xml").coverPages.first)
    #expect(page.reportingPersonName == "Quarry Hill Fund LP")
    #expect(page.shares(.aggregateAmountOwned) == "1,500")
  }

  @Test func externalEntitiesAreNeverResolved() throws {
    let xml = """
      <?xml version="1.0"?>
      <!DOCTYPE x [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
      <edgarSubmission><formData><reportingPersonInfo>
      <reportingPersonName>&secret;</reportingPersonName><aggregateAmountOwned>10</aggregateAmountOwned>
      </reportingPersonInfo></formData></edgarSubmission>
      """
    let filing = try TestSupport.read(text: xml, path: "entity.xml")
    let name = try #require(filing.coverPages.first?.reportingPersonName)
    #expect(name == "&secret")
    #expect(!name.contains("root"))
  }
}

/// Relationships stated in Items 2 and 5 ("as the sole general partner of"), with defined short names.
@Suite struct XMLRelationshipTests {
  static let nested = TestSupport.repositoryRoot.appendingPathComponent(
    "Tests/BocheckTests/Fixtures/corpus/edgartools__schedule13d_nested_cusip.xml")

  @Test func generalPartnersAreTiedToTheirFundsThroughDefinedNames() throws {
    let filing = try TestSupport.read(Self.nested)
    #expect(try filing.coverPages[1].row(.aggregateAmountOwned).amount?.attributedTo == ["ARCH Venture Fund XII, L.P."])
    #expect(
      try filing.coverPages[2].row(.aggregateAmountOwned).amount?.attributedTo == ["ARCH Venture Partners XII, L.P."])
    #expect(try filing.coverPages[2].row(.aggregateAmountOwned).note?.contains("line 179") == true)
    // Individuals share power "by virtue of their relationship": no role sentence, no attribution.
    #expect(try filing.coverPages[3].row(.aggregateAmountOwned).amount?.attributedTo == [])
  }

  @Test func aPersonWhoAlsoHoldsSharesInItsOwnRightIsNotTied() throws {
    let filing = try TestSupport.read(
      TestSupport.repositoryRoot.appendingPathComponent(
        "Tests/BocheckTests/Fixtures/corpus/edgartools__schedule13d.xml"))
    #expect(filing.coverPages.allSatisfy { $0.rows[.aggregateAmountOwned]?.amount?.attributedTo.isEmpty == true })
  }

  @Test func aGeneralPartnerOneShareShortOfItsFundIsReported() throws {
    var text = try String(contentsOf: Self.nested, encoding: .utf8)
    // The third reporting person's row 11 (the general partner's general partner) one share short.
    let marker = "<aggregateAmountOwned>6294951</aggregateAmountOwned>"
    var ranges: [Range<String.Index>] = []
    var start = text.startIndex
    while let found = text.range(of: marker, range: start..<text.endIndex) {
      ranges.append(found)
      start = found.upperBound
    }
    #expect(ranges.count == 7)
    text.replaceSubrange(ranges[2], with: "<aggregateAmountOwned>6294950</aggregateAmountOwned>")
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("bocheck-gp-\(UUID().uuidString).xml")
    try text.write(to: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: path) }
    let outcome = CLIHarness.run(["check", "--format", "json", path.path])
    #expect(outcome.status == 1)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
    let files = try #require(json["files"] as? [[String: Any]])
    let findings = try #require(files.first?["findings"] as? [[String: Any]])
    let parentSum = findings.filter { $0["rule"] as? String == "parent-sum" }
    #expect(parentSum.count == 1)
    #expect(parentSum.first?["page"] as? Int == 3)
    #expect(parentSum.first?["row"] as? Int == 11)
    #expect(parentSum.first?["expected"] as? String == "6294951")
    #expect(parentSum.first?["actual"] as? String == "6294950")
  }
}
