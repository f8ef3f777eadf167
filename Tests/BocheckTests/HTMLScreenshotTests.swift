import BocheckReporting
import Foundation
import Testing

/// Headless Chromium, when one is installed.
enum Chromium {
  /// The first browser binary found on `PATH` (`chromium`, `chromium-browser`, `google-chrome`), or `nil`.
  static let path: String? = {
    let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    for name in names {
      for folder in folders {
        let candidate = "\(folder)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      }
    }
    return nil
  }()

  /// The window the screenshots are taken in, in CSS pixels (the device scale factor is 1).
  static let window = (width: 1400, height: 2000)

  /// Takes a PNG screenshot of a local HTML file, or fails after a minute.
  ///
  /// The browser runs with a profile of its own (so that runs in parallel do not share a lock), without GPU
  /// and without the sandbox, which Chromium refuses to use as root (as in CI containers); the page is a
  /// local file the test wrote itself.
  ///
  /// - Parameters:
  ///   - page: The HTML file.
  ///   - output: Where to write the PNG.
  ///   - browser: The browser binary.
  static func screenshot(of page: URL, to output: URL, browser: String) throws {
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent("bocheck-chromium-\(UUID())")
    defer { try? FileManager.default.removeItem(at: profile) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: browser)
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
      "--force-device-scale-factor=1", "--user-data-dir=\(profile.path)", "--screenshot=\(output.path)",
      "--window-size=\(window.width),\(window.height)", page.absoluteString,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(60)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
      Issue.record("chromium did not finish within a minute on \(page.lastPathComponent)")
    }
  }

  /// The width and height in a PNG's IHDR chunk, or `nil` when the bytes are not a PNG.
  ///
  /// - Parameter data: The file's bytes.
  static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
    let bytes = [UInt8](data.prefix(24))
    let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    guard bytes.count == 24, Array(bytes[0..<8]) == signature, Array(bytes[12..<16]) == Array("IHDR".utf8) else {
      return nil
    }
    func bigEndian(_ start: Int) -> Int { bytes[start..<start + 4].reduce(0) { $0 << 8 | Int($1) } }
    return (bigEndian(16), bigEndian(20))
  }
}

/// The HTML report opened in a real browser.
///
/// What this proves: Chromium loads each page without error, lays it out and paints it at the expected size,
/// and the picture holds far more than a blank page (its compressed size is several times that of a blank
/// page's screenshot taken the same way). What it does not prove: that anything is in the right place; for
/// that, look at the screenshots (set `BOCHECK_SCREENSHOT_DIR` to keep them) and at the golden HTML files.
@Suite("HTML report in headless Chromium")
struct HTMLScreenshotTests {
  @Test(
    "Both samples render to a non-blank screenshot of the window's size",
    .enabled(if: Chromium.path != nil, "no chromium binary is installed (apt-get install chromium); skipped"))
  func screenshots() throws {
    let browser = try #require(Chromium.path)
    let keep = ProcessInfo.processInfo.environment["BOCHECK_SCREENSHOT_DIR"].map { URL(fileURLWithPath: $0) }
    let folder =
      keep ?? FileManager.default.temporaryDirectory.appendingPathComponent("bocheck-screenshots-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { if keep == nil { try? FileManager.default.removeItem(at: folder) } }

    let blankPage = folder.appendingPathComponent("blank.html")
    try Data("<!DOCTYPE html><html><head><title>blank</title></head><body></body></html>\n".utf8).write(
      to: blankPage)
    let blankShot = folder.appendingPathComponent("blank.png")
    try Chromium.screenshot(of: blankPage, to: blankShot, browser: browser)
    let blank = try Data(contentsOf: blankShot)
    #expect(Chromium.pngSize(blank).map { [$0.width, $0.height] } == [Chromium.window.width, Chromium.window.height])

    for sample in GoldenTests.samples {
      let page = folder.appendingPathComponent("\(sample).html")
      try Data(HTMLReport.render([try HTMLSamples.report(sample)]).utf8).write(to: page)
      let shot = folder.appendingPathComponent("\(sample).png")
      try Chromium.screenshot(of: page, to: shot, browser: browser)
      let png = try #require(FileManager.default.contents(atPath: shot.path), "no screenshot of \(sample)")
      let size = try #require(Chromium.pngSize(png), "the screenshot of \(sample) is not a PNG")
      #expect(size.width == Chromium.window.width && size.height == Chromium.window.height, "\(sample): \(size)")
      // A blank window compresses to a few kilobytes; text, tables and colour make it many times larger.
      #expect(png.count > 10 * blank.count, "\(sample): \(png.count) bytes against \(blank.count) for a blank page")
    }
  }

  @Test("The IHDR reader reads a PNG's size and refuses other bytes")
  func ihdr() {
    var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
    png += Array("IHDR".utf8) + [0, 0, 0x05, 0x78, 0, 0, 0x07, 0xD0]
    #expect(Chromium.pngSize(Data(png)).map { [$0.width, $0.height] } == [1400, 2000])
    #expect(Chromium.pngSize(Data("<html>not a png at all</html>".utf8)) == nil)
    #expect(Chromium.pngSize(Data(png.prefix(20))) == nil)
  }
}
