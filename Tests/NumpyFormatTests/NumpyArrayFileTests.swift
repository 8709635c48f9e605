// .npy reading and writing: round trips, numpy's own header layout, streaming rows, and bad files.
import Foundation
import NumpyFormat
import Testing
@testable import NumpyFormat

@Suite struct NumpyArrayFileTests {
    func temporaryURL(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("npy-\(UUID().uuidString)-\(name)")
    }

    @Test func roundTripsOneAndTwoDimensions() throws {
        for array in [NumpyArray(shape: [5], values: [1, -2, 3.5, .pi, 0]),
                      NumpyArray(shape: [2, 3], values: [1, 2, 3, 4, 5, 6]),
                      NumpyArray(shape: [0, 4], values: [])] {
            let url = temporaryURL("a.npy")
            try array.write(to: url)
            #expect(try NumpyArray.read(contentsOf: url) == array)
            // Data starts at a multiple of 64 bytes, as numpy writes it.
            let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
            #expect((size - array.values.count * 4) % 64 == 0)
        }
    }

    /// A header as numpy 2 writes it ("(173,)" with its own padding) parses.
    @Test func readsNumpysOwnHeader() throws {
        var dictionary = "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }"
        while (10 + dictionary.count + 1) % 64 != 0 { dictionary += " " }
        var data = Data(NumpyArray.magic + [1, 0, UInt8(dictionary.count + 1), 0])
        data.append(contentsOf: Array((dictionary + "\n").utf8))
        for v: Float in [0.5, 1.5, -2] { withUnsafeBytes(of: v.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        #expect(try NumpyArray.decode(data) == NumpyArray(shape: [3], values: [0.5, 1.5, -2]))
    }

    /// numpy's other dtypes and column-major order: the values as numpy holds them, converted to Float.
    @Test(arguments: ["'<f8'", "'<i4'", "'<i8'"])
    func readsOtherDtypesAndFortranOrder(descr: String) throws {
        for fortran in [false, true] {
            var dictionary = "{'descr': \(descr), 'fortran_order': \(fortran ? "True" : "False"), 'shape': (2, 3), }"
            while (10 + dictionary.count + 1) % 64 != 0 { dictionary += " " }
            var data = Data(NumpyArray.magic + [1, 0, UInt8(dictionary.count + 1), 0])
            data.append(contentsOf: Array((dictionary + "\n").utf8))
            // Row-major [[1, -2, 3], [40, 50, -60]]; column-major stores 1, 40, -2, 50, 3, -60.
            let stored: [Int] = fortran ? [1, 40, -2, 50, 3, -60] : [1, -2, 3, 40, 50, -60]
            for v in stored {
                switch descr {
                case "'<f8'": withUnsafeBytes(of: Double(v).bitPattern.littleEndian) { data.append(contentsOf: $0) }
                case "'<i4'": withUnsafeBytes(of: Int32(v).littleEndian) { data.append(contentsOf: $0) }
                default: withUnsafeBytes(of: Int64(v).littleEndian) { data.append(contentsOf: $0) }
                }
            }
            #expect(try NumpyArray.decode(data) == NumpyArray(shape: [2, 3], values: [1, -2, 3, 40, 50, -60]), "\(descr) fortran \(fortran)")
        }
    }

    @Test func streamsRowsWithoutKnowingTheCount() throws {
        let url = temporaryURL("rows.npy")
        let writer = try NumpyRowWriter(url: url, columns: 3)
        for r in 0..<10 { try writer.append([Float(r), Float(r) * 2, -1]) }
        try writer.finish()
        let array = try NumpyArray.read(contentsOf: url)
        #expect(array.shape == [10, 3])
        #expect(array.row(7) == [7, 14, -1])
        let reader = try NumpyRowReader(url: url)
        #expect(reader.rows == 10 && reader.columns == 3)
        var seen = 0
        while let row = try reader.next() { #expect(row[0] == Float(seen)); seen += 1 }
        #expect(seen == 10)
    }

    @Test func refusesBadFilesWithAMessage() throws {
        let good = NumpyArray.headerBytes(shape: [4]) + Data(count: 16)
        let cases: [(Data, String)] = [
            (Data("hello".utf8), "magic"),
            (good.prefix(good.count - 3), "truncated"),
            (String(data: good, encoding: .isoLatin1)!.replacingOccurrences(of: "<f4", with: "<c8").data(using: .isoLatin1)!, "unsupported dtype"),
            (NumpyArray.headerBytes(shape: [1 << 20, 1 << 20]), "too large"),
            (Data(NumpyArray.magic + [1, 0, 0xFF, 0xFF]), "truncated"),
        ]
        for (data, expected) in cases {
            do {
                _ = try NumpyArray.decode(data)
                Issue.record("accepted a bad file (\(expected))")
            } catch let error as NumpyArrayError {
                #expect(error.description.contains(expected), "\(error.description)")
            }
        }
    }
}
