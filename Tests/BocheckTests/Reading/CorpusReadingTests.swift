import BocheckModel
import BocheckReading
import Foundation
import Testing

/// Reading real EDGAR filings in their other formats (copied from the shared corpus into the fixtures).
@Suite struct CorpusReadingTests {
  static let corpus = TestSupport.repositoryRoot.appendingPathComponent("Tests/BocheckTests/Fixtures/corpus")

  @Test func htmlInsideADocumentWrapperWithWingdingsBoxes() throws {
    let filing = try TestSupport.read(Self.corpus.appendingPathComponent("edgartools__SC-13G-DOCUMENT.html"))
    #expect(filing.format == .sgml)
    #expect(filing.schedule == .schedule13G)
    #expect(filing.cusip?.value == "53814L108")
    #expect(filing.issuer?.value == "LIVENT CORPORATION")
    #expect(filing.coverPages.count == 4)
    #expect(
      filing.coverPages.map { $0.reportingPersonName ?? "" } == [
        "ICS Opportunities, Ltd.", "Millennium Management LLC", "Millennium Group Management LLC",
        "Israel A. Englander",
      ])
    for page in filing.coverPages {
      #expect(page.cusip == "53814L108")
      #expect(page.shares(.aggregateAmountOwned) == "0")
      #expect(try page.row(.percentOfClass).percent?.value.description == "0.0")
      #expect(page.rows[.citizenshipOrOrganization]?.text?.contains("EACH") == false)
    }
    #expect(try filing.coverPages[0].row(.aggregateAmountOwned).line == 275)
    #expect(filing.signers.count == 4)
    #expect(filing.jointFilers.count == 4)
  }

  @Test func dissemintationFileWithHTMLAndTwoDecimalPercent() throws {
    let filing = try TestSupport.read(Self.corpus.appendingPathComponent("edgartools__0001076809-24-000144.nc"))
    #expect(filing.form?.value == "SC 13G")
    #expect(filing.coverPages.count == 2)
    let page = filing.coverPages[1]
    #expect(page.reportingPersonName == "Paul J. Glazer")
    #expect(page.shares(.sharedDispositivePower) == "3,394,114")
    #expect(try page.row(.percentOfClass).percent?.value.description == "5.31")
    #expect(try filing.coverPages[0].row(.typeOfReportingPerson).value == .codes(["IA", "OO"]))
    #expect(filing.signers.map(\.name) == ["GLAZER CAPITAL, LLC", "Paul J. Glazer"])
    // "The percentages ... are based on the 63,963,302 shares of Common Stock": no word "outstanding".
    #expect(filing.statedSharesOutstanding?.value.description == "63,963,302")
    #expect(filing.statedSharesOutstanding?.line == 578)
    #expect(filing.signers.map(\.line) == [702, 734])
  }

  @Test func plainTextInsideADocumentWrapperWithInlineLabels() throws {
    let filing = try TestSupport.read(Self.corpus.appendingPathComponent("edgartools__SG-13G-DOCUMENT-WITH-TEXT.html"))
    #expect(filing.form?.value == "SC 13G/A")
    #expect(filing.amendment?.value == 3)
    #expect(filing.issuer?.value == "TRINITY INDUSTRIES INC")
    #expect(filing.cusip?.value == "896522109")
    let page = try #require(filing.coverPages.first)
    #expect(filing.coverPages.count == 1)
    #expect(page.reportingPersonName == "BlackRock, Inc.")
    #expect(page.shares(.soleVotingPower) == "13,767,282")
    #expect(page.shares(.soleDispositivePower) == "13,967,335")
    #expect(page.shares(.aggregateAmountOwned) == "13,967,335")
    #expect(try page.row(.percentOfClass).line == 101)
    #expect(try page.row(.citizenshipOrOrganization).text == "Delaware")
  }

  @Test func aMarkdownFileThatOnlyMentionsCaptionsIsNotAFiling() {
    #expect(throws: ReadError.self) { try TestSupport.read(Self.corpus.appendingPathComponent("SOURCES.md")) }
  }
}
