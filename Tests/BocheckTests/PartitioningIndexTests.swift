import BocheckModel
import Testing

@Suite("Partitioning index")
struct PartitioningIndexTests {
  @Test("the halving search finds the first element at or after each value, as a linear search does")
  func matchesLinearSearch() {
    for count in 0...9 {
      // Sorted values with repeats: 0, 0, 2, 2, 4, ...
      let values = (0..<count).map { 2 * ($0 / 2) }
      for target in -1...(2 * count + 1) {
        let expected = values.firstIndex { $0 >= target } ?? values.endIndex
        #expect(values.partitioningIndex { $0 >= target } == expected, "\(values) \(target)")
        // A slice keeps its own indices.
        let slice = values.dropFirst()
        let expectedInSlice = slice.firstIndex { $0 >= target } ?? slice.endIndex
        #expect(slice.partitioningIndex { $0 >= target } == expectedInSlice, "\(slice) \(target)")
      }
    }
  }
}
