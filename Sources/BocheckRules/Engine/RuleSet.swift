import BocheckModel
import BocheckSystem

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a check run may be told from outside the filing.
public struct CheckOptions: Sendable {
  /// The shares-outstanding basis given with `--shares-outstanding`, which wins over the filing's own.
  public var sharesOutstanding: ExactDecimal?
  /// When set, only the rules with these ids run.
  public var onlyRules: Set<String>?
  /// Where ``sharesOutstanding`` comes from: `.option` (the command line) or `.configuration`.
  public var sharesOutstandingSource: BasisSource

  /// Creates options.
  public init(
    sharesOutstanding: ExactDecimal? = nil, onlyRules: Set<String>? = nil,
    sharesOutstandingSource: BasisSource = .option
  ) {
    self.sharesOutstanding = sharesOutstanding
    self.onlyRules = onlyRules
    self.sharesOutstandingSource = sharesOutstandingSource
  }
}

/// What checking one filing found.
public struct CheckResult: Sendable {
  /// The findings, sorted by ``Finding/reportOrder(_:_:)``.
  public let findings: [Finding]
  /// The shares-outstanding basis the percents were checked against, if there was one.
  public let basis: SharesOutstandingBasis?
}

/// The loaded rules, ready to check filings.
public struct RuleSet: Sendable {
  /// The rules, sorted by id.
  public let rules: [Rule]

  /// How each check of each rule runs (see ``CheckRunner/Program``), as the rules hold them: by rule, then by
  /// check, in the order of ``rules`` and their checks (kept apart so that a check run reads no rule's copy).
  private let programs: [[CheckRunner.Program]]

  /// Creates a rule set from loaded rules.
  public init(rules: [Rule]) {
    self.rules = rules.sorted { $0.id < $1.id }
    programs = self.rules.map(\.programs)
  }

  /// Loads every `.rule` file of the given folders.
  ///
  /// Files that do not end in `.rule` are ignored. A later folder may add rules; an id that is already loaded is
  /// an error.
  ///
  /// - Parameters:
  ///   - directories: Folders to read, in order.
  ///   - compiled: An archive of ``CompiledRules`` for the first folder: when that folder holds exactly the
  ///     files the archive was compiled from, its rules are taken from the archive instead of being parsed
  ///     again (the result is the same, only faster); otherwise the files are parsed.
  /// - Throws: ``RuleLoadError`` for a folder that cannot be read, and for the first invalid rule file.
  public static func load(directories: [String], compiled: String? = nil) throws(RuleLoadError) -> RuleSet {
    var rules: [Rule] = []
    var paths: [String: String] = [:]
    for (position, directory) in directories.enumerated() {
      guard FileSystem.isDirectory(directory) else {
        throw RuleLoadError(path: directory, line: 0, message: "no such folder of rules")
      }
      let (names, error) = FileSystem.names(in: directory)
      if let error {
        throw RuleLoadError(
          path: directory, line: 0, message: "cannot list the folder: \(FileSystem.errorDescription(error))")
      }
      let ruleNames = names.sorted().filter { $0.hasSuffix(".rule") }
      let precompiled =
        position == 0
        ? compiled.flatMap { CompiledRules.rules(archive: $0, directory: directory, names: ruleNames) }
        : nil
      for (index, name) in ruleNames.enumerated() {
        let path = joined(directory, name)
        let rule: Rule
        if let precompiled { rule = precompiled[index] } else { rule = try loadRule(path: path) }
        if let first = paths[rule.id] {
          throw RuleLoadError(path: path, line: 1, message: "rule '\(rule.id)' is already defined in \(first)")
        }
        paths[rule.id] = path
        rules.append(rule)
      }
    }
    return RuleSet(rules: rules)
  }

  /// Loads one rule file.
  ///
  /// - Throws: ``RuleLoadError`` when it cannot be read or is invalid.
  public static func loadRule(path: String) throws(RuleLoadError) -> Rule {
    guard let bytes = FileSystem.contents(of: path) else {
      throw RuleLoadError(path: path, line: 0, message: "cannot read the rule file")
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw RuleLoadError(path: path, line: 0, message: "the rule file is not UTF-8 text")
    }
    return try parseRule(text: text, path: path)
  }

  /// Parses a rule from its text.
  ///
  /// - Parameters:
  ///   - text: The rule file's contents.
  ///   - path: Its path; the file name without `.rule` must equal the id.
  public static func parseRule(text: String, path: String) throws(RuleLoadError) -> Rule {
    try RuleFileParser.parse(text: text, path: path)
  }

  /// The folder of the built-in rules.
  ///
  /// In order: the environment variable `BOCHECK_RULES_DIR`; `<executable dir>/../share/bocheck/Rules` (an
  /// installed tool); `<executable dir>/Rules`; the `Rules` folder of the source tree this file was built from.
  ///
  /// - Returns: The first of those that exists, or `nil`.
  public static func builtInDirectory() -> String? {
    if let fromEnvironment = getenv("BOCHECK_RULES_DIR").map({ String(cString: $0) }), !fromEnvironment.isEmpty {
      return fromEnvironment
    }
    // Paths are cut as strings: URL path arithmetic would cost a run over one filing a noticeable part
    // of its time.
    var candidates: [String] = []
    if let executable = executablePath() {
      let folder = parent(executable)
      candidates.append(joined(parent(folder), "share/bocheck/Rules"))
      candidates.append(joined(folder, "Rules"))
    }
    // Sources/BocheckRules/Engine/RuleSet.swift -> the package root.
    candidates.append(joined(parent(parent(parent(parent(#filePath)))), "Rules"))
    return candidates.first(where: FileSystem.isDirectory)
  }

  /// The running executable's path with symbolic links resolved: on Linux read from `/proc/self/exe` (which
  /// the kernel keeps resolved), elsewhere asked of the system and resolved with `realpath`.
  private static func executablePath() -> String? {
    #if os(Linux)
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let count = buffer.withUnsafeMutableBufferPointer { readlink("/proc/self/exe", $0.baseAddress!, $0.count - 1) }
      if count > 0 { return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
      return nil
    #elseif canImport(Darwin)
      var size: UInt32 = 0
      _ = _NSGetExecutablePath(nil, &size)
      var buffer = [CChar](repeating: 0, count: Int(size) + 1)
      guard _NSGetExecutablePath(&buffer, &size) == 0, let resolved = realpath(buffer, nil) else { return nil }
      defer { free(resolved) }
      return String(cString: resolved)
    #else
      return nil
    #endif
  }

  /// `path` without its last component and the slashes after it: `/a/b/c` gives `/a/b`, `/a` gives `/`.
  private static func parent(_ path: String) -> String {
    var path = Substring(path)
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// `name` inside `folder`.
  static func joined(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }

  /// Runs the rules over a filing.
  ///
  /// - Parameters:
  ///   - filing: The filing as read.
  ///   - options: The basis to use and the rules to run.
  /// - Returns: The findings in report order, without duplicates, and the basis used.
  public func check(_ filing: Filing, options: CheckOptions) -> CheckResult {
    let basis = SharesOutstandingBasis.resolve(
      for: filing, option: options.sharesOutstanding, optionSource: options.sharesOutstandingSource)
    let bridge = ModelBridge(filing: filing, basis: basis)
    var runner = CheckRunner.Runner(bridge: bridge)
    var findings = DistinctFindings()
    // The rules' ids and severities are read in place: a copy of a rule counts a reference for each of its
    // texts and lists.
    for ruleIndex in rules.indices where options.onlyRules?.contains(rules[ruleIndex].id) ?? true {
      for program in programs[ruleIndex] {
        let run = runner.run(program, ruleID: rules[ruleIndex].id, severity: rules[ruleIndex].severity)
        for finding in run { findings.insert(finding) }
      }
    }
    return CheckResult(findings: Finding.inReportOrder(findings.elements), basis: basis)
  }
}

/// The findings of one filing's check, each kept once, in the order first found.
///
/// A filing has few findings, so a new one is compared with the ones kept, where they point first (most
/// differ there); past ``linearLimit`` findings a set of them is made and asked instead, so that a filing with
/// many findings is not compared pair by pair. A set made for every filing cost some 2,900 instructions a
/// finding on the mixed bench files, mostly in hashing and growing it.
struct DistinctFindings {
  /// The findings, in the order first found.
  private(set) var elements: [Finding] = []
  /// The findings as a set, made once there are more than ``linearLimit`` of them.
  private var set: Set<Finding>?

  /// How many findings are compared one by one before a set of them is made.
  static let linearLimit = 32

  /// Adds a finding unless an equal one is kept already.
  mutating func insert(_ finding: Finding) {
    if set != nil {
      if set?.insert(finding).inserted == true { elements.append(finding) }
      return
    }
    for kept in elements where kept.line == finding.line && kept.column == finding.column && kept == finding {
      return
    }
    elements.append(finding)
    if elements.count > Self.linearLimit { set = Set(elements) }
  }
}

/// Evaluates one check over the objects of a filing.
enum CheckRunner {
  /// A check as it is run: its expressions resolved (see ``ExpressionResolver``) and its `let:` and `where:`
  /// steps planned, once when its rule file is parsed (for the built-in rules, at build time: ``CompiledRules``
  /// archives the programs).
  ///
  /// A `where:` is split into its `and`-ed conditions, which is the same test: the step passes when all of
  /// them are true. A step's value depends only on the bindings it names, directly or through the `let:`
  /// names it reads; it is evaluated the first time a binding reaches it and reused until one of those
  /// bindings moves on. A step that names no binding (for example `filing.parties[signs] is not empty` inside
  /// `for: person in persons`) is evaluated once, which keeps a check over every person linear in the number
  /// of persons; one that names only `person` inside `for: person in persons, row in person.rows` is
  /// evaluated once per person, not once per row. A name inside a filter may be an element's field rather
  /// than a variable; it is treated as a variable whenever a variable has that name, so the analysis errs
  /// only towards evaluating again.
  ///
  /// A `let:` is not evaluated where it stands but when something first reads it (``DeferredLet``), with the
  /// same reuse: a value that only the message, or the second half of an `or`, needs is not worked out for
  /// the bindings where nothing reads it.
  ///
  /// It is a class: each run of the check over a filing holds it, and sharing it costs one reference count
  /// where copying its many arrays and expressions cost one each.
  final class Program: Sendable {
    /// A `let:` or a `where:` condition as it is run.
    struct Step: Sendable {
      /// The slot a `let:` sets, or `nil` for a condition.
      let slot: Int?
      /// The value or the condition.
      let expression: ResolvedExpression
      /// How many of the outermost bindings its value depends on: it is the same while they keep their
      /// elements (0: the same for every binding).
      let level: Int
    }

    /// The check's own severity, when it overrides its rule's.
    let severity: Severity?
    /// The iterations, outermost first: the slot each binds and the list it runs over.
    let bindings: [(slot: Int, list: ResolvedExpression)]
    /// The steps in file order: the `where:` conditions, and the `let:`s that are not deferred.
    let steps: [Step]
    /// For each binding, the steps whose values change when it moves to its next element: those whose level
    /// is beyond its position.
    let stepsToForget: [[Int]]
    /// The `let:`s evaluated when first read: every `let:` whose name the check defines once and nothing
    /// else has (see ``DeferredLet``).
    let deferredLets: [DeferredLet]
    /// For each binding, the deferred `let:`s whose values change when it moves to its next element, by
    /// position in ``deferredLets``.
    let deferredLetsToForget: [[Int]]
    /// For each step, whether it is evaluated for every binding whatever its level: a `let:` whose slot
    /// another `let:` or a binding also sets, so that the slot may no longer hold its value when the step
    /// would be reused. The rule files' parser gives every name a slot of its own, so no step of theirs is.
    let reevaluated: [Bool]
    /// The condition that must hold.
    let expectation: ResolvedExpression
    /// What a finding points at.
    let target: ResolvedExpression
    /// The message.
    let message: ResolvedMessage
    /// The expected and actual values for reports, and the person's name when it is not the bound person's.
    let expected: ResolvedExpression?
    let actual: ResolvedExpression?
    let person: ResolvedExpression?
    /// How many variable slots the check uses; the first hold the globals.
    let slotCount: Int
    /// The `where:` conditions that test the innermost binding's element alone, and the expectation when it
    /// does, the cheapest tests first (see ``ElementCondition``).
    let elementConditions: [ElementCondition]

    init(_ check: RuleCheck) {
      severity = check.severity
      var resolver = ExpressionResolver()
      var bindings: [(slot: Int, list: ResolvedExpression)] = []
      for binding in check.bindings {
        let list = resolver.resolve(binding.list)
        bindings.append((resolver.define(binding.name), list))
      }
      // The level of each variable by slot: the position + 1 of the binding it depends on, the level of the
      // `let:` that sets it, or 0 for a variable that depends on no binding.
      var levels: [Int] = []
      func setLevel(_ level: Int, of slot: Int) {
        if slot >= levels.count { levels += repeatElement(0, count: slot + 1 - levels.count) }
        levels[slot] = level
      }
      for (position, binding) in bindings.enumerated() { setLevel(position + 1, of: binding.slot) }
      func level(_ expression: ResolvedExpression) -> Int {
        var result = 0
        expression.forEachVariable { slot in
          if slot < levels.count { result = max(result, levels[slot]) }
        }
        return result
      }
      // A `let:` is deferred when its name is defined once and by nothing else, so that its slot holds
      // nothing but its value (a check names a handful of variables: counted without a table).
      func definedOnce(_ name: String) -> Bool {
        var count = check.bindings.count { $0.name == name }
        for case .letting(let other, _) in check.steps where other == name { count += 1 }
        return count == 1
      }
      var steps: [Step] = []
      var deferredLets: [DeferredLet] = []
      var deferredLevels: [Int] = []
      for step in check.steps {
        switch step {
        case .letting(let name, let expression):
          let value = resolver.resolve(expression)
          let stepLevel = level(value)
          if !resolver.isDefined(name) && definedOnce(name) {
            let slot = resolver.defineDeferred(name, position: deferredLets.count)
            if stepLevel > 0 { setLevel(stepLevel, of: slot) }
            deferredLets.append(DeferredLet(slot: slot, expression: value))
            deferredLevels.append(stepLevel)
            continue
          }
          let slot = resolver.define(name)
          if stepLevel > 0 { setLevel(stepLevel, of: slot) }
          steps.append(Step(slot: slot, expression: value, level: stepLevel))
        case .filtering(let condition):
          for conjunct in condition.conjuncts {
            let resolved = resolver.resolve(conjunct)
            steps.append(Step(slot: nil, expression: resolved, level: level(resolved)))
          }
        }
      }
      self.bindings = bindings
      self.steps = steps
      stepsToForget = check.bindings.indices.map { position in
        steps.indices.filter { steps[$0].level > position }
      }
      self.deferredLets = deferredLets
      deferredLetsToForget = check.bindings.indices.map { position in
        deferredLevels.indices.filter { deferredLevels[$0] > position }
      }
      reevaluated = steps.map { step in
        guard let slot = step.slot else { return false }
        return steps.count { $0.slot == slot } > 1 || bindings.contains { $0.slot == slot }
      }
      expectation = resolver.resolve(check.expectation)
      target = resolver.resolve(check.target)
      message = ResolvedMessage(check.message, resolver: resolver)
      expected = check.expected.map(resolver.resolve)
      actual = check.actual.map(resolver.resolve)
      person = check.person.map(resolver.resolve)
      slotCount = resolver.slotCount
      elementConditions = Program.elementConditions(bindings, steps, expectation)
    }

    /// A program from its parts, as ``init(_:)`` planned them and ``CompiledRules`` archived them.
    init(
      bindings: [(slot: Int, list: ResolvedExpression)], steps: [Step], stepsToForget: [[Int]],
      deferredLets: [DeferredLet], deferredLetsToForget: [[Int]], reevaluated: [Bool],
      expectation: ResolvedExpression, target: ResolvedExpression, message: ResolvedMessage,
      expected: ResolvedExpression?, actual: ResolvedExpression?, person: ResolvedExpression?, slotCount: Int,
      severity: Severity?
    ) {
      self.bindings = bindings
      self.steps = steps
      self.stepsToForget = stepsToForget
      self.deferredLets = deferredLets
      self.deferredLetsToForget = deferredLetsToForget
      self.reevaluated = reevaluated
      self.expectation = expectation
      self.target = target
      self.message = message
      self.expected = expected
      self.actual = actual
      self.person = person
      self.slotCount = slotCount
      self.severity = severity
      elementConditions = Program.elementConditions(bindings, steps, expectation)
    }

    /// The conditions among the steps, and the expectation, that test the innermost binding's element alone,
    /// the cheapest tests first.
    ///
    /// Any one of them rules an element out, and evaluating is free of side effects, so the order they are
    /// asked in changes nothing but the time: an `is` test, which reads no text, before a comparison with a
    /// text, before a look-up among texts.
    ///
    /// None when a `let:` sets the innermost binding's slot, or another binding binds it: the slot then need
    /// not hold the element when a condition reads it.
    private static func elementConditions(
      _ bindings: [(slot: Int, list: ResolvedExpression)], _ steps: [Step], _ expectation: ResolvedExpression
    ) -> [ElementCondition] {
      guard let slot = bindings.last?.slot, bindings.count(where: { $0.slot == slot }) == 1,
        !steps.contains(where: { $0.slot == slot })
      else { return [] }
      var conditions = steps.compactMap { step in
        step.slot == nil ? ElementCondition(step.expression, slot: slot, findsWhen: true) : nil
      }
      if let tested = ElementCondition(expectation, slot: slot, findsWhen: false) { conditions.append(tested) }
      let ranked = conditions.enumerated().sorted { ($0.element.cost, $0.offset) < ($1.element.cost, $1.offset) }
      return ranked.map(\.element)
    }
  }

  /// A condition that tests a binding's element alone, or a field of it (`row.status != "malformed"`,
  /// `row is present`): an ``Evaluator/ValueTest`` of `.variable(slot)` or `.variableMember(slot, field)`,
  /// decided for an element before the element is bound.
  ///
  /// A step that is such a condition passes, and an expectation holds, for an element exactly when
  /// ``Evaluator/condition(_:in:)`` says so with the element bound: the field of an object is read as
  /// ``ResolvedExpression/variableMember(_:_:)`` reads it. It is decided only for an element that is an
  /// object; any other element is bound and evaluated in full.
  struct ElementCondition: Sendable {
    /// The field tested, or `nil` for the element itself.
    private let field: FieldAccess?
    /// What it is tested for.
    private let test: Evaluator.ValueTest
    /// The truth for which an element may give a finding: `true` for a `where:` condition, `false` for the
    /// expectation.
    private let findsWhen: Bool

    /// The condition a step or an expectation is, or `nil` for one of another form or about another variable.
    ///
    /// - Parameters:
    ///   - slot: The slot of the binding whose element the condition must test.
    ///   - findsWhen: `true` for a `where:` condition, `false` for the expectation.
    init?(_ condition: ResolvedExpression, slot: Int, findsWhen: Bool) {
      guard let (operand, test) = Evaluator.ValueTest.of(condition) else { return nil }
      switch operand {
      case .variable(let read) where read == slot: field = nil
      case .variableMember(let read, let field) where read == slot: self.field = field
      default: return nil
      }
      self.test = test
      self.findsWhen = findsWhen
    }

    /// How much asking the condition costs, as a rank: see ``ValueTest/cost``.
    var cost: Int { test.cost }

    /// Whether the condition holds for an element that is an object: `nil` where it is unknown.
    ///
    /// The object and its field are read in place, not copied into a value (which counted a reference to
    /// each and dropped it again, for every element of every check that tests its elements).
    @inline(__always)
    func truth(of object: ModelObject) -> Bool? {
      guard let field else { return test.truth(ofObject: object) }
      guard let slot = field.slot(in: object.kind) else { return test.truth(of: .null) }
      return test.truth(ofSlot: slot, in: object)
    }

    /// Whether the condition tells that an element that is an object gives no finding: a `where:` condition
    /// that is false or unknown for it, an expectation that is true or unknown.
    @inline(__always)
    func rulesOut(_ object: ModelObject) -> Bool {
      truth(of: object) != findsWhen
    }
  }

  /// Where a step stands for the current bindings.
  enum StepState: UInt8 {
    /// Not evaluated since a binding it depends on moved on.
    case pending
    /// Evaluated: a `let:` whose value its slot holds, or a condition that holds.
    case passed
    /// A condition that does not hold (false or unknown).
    case failed
  }

  /// Runs the checks of the rules over one filing, one after the other, in one frame and one list of step
  /// states, which each check clears and sizes for itself instead of allocating its own.
  struct Runner {
    /// How many variables are the globals, which every check shares.
    private let globalCount: Int
    /// Where a finding about the filing as a whole points.
    private let filingLocation: SourceLocation?
    /// The variables, the globals first, and the filters' elements.
    private var frame: Frame
    /// Where the running check's steps stand for the bindings they depend on.
    private var states: [StepState] = []

    /// A runner over a filing's objects.
    init(bridge: ModelBridge) {
      globalCount = bridge.globals.count
      filingLocation = bridge.filing.location
      frame = Frame(variables: bridge.globals, context: bridge.context)
      // Buffers of their own from the start: the optimizer makes an array unique before a loop that may
      // write it, and making the shared empty array unique allocates, for every binding of a check whose
      // steps never write it.
      states.reserveCapacity(16)
    }

    /// The findings of one check: one for each binding of its variables for which `expect` is false.
    ///
    /// - Parameters:
    ///   - program: The check as planned by ``Program/init(_:)``.
    ///   - ruleID: The id of the rule it belongs to.
    ///   - severity: The rule's severity, which the check's own overrides.
    mutating func run(_ program: Program, ruleID: String, severity: Severity) -> [Finding] {
      // Every variable after the globals starts unknown, as every step starts pending: set in place, as the
      // frame and the states hold about as many slots from check to check (a slot past the check's last
      // stays unknown, unread).
      for slot in globalCount..<frame.variables.count { frame.variables[slot] = .null }
      while frame.variables.count < program.slotCount { frame.variables.append(.null) }
      states.refill(with: .pending, count: program.steps.count)
      frame.deferredLets = program.deferredLets
      frame.deferredLetsKnown.refill(with: false, count: program.deferredLets.count)
      var run = Run(program: program, ruleID: ruleID, ruleSeverity: severity, filingLocation: filingLocation)
      run.iterate(bindingIndex: 0, frame: &frame, states: &states)
      return run.findings
    }
  }

  /// One check being run over one filing, with the variables, set in place as the bindings advance, and where
  /// its steps stand for the current bindings: the check and the findings.
  private struct Run {
    let program: Program
    /// The id and severity of the rule the check belongs to.
    let ruleID: String
    let ruleSeverity: Severity
    /// Where a finding about the filing as a whole points.
    let filingLocation: SourceLocation?
    var findings: [Finding] = []

    /// Binds the variables from `bindingIndex` on to each element of their lists in turn, then runs the
    /// steps and the expectation.
    ///
    /// A `let:` is only read by the steps after it, which set it again for every binding first, so the
    /// variables are set in place rather than copied for each binding. A `let:` evaluated for the current
    /// bindings leaves its value in its slot, where the next binding that does not change it finds it.
    ///
    /// - Parameters:
    ///   - frame: The variables.
    ///   - states: Where each step stands for the bindings it depends on, by index in ``Program/steps``.
    mutating func iterate(bindingIndex: Int, frame: inout Frame, states: inout [StepState]) {
      guard bindingIndex < program.bindings.count else {
        runSteps(frame: &frame, states: &states)
        return
      }
      let binding = program.bindings[bindingIndex]
      guard case .list(let items) = Evaluator.evaluate(binding.list, in: &frame) else { return }
      let stepsToForget = program.stepsToForget[bindingIndex]
      let deferredLetsToForget = program.deferredLetsToForget[bindingIndex]
      // The elements are read by index: iterating over the list copies each element once more (a reference
      // count) before its variable takes it.
      guard bindingIndex + 1 == program.bindings.count else {
        for index in items.indices {
          frame.variables[binding.slot] = items[index]
          forget(stepsToForget, deferredLetsToForget, frame: &frame, states: &states)
          iterate(bindingIndex: bindingIndex + 1, frame: &frame, states: &states)
        }
        return
      }
      // The innermost binding runs the steps itself, with the steps and the expectation read from the program
      // once: read from it for every binding, each costs a reference count.
      let steps = program.steps
      let reevaluated = program.reevaluated
      let expectation = program.expectation
      let elementConditions = program.elementConditions
      let testsElements = !elementConditions.isEmpty
      for index in items.indices {
        if testsElements, Run.passesOver(items, index, elementConditions) { continue }
        frame.variables[binding.slot] = items[index]
        forget(stepsToForget, deferredLetsToForget, frame: &frame, states: &states)
        runSteps(steps, reevaluated: reevaluated, expectation: expectation, frame: &frame, states: &states)
      }
    }

    /// Whether the element at `index` of the innermost binding's list is an object that gives no finding (see
    /// ``passesOver(_:_:)``).
    ///
    /// The object is lent to the conditions where the list keeps it, not copied out of the list: the list holds
    /// it while they are asked, and a copy counted a reference to it and dropped it again for every element of
    /// every check that tests its elements.
    @inline(__always)
    private static func passesOver(_ items: [Value], _ index: Int, _ conditions: [ElementCondition]) -> Bool {
      let element = items.withUnsafeBufferPointer { items -> Unmanaged<ModelObject>? in
        guard case .object(let object) = items[index] else { return nil }
        return Unmanaged.passUnretained(object)
      }
      return element?._withUnsafeGuaranteedRef { passesOver($0, conditions) } ?? false
    }

    /// Whether an object of the innermost binding's list gives no finding, told from the conditions that test
    /// it alone: one of the `where:` conditions does not hold for it, or the expectation is true or unknown.
    ///
    /// Evaluating is free of side effects, so an element passed over is one for which running the steps and
    /// the expectation would find nothing; it is not bound, and the steps it would have evaluated stay as the
    /// last element left them until the next element bound marks them pending.
    @inline(__always)
    private static func passesOver(_ element: ModelObject, _ conditions: [ElementCondition]) -> Bool {
      // Read in place: an element of the array read by its subscript is copied, its texts counted.
      conditions.withUnsafeBufferPointer { conditions in
        for index in conditions.indices where conditions[index].rulesOut(element) { return true }
        return false
      }
    }

    /// Marks the steps and the deferred `let:`s whose values a binding's next element changes as not known.
    @inline(__always)
    private func forget(
      _ steps: [Int], _ deferredLets: [Int], frame: inout Frame, states: inout [StepState]
    ) {
      for step in steps { states[step] = .pending }
      for position in deferredLets { frame.deferredLetsKnown[position] = false }
    }

    /// Runs the steps and the expectation for the current bindings, reusing the steps evaluated for them.
    private mutating func runSteps(frame: inout Frame, states: inout [StepState]) {
      runSteps(
        program.steps, reevaluated: program.reevaluated, expectation: program.expectation, frame: &frame,
        states: &states)
    }

    /// Runs the steps and the expectation (the program's) for the current bindings.
    private mutating func runSteps(
      _ steps: [Program.Step], reevaluated: [Bool], expectation: ResolvedExpression, frame: inout Frame,
      states: inout [StepState]
    ) {
      for index in steps.indices {
        let state = states[index]
        if state == .failed { return }
        if state == .pending || reevaluated[index] {
          if let slot = steps[index].slot {
            frame.variables[slot] = Evaluator.evaluate(steps[index].expression, in: &frame)
            states[index] = .passed
          } else if Evaluator.condition(steps[index].expression, in: &frame) == true {
            states[index] = .passed
          } else {
            states[index] = .failed
            return
          }
        }
      }
      guard Evaluator.condition(expectation, in: &frame) == false else { return }
      findings.append(finding(frame: &frame))
    }

    /// The finding for the current binding.
    private func finding(frame: inout Frame) -> Finding {
      let bound = program.bindings.map { frame.variables[$0.slot] }
      let innermostPerson: ModelObject? = bound.reversed().lazy.compactMap { value -> ModelObject? in
        if case .object(let object) = value, object.kind == .person { return object }
        return nil
      }.first
      let innermostLocated: ModelObject? = bound.reversed().lazy.compactMap { value -> ModelObject? in
        if case .object(let object) = value, object.location != nil { return object }
        return nil
      }.first
      var location = innermostLocated?.location ?? filingLocation
      switch Evaluator.evaluate(program.target, in: &frame) {
      case .object(let object):
        if let own = object.location { location = own }
      case .number(let line, _):
        if line.isInteger, line.numerator >= 1, line.numerator <= Int128(Int32.max) {
          location = SourceLocation(page: innermostPerson?.page, row: nil, line: Int(line.numerator), column: 1)
        }
      default:
        break
      }
      var personName: String?
      if let expression = program.person {
        // An empty name (from `when(...)` whose condition fails) means the finding has no person.
        if case .string(let name) = Evaluator.evaluate(expression, in: &frame), !name.isEmpty { personName = name }
      } else if let person = innermostPerson, case .string(let name) = person[PersonSlot.name] {
        personName = name
      }
      let resolved = location ?? SourceLocation(page: nil, row: nil, line: 1, column: 1)
      let message = program.message.render(in: &frame)
      let expected = program.expected.flatMap { ValueFormatter.plain(Evaluator.evaluate($0, in: &frame)) }
      let actual = program.actual.flatMap { ValueFormatter.plain(Evaluator.evaluate($0, in: &frame)) }
      return Finding(
        ruleID: ruleID, severity: program.severity ?? ruleSeverity, page: resolved.page, person: personName,
        row: resolved.row, line: resolved.line, column: resolved.column, message: message, expected: expected,
        actual: actual)
    }
  }
}

extension Array {
  /// Makes the first `count` elements copies of `value`, in the storage the array has, appending as many as
  /// it lacks: a runner's step states hold about as many slots from check to check, so they are set in place
  /// rather than made again. Inlined: as a call it cost 0.3 M instructions more on the mixed bench files.
  ///
  /// Elements past the first `count` are left as an earlier check set them: a check reads only the states of
  /// its own steps and deferred `let:`s, by their positions, so they are not dropped (which called the
  /// standard library's `removeLast(_:)` for about half the checks run).
  @inline(__always)
  fileprivate mutating func refill(with value: Element, count: Int) {
    for index in 0..<Swift.min(count, self.count) { self[index] = value }
    while self.count < count { append(value) }
  }
}
