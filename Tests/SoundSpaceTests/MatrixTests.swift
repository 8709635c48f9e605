// The matrix container: row access, selection and stacking keep values in place.
import Testing
@testable import SoundSpace

@Suite struct MatrixTests {
    @Test func selectingAndStacking() {
        let m = Matrix([[1, 2], [3, 4], [5, 6]])
        #expect(m[2, 1] == 6)
        #expect(m.selecting(rows: [2, 0]).values == [5, 6, 1, 2])
        #expect(m.stacked(on: Matrix([[7, 8]])).row(3) == [7, 8])
    }
}
