// The matrix container: row access, selection and stacking keep values in place.
import Testing
@testable import SoundSpace

@Suite struct MatrixTests {
    @Test func selectingAndStacking() throws {
        let m = try Matrix([[1, 2], [3, 4], [5, 6]])
        #expect(m[2, 1] == 6)
        #expect(m.selecting(rows: [2, 0]).values == [5, 6, 1, 2])
        #expect(try m.stacked(on: try Matrix([[7, 8]])).row(3) == [7, 8])
    }
}
