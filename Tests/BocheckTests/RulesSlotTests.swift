import BocheckModel
import Testing

@testable import BocheckRules

/// The slots the model bridge writes fields to are the slots rules read them from.
@Suite("Rules: field slots")
struct RulesSlotTests {
  /// The kind a slot enum declares, with the names of its cases in slot order and the fields that follow them.
  private static func fields<Slot: FieldSlot>(_: Slot.Type, then more: [String] = []) -> (ObjectKind, [String]) {
    (Slot.objectKind, Slot.allCases.map { String(describing: $0) } + more)
  }

  @Test("every slot enum declares its own kind, and every case is named as the schema names the field in its slot")
  func slotCasesFollowTheSchema() {
    let kinds: [(ObjectKind, [String])] = [
      Self.fields(FilingSlot.self), Self.fields(PersonSlot.self, then: RowField.allCases.map(\.rawValue)),
      Self.fields(RowSlot.self), Self.fields(PartSlot.self), Self.fields(PartySlot.self),
      Self.fields(AmountSumSlot.self), Self.fields(BasisSlot.self), Self.fields(NoteSlot.self),
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

  @Test("an object releases what its fields hold when it goes, and a field written twice keeps the second value")
  func objectReleasesItsFields() {
    weak var dropped: ModelObject?
    weak var kept: ModelObject?
    weak var listed: ModelObject?
    var note: ModelObject? = {
      var fields = FieldValues<NoteSlot>()
      let first = ModelObject.make(fields: FieldValues<PartSlot>(), location: nil, display: .text("first"))
      let second = ModelObject.make(fields: FieldValues<PartSlot>(), location: nil, display: .text("second"))
      let inList = ModelObject.make(fields: FieldValues<PartSlot>(), location: nil, display: .text("listed"))
      dropped = first
      kept = second
      listed = inList
      fields[.page] = .object(first)
      fields[.page] = .object(second)
      fields[.row] = .list([.object(inList), .null])
      fields[.field] = .string(String(repeating: "a text stored outside the value ", count: 2))
      fields[.line] = .number(Rational(7), decimals: nil)
      fields[.column] = .boolean(true)
      return ModelObject.make(fields: fields, location: nil, display: .text("note"))
    }()
    #expect(dropped == nil)
    #expect(kept != nil && listed != nil)
    if let note, case .object(let page) = note[NoteSlot.page] { #expect(page === kept) }
    #expect(note.map { ValueFormatter.message($0[NoteSlot.line]) } == "7")
    note = nil
    #expect(kept == nil && listed == nil)
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
