import BocheckModel
import Testing

@testable import BocheckRules

/// The slots the model bridge writes fields to are the slots rules read them from.
@Suite("Rules: field slots")
struct RulesSlotTests {
  /// The names of a slot enum's cases, in slot order.
  private static func caseNames<Slot: FieldSlot>(_: Slot.Type) -> [String] {
    Slot.allCases.map { String(describing: $0) }
  }

  @Test("every slot case is named as the schema names the field in its slot")
  func slotCasesFollowTheSchema() {
    let kinds: [(ObjectKind, [String])] = [
      (.filing, Self.caseNames(FilingSlot.self)),
      (.person, Self.caseNames(PersonSlot.self) + RowField.allCases.map(\.rawValue)),
      (.row, Self.caseNames(RowSlot.self)), (.part, Self.caseNames(PartSlot.self)),
      (.party, Self.caseNames(PartySlot.self)), (.amountSum, Self.caseNames(AmountSumSlot.self)),
      (.basis, Self.caseNames(BasisSlot.self)), (.note, Self.caseNames(NoteSlot.self)),
    ]
    #expect(kinds.map(\.0.ordinal) == Array(ObjectKind.allCases.indices))
    for (kind, names) in kinds {
      #expect(ModelSchema.fieldNames(of: kind) == names, "\(kind)")
      #expect(Set(names) == Set(ModelSchema.fields(of: kind).keys), "\(kind)")
      for (slot, name) in names.enumerated() {
        #expect(ModelSchema.slot(of: name, in: kind) == slot, "\(kind).\(name)")
      }
    }
    #expect(ModelSchema.slot(of: "noSuchField", in: .row) == nil)
  }

  @Test("a field is read from an object of any kind that has it, and from no other")
  func fieldAccessReadsEveryKind() {
    let bridge = ModelBridge(filing: LanguageHarness.filing, basis: nil)
    let person = bridge.persons[0]
    #expect(FieldAccess("page").value(in: person).map(ValueFormatter.message) == "1")
    #expect(FieldAccess("page").value(in: bridge.filing) == nil)
    #expect(FieldAccess("path").value(in: bridge.filing).map(ValueFormatter.message) == bridge.filing.display)
    #expect(!FieldAccess("noSuchField").isField)
  }

  @Test("an object's display prints as the text it was formatted to when the bridge made it")
  func displayPrintsAsFormatted() throws {
    let shares = try #require(ExactDecimal.parse("1234.50"))
    let cases: [(ModelObject.Display, String)] = [
      (.text("Alpha Fund LP"), "Alpha Fund LP"), (.coverPage(3), "cover page 3"),
      (.part(label: "ii", shares: shares, kind: "warrant"), "(ii) \(shares) warrant"),
      (.kindTotal(Rational(1_234_567), kind: "option"), "1,234,567 option"), (.number(Rational(-1000)), "-1,000"),
      (.decimal(shares), shares.description), (.groupBoxes(a: true, b: false), "(a) checked, (b) not checked"),
      (.groupBoxes(a: false, b: true), "(a) not checked, (b) checked"), (.codes(["SC", "BK"]), "SC, BK"),
      (.codes([]), ""),
    ]
    for (display, text) in cases {
      #expect(display.text == text)
    }
  }
}
