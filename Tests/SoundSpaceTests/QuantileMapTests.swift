// Levels among the fitting vectors: the weighted share below a value, ties shared, the ends held.
import Testing
@testable import SoundSpace

@Suite struct QuantileMapTests {
    @Test func levelsAreTheShareOfTheSetBelow() {
        // 0, 1, ..., 999 once each: the value v sits at about (v + 0.5) / 1000.
        let m = Matrix(checkedRows: 1_000, columns: 1, values: (0..<1_000).map { Float($0) })
        let map = QuantileMap.fit(m, weights: [Double](repeating: 1, count: 1_000))
        for v in [0.0, 99, 250, 500, 999] {
            #expect(abs(map.level(v, dimension: 0) - (v + 0.5) / 1_000) < 0.004, "level of \(v)")
        }
        #expect(map.level(-1e9, dimension: 0) == map.level(0, dimension: 0), "below the range: the first level")
        #expect(map.level(1e9, dimension: 0) == map.level(999, dimension: 0), "above the range: the last level")
        let samples = stride(from: -10.0, through: 1_010, by: 0.7).map { map.level($0, dimension: 0) }
        #expect(zip(samples, samples.dropFirst()).allSatisfy { $0 <= $1 }, "monotone")
    }

    @Test func aValueMostRendersShareSitsInTheMiddleOfItsLevels() {
        // 70 % exactly 0, then 30 values above: 0 stands for the levels 0 ... 0.7, so its level is 0.35.
        let values = [Float](repeating: 0, count: 70) + (1...30).map { Float($0) }
        let map = QuantileMap.fit(Matrix(checkedRows: 100, columns: 1, values: values), weights: [Double](repeating: 1, count: 100))
        #expect(abs(map.level(0, dimension: 0) - 0.35) < 0.005)
        #expect(map.level(30, dimension: 0) > 0.99)
        // A dimension with one value holds one level, whatever is asked.
        let flat = QuantileMap.fit(Matrix(checkedRows: 5, columns: 1, values: [2, 2, 2, 2, 2]), weights: [1, 1, 1, 1, 1])
        #expect(flat.level(-3, dimension: 0) == flat.level(9, dimension: 0))
    }

    @Test func aRowOfWeightTwoIsTheRowTwice() {
        let values: [Float] = [3, -1, 7, 7, 0.5, 12, 4]
        let weighted = QuantileMap.fit(Matrix(checkedRows: 7, columns: 1, values: values), weights: [1, 1, 2, 1, 1, 1, 1])
        let repeated = QuantileMap.fit(Matrix(checkedRows: 8, columns: 1, values: values + [7]), weights: [Double](repeating: 1, count: 8))
        #expect(weighted == repeated)
    }
}
