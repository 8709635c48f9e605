// A matrix whose values do not fill its shape is refused with one line at construction (before: a
// precondition stopped the process), and so are stacks of points of different dimensions.
import NumpyFormat
import Testing
import SoundSpace

@Suite struct MatrixShapeTests {
    @Test func valuesThatDoNotFillTheShapeThrow() {
        #expect { try Matrix(rows: 2, columns: 2, values: [1, 2, 3]) } throws: { "\($0)" == "a 2 x 2 matrix cannot hold 3 values" }
        #expect(throws: SoundSpaceError.self) { try Matrix(rows: -1, columns: -3, values: [1, 2, 3]) }
        #expect(throws: SoundSpaceError.self) { try Matrix(rows: Int.max, columns: 2, values: []) }
        #expect { try Matrix([[1, 2], [3]]) } throws: { "\($0)" == "row 1 holds 1 values, row 0 holds 2" }
    }

    @Test func stackingPointsOfOtherDimensionsThrows() throws {
        let plane = try Matrix([[1, 2], [3, 4]])
        #expect(throws: SoundSpaceError.self) { try plane.stacked(on: try Matrix([[1, 2, 3]])) }
        // An empty side takes the other's width.
        let stacked = try Matrix(rows: 0, columns: 5, values: []).stacked(on: plane)
        #expect(stacked.rows == 2 && stacked.columns == 2 && stacked.values == [1, 2, 3, 4])
    }

    @Test func anArrayWhoseShapeLiesIsNotAMatrix() {
        #expect(throws: SoundSpaceError.self) { try NumpyArray(shape: [2, 2], values: [1]).matrix }
    }
}
