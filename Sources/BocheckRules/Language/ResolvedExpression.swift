import BocheckModel

/// An expression with every name resolved when its rule loads: variables to slots, fields to slots per kind of
/// object, functions to their building blocks and literals to values.
///
/// ``Evaluator`` runs it without a dictionary lookup, a `String` comparison or a literal conversion per node.
/// It means exactly what the ``Expression`` it was resolved from means.
indirect enum ResolvedExpression: Sendable {
  /// A value known when the rule loads: a literal, or a list literal of literals.
  case constant(Value)
  /// A list literal with an element that is not constant.
  case list([ResolvedExpression])
  /// A variable, by its slot (see ``ExpressionResolver``).
  case variable(Int)
  /// A `let:` variable evaluated when it is first read, by its position in ``Frame/deferredLets`` and its
  /// slot: its expression is evaluated then, and its value kept until a binding it depends on moves on.
  case deferredLet(Int, slot: Int)
  /// A name inside a filter that some kind of object has as a field: the innermost element that has it gives
  /// its value; when none does, `fallback`: the variable of that name if there is one (``variable(_:)`` or
  /// ``deferredLet(_:slot:)``), else `null`.
  case elementField(FieldAccess, fallback: ResolvedExpression)
  /// `it`: the element of the innermost filter.
  case innermostElement
  /// `base.field`, mapped over lists and flattening lists of lists.
  case member(ResolvedExpression, FieldAccess)
  /// `variable.field`: ``member(_:_:)`` of a variable (by slot), which reads the field of the object the
  /// variable holds without evaluating the variable as an expression of its own.
  case variableMember(Int, FieldAccess)
  /// `list[condition]`.
  case filter(ResolvedExpression, ResolvedExpression)
  /// A call of a building block.
  case call(BuiltinFunction, [ResolvedExpression])
  /// `-x` or `not x`.
  case unary(UnaryOperator, ResolvedExpression)
  /// A binary operation.
  case binary(BinaryOperator, ResolvedExpression, ResolvedExpression)
  /// `x is empty`, `x is not null`, `row is missing`, ...
  case test(ResolvedExpression, TestKind)
  /// `x in [...]` or `x not in [...]` (`negated`) over a list literal of texts only: true when `x` is one of
  /// them, unknown when `x` is, false for any other value, as comparing with each text gives.
  case textMembership(ResolvedExpression, TextSet, negated: Bool)
  /// `x == "text"` or `x != "text"` (`negated`), the text on either side: true when `x` is that text, unknown
  /// when `x` is, false for any other value, as comparing the two values gives.
  case textEquality(ResolvedExpression, String, negated: Bool)
}

extension ResolvedExpression {
  /// Calls `body` with the slot of every variable the expression reads, in no particular order (a slot read
  /// twice is given twice).
  ///
  /// A name inside a filter that is a field reads the variable of that name only when no element has the
  /// field, so its variable counts as read.
  func forEachVariable(_ body: (Int) -> Void) {
    switch self {
    case .constant, .innermostElement: return
    case .variable(let slot), .variableMember(let slot, _), .deferredLet(_, let slot): body(slot)
    case .elementField(_, let fallback): fallback.forEachVariable(body)
    case .list(let elements), .call(_, let elements):
      for element in elements { element.forEachVariable(body) }
    case .member(let base, _), .unary(_, let base), .test(let base, _): base.forEachVariable(body)
    case .textMembership(let operand, _, _), .textEquality(let operand, _, _): operand.forEachVariable(body)
    case .filter(let left, let right), .binary(_, let left, let right):
      left.forEachVariable(body)
      right.forEachVariable(body)
    }
  }
}

/// The texts of a list literal, looked up among the texts of the same length when they are ASCII and by hash
/// otherwise.
///
/// The texts of rules are short ASCII words such as field names and codes. A text with the same bytes as one
/// of them is as long as it in UTF-8, so it is compared only with the bytes of the ASCII texts of its length,
/// eight at a time, which costs less than hashing it or comparing it as a `String` (which a text of more
/// than 15 bytes, or one not equal, takes through the standard library's general comparison). When none has
/// its bytes, an ASCII text can still equal a text of the set that is not ASCII (the Kelvin sign is the letter
/// K under `String` equality), and a text that is not ASCII can equal an ASCII one: those are looked up in a
/// `Set`, so the answers are exactly a `Set`'s.
///
/// It shows itself (to `dump` and the debugger) with its texts sorted: a `Set`'s own order differs from one set
/// to another, and rules loaded twice must show the same.
struct TextSet: Sendable, CustomReflectable {
  private let texts: Set<String>
  /// The bytes of the ASCII texts, by their length.
  private let asciiTextsByLength: [[[UInt8]]]
  /// Whether every text is ASCII, so that an ASCII text not among those of its length is not in the set.
  private let allASCII: Bool

  /// A set of the given texts.
  init(_ texts: Set<String>) {
    self.texts = texts
    var byLength: [[[UInt8]]] = []
    var allASCII = true
    for text in texts.sorted() {
      guard TextSet.isASCII(text) else {
        allASCII = false
        continue
      }
      let length = text.utf8.count
      while byLength.count <= length { byLength.append([]) }
      byLength[length].append(Array(text.utf8))
    }
    asciiTextsByLength = byLength
    self.allASCII = allASCII
  }

  /// Whether the set holds a text.
  func contains(_ text: String) -> Bool {
    let length = text.utf8.count
    if length < asciiTextsByLength.count, !asciiTextsByLength[length].isEmpty {
      let candidates = asciiTextsByLength[length]
      let found = text.utf8.withContiguousStorageIfAvailable { bytes in
        candidates.contains { candidate in
          candidate.withUnsafeBytes { ByteWord.sameBytes($0, UnsafeRawBufferPointer(bytes)) }
        }
      }
      if found ?? candidates.contains(where: { $0.elementsEqual(text.utf8) }) { return true }
    }
    if allASCII, TextSet.isASCII(text) { return false }
    return texts.contains(text)
  }

  /// Whether every byte of a text is ASCII, read from its contiguous bytes when it has them, eight at a time.
  private static func isASCII(_ text: String) -> Bool {
    let contiguous = text.utf8.withContiguousStorageIfAvailable(ByteWord.isASCII)
    return contiguous ?? text.utf8.allSatisfy { $0 < 0x80 }
  }

  /// The texts, sorted.
  var sortedTexts: [String] { texts.sorted() }

  var customMirror: Mirror { Mirror(self, unlabeledChildren: sortedTexts) }
}

/// A field name resolved to its slot in each kind of object, so that reading it from an object is one array
/// access.
///
/// The slots are packed one byte per kind into one integer, so that the access is copied without a reference
/// count (an expression that holds it is read without retaining a name or an array).
struct FieldAccess: Sendable {
  /// The field's slot in each kind, one byte per kind at bit `8 * kind.ordinal`; ``absent`` for a kind without
  /// the field (as ``CompiledRules`` archives them).
  let packed: UInt64

  /// The access of a field with these packed slots (see ``packed``).
  init(packed: UInt64) {
    self.packed = packed
  }

  /// The byte of a kind that has no such field.
  private static let absent: UInt64 = 0xFF

  /// The slots of a field in every kind.
  init(_ name: String) {
    if let known = FieldAccess.byName[name] {
      self = known
    } else {
      self.init(slots: ObjectKind.allCases.map { ModelSchema.slot(of: name, in: $0) ?? -1 })
    }
  }

  /// The access of a field with these slots by ``ObjectKind/ordinal`` (-1 for a kind without the field).
  private init(slots: [Int]) {
    var packed: UInt64 = 0
    for (ordinal, slot) in slots.enumerated() {
      // Every kind has fewer than 255 fields (see ``ModelSchema``), so a slot fits in its byte.
      let byte = slot >= 0 && slot < Int(FieldAccess.absent) ? UInt64(slot) : FieldAccess.absent
      packed |= byte << (8 * UInt64(ordinal))
    }
    self.packed = packed
  }

  /// The access of every field of some kind, worked out once: each kind's fields in slot order, written into
  /// the slots of their names.
  private static let byName: [String: FieldAccess] = {
    var slotsByName: [String: [Int]] = [:]
    for kind in ObjectKind.allCases {
      for (slot, name) in ModelSchema.fieldNames(of: kind).enumerated() {
        slotsByName[name, default: Array(repeating: -1, count: ObjectKind.allCases.count)][kind.ordinal] = slot
      }
    }
    return slotsByName.mapValues { FieldAccess(slots: $0) }
  }()

  /// The field's slot in objects of a kind, or `nil` when the kind has no such field.
  @inline(__always)
  func slot(in kind: ObjectKind) -> Int? {
    let byte = (packed >> (8 * UInt64(kind.ordinal))) & 0xFF
    return byte == FieldAccess.absent ? nil : Int(byte)
  }

  /// Whether some kind of object has the field.
  var isField: Bool { ObjectKind.allCases.contains { slot(in: $0) != nil } }

  /// The field's value in an object, or `nil` when the object's kind has no such field.
  @inline(__always)
  func value(in object: ModelObject) -> Value? {
    guard let slot = slot(in: object.kind) else { return nil }
    return object.value(at: slot)
  }
}

/// Resolves the expressions of one check, in the order its names are defined.
///
/// Variables get slots in the order they are defined: the globals (``ModelSchema/globalNames``), then the
/// bindings, then the `let:` names. An expression is resolved with the names defined before it, as it was
/// type-checked, so a name resolves to the variable it was checked against.
struct ExpressionResolver {
  /// The slot of each variable defined so far.
  private var slots: [String: Int] = [:]
  /// By slot, the position in ``Frame/deferredLets`` of a variable that is evaluated when first read, or -1
  /// (a slot past the end is not deferred).
  private var deferredPositions: [Int] = []
  /// How many variable slots the check needs.
  private(set) var slotCount = 0

  /// A resolver that knows the globals.
  init() {
    self = ExpressionResolver.withGlobals
  }

  /// A resolver with the globals defined, made once: every check starts from a copy.
  private static let withGlobals: ExpressionResolver = {
    var resolver = ExpressionResolver(slots: [:])
    for name in ModelSchema.globalNames { _ = resolver.define(name) }
    return resolver
  }()

  /// A resolver with these slots defined (and as many slots).
  private init(slots: [String: Int]) {
    self.slots = slots
    slotCount = slots.count
  }

  /// Gives a newly defined variable its slot (the slot it already has, when it is defined again).
  mutating func define(_ name: String) -> Int {
    if let slot = slots[name] { return slot }
    slots[name] = slotCount
    slotCount += 1
    return slotCount - 1
  }

  /// Gives a `let:` variable that is defined once a slot of its own, read as ``ResolvedExpression/deferredLet(_:slot:)``
  /// at `position` in ``Frame/deferredLets``.
  ///
  /// - Precondition: No variable has the name yet.
  mutating func defineDeferred(_ name: String, position: Int) -> Int {
    precondition(slots[name] == nil, "a deferred let needs a slot of its own")
    let slot = define(name)
    while deferredPositions.count < slot { deferredPositions.append(-1) }
    deferredPositions.append(position)
    return slot
  }

  /// The position in ``Frame/deferredLets`` of the variable in a slot, when it is a deferred `let:`.
  private func deferredPosition(of slot: Int) -> Int? {
    slot < deferredPositions.count && deferredPositions[slot] >= 0 ? deferredPositions[slot] : nil
  }

  /// Whether a variable of that name has been defined (a global, a binding or a `let:`).
  func isDefined(_ name: String) -> Bool { slots[name] != nil }

  /// Resolves an expression at the top level of a check (outside any filter).
  func resolve(_ expression: Expression) -> ResolvedExpression {
    resolve(expression, filterDepth: 0)
  }

  /// The texts of a constant list that holds only texts, or `nil`.
  private static func texts(_ expression: ResolvedExpression) -> TextSet? {
    guard case .constant(.list(let values)) = expression else { return nil }
    var texts = Set<String>()
    for value in values {
      guard case .string(let text) = value else { return nil }
      texts.insert(text)
    }
    return TextSet(texts)
  }

  private func resolve(_ expression: Expression, filterDepth: Int) -> ResolvedExpression {
    func inner(_ expression: Expression) -> ResolvedExpression { resolve(expression, filterDepth: filterDepth) }
    switch expression {
    case .number(let value): return .constant(.number(value))
    case .string(let text): return .constant(.string(text))
    case .boolean(let flag): return .constant(.boolean(flag))
    case .null: return .constant(.null)
    case .list(let elements):
      let resolved = elements.map(inner)
      var values: [Value] = []
      for element in resolved {
        guard case .constant(let value) = element else { return .list(resolved) }
        values.append(value)
      }
      return .constant(.list(values))
    case .name(let name):
      let variable: ResolvedExpression
      if let slot = slots[name] {
        variable = deferredPosition(of: slot).map { .deferredLet($0, slot: slot) } ?? .variable(slot)
      } else {
        variable = .constant(.null)
      }
      if filterDepth > 0 {
        let field = FieldAccess(name)
        if field.isField { return .elementField(field, fallback: variable) }
        if name == "it" { return .innermostElement }
      }
      return variable
    case .member(let base, let field):
      let resolvedBase = inner(base)
      if case .variable(let slot) = resolvedBase { return .variableMember(slot, FieldAccess(field)) }
      return .member(resolvedBase, FieldAccess(field))
    case .filter(let base, let condition):
      return .filter(inner(base), resolve(condition, filterDepth: filterDepth + 1))
    case .call(let name, let arguments):
      guard let function = BuiltinFunctions.all[name] else { return .constant(.null) }
      return .call(function, arguments.map(inner))
    case .unary(let operation, let operand): return .unary(operation, inner(operand))
    case .binary(let operation, let left, let right):
      let resolvedLeft = inner(left)
      let resolvedRight = inner(right)
      switch (operation, resolvedLeft, resolvedRight) {
      case (.in, _, _), (.notIn, _, _):
        guard let texts = Self.texts(resolvedRight) else { break }
        return .textMembership(resolvedLeft, texts, negated: operation == .notIn)
      case (.equal, _, .constant(.string(let text))), (.notEqual, _, .constant(.string(let text))):
        return .textEquality(resolvedLeft, text, negated: operation == .notEqual)
      case (.equal, .constant(.string(let text)), _), (.notEqual, .constant(.string(let text)), _):
        // Evaluating is free of side effects, so the constant side may as well be the first.
        return .textEquality(resolvedRight, text, negated: operation == .notEqual)
      default:
        break
      }
      return .binary(operation, resolvedLeft, resolvedRight)
    case .test(let operand, let kind): return .test(inner(operand), kind)
    }
  }
}
