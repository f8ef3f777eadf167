import BocheckModel
import BocheckReading

/// libFuzzer's entry point for the readers: any crash, hang or leak is a bug.
///
/// The first byte chooses the reader, so that each is fuzzed directly and not only through format
/// detection: 0 detects the format from the content, 1 forces text, 2 HTML, 3 SGML, 4 XML. The rest of the
/// input is the filing. The input is read as the command line reads it, as one or several filings
/// (``FilingReader/readAll(bytes:path:format:)``), so that the split is fuzzed too.
///
/// - Parameters:
///   - data: The input bytes.
///   - size: How many bytes there are.
/// - Returns: Always 0, as libFuzzer asks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let formats: [InputFormat?] = [nil, .text, .html, .sgml, .xml]
  let format = formats[Int(data[0]) % formats.count]
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  _ = try? FilingReader.readAll(bytes: bytes, path: "fuzz", format: format)
  return 0
}
