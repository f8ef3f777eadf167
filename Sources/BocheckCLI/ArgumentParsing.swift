/// A mistake on the command line: what is wrong and the usage line of the command concerned.
struct UsageError: Error, Sendable, Equatable {
  /// What is wrong, in one line.
  var message: String
  /// The usage line to print after the message, such as `usage: bocheck check [options] PATH...`.
  var usage: String
}

/// An option a command accepts.
struct OptionSpec: Sendable {
  /// The long name with its dashes, such as `--format`.
  var name: String
  /// What the value stands for in messages, such as `text|json`; `nil` for a flag without a value.
  var valueName: String?

  /// Whether the option takes a value.
  var takesValue: Bool { valueName != nil }
}

/// A command's arguments split into options and positional arguments.
struct ParsedArguments: Sendable, Equatable {
  /// Each option's values in the order given (a flag has one empty value per occurrence).
  var options: [String: [String]] = [:]
  /// The positional arguments in order (`-` included).
  var positionals: [String] = []

  /// Whether a flag or option was given.
  func has(_ name: String) -> Bool {
    options[name] != nil
  }

  /// The last value given for an option, or `nil`.
  func last(_ name: String) -> String? {
    options[name]?.last
  }

  /// Every value given for an option, in order.
  func all(_ name: String) -> [String] {
    options[name] ?? []
  }
}

/// Splits a command's arguments by hand, GNU style.
///
/// Accepts `--name value` and `--name=value`, `-h` for `--help`, `-` as a positional argument (standard
/// input), and `--` to end the options. Options may come before, between or after positional arguments.
/// An unknown option is an error that suggests the closest known one.
enum ArgumentParser {
  /// Parses the arguments that follow a command's name.
  ///
  /// - Parameters:
  ///   - arguments: The arguments after the command's name.
  ///   - specs: The options the command accepts; `--help` is accepted by every command.
  ///   - usage: The command's usage line, for errors.
  /// - Throws: ``UsageError`` for an unknown option, a missing value or a value given to a flag.
  static func parse(_ arguments: [String], specs: [OptionSpec], usage: String) throws(UsageError) -> ParsedArguments {
    let allSpecs = specs + [OptionSpec(name: "--help", valueName: nil)]
    var parsed = ParsedArguments()
    var index = 0
    var optionsEnded = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
        parsed.positionals.append(argument)
        continue
      }
      if argument == "--" {
        optionsEnded = true
        continue
      }
      var name = argument == "-h" ? "--help" : argument
      var inlineValue: String?
      if let equals = name.firstIndex(of: "="), name.hasPrefix("--") {
        inlineValue = String(name[name.index(after: equals)...])
        name = String(name[..<equals])
      }
      guard let spec = allSpecs.first(where: { $0.name == name }) else {
        throw UsageError(message: unknownOptionMessage(name, known: allSpecs.map(\.name)), usage: usage)
      }
      guard let valueName = spec.valueName else {
        if inlineValue != nil {
          throw UsageError(message: "option '\(name)' takes no value", usage: usage)
        }
        parsed.options[name, default: []].append("")
        continue
      }
      if let inlineValue {
        parsed.options[name, default: []].append(inlineValue)
        continue
      }
      guard index < arguments.count, !arguments[index].hasPrefix("--") else {
        throw UsageError(message: "option '\(name)' needs a value (\(valueName))", usage: usage)
      }
      parsed.options[name, default: []].append(arguments[index])
      index += 1
    }
    return parsed
  }

  /// `unknown option '--fromat' (did you mean '--format'?)`, or the list of known options when none is
  /// close.
  static func unknownOptionMessage(_ option: String, known: [String]) -> String {
    if let suggestion = closest(to: option, among: known) {
      return "unknown option '\(option)' (did you mean '\(suggestion)'?)"
    }
    return "unknown option '\(option)' (known options: \(known.joined(separator: ", ")))"
  }

  /// The candidate nearest to a mistyped word by edit distance, when it is near enough to be a likely typo.
  ///
  /// A candidate qualifies when at most half of the word's characters (and at least two) must change, or
  /// when one of the two starts with the other (`--form` for `--format`). Ties go to the candidate listed
  /// first.
  ///
  /// - Parameters:
  ///   - word: What was typed.
  ///   - candidates: The words it may have meant.
  static func closest(to word: String, among candidates: [String]) -> String? {
    let typed = Array(word.lowercased().unicodeScalars)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      let distance = editDistance(typed, Array(candidate.lowercased().unicodeScalars))
      if best == nil || distance < best?.distance ?? Int.max {
        best = (candidate, distance)
      }
    }
    guard let best else { return nil }
    let stem = word.drop { $0 == "-" }
    let isPrefix = stem.count >= 2 && (best.candidate.hasPrefix(word) || word.hasPrefix(best.candidate))
    let limit = max(2, typed.count / 2)
    return best.distance <= limit || isPrefix ? best.candidate : nil
  }

  /// The Levenshtein distance: the fewest insertions, deletions and substitutions that turn one into the other.
  static func editDistance(_ source: [Unicode.Scalar], _ target: [Unicode.Scalar]) -> Int {
    guard !source.isEmpty else { return target.count }
    guard !target.isEmpty else { return source.count }
    var previous = Array(0...target.count)
    var current = [Int](repeating: 0, count: target.count + 1)
    for (sourceOffset, sourceScalar) in source.enumerated() {
      current[0] = sourceOffset + 1
      for (targetOffset, targetScalar) in target.enumerated() {
        let substitution = previous[targetOffset] + (sourceScalar == targetScalar ? 0 : 1)
        current[targetOffset + 1] = min(substitution, previous[targetOffset + 1] + 1, current[targetOffset] + 1)
      }
      swap(&previous, &current)
    }
    return previous[target.count]
  }
}
