import BocheckRules

/// libFuzzer's entry point for the rule-file parser and the expression language: every input is parsed as
/// a rule file (and, when it loads, its examples are read); it must be accepted or refused with a message,
/// never crash or hang.
///
/// - Parameters:
///   - data: The input bytes.
///   - size: How many bytes there are.
/// - Returns: Always 0, as libFuzzer asks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRules(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  // The file is named after its id, as the rule folder requires, so that parsing goes past the id check.
  var name = "fuzz"
  if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("id: ") }) {
    name = String(line.dropFirst(4).prefix(64)).filter { $0.isLetter || $0.isNumber || $0 == "-" }
  }
  _ = try? RuleSet.parseRule(text: text, path: "\(name.isEmpty ? "fuzz" : name).rule")
  return 0
}
