import Testing

@testable import BocheckReading

/// A plural's singular is looked up with the hash of its key without the final "S", worked out at the word's
/// end from the whole key's hash (``KeyReader/primeInverse``) rather than kept byte by byte.
@Suite struct KeyReaderStemTests {
  @Test("the prime's inverse undoes a hash step")
  func primeInverseUndoesMultiplication() {
    #expect(KeyReader.prime &* KeyReader.primeInverse == 1)
  }

  @Test("a plural printed word gives its known singular's code, whatever follows its last letter")
  func pluralsGiveTheirSingular() {
    let plurals = [
      ("NAMES", "NAME"), ("Persons", "PERSON"), ("persons)", "PERSON"), ("(NAMES:", "NAME"), ("Funds.", "FUND"),
    ]
    for (printed, singular) in plurals {
      var reader = KeyReader()
      let bytes = Array(printed.utf8)
      for byte in bytes { reader.read(byte) }
      let code = bytes.withUnsafeBufferPointer { reader.singularCode(of: $0) }
      #expect(code == CaptionVocabulary.code(singular), "\(printed)")
      #expect(code != CaptionVocabulary.unknown, "\(printed)")
    }
  }

  @Test("a word without a final S, or without a known stem, or without a key, has no singular")
  func othersHaveNone() {
    for printed in ["NAME", "PERSON", "ZZZS", "S", "", "--", "(1)"] {
      var reader = KeyReader()
      let bytes = Array(printed.utf8)
      for byte in bytes { reader.read(byte) }
      let code = bytes.withUnsafeBufferPointer { reader.singularCode(of: $0) }
      #expect(code == CaptionVocabulary.unknown, "\(printed)")
    }
  }
}
