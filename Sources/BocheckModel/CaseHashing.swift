/// Hashing for enums whose cases have text raw values: by case, not by text.
///
/// The standard library gives every `RawRepresentable` type whose raw value is `Hashable` a `hash(into:)` that
/// hashes the raw value, and that implementation is used instead of the one the compiler derives for an enum:
/// a dictionary keyed by ``RowField`` hashed the row's name at every lookup. The enums that are keys of
/// tables, or parts of values that are hashed, implement `hash(into:)` with ``CaseHashing/index(of:)``.
public enum CaseHashing {
  /// The 0-based index of an enum's case, in declaration order.
  ///
  /// An enum without associated values and with at most 256 cases is stored as one byte that holds its
  /// case's index (the Swift ABI's layout of such an enum); `CaseHashingTests` checks every enum that relies
  /// on it against its `allCases`.
  ///
  /// - Parameter value: A case of an enum without associated values and with at most 256 cases.
  @inlinable
  public static func index<Case: CaseIterable>(of value: Case) -> Int {
    precondition(MemoryLayout<Case>.size == 1, "\(Case.self) is not stored as one byte")
    return withUnsafeBytes(of: value) { Int($0[0]) }
  }
}

extension RowField {
  /// Hashes the case (see ``CaseHashing``).
  @inlinable
  public func hash(into hasher: inout Hasher) { hasher.combine(CaseHashing.index(of: self)) }
}

extension PartKind {
  /// Hashes the case (see ``CaseHashing``).
  @inlinable
  public func hash(into hasher: inout Hasher) { hasher.combine(CaseHashing.index(of: self)) }
}

extension Severity {
  /// Hashes the case (see ``CaseHashing``).
  @inlinable
  public func hash(into hasher: inout Hasher) { hasher.combine(CaseHashing.index(of: self)) }
}
