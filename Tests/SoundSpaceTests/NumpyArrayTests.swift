// .npy and CSV reading: round trip, NumPy's own header layout, and one clear error for corrupt or hostile files.
import Foundation
import NumpyFormat
import Testing
@testable import SoundSpace

@Suite struct NumpyArrayTests {
    @Test func roundTripTwoAndOneDimensions() throws {
        let matrix = try Matrix([[1, -2.5, 3], [4, 5, .pi]])
        let decoded = try NumpyArray.decode(NumpyArray(matrix).encoded())
        #expect(decoded.shape == [2, 3])
        #expect(try decoded.matrix == matrix)
        let vector = try NumpyArray.decode(NumpyArray(shape: [4], values: [1, 2, 3, 4]).encoded())
        #expect(vector.shape == [4] && vector.values == [1, 2, 3, 4])
    }

    @Test func headerIsAlignedAsNumpyWritesIt() throws {
        // NEP 1: the data starts at a multiple of 64 bytes and the header ends in a newline.
        let bytes = [UInt8](NumpyArray(try Matrix([[1, 2]])).encoded())
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        #expect((10 + headerLength) % 64 == 0)
        #expect(bytes[10 + headerLength - 1] == 0x0A)
        #expect(bytes.count == 10 + headerLength + 8)
    }

    @Test func readsFloat64AndFortranOrder() throws {
        // Hand-built v1.0 header for a 2x2 float64 array stored column-major: [[1, 2], [3, 4]].
        var header = "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 2), }"
        header += String(repeating: " ", count: (64 - (10 + header.utf8.count + 1) % 64) % 64) + "\n"
        var data = Data([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0, UInt8(header.utf8.count), 0])
        data.append(contentsOf: Array(header.utf8))
        for value in [1.0, 3.0, 2.0, 4.0] { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        #expect(try NumpyArray.decode(data).matrix == Matrix([[1, 2], [3, 4]]))
    }

    @Test func corruptFilesGiveOneClearError() throws {
        let good = NumpyArray(try Matrix([[1, 2], [3, 4]])).encoded()
        let truncated = good.prefix(good.count - 3)
        #expect(throws: NumpyArrayError.self) { try NumpyArray.decode(truncated) }
        #expect(throws: NumpyArrayError.self) { try NumpyArray.decode(Data("hello".utf8)) }
        var hostile = [UInt8](good)
        let text = String(decoding: hostile[10...], as: UTF8.self).replacingOccurrences(of: "(2, 2)", with: "(9999999999999, 9999999)")
        hostile = Array(hostile[0..<10]) + Array(text.utf8)
        #expect(throws: NumpyArrayError.self) { try NumpyArray.decode(Data(hostile)) }

        let file = TestData.temporaryFile("bad.npy")
        try truncated.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        do { _ = try MatrixFile.read(file); Issue.record("truncated file accepted") } catch {
            #expect("\(error)".contains(file.path) && "\(error)".contains("truncated"))
        }
    }

    @Test func csvWithHeaderAndNaNRejection() throws {
        let file = TestData.temporaryFile("points.csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try "x,y\n1,2\n3,4\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(try MatrixFile.read(file) == Matrix([[1, 2], [3, 4]]))
        try "1,2\n3,nan\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: NumpyArrayError.self) { try MatrixFile.read(file) }
        try "1,2\n3\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: NumpyArrayError.self) { try MatrixFile.read(file) }
        for empty in ["", ",\n,\n", "# only a comment\n"] {
            try empty.write(to: file, atomically: true, encoding: .utf8)
            #expect(throws: NumpyArrayError.self) { try MatrixFile.read(file) }
        }
        let emptyArray = TestData.temporaryFile("empty.npy")
        defer { try? FileManager.default.removeItem(at: emptyArray) }
        try NumpyArray(shape: [0, 4], values: []).encoded().write(to: emptyArray)
        #expect(throws: NumpyArrayError.self) { try MatrixFile.read(emptyArray) }
    }

    @Test func csvWithWindowsLineEndingsReadsRowByRow() throws {
        // Spreadsheets on Windows write CRLF; each line is one point, as with "\n".
        let file = TestData.temporaryFile("crlf.csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("x,y\r\n1,2\r\n3,4\r\n".utf8).write(to: file)
        #expect(try MatrixFile.read(file) == Matrix([[1, 2], [3, 4]]))
        try Data("1,2\r\n3\r\n".utf8).write(to: file)
        do { _ = try MatrixFile.read(file); Issue.record("ragged CRLF file accepted") } catch {
            #expect("\(error)".contains("line 2"))
        }
    }
}
