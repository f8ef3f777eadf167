/// Progress of a run over several files, shown on standard error when it is a terminal.
///
/// One line, rewritten in place (`[12/3000] path`), cleared when the run ends; nothing at all when standard
/// error is not a terminal or when there is a single input, so logs and pipes see only the report.
struct Progress {
  /// Returns the cursor to the start of the line and erases it.
  static let clearLine = "\r\u{1B}[K"

  private let console: Console
  private let total: Int
  private var done = 0

  /// Creates the progress of a run.
  ///
  /// - Parameters:
  ///   - console: Where to write; progress is shown only when its standard error is a terminal.
  ///   - total: How many inputs the run has.
  init(console: Console, total: Int) {
    self.console = console
    self.total = total
  }

  private var isShown: Bool { console.errorIsTerminal && total > 1 }

  /// Says that the next input is being checked.
  ///
  /// - Parameter path: The input's path as given.
  mutating func starting(_ path: String) {
    done += 1
    guard isShown else { return }
    console.standardError(Progress.clearLine + "[\(done)/\(total)] \(path.suffix(100))")
  }

  /// Erases the progress line at the end of the run.
  func finish() {
    if isShown { console.standardError(Progress.clearLine) }
  }
}
