import BocheckReading

/// libFuzzer's entry point: every input is read as a filing; any crash, hang or leak is a bug.
///
/// - Parameters:
///   - data: The input bytes.
///   - size: How many bytes there are.
/// - Returns: Always 0, as libFuzzer asks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  _ = try? FilingReader.read(bytes: bytes, path: "fuzz")
  return 0
}
