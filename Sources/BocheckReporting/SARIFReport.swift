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
      SARIFReport.forEachResult(of: file, ruleIndex: ruleIndex, paths: paths) { write in
        var output = JSONOutput(indentLevel: 4)
        write(&output)
        resultCount += 1
        text += (resultCount > 1 ? "," : "") + "\n        " + output.text
      }
      return text
    }

    /// The end of the results, the tool with its rules and the version, ending with a newline.
    public func end() -> String {
      var tool = JSONOutput(indentLevel: 3)
      SARIFReport.writeTool(self.tool, rules: rules, to: &tool)
      return (resultCount == 0 ? "]" : "\n      ]") + ",\n      \"tool\": " + tool.text
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
    var builder = JSONTreeBuilder()
    builder.beginObject()
    builder.member("$schema", schemaURI)
    builder.key("runs")
    builder.beginArray()
    builder.beginObject()
    builder.key("results")
    builder.beginArray()
    for file in files {
      forEachResult(of: file, ruleIndex: index, paths: paths) { write in write(&builder) }
    }
    builder.endArray()
    builder.key("tool")
    writeTool(tool, rules: rules, to: &builder)
    builder.endObject()
    builder.endArray()
    builder.member("version", sarifVersion)
    builder.endObject()
    return builder.value
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
    var builder = JSONTreeBuilder()
    writeArtifactLocation(path, paths: paths, to: &builder)
    return builder.value
  }

  private static func writeArtifactLocation<Sink: JSONSink>(_ path: String, paths: ReportPaths, to sink: inout Sink) {
    sink.beginObject()
    sink.key("uri")
    if let relative = paths.relativePath(path) {
      sink.string(percentEncoded(relative))
      sink.member("uriBaseId", sourceRootBaseID)
    } else if path == "-" {
      sink.string(percentEncoded(FileReport.displayPath(path)))
    } else {
      sink.string("file://" + percentEncoded(paths.absolutePath(path)))
    }
    sink.endObject()
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

  /// Calls `body` once for each of a file's results, in report order, with a function that writes the
  /// result's object to a sink.
  ///
  /// The file's location is written into each result as a value made once.
  ///
  /// - Parameters:
  ///   - file: A checked file.
  ///   - ruleIndex: Each rule's index in `rules[]`, by id.
  ///   - paths: How file paths are made relative.
  ///   - body: Called with the writer of each result.
  static func forEachResult<Sink: JSONSink>(
    of file: FileReport, ruleIndex: [String: Int], paths: ReportPaths, _ body: ((inout Sink) -> Void) -> Void
  ) {
    let findings = file.sortedFindings
    let path = paths.reportPath(file.filing.path)
    var locationBuilder = JSONTreeBuilder()
    writeArtifactLocation(file.filing.path, paths: paths, to: &locationBuilder)
    let location = locationBuilder.value
    let prints = fingerprints(findings, path: path, filing: file.filing.position?.index)
    let position = file.filing.position.map(ModelJSON.position)
    for (finding, fingerprint) in zip(findings, prints) {
      body { sink in
        sink.beginObject()
        sink.member("level", level(finding.severity))
        sink.key("locations")
        sink.beginArray()
        sink.beginObject()
        sink.key("physicalLocation")
        sink.beginObject()
        sink.key("artifactLocation")
        sink.value(location)
        sink.key("region")
        sink.beginObject()
        sink.member("startColumn", max(1, finding.column))
        sink.member("startLine", max(1, finding.line))
        sink.endObject()
        sink.endObject()
        sink.endObject()
        sink.endArray()
        sink.key("message")
        sink.beginObject()
        sink.member("text", finding.message)
        sink.endObject()
        sink.key("partialFingerprints")
        sink.beginObject()
        sink.key(fingerprintKey)
        sink.string(fingerprint)
        sink.endObject()
        let hasProperties =
          finding.page != nil || finding.person != nil || finding.row != nil || finding.expected != nil
          || finding.actual != nil || position != nil
        if hasProperties {
          sink.key("properties")
          sink.beginObject()
          sink.member("actual", ifPresent: finding.actual)
          sink.member("expected", ifPresent: finding.expected)
          if let position {
            sink.key("filing")
            sink.value(position)
          }
          sink.member("page", ifPresent: finding.page)
          sink.member("person", ifPresent: finding.person)
          sink.member("row", ifPresent: finding.row)
          sink.endObject()
        }
        sink.member("ruleId", finding.ruleID)
        if let index = ruleIndex[finding.ruleID] {
          sink.member("ruleIndex", index)
        }
        sink.endObject()
      }
    }
  }

  /// Writes the `tool` object: the driver with its rules.
  ///
  /// - Parameters:
  ///   - tool: The tool's description.
  ///   - rules: The rules that ran, in order.
  ///   - sink: Where to write.
  static func writeTool<Sink: JSONSink>(_ tool: Tool, rules: [ReportedRule], to sink: inout Sink) {
    sink.beginObject()
    sink.key("driver")
    sink.beginObject()
    sink.member("informationUri", tool.informationURI)
    sink.member("name", tool.name)
    sink.key("rules")
    sink.beginArray()
    for rule in rules {
      sink.beginObject()
      sink.key("defaultConfiguration")
      writeObject(of: "level", level(rule.severity), to: &sink)
      sink.key("fullDescription")
      writeObject(of: "text", rule.rationale, to: &sink)
      sink.key("help")
      writeObject(of: "text", rule.rationale + "\n\nSource: " + rule.source, to: &sink)
      sink.member("id", rule.id)
      sink.member("name", ruleName(rule.id))
      sink.key("shortDescription")
      writeObject(of: "text", rule.summary, to: &sink)
      sink.endObject()
    }
    sink.endArray()
    sink.member("version", tool.version)
    sink.endObject()
    sink.endObject()
  }

  /// Writes an object of one string member, such as `{"text": ...}`.
  private static func writeObject<Sink: JSONSink>(of key: StaticString, _ text: String, to sink: inout Sink) {
    sink.beginObject()
    sink.key(key)
    sink.string(text)
    sink.endObject()
  }
}
