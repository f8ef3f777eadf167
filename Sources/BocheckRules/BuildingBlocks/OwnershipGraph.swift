import BocheckModel

/// Ties a parent's cover page to the cover pages of the persons whose shares it reports.
///
/// A parent's row 11 names whose shares it counts ("owned by X", "collectively owned by A, B and C"). Its
/// holders are the other reporting persons whose pages account for exactly those names: a fund whose own name
/// is among them, or a manager whose own row 11 is attributed to some (not all) of them, standing in for funds
/// that have no page of their own.
enum OwnershipGraph {
  /// The most candidate combinations the search tries before it gives up, so that no filing can make it hang.
  static let searchLimit = 200_000

  /// The holders of the person on a cover page.
  ///
  /// Names compare by ``NameKey``. A candidate is another page with a readable row 11; it covers its own name
  /// when that name is among the parent's names, else its own row 11's names when they are a proper subset of
  /// the parent's (peers attributing to the same names are not children). The holders are an exact cover of the
  /// parent's names by candidates: the one with the most members, then the most covering by their own name,
  /// then the earliest pages.
  ///
  /// - Parameters:
  ///   - page: The 1-based index of the parent's page.
  ///   - filing: The filing.
  /// - Returns: The 1-based pages of the holders in page order; empty when the row names nobody or no exact
  ///   cover exists.
  static func holders(ofPage page: Int, in filing: Filing) -> [Int] {
    guard let parent = filing.coverPages.first(where: { $0.index == page }),
      let attributed = parent.rows[.aggregateAmountOwned]?.amount?.attributedTo, !attributed.isEmpty
    else { return [] }
    let names = Set(attributed.map { NameKey($0) })
    var candidates: [(page: Int, covers: Set<NameKey>, ownName: Bool)] = []
    for other in filing.coverPages where other.index != page {
      guard let amount = other.rows[.aggregateAmountOwned]?.amount else { continue }
      if let name = other.reportingPersonName, names.contains(NameKey(name)) {
        candidates.append((other.index, [NameKey(name)], true))
      } else if !amount.attributedTo.isEmpty {
        let covers = Set(amount.attributedTo.map { NameKey($0) })
        if covers.isSubset(of: names), covers != names { candidates.append((other.index, covers, false)) }
      }
    }
    var best: (members: Int, ownNames: Int, pages: [Int])?
    var chosen: [Int] = []
    var steps = 0
    let ordered = names.sorted()

    func better(_ pages: [Int]) -> Bool {
      let ownNames = pages.filter { page in candidates.contains { $0.page == page && $0.ownName } }.count
      guard let current = best else { return true }
      if pages.count != current.members { return pages.count > current.members }
      if ownNames != current.ownNames { return ownNames > current.ownNames }
      return pages.sorted().lexicographicallyPrecedes(current.pages)
    }

    func search(_ covered: Set<NameKey>) {
      steps += 1
      guard steps <= searchLimit else { return }
      guard let next = ordered.first(where: { !covered.contains($0) }) else {
        if better(chosen) {
          let ownNames = chosen.filter { page in candidates.contains { $0.page == page && $0.ownName } }.count
          best = (chosen.count, ownNames, chosen.sorted())
        }
        return
      }
      for candidate in candidates where candidate.covers.contains(next) && candidate.covers.isDisjoint(with: covered) {
        chosen.append(candidate.page)
        search(covered.union(candidate.covers))
        chosen.removeLast()
      }
    }

    search([])
    return best?.pages ?? []
  }
}
