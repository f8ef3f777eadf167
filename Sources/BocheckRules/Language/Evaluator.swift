import BocheckModel

/// What the building blocks need from the filing being checked, beyond the values they are given.
///
/// It is a class: every call of a building block is given it, and passing it on costs one reference count
/// where copying its tables cost one each. It is `Sendable` unchecked because its tables hold ``ModelObject``s
/// (see ``Value``).
///
/// The holders of each person and the index of the parties' names are worked out when a building block first
/// asks for them, not when the filing's objects are made: most filings attribute no person's shares to others,
/// so no rule asks for holders, and making either table costs more than many a rule. A context is made for
/// one filing's check and asked on the thread that runs it, so filling a table when first asked needs no lock.
final class EvaluationContext: @unchecked Sendable {
  /// The holders of each person (see ``OwnershipGraph``), as person objects, by the person's 1-based page.
  private var holdersByPage: Deferred<[Int: [Value]]>
  /// The persons whose row 1 has each name key, as person objects in page order: an index, so that a rule
  /// that looks for a person's namesakes does not filter every person for every person.
  let personsByNameKey: [String: [Value]]
  /// The parties by their names, in line order.
  private var partiesTable: Deferred<NameIndex<ModelObject>>

  /// A context whose holders and index of parties are made by these functions, each when first asked for.
  ///
  /// - Parameters:
  ///   - holdersByPage: Makes the holders of each person, as person objects, by the person's 1-based page.
  ///   - personsByNameKey: The persons whose row 1 has each name key, as person objects in page order.
  ///   - partiesByName: Makes the index of the parties by their names, in line order.
  init(
    holdersByPage: @escaping () -> [Int: [Value]], personsByNameKey: [String: [Value]],
    partiesByName: @escaping () -> NameIndex<ModelObject>
  ) {
    self.holdersByPage = Deferred(holdersByPage)
    self.personsByNameKey = personsByNameKey
    partiesTable = Deferred(partiesByName)
  }

  /// The holders of the person of a page (see ``OwnershipGraph``), as person objects; `nil` for a page that
  /// has no person.
  ///
  /// - Parameter page: The person's 1-based page.
  func holders(ofPage page: Int) -> [Value]? {
    holdersByPage.value[page]
  }

  /// The parties by their names, in line order: a filing's few parties are compared one by one with a name,
  /// and many are filed in an index, so that a rule that looks for a person's signature does not compare
  /// every party's name with every person's.
  var partiesByName: NameIndex<ModelObject> {
    partiesTable.value
  }
}

/// A value worked out by a function the first time it is read, and kept.
///
/// The function is dropped once it has run, with whatever it captured.
struct Deferred<Wrapped> {
  /// What a state holds: the function, until the value is read, then the value.
  private enum State {
    case pending(() -> Wrapped)
    case made(Wrapped)
  }

  private var state: State

  /// A value that `make` works out when it is first read.
  init(_ make: @escaping () -> Wrapped) {
    state = .pending(make)
  }

  /// The value, worked out now if it was not read before.
  var value: Wrapped {
    mutating get {
      switch state {
      case .made(let value): return value
      case .pending(let make):
        let value = make()
        state = .made(value)
        return value
      }
    }
  }
}

/// The values of a call's arguments, kept inline so that a call allocates no array for them.
///
/// No building block takes more than three arguments (see ``BuiltinFunctions``).
struct Arguments {
  private var first = Value.null
  private var second = Value.null
  private var third = Value.null
  /// How many arguments were appended.
  private(set) var count = 0

  /// The most arguments a call can have.
  static let capacity = 3

  /// No arguments yet, for a call to append its arguments to.
  ///
  /// Its own initializer, not the one below given an empty list: that one made and walked the list for every
  /// call a rule makes.
  init() {}

  /// Arguments with these values (at most ``capacity``).
  init(_ values: [Value]) {
    for value in values { append(value) }
  }

  /// The argument at a 0-based position; `null` past the last.
  subscript(index: Int) -> Value {
    switch index {
    case 0: return first
    case 1: return second
    case 2: return third
    default: return .null
    }
  }

  /// Adds the next argument; one past ``capacity`` is dropped, as the type checker lets no call have it.
  mutating func append(_ value: Value) {
    switch count {
    case 0: first = value
    case 1: second = value
    case 2: third = value
    default: return
    }
    count += 1
  }
}

/// A `let:` whose expression is evaluated when an expression first reads it, not where the check defines it.
///
/// Evaluating is free of side effects, so a value worked out when first read is the one worked out in file order;
/// a `let:` that only a message, or the second half of an `or`, reads is then not evaluated for the bindings
/// where nothing reads it.
struct DeferredLet: Sendable {
  /// The variable's slot, where its value is kept once evaluated.
  let slot: Int
  /// Its value.
  let expression: ResolvedExpression
}

/// The values an expression sees while it is evaluated: the check's variables by slot and the elements of
/// the filters being evaluated.
struct Frame: Sendable {
  /// The variables by slot (see ``ExpressionResolver``).
  var variables: [Value]
  /// The elements of the filters being evaluated, innermost last.
  var elements: [Value] = []
  /// The filing-wide facts the building blocks use.
  let context: EvaluationContext
  /// The running check's `let:`s that are evaluated when first read (see ``ResolvedExpression/deferredLet(_:slot:)``).
  var deferredLets: [DeferredLet] = []
  /// For each of ``deferredLets``, whether its slot holds its value for the current bindings; the check's
  /// runner clears it when a binding the `let:` depends on moves on. Entries past the running check's
  /// deferred `let:`s are left from an earlier check, and not read.
  var deferredLetsKnown: [Bool] = []

  /// A frame with the given variables and no filter.
  init(variables: [Value], context: EvaluationContext) {
    self.variables = variables
    self.context = context
    // A buffer of its own, so that a filter's first push does not allocate (see ``CheckRunner/Runner``).
    elements.reserveCapacity(4)
  }

  /// The value of a deferred `let:`, evaluated now if its slot does not hold it yet.
  ///
  /// It is evaluated as in file order: outside every filter, whatever filter is reading it, so that a name in
  /// it means what it meant where the check defines it.
  ///
  /// - Parameter position: Its position in ``deferredLets``.
  mutating func deferredLet(_ position: Int) -> Value {
    let slot = deferredLets[position].slot
    if deferredLetsKnown[position] { return variables[slot] }
    var outerElements: [Value] = []
    if !elements.isEmpty { swap(&outerElements, &elements) }
    let value = Evaluator.evaluate(deferredLets[position].expression, in: &self)
    if !outerElements.isEmpty { swap(&outerElements, &elements) }
    variables[slot] = value
    deferredLetsKnown[position] = true
    return value
  }
}

/// Evaluates expressions with three-valued logic and exact arithmetic.
///
/// Any operation on an unknown value gives an unknown value, except `and`/`or` when the other side decides
/// (`false and ?` is false, `true or ?` is true) and the `is null` tests. A filter whose condition is unknown for
/// some element gives an unknown list. Arithmetic is exact on ``Rational``; overflow and division by zero give an
/// unknown value, never a crash.
enum Evaluator {
  /// Evaluates an expression.
  ///
  /// - Parameters:
  ///   - expression: A type-checked expression, resolved by ``ExpressionResolver``.
  ///   - frame: The variables and context; a filter pushes its element while its condition is evaluated and
  ///     pops it after.
  static func evaluate(_ expression: ResolvedExpression, in frame: inout Frame) -> Value {
    switch expression {
    case .constant(let value): return value
    case .list(let elements):
      var values: [Value] = []
      values.reserveCapacity(elements.count)
      for element in elements { values.append(evaluate(element, in: &frame)) }
      return .list(values)
    case .variable(let slot): return frame.variables[slot]
    case .deferredLet(let position, _): return frame.deferredLet(position)
    case .elementField(let field, let fallback):
      // A name inside a filter is the innermost element's field when its kind has the field.
      for element in frame.elements.reversed() {
        guard case .object(let object) = element, let value = field.value(in: object) else { continue }
        return value
      }
      return evaluate(fallback, in: &frame)
    case .innermostElement: return frame.elements.last ?? .null
    case .member(let base, let field): return member(evaluate(base, in: &frame), field)
    case .variableMember(let slot, let field):
      if case .object(let object) = frame.variables[slot] { return field.value(in: object) ?? .null }
      return member(frame.variables[slot], field)
    case .filter(let base, let condition):
      guard case .list(let items) = evaluate(base, in: &frame) else { return .null }
      // The kept elements are copied only from the first element left out, into a buffer that holds them
      // all: a filter that keeps every element gives the list itself.
      var kept: [Value]?
      let decided = decideFilter(items, condition, in: &frame) { index, keeps in
        if keeps {
          kept?.append(items[index])
        } else if kept == nil {
          var buffer: [Value] = []
          buffer.reserveCapacity(items.count - 1)
          buffer.append(contentsOf: items[..<index])
          kept = buffer
        }
      }
      return decided ? .list(kept ?? items) : .null
    case .call(let function, let arguments):
      // A count of a filter's elements: the kept elements are counted, not copied into a list.
      if function.countsElements, arguments.count == 1, case .filter(let base, let condition) = arguments[0] {
        return countKept(base, condition, in: &frame)
      }
      // A sum (or smallest, or largest) of a member of a list's elements: the members are folded as they are
      // read, not copied into a list.
      if let fold = function.numberFold, arguments.count == 1, case .member(let base, let field) = arguments[0] {
        return foldMembers(fold, base, field, in: &frame)
      }
      var values = Arguments()
      for argument in arguments { values.append(evaluate(argument, in: &frame)) }
      return function.evaluate(values, frame.context)
    case .unary(.negate, let operand):
      guard let number = numberOf(evaluate(operand, in: &frame)) else { return .null }
      guard let negated = try? Rational.zero - number.value else { return .null }
      return .number(negated, decimals: number.decimals)
    case .unary(.not, let operand):
      guard case .boolean(let flag) = evaluate(operand, in: &frame) else { return .null }
      return .boolean(!flag)
    case .binary(.and, let left, let right):
      let leftValue = evaluate(left, in: &frame)
      if case .boolean(false) = leftValue { return .boolean(false) }
      let rightValue = evaluate(right, in: &frame)
      if case .boolean(false) = rightValue { return .boolean(false) }
      if case .boolean(true) = leftValue, case .boolean(true) = rightValue { return .boolean(true) }
      return .null
    case .binary(.or, let left, let right):
      let leftValue = evaluate(left, in: &frame)
      if case .boolean(true) = leftValue { return .boolean(true) }
      let rightValue = evaluate(right, in: &frame)
      if case .boolean(true) = rightValue { return .boolean(true) }
      if case .boolean(false) = leftValue, case .boolean(false) = rightValue { return .boolean(false) }
      return .null
    case .binary(let operation, let left, let right):
      let leftValue = evaluate(left, in: &frame)
      return binary(operation, leftValue, evaluate(right, in: &frame))
    case .test(let operand, let kind):
      return test(operandValue(operand, in: &frame), kind)
    case .textMembership(let operand, let texts, let negated):
      return textComparison(operandValue(operand, in: &frame), negated: negated) { texts.contains($0) }
        .map(Value.boolean) ?? .null
    case .textEquality(let operand, let text, let negated):
      return textComparison(operandValue(operand, in: &frame), negated: negated) { $0 == text }
        .map(Value.boolean) ?? .null
    }
  }

  /// Evaluates a condition: whether it is true, false or neither (unknown, or a value that is no truth value).
  ///
  /// It is ``evaluate(_:in:)`` of the expression with `.boolean(true)`, `.boolean(false)` and any other value told
  /// apart, as the steps, the expectation and a filter read it, without making the truth value a ``Value``: the
  /// tests, comparisons, memberships, a filter element's field and `and`, `or` and `not` of conditions, most of
  /// what those read, answer here.
  ///
  /// - Returns: `true` or `false`, or `nil` when the value is no truth value.
  static func condition(_ expression: ResolvedExpression, in frame: inout Frame) -> Bool? {
    switch expression {
    case .test(let operand, let kind):
      return testTruth(operandValue(operand, in: &frame), kind)
    case .textMembership(let operand, let texts, let negated):
      return textComparison(operandValue(operand, in: &frame), negated: negated) { texts.contains($0) }
    case .textEquality(let operand, let text, let negated):
      return textComparison(operandValue(operand, in: &frame), negated: negated) { $0 == text }
    case .unary(.not, let operand):
      return condition(operand, in: &frame).map { !$0 }
    case .binary(.and, let left, let right):
      let leftValue = condition(left, in: &frame)
      if leftValue == false { return false }
      let rightValue = condition(right, in: &frame)
      if rightValue == false { return false }
      if leftValue == true, rightValue == true { return true }
      return nil
    case .binary(.or, let left, let right):
      let leftValue = condition(left, in: &frame)
      if leftValue == true { return true }
      let rightValue = condition(right, in: &frame)
      if rightValue == true { return true }
      if leftValue == false, rightValue == false { return false }
      return nil
    case .elementField:
      return truth(operandValue(expression, in: &frame))
    case .binary(let operation, let left, let right) where operation.isRelation:
      let leftValue = evaluate(left, in: &frame)
      return relation(operation, leftValue, evaluate(right, in: &frame))
    default:
      return truth(evaluate(expression, in: &frame))
    }
  }

  /// The truth a value stands for as a condition: `nil` for a value that is no truth value.
  @inline(__always)
  private static func truth(_ value: Value) -> Bool? {
    if case .boolean(let flag) = value { return flag }
    return nil
  }

  /// The number of elements a filter keeps, as `count` gives it for the filter's list.
  ///
  /// It is unknown when the base is not a list or the condition is unknown for some element, as the filter is.
  ///
  /// - Parameters:
  ///   - base: The filtered list.
  ///   - condition: The filter's condition.
  ///   - frame: The variables and context.
  private static func countKept(
    _ base: ResolvedExpression, _ condition: ResolvedExpression, in frame: inout Frame
  ) -> Value {
    guard case .list(let items) = evaluate(base, in: &frame) else { return .null }
    var kept = 0
    let decided = decideFilter(items, condition, in: &frame) { _, keeps in if keeps { kept += 1 } }
    return decided ? .number(Rational(kept), decimals: nil) : .null
  }

  /// The fold of `base.field` (see ``NumberFold/fold(_:)``), as the building block gives it for the list of
  /// the members, worked out without making that list; when the base is a filter, without making the list of
  /// the elements it keeps either.
  ///
  /// - Parameters:
  ///   - fold: How the numbers are combined.
  ///   - base: The expression whose elements' field is folded.
  ///   - field: The field.
  ///   - frame: The variables and context.
  private static func foldMembers(
    _ fold: NumberFold, _ base: ResolvedExpression, _ field: FieldAccess, in frame: inout Frame
  ) -> Value {
    if case .filter(let filtered, let condition) = base {
      // A filter that is unknown makes its members unknown, and the fold.
      guard case .list(let items) = evaluate(filtered, in: &frame) else { return .null }
      var folding = NumberFold.Folding(fold)
      let decided = decideFilter(items, condition, in: &frame) { index, keeps in
        if keeps { folding.addMembers(of: items[index], field) }
      }
      return decided ? folding.result : .null
    }
    let value = evaluate(base, in: &frame)
    guard case .list(let items) = value else { return fold.fold(member(value, field)) }
    var folding = NumberFold.Folding(fold)
    for index in items.indices where !folding.failed { folding.addMembers(of: items[index], field) }
    return folding.result
  }

  /// Evaluates a filter's condition on each element of its list, in order, the element pushed on the frame's
  /// elements while its condition is evaluated, and hands each decision to `decide`.
  ///
  /// The elements are read by index: iterating over the list copies each element once more (a reference
  /// count) before the frame takes it.
  ///
  /// - Parameters:
  ///   - items: The filtered list.
  ///   - condition: The filter's condition.
  ///   - frame: The variables and context.
  ///   - decide: Called with each element's index and whether the filter keeps it.
  /// - Returns: `false` when the condition is neither true nor false for some element (the filter is then
  ///   unknown; the elements after it are not looked at), `true` otherwise.
  @inline(__always)
  private static func decideFilter(
    _ items: [Value], _ condition: ResolvedExpression, in frame: inout Frame, _ decide: (Int, Bool) -> Void
  ) -> Bool {
    frame.elements.append(.null)
    defer { frame.elements.removeLast() }
    let slot = frame.elements.count - 1
    // A text comparison of a field of the element, such as `rows[status != "missing"]`, reads an element
    // whose kind has the field in place: pushing it and evaluating the condition cost several copies of it.
    let shortcut = ElementTextTest(condition)
    for index in items.indices {
      if let shortcut, case .object(let object) = items[index], let fieldSlot = shortcut.field.slot(in: object.kind) {
        guard let keeps = shortcut.truth(ofSlot: fieldSlot, in: object) else { return false }
        decide(index, keeps)
        continue
      }
      frame.elements[slot] = items[index]
      guard let keeps = self.condition(condition, in: &frame) else { return false }
      decide(index, keeps)
    }
    return true
  }

  /// A filter's condition that tests a field of the filter's element alone (a ``ValueTest``):
  /// `field == "text"`, `field != "text"`, `field in [...]`, `field not in [...]` or `field is ...`, the field
  /// read as ``ResolvedExpression/elementField(_:fallback:)`` reads it.
  ///
  /// An element whose kind has the field gives the field's value, as the innermost element is looked at first;
  /// the condition's truth is then ``condition(_:in:)``'s for that value. Any other element is evaluated in full.
  private struct ElementTextTest {
    /// The field of the element.
    let field: FieldAccess
    /// What the field's value is tested for.
    private let test: ValueTest

    /// The test a condition is, or `nil` for a condition of another form.
    @inline(__always)
    init?(_ condition: ResolvedExpression) {
      guard let (operand, test) = ValueTest.of(condition), case .elementField(let field, _) = operand else {
        return nil
      }
      (self.field, self.test) = (field, test)
    }

    /// Whether the condition holds for an element whose kind keeps the field in this slot, the field's value
    /// read in place.
    @inline(__always)
    func truth(ofSlot slot: Int, in object: ModelObject) -> Bool? {
      test.truth(ofSlot: slot, in: object)
    }
  }

  /// A condition that tests one value and needs nothing else: a comparison with texts (`== "text"`,
  /// `!= "text"`, `in [...]`, `not in [...]`, see ``textComparison(_:negated:_:)``) or an `is` test.
  ///
  /// Its truth for a value is ``condition(_:in:)``'s for the condition whose operand has that value, worked
  /// out without a frame: the filters and the check runner decide it for an element they have not pushed.
  struct ValueTest: Sendable {
    /// What the value is tested for.
    private enum Kind {
      case equality(String)
      case membership(TextSet)
      case test(TestKind)
    }

    private let kind: Kind
    /// Whether the comparison is `!=` or `not in`.
    private let negated: Bool

    /// The test a condition makes and the operand it makes it of, or `nil` for a condition of another form.
    @inline(__always)
    static func of(_ condition: ResolvedExpression) -> (operand: ResolvedExpression, test: ValueTest)? {
      switch condition {
      case .textEquality(let operand, let text, let negated):
        return (operand, ValueTest(kind: .equality(text), negated: negated))
      case .textMembership(let operand, let texts, let negated):
        return (operand, ValueTest(kind: .membership(texts), negated: negated))
      case .test(let operand, let kind):
        return (operand, ValueTest(kind: .test(kind), negated: false))
      default:
        return nil
      }
    }

    /// How much the test costs, as a rank: 0 for an `is` test, 1 for a comparison with a text, 2 for a look-up
    /// among texts.
    var cost: Int {
      switch kind {
      case .test: return 0
      case .equality: return 1
      case .membership: return 2
      }
    }

    /// Whether the condition holds when its operand has this value: `nil` where it is unknown.
    @inline(__always)
    func truth(of value: Value) -> Bool? {
      switch kind {
      case .equality(let expected): return Evaluator.textComparison(value, negated: negated) { $0 == expected }
      case .membership(let texts): return Evaluator.textComparison(value, negated: negated) { texts.contains($0) }
      case .test(let test): return Evaluator.testTruth(value, test)
      }
    }

    /// Whether the condition holds when its operand is the value in a slot of an object (unknown past the
    /// slots it keeps): ``truth(of:)`` of the value, read where the object keeps it (see
    /// ``ModelObject/withValue(at:_:)``).
    @inline(__always)
    func truth(ofSlot slot: Int, in object: ModelObject) -> Bool? {
      object.withValue(at: slot) { truth(of: $0) }
    }

    /// Whether the condition holds when its operand is an object: ``truth(of:)`` of the object as a value,
    /// worked out without making it one (which counts a reference to it). An object is no text, so it compares
    /// false with texts (true when negated).
    @inline(__always)
    func truth(ofObject object: ModelObject) -> Bool? {
      switch kind {
      case .equality, .membership: return negated
      case .test(let test): return Evaluator.testTruth(ofObject: object, test)
      }
    }
  }

  /// The truth of a comparison of a value with texts (`==`, `!=`, `in`, `not in`): unknown for an unknown value;
  /// only a text equals a text, so any other value compares false (true when negated).
  ///
  /// - Parameters:
  ///   - value: The value compared.
  ///   - negated: Whether the comparison is `!=` or `not in`.
  ///   - matches: Whether a text equals the text, or is one of the texts, compared with.
  @inline(__always)
  private static func textComparison(_ value: Value, negated: Bool, _ matches: (String) -> Bool) -> Bool? {
    switch value {
    case .null: return nil
    case .string(let text): return matches(text) != negated
    default: return negated
    }
  }

  /// The value of a test's or a comparison's operand: a field of a variable that holds an object, and a field
  /// of the innermost filter's element when that element has it, are read at once (as ``evaluate(_:in:)`` reads
  /// them); any other operand is evaluated.
  @inline(__always)
  private static func operandValue(_ operand: ResolvedExpression, in frame: inout Frame) -> Value {
    switch operand {
    case .variableMember(let slot, let field):
      if case .object(let object) = frame.variables[slot] { return field.value(in: object) ?? .null }
    case .elementField(let field, _):
      if case .object(let object)? = frame.elements.last, let value = field.value(in: object) { return value }
    default:
      break
    }
    return evaluate(operand, in: &frame)
  }

  /// The number a value stands for (a number, or a row's shares or percent), or `nil` when unknown.
  static func numberOf(_ value: Value) -> (value: Rational, decimals: Int?)? {
    guard let numeric = value.numeric, let known = numeric else { return nil }
    return known
  }

  /// `base.field`, mapped over lists and flattening lists of lists.
  static func member(_ base: Value, _ field: FieldAccess) -> Value {
    switch base {
    case .object(let object): return field.value(in: object) ?? .null
    case .list(let items):
      var result: [Value] = []
      result.reserveCapacity(items.count)
      for item in items {
        let value = member(item, field)
        if case .list(let inner) = value { result.append(contentsOf: inner) } else { result.append(value) }
      }
      return .list(result)
    default: return .null
    }
  }

  /// Three-valued equality: numbers and rows compare by number, objects by identity, lists element by element.
  ///
  /// - Returns: `nil` when either side is unknown.
  static func equal(_ left: Value, _ right: Value) -> Bool? {
    if let leftNumeric = left.numeric, let rightNumeric = right.numeric {
      guard let leftNumber = leftNumeric, let rightNumber = rightNumeric else { return nil }
      return leftNumber.value == rightNumber.value
    }
    switch (left, right) {
    case (.null, _), (_, .null): return nil
    case (.boolean(let a), .boolean(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    case (.object(let a), .object(let b)): return a === b
    case (.list(let a), .list(let b)):
      guard a.count == b.count else { return false }
      var unknown = false
      for (x, y) in zip(a, b) {
        switch equal(x, y) {
        case .some(false): return false
        case nil: unknown = true
        case .some(true): continue
        }
      }
      return unknown ? nil : true
    default: return false
    }
  }

  private static func binary(_ operation: BinaryOperator, _ left: Value, _ right: Value) -> Value {
    switch operation {
    case .add, .subtract, .multiply, .divide:
      if operation == .add, case .string(let a) = left, case .string(let b) = right { return .string(a + b) }
      if operation == .add, case .list(let a) = left, case .list(let b) = right { return .list(a + b) }
      guard let a = numberOf(left), let b = numberOf(right) else { return .null }
      do {
        switch operation {
        case .add: return .number(try a.value + b.value, decimals: nil)
        case .subtract: return .number(try a.value - b.value, decimals: nil)
        case .multiply: return .number(try a.value * b.value, decimals: nil)
        default: return .number(try a.value / b.value, decimals: nil)
        }
      } catch {
        return .null
      }
    case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .in, .notIn:
      return relation(operation, left, right).map { .boolean($0) } ?? .null
    case .and, .or:
      return .null
    }
  }

  /// Whether a comparison or a membership holds, as a condition reads ``binary(_:_:_:)`` of it: `nil` where it is
  /// unknown, and for an operation that is neither.
  ///
  /// Inlined where a condition reads it, so that the truth value is not made a ``Value`` first.
  @inline(__always)
  private static func relation(_ operation: BinaryOperator, _ left: Value, _ right: Value) -> Bool? {
    switch operation {
    case .equal, .notEqual:
      guard let same = equal(left, right) else { return nil }
      return operation == .equal ? same : !same
    case .less, .lessOrEqual, .greater, .greaterOrEqual:
      let ordering: Int
      if case .string(let a) = left, case .string(let b) = right {
        ordering = a < b ? -1 : (a == b ? 0 : 1)
      } else if let a = numberOf(left), let b = numberOf(right) {
        ordering = a.value < b.value ? -1 : (a.value == b.value ? 0 : 1)
      } else {
        return nil
      }
      switch operation {
      case .less: return ordering < 0
      case .lessOrEqual: return ordering <= 0
      case .greater: return ordering > 0
      default: return ordering >= 0
      }
    case .in, .notIn:
      guard case .list(let items) = right, !left.isNull else { return nil }
      var unknown = false
      var found = false
      for item in items {
        switch equal(left, item) {
        case .some(true): found = true
        case nil: unknown = true
        case .some(false): continue
        }
        if found { break }
      }
      if !found && unknown { return nil }
      return operation == .in ? found : !found
    case .add, .subtract, .multiply, .divide, .and, .or:
      return nil
    }
  }

  private static func test(_ value: Value, _ kind: TestKind) -> Value {
    testTruth(value, kind).map { .boolean($0) } ?? .null
  }

  /// Whether a test holds of a value, as a condition reads ``test(_:_:)``: `nil` where the test is unknown.
  ///
  /// Inlined where a condition reads it, so that the truth value is not made a ``Value`` first.
  @inline(__always)
  private static func testTruth(_ value: Value, _ kind: TestKind) -> Bool? {
    // An object is told by its own rules, which a test of an element that is one asks directly.
    if case .object(let object) = value { return testTruth(ofObject: object, kind) }
    switch kind {
    case .null: return value.isNull
    case .notNull: return !value.isNull
    case .empty, .notEmpty:
      let empty: Bool
      switch value {
      case .list(let items): empty = items.isEmpty
      case .string(let text): empty = text.isEmpty
      default: return nil
      }
      return kind == .empty ? empty : !empty
    case .missing, .present:
      // Any other value than an object (the type checker lets through one whose type it cannot tell) has no
      // status and is unknown.
      return nil
    }
  }

  /// Whether a test holds of an object, read in place (making it a ``Value`` counts a reference to it): an object
  /// is known, neither empty nor not empty, and missing or present by its status when it is a row (no other kind
  /// of object has a `status` field). ``testTruth(_:_:)`` asks it of a value that is an object.
  @inline(__always)
  fileprivate static func testTruth(ofObject object: ModelObject, _ kind: TestKind) -> Bool? {
    switch kind {
    case .null: return false
    case .notNull: return true
    case .empty, .notEmpty: return nil
    case .missing, .present:
      guard object.kind == .row else { return nil }
      return object.withValue(at: RowSlot.status.rawValue) { value -> Bool? in
        guard case .string(let status) = value else { return nil }
        let missing = status == ReadStatus.missing.rawValue
        return kind == .missing ? missing : !missing
      }
    }
  }

}

extension BinaryOperator {
  /// Whether the operator compares its operands or tests membership, which gives a truth value or unknown:
  /// `==`, `!=`, `<`, `<=`, `>`, `>=`, `in` and `not in`.
  fileprivate var isRelation: Bool {
    switch self {
    case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .in, .notIn: return true
    case .add, .subtract, .multiply, .divide, .and, .or: return false
    }
  }
}
