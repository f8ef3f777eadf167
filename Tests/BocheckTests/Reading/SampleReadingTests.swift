import BocheckModel
import BocheckReading
import Testing

/// Reading the two founding samples: every page, row, number and layout problem, with its line.
@Suite struct SampleReadingTests {
  @Test func completeSampleHasSevenPagesWithEveryRowRead() throws {
    let filing = try TestSupport.read(TestSupport.completeSample)
    #expect(filing.form?.value == "SC 13D/A")
    #expect(filing.amendment?.value == 4)
    #expect(filing.cusip?.value == "53634X100")
    #expect(filing.statedSharesOutstanding?.value.description == "44,726,000")
    #expect(filing.statedSharesOutstanding?.line == 323)
    #expect(filing.coverPages.count == 7)
    for page in filing.coverPages {
      for field in [
        RowField.reportingPersonName, .soleVotingPower, .sharedVotingPower, .soleDispositivePower,
        .sharedDispositivePower, .aggregateAmountOwned, .percentOfClass, .typeOfReportingPerson,
      ] {
        #expect(page.rows[field]?.status == .read, "page \(page.index) \(field)")
      }
    }
    let names = filing.coverPages.compactMap(\.reportingPersonName)
    #expect(names.count == 7)
    #expect(names[1].hasSuffix("LP I"))
    #expect(filing.coverPages[0].shares(.aggregateAmountOwned) == "1,019,531")
    let aggregateOfSixth = try filing.coverPages[5].row(.aggregateAmountOwned)
    #expect(aggregateOfSixth.line == 196)
    let amount = try #require(aggregateOfSixth.amount)
    #expect(amount.partsRelation == .consistingOf)
    #expect(amount.parts.map(\.kind) == [.common, .convertible, .warrant])
    #expect(amount.parts.map(\.shares.description) == ["1,073,554", "1,547,377", "1,110,392"])
    #expect(amount.attributedTo.count == 3)
    #expect(amount.attributedTo[0].hasSuffix("Value LP") && amount.attributedTo[1].hasSuffix("Value LP I"))
    #expect(try filing.coverPages[0].row(.percentOfClass).percent?.value.description == "2.28")
    #expect(try filing.coverPages[0].row(.memberOfGroup).value == .groupBoxes(a: false, b: true))
    #expect(Set(filing.signers.map { NameKey($0.name) }).count == 7)
    #expect(filing.jointFilers.count == 7)
  }

  @Test func malformedSampleFragmentPageHasOnlyRowsThirteenAndFourteen() throws {
    let filing = try TestSupport.read(TestSupport.malformedSample)
    #expect(filing.coverPages.count == 7)
    let fragment = filing.coverPages[2]
    #expect(Set(fragment.rows.keys) == [.percentOfClass, .typeOfReportingPerson])
    #expect(fragment.reportingPersonName == nil)
    #expect(fragment.line == 139)
    #expect(filing.statedSharesOutstanding == nil)
  }

  @Test func valuesOneCellOffAreRecoveredWithANote() throws {
    let page = try TestSupport.read(TestSupport.malformedSample).coverPages[3]
    let expected: [(RowField, String, Int)] = [
      (.sharedVotingPower, "0", 171), (.soleDispositivePower, "1,341,499", 173), (.sharedDispositivePower, "0", 175),
    ]
    for (field, shares, line) in expected {
      let row = try page.row(field)
      #expect(row.status == .recovered)
      #expect(row.amount?.shares.description == shares)
      #expect(row.line == line)
      #expect(row.note?.contains("cell") == true)
    }
    #expect(try page.row(.soleVotingPower).status == .read)
    #expect(try page.row(.aggregateAmountOwned).amount?.attributedTo.count == 1)
    #expect(try page.row(.percentOfClass).percent?.value.description == "3.00")
  }

  @Test func emptyRowsAreMissingAndAStrayValueIsNotData() throws {
    let filing = try TestSupport.read(TestSupport.malformedSample)
    let page = filing.coverPages[4]
    #expect(try page.row(.sharedVotingPower).status == .missing)
    #expect(try page.row(.soleDispositivePower).status == .missing)
    #expect(try page.row(.sharedDispositivePower).amount?.shares.description == "2,389,825")
    let note = try #require(filing.readerNotes.first)
    #expect(filing.readerNotes.count == 1)
    #expect(note.line == 217 && note.page == 5 && note.field == .sharedDispositivePower)
  }

  @Test func detachedValuesAreTakenInOrderWhenTheCountsAgree() throws {
    let page = try TestSupport.read(TestSupport.malformedSample).coverPages[5]
    let fields: [RowField] = [.soleVotingPower, .sharedVotingPower, .soleDispositivePower, .sharedDispositivePower]
    let values = try fields.map { try page.row($0) }
    #expect(values.map(\.status) == [.recovered, .recovered, .recovered, .recovered])
    #expect(values.map { $0.amount?.shares.description ?? "" } == ["0", "3,731,323", "0", "3,731,323"])
    #expect(values.map(\.line) == [253, 255, 257, 259])
  }

  @Test func detachedValuesAreNotGuessedWhenTheCountsDisagree() throws {
    let page = try TestSupport.read(TestSupport.malformedSample).coverPages[6]
    for field in [RowField.soleVotingPower, .sharedVotingPower, .soleDispositivePower, .sharedDispositivePower] {
      let row = try page.row(field)
      #expect(row.status == .malformed)
      #expect(row.value == nil)
      #expect(row.note?.contains("2 values") == true)
    }
    #expect(page.shares(.aggregateAmountOwned) == "3,731,323")
  }
}
