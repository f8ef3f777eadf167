import BocheckModel
import BocheckReading
import Foundation
import Testing

/// What the XML scanner hands the reader: decoded and verbatim text, trimmed values, element names however
/// many there are, and the lines and columns of what is malformed.
@Suite struct XMLScannerTests {
  /// A 13D document whose cover holds `issuer` as the issuer's name and one reporting person.
  private func document(issuer: String, extra: String = "") -> String {
    """
    <?xml version="1.0"?>
    <edgarSubmission><formData><coverPageHeader><issuerInfo><issuerName>\(issuer)</issuerName></issuerInfo>
    </coverPageHeader>\(extra)<reportingPersons><reportingPersonInfo>
    <reportingPersonName>Quarry Hill Fund LP</reportingPersonName>
    <aggregateAmountOwned>1500</aggregateAmountOwned>
    </reportingPersonInfo></reportingPersons></formData></edgarSubmission>
    """
  }

  @Test func entitiesAreDecodedAndCDATAIsKeptVerbatim() throws {
    let decoded = try TestSupport.read(
      text: document(issuer: "Smith &amp; Sons &#x41;&#66; &lt;C&gt; &bogus;"), path: "x.xml")
    #expect(decoded.issuer?.value == "Smith & Sons AB <C> &bogus;")
    let verbatim = try TestSupport.read(text: document(issuer: "<![CDATA[Smith &amp; <Sons>]]>"), path: "x.xml")
    #expect(verbatim.issuer?.value == "Smith &amp; <Sons>")
    #expect(verbatim.readerNotes.isEmpty)
  }

  @Test func valuesLoseWhiteSpaceAtEitherEnd() throws {
    let blanks = try TestSupport.read(text: document(issuer: " \u{A0}\tAcme Corp\t\u{A0} "), path: "x.xml")
    #expect(blanks.issuer?.value == "Acme Corp")
    let lineEnds = try TestSupport.read(text: document(issuer: "\nAcme Corp\n"), path: "x.xml")
    #expect(lineEnds.issuer?.value == "Acme Corp")
    // Blanks and line ends mixed, in any order, CR LF pairs included: none is part of the value.
    let both = try TestSupport.read(text: document(issuer: "\r\n Acme Corp \r\n\t"), path: "x.xml")
    #expect(both.issuer?.value == "Acme Corp")
    // White space inside the value stays.
    let inside = try TestSupport.read(text: document(issuer: "\n Acme \t Corp \n"), path: "x.xml")
    #expect(inside.issuer?.value == "Acme \t Corp")
  }

  @Test func manyDistinctElementNamesAreAllTold() throws {
    let unknown = (1...300).map { "<note\($0)>n</note\($0)>" }.joined()
    let filing = try TestSupport.read(text: document(issuer: "Acme Corp", extra: unknown), path: "x.xml")
    #expect(filing.readerNotes.isEmpty)
    #expect(filing.issuer?.value == "Acme Corp")
    let page = try #require(filing.coverPages.first)
    #expect(page.reportingPersonName == "Quarry Hill Fund LP")
    #expect(page.shares(.aggregateAmountOwned) == "1,500")
  }

  @Test func namespacePrefixesAreDropped() throws {
    let xml = document(issuer: "Acme Corp").replacingOccurrences(of: "<reporting", with: "<ns1:reporting")
      .replacingOccurrences(of: "</reporting", with: "</ns1:reporting")
    let filing = try TestSupport.read(text: xml, path: "x.xml")
    #expect(filing.readerNotes.isEmpty)
    #expect(filing.coverPages.first?.reportingPersonName == "Quarry Hill Fund LP")
  }

  @Test func malformedMarkupIsReportedWhereItIs() throws {
    let xml = """
      <?xml version="1.0"?>
      <edgarSubmission><formData><reportingPersonInfo>
      <reportingPersonName>Café Fund < LP</reportingPersonName>
      <aggregateAmountOwned>1500</aggregateAmountOwned></reportingPersonInfo>
      </formData></edgarSubmission>
      </stray>
      <!-- never closed
      """
    let filing = try TestSupport.read(text: xml, path: "broken.xml")
    let notes = filing.readerNotes.map { "\($0.line):\($0.column) \($0.message)" }
    #expect(
      notes == [
        // "Café" is four characters and five bytes: the column counts characters.
        "3:32 malformed XML: a '<' that starts no tag",
        "6:1 the end tag </stray> closes no open element",
        "7:1 malformed XML: an unterminated comment or declaration",
      ])
    #expect(filing.coverPages.first?.shares(.aggregateAmountOwned) == "1,500")
  }

  @Test func aStartTagWithoutItsBracketIsReportedBeforeItIsRead() throws {
    let xml = """
      <edgarSubmission><formData><reportingPersonInfo>
      <reportingPersonName>Quarry Hill Fund LP</reportingPersonName>
      <aggregateAmountOwned 1500</aggregateAmountOwned></reportingPersonInfo>
      </formData></edgarSubmission>
      """
    let filing = try TestSupport.read(text: xml, path: "broken.xml")
    #expect(filing.readerNotes.map(\.message) == ["malformed XML: the tag <aggregateAmountOwned has no closing '>'"])
    #expect(filing.readerNotes.first.map { "\($0.line):\($0.column)" } == "3:1")
    #expect(filing.coverPages.first?.reportingPersonName == "Quarry Hill Fund LP")
  }
}
