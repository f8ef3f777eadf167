/// Escaping for the XML reports (JUnit, checkstyle): text that any XML 1.0 parser reads back as it was.
///
/// `&`, `<` and `>` become entity references, and so do `"` and `'` in attribute values; a carriage
/// return becomes `&#13;` (a parser would drop it), and in attribute values so do the tab and the line
/// feed (`&#9;`, `&#10;`) so that a parser's attribute normalisation keeps them.
/// Characters XML 1.0 cannot carry at all (the other C0 controls, U+FFFE and U+FFFF) become U+FFFD.
enum XMLText {
  /// The text escaped for a double-quoted attribute value.
  ///
  /// - Parameter text: Any text.
  static func attribute(_ text: String) -> String {
    escape(text, inAttribute: true)
  }

  /// The text escaped as element content.
  ///
  /// - Parameter text: Any text.
  static func content(_ text: String) -> String {
    escape(text, inAttribute: false)
  }

  /// The XML declaration every report starts with, followed by a newline.
  static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

  private static func escape(_ text: String, inAttribute: Bool) -> String {
    var output = ""
    output.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"" where inAttribute: output += "&quot;"
      case "'" where inAttribute: output += "&apos;"
      case "\r": output += "&#13;"
      case "\n": output += inAttribute ? "&#10;" : "\n"
      case "\t": output += inAttribute ? "&#9;" : "\t"
      case "\u{00}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": output += "\u{FFFD}"
      default: output.unicodeScalars.append(scalar)
      }
    }
    return output
  }
}
