import BocheckModel
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
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

  /// How each check of each rule runs its steps (see ``CheckRunner/StepPlan``), worked out once: by rule, then
  /// by check, in the order of ``rules`` and their checks.
  private let plans: [[CheckRunner.StepPlan]]

  /// Creates a rule set from loaded rules.
  public init(rules: [Rule]) {
    self.rules = rules.sorted { $0.id < $1.id }
    plans = self.rules.map { rule in rule.checks.map(CheckRunner.StepPlan.init) }
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
      guard isDirectory(directory) else {
        throw RuleLoadError(path: directory, line: 0, message: "no such folder of rules")
      }
      let names: [String]
      do {
        names = try FileManager.default.contentsOfDirectory(atPath: directory)
      } catch {
        throw RuleLoadError(path: directory, line: 0, message: "cannot list the folder: \(error)")
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
    guard let data = FileManager.default.contents(atPath: path) else {
      throw RuleLoadError(path: path, line: 0, message: "cannot read the rule file")
    }
    guard let text = String(data: data, encoding: .utf8) else {
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
    // Paths are cut as strings: Foundation's URL path arithmetic costs a run over one filing a noticeable part
    // of its time.
    var candidates: [String] = []
    if let executable = executablePath() {
      let folder = parent(executable)
      candidates.append(joined(parent(folder), "share/bocheck/Rules"))
      candidates.append(joined(folder, "Rules"))
    }
    // Sources/BocheckRules/Engine/RuleSet.swift -> the package root.
    candidates.append(joined(parent(parent(parent(parent(#filePath)))), "Rules"))
    return candidates.first(where: isDirectory)
  }

  /// The running executable's path with symbolic links resolved: on Linux read from `/proc/self/exe` (which
  /// the kernel keeps resolved), as `Bundle.main` does, without setting up a bundle.
  private static func executablePath() -> String? {
    #if os(Linux)
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let count = buffer.withUnsafeMutableBufferPointer { readlink("/proc/self/exe", $0.baseAddress!, $0.count - 1) }
      if count > 0 { return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
      return nil
    #else
      return Bundle.main.executableURL?.resolvingSymlinksInPath().path
    #endif
  }

  /// Whether `path` names a folder (a symbolic link to one counts).
  static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
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
    var findings: [Finding] = []
    var seen = Set<Finding>()
    for (ruleIndex, rule) in rules.enumerated() where options.onlyRules?.contains(rule.id) ?? true {
      for (checkIndex, check) in rule.checks.enumerated() {
        let plan = plans[ruleIndex][checkIndex]
        for finding in CheckRunner.run(check, of: rule, plan: plan, bridge: bridge) where seen.insert(finding).inserted
        {
          findings.append(finding)
        }
      }
    }
    return CheckResult(findings: findings.sorted(by: Finding.reportOrder), basis: basis)
  }
}

/// Evaluates one check over the objects of a filing.
enum CheckRunner {
  /// The findings of one check: one for each binding of its variables for which `expect` is false.
  ///
  /// - Parameters:
  ///   - check: The check.
  ///   - rule: The rule it belongs to.
  ///   - plan: Its steps as planned by ``StepPlan/init(_:)``, with no value computed yet.
  ///   - bridge: The filing's objects.
  static func run(_ check: RuleCheck, of rule: Rule, plan: StepPlan, bridge: ModelBridge) -> [Finding] {
    var findings: [Finding] = []
    let environment = Environment(variables: bridge.globals, context: bridge.context)
    var plan = plan
    iterate(check, bindingIndex: 0, environment: environment, bound: [], plan: &plan) { environment, bound in
      guard case .boolean(false) = Evaluator.evaluate(check.expectation, in: environment) else { return }
      findings.append(finding(check, rule: rule, environment: environment, bound: bound, bridge: bridge))
    }
    return findings
  }

  /// A check's `let:` and `where:` steps as they are run, with the values of those that do not depend on the
  /// bindings computed once.
  ///
  /// A `where:` is split into its `and`-ed conditions, which is the same test: the step passes when all of
  /// them are true. A step that names neither a bound variable nor a `let:` that does (for example
  /// `filing.parties[signs] is not empty` inside `for: person in persons`) is evaluated the first time a
  /// binding reaches it and then reused, which keeps a check over every person linear in the number of
  /// persons. A name inside a filter may be an element's field rather than a variable; it is treated as a
  /// variable whenever a variable has that name, so the analysis errs only towards evaluating again.
  struct StepPlan {
    /// The steps in file order, each with whether its value is the same for every binding.
    let steps: [(step: RuleCheck.Step, invariant: Bool)]
    /// The values of invariant steps computed so far, by index in ``steps``.
    var computed: [Int: Value] = [:]

    init(_ check: RuleCheck) {
      var varying = Set(check.bindings.map(\.name))
      var steps: [(step: RuleCheck.Step, invariant: Bool)] = []
      for step in check.steps {
        switch step {
        case .letting(let name, let expression):
          let invariant = expression.referencedNames.isDisjoint(with: varying)
          if !invariant { varying.insert(name) }
          steps.append((step, invariant))
        case .filtering(let condition):
          for conjunct in condition.conjuncts {
            steps.append((.filtering(conjunct), conjunct.referencedNames.isDisjoint(with: varying)))
          }
        }
      }
      self.steps = steps
    }
  }

  private static func iterate(
    _ check: RuleCheck, bindingIndex: Int, environment: Environment, bound: [Value], plan: inout StepPlan,
    _ body: (Environment, [Value]) -> Void
  ) {
    guard bindingIndex < check.bindings.count else {
      var current = environment
      for (index, (step, invariant)) in plan.steps.enumerated() {
        let expression: Expression
        switch step {
        case .letting(_, let value): expression = value
        case .filtering(let condition): expression = condition
        }
        let value: Value
        if let computed = plan.computed[index] {
          value = computed
        } else {
          value = Evaluator.evaluate(expression, in: current)
          if invariant { plan.computed[index] = value }
        }
        switch step {
        case .letting(let name, _):
          current.variables[name] = value
        case .filtering:
          guard case .boolean(true) = value else { return }
        }
      }
      body(current, bound)
      return
    }
    let binding = check.bindings[bindingIndex]
    guard case .list(let items) = Evaluator.evaluate(binding.list, in: environment) else { return }
    // One environment for every item: its variables are copied once, then the bound one replaced in place.
    var inner = environment
    for item in items {
      inner.variables[binding.name] = item
      iterate(
        check, bindingIndex: bindingIndex + 1, environment: inner, bound: bound + [item], plan: &plan, body)
    }
  }

  private static func finding(
    _ check: RuleCheck, rule: Rule, environment: Environment, bound: [Value], bridge: ModelBridge
  ) -> Finding {
    let innermostPerson: ModelObject? = bound.reversed().lazy.compactMap { value -> ModelObject? in
      if case .object(let object) = value, object.kind == .person { return object }
      return nil
    }.first
    let innermostLocated: ModelObject? = bound.reversed().lazy.compactMap { value -> ModelObject? in
      if case .object(let object) = value, object.location != nil { return object }
      return nil
    }.first
    var location = innermostLocated?.location ?? bridge.filing.location
    switch Evaluator.evaluate(check.target, in: environment) {
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
    if let expression = check.person {
      // An empty name (from `when(...)` whose condition fails) means the finding has no person.
      if case .string(let name) = Evaluator.evaluate(expression, in: environment), !name.isEmpty { personName = name }
    } else if let person = innermostPerson, case .string(let name) = person["name"] {
      personName = name
    }
    let resolved = location ?? SourceLocation(page: nil, row: nil, line: 1, column: 1)
    return Finding(
      ruleID: rule.id, severity: check.severity ?? rule.severity, page: resolved.page, person: personName,
      row: resolved.row, line: resolved.line, column: resolved.column,
      message: check.message.render(in: environment),
      expected: check.expected.flatMap { ValueFormatter.plain(Evaluator.evaluate($0, in: environment)) },
      actual: check.actual.flatMap { ValueFormatter.plain(Evaluator.evaluate($0, in: environment)) })
  }
}
