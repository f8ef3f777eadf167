import BocheckModel

/// The SARIF 2.1.0 report of `bocheck check --format sarif`, as GitHub code scanning accepts it.
///
/// One run whose `tool.driver` names bocheck, its version, its information URI and every loaded rule
/// (`id`, `name`, `shortDescription` = summary, `fullDescription` = rationale, `help` = rationale and
/// source, `defaultConfiguration.level`), then one result per finding: `ruleId`, `ruleIndex`, `level`,
/// `message.text`, one location (the file relative to `%SRCROOT%`, see ``ReportPaths``, with the 1-based
/// `startLine` and `startColumn`), `partialFingerprints` and a property bag with the page, person, row,
/// expected and actual values the finding has.
///
/// The fingerprint `bocheckFinding/v1` is the FNV-1a 64 hash of the rule id, the file's report path, the
/// person's name key, the row and the expected and actual values, in hexadecimal, followed by `:N`, the
/// finding's occurrence among those of the same file with the same hash (in report order). It depends on
/// neither line numbers nor message text, so a finding keeps its identity when unrelated parts of the
/// filing change. Keys are sorted, numbers exact, and the output ends with a newline.
public enum SARIFReport {
  /// The schema URI written as `$schema`.
  public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
  /// The SARIF version written as `version`.
  public static let sarifVersion = "2.1.0"
  /// The key of the fingerprint in `partialFingerprints`.
  public static let fingerprintKey = "bocheckFinding/v1"
  /// The `uriBaseId` of artifact locations relative to the source root.
  public static let sourceRootBaseID = "%SRCROOT%"

  /// What the report says about the tool that ran.
  public struct Tool: Hashable, Sendable {
    /// The tool's name, `bocheck`.
    public var name: String
    /// The tool's version, such as `1.0.0`.
    public var version: String
    /// An absolute URI with information about the tool.
    public var informationURI: String

    /// Creates the tool's description.
    ///
    /// - Parameters:
    ///   - name: The tool's name.
    ///   - version: The tool's version.
    ///   - informationURI: An absolute URI with information about the tool.
    public init(name: String, version: String, informationURI: String) {
      self.name = name
      self.version = version
      self.informationURI = informationURI
    }
  }

  /// The report of checked files.
  ///
  /// - Parameters:
  ///   - files: The files read, in the order they were given.
  ///   - rules: The rules that ran, in the order `rules[]` lists them.
  ///   - tool: The tool's name, version and information URI.
  ///   - paths: How file paths are made relative to the source root.
  /// - Returns: The SARIF text, ending with a newline.
  public static func render(_ files: [FileReport], rules: [ReportedRule], tool: Tool, paths: ReportPaths) -> String {
    var stream = Stream(rules: rules, tool: tool, paths: paths)
    var text = stream.begin()
    for file in files { text += stream.add(file) }
    return text + stream.end()
  }

  /// Writes the report one file at a time: the results come before `tool` in sorted order, so that only
  /// the rules are kept until the end.
  ///
  /// The pieces joined are exactly the document `{"$schema", "runs": [{"results", "tool"}], "version"}`
  /// written by ``JSONWriter``.
  public struct Stream: Sendable {
    private let rules: [ReportedRule]
    private let ruleIndex: [String: Int]
    private let tool: Tool
    private let paths: ReportPaths
    private var resultCount = 0

    /// Creates a stream.
    ///
    /// - Parameters:
    ///   - rules: The rules that ran, in the order `rules[]` lists them.
    ///   - tool: The tool's name, version and information URI.
    ///   - paths: How file paths are made relative to the source root.
    public init(rules: [ReportedRule], tool: Tool, paths: ReportPaths) {
      self.rules = rules
      var index: [String: Int] = [:]
      for (position, rule) in rules.enumerated() where index[rule.id] == nil { index[rule.id] = position }
      self.ruleIndex = index
      self.tool = tool
      self.paths = paths
    }

    /// The report's opening, up to the list of results.
    public func begin() -> String {
      "{\n  \"$schema\": \(JSONWriter.quoted(schemaURI)),\n  \"runs\": [\n    {\n      \"results\": ["
    }

    /// One file's results, with the separators they need.
    ///
    /// - Parameter file: A checked file.
    public mutating func add(_ file: FileReport) -> String {
      var text = ""
      for result in SARIFReport.results(of: file, ruleIndex: ruleIndex, paths: paths) {
        resultCount += 1
        text += (resultCount > 1 ? "," : "") + "\n        " + JSONWriter.string(result, indentLevel: 4)
      }
      return text
    }

    /// The end of the results, the tool with its rules and the version, ending with a newline.
    public func end() -> String {
      (resultCount == 0 ? "]" : "\n      ]") + ",\n      \"tool\": "
        + JSONWriter.string(SARIFReport.toolObject(tool, rules: rules), indentLevel: 3)
        + "\n    }\n  ],\n  \"version\": \(JSONWriter.quoted(sarifVersion))\n}\n"
    }
  }

  /// The whole document as one value, equal to what ``Stream`` writes piece by piece.
  ///
  /// - Parameters:
  ///   - files: The files read, in order.
  ///   - rules: The rules that ran.
  ///   - tool: The tool's description.
  ///   - paths: How file paths are made relative.
  public static func document(_ files: [FileReport], rules: [ReportedRule], tool: Tool, paths: ReportPaths)
    -> JSONValue
  {
    var index: [String: Int] = [:]
    for (position, rule) in rules.enumerated() where index[rule.id] == nil { index[rule.id] = position }
    let allResults = files.flatMap { results(of: $0, ruleIndex: index, paths: paths) }
    let run: JSONValue = .object(["results": .array(allResults), "tool": toolObject(tool, rules: rules)])
    return .object([
      "$schema": .string(schemaURI), "runs": .array([run]), "version": .string(sarifVersion),
    ])
  }

  /// The SARIF level of a severity: `error`, `warning` or `note`.
  ///
  /// - Parameter severity: A finding's or rule's severity.
  public static func level(_ severity: Severity) -> String {
    severity.rawValue
  }

  /// The rule's display name: its id in UpperCamelCase (`parent-sum` becomes `ParentSum`).
  ///
  /// - Parameter id: A rule id.
  public static func ruleName(_ id: String) -> String {
    id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }
      .joined()
  }

  /// The fingerprint of each finding of a file, in report order: the hash of what identifies the finding,
  /// then `:N` for its occurrence among the file's findings with the same hash.
  ///
  /// - Parameters:
  ///   - findings: A file's findings in report order.
  ///   - path: The file's report path.
  ///   - filing: The 1-based index of the filing in its file when the file holds several, which the hash
  ///     then includes, so that the same finding in two filings of a file has two fingerprints.
  /// - Returns: One fingerprint per finding, in the same order.
  public static func fingerprints(_ findings: [Finding], path: String, filing: Int? = nil) -> [String] {
    var occurrences: [String: Int] = [:]
    return findings.map { finding in
      let material = fingerprintMaterial(finding, path: path) + (filing.map { "\u{1F}filing \($0)" } ?? "")
      let hash = StableHash.hexFNV1a64(material)
      occurrences[hash, default: 0] += 1
      return "\(hash):\(occurrences[hash] ?? 1)"
    }
  }

  /// What a fingerprint hashes: the rule id, the path, the person's name key, the row and the expected and
  /// actual values, separated by U+001F (absent values are empty).
  ///
  /// - Parameters:
  ///   - finding: A finding.
  ///   - path: Its file's report path.
  static func fingerprintMaterial(_ finding: Finding, path: String) -> String {
    [
      finding.ruleID, path, finding.person.map { NameKey($0).text } ?? "", finding.row.map(String.init) ?? "",
      finding.expected ?? "", finding.actual ?? "",
    ].joined(separator: "\u{1F}")
  }

  /// The `artifactLocation` of a file: relative to `%SRCROOT%` when it lies inside the source root,
  /// otherwise an absolute `file://` URI; percent-encoded as a URI reference.
  ///
  /// - Parameters:
  ///   - path: The path as given.
  ///   - paths: How file paths are made relative.
  public static func artifactLocation(_ path: String, paths: ReportPaths) -> JSONValue {
    if let relative = paths.relativePath(path) {
      return .object(["uri": .string(percentEncoded(relative)), "uriBaseId": .string(sourceRootBaseID)])
    }
    if path == "-" { return .object(["uri": .string(percentEncoded(FileReport.displayPath(path)))]) }
    return .object(["uri": .string("file://" + percentEncoded(paths.absolutePath(path)))])
  }

  /// The path with every byte other than an unreserved character (RFC 3986) or `/` percent-encoded.
  ///
  /// - Parameter path: A path with `/` separators.
  public static func percentEncoded(_ path: String) -> String {
    var output = ""
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "~"), UInt8(ascii: "/"):
        output.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let digits = String(byte, radix: 16, uppercase: true)
        output += "%" + (digits.count == 1 ? "0" : "") + digits
      }
    }
    return output
  }

  static func results(of file: FileReport, ruleIndex: [String: Int], paths: ReportPaths) -> [JSONValue] {
    let findings = file.sortedFindings
    let path = paths.reportPath(file.filing.path)
    let location = artifactLocation(file.filing.path, paths: paths)
    let prints = fingerprints(findings, path: path, filing: file.filing.position?.index)
    return zip(findings, prints).map { finding, fingerprint in
      var properties = JSONObject()
      if let page = finding.page { properties["page"] = .integer(page) }
      if let person = finding.person { properties["person"] = .string(person) }
      if let row = finding.row { properties["row"] = .integer(row) }
      if let expected = finding.expected { properties["expected"] = .string(expected) }
      if let actual = finding.actual { properties["actual"] = .string(actual) }
      if let position = file.filing.position { properties["filing"] = ModelJSON.position(position) }
      let region: JSONValue = .object([
        "startColumn": .integer(max(1, finding.column)), "startLine": .integer(max(1, finding.line)),
      ])
      var result: JSONObject = [
        "level": .string(level(finding.severity)),
        "locations": .array([.object(["physicalLocation": .object(["artifactLocation": location, "region": region])])]),
        "message": .object(["text": .string(finding.message)]),
        "partialFingerprints": .object([fingerprintKey: .string(fingerprint)]),
        "ruleId": .string(finding.ruleID),
      ]
      if let index = ruleIndex[finding.ruleID] { result["ruleIndex"] = .integer(index) }
      if !properties.isEmpty { result["properties"] = .object(properties) }
      return .object(result)
    }
  }

  static func toolObject(_ tool: Tool, rules: [ReportedRule]) -> JSONValue {
    let descriptors: [JSONValue] = rules.map { rule in
      .object([
        "defaultConfiguration": .object(["level": .string(level(rule.severity))]),
        "fullDescription": .object(["text": .string(rule.rationale)]),
        "help": .object(["text": .string(rule.rationale + "\n\nSource: " + rule.source)]),
        "id": .string(rule.id),
        "name": .string(ruleName(rule.id)),
        "shortDescription": .object(["text": .string(rule.summary)]),
      ])
    }
    return .object([
      "driver": .object([
        "informationUri": .string(tool.informationURI), "name": .string(tool.name), "rules": .array(descriptors),
        "version": .string(tool.version),
      ])
    ])
  }
}
