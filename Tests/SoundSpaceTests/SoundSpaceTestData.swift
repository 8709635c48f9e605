// Helpers shared by SoundSpace tests: the shared-fixture location and seeded synthetic point sets.
import Foundation
import TestSupport
@testable import SoundSpace

enum TestData {
    /// `../shared` beside the package root.
    static let sharedDirectory: URL = TestPaths.shared

    static var prdcFixtureExists: Bool {
        FileManager.default.fileExists(atPath: sharedDirectory.appendingPathComponent("fixtures/prdc/expected.json").path)
    }

    /// `rows` standard-normal points of `columns` dimensions, each shifted by `offset` in every dimension.
    static func gaussian(rows: Int, columns: Int, seed: UInt64, offset: Float = 0) -> Matrix {
        var generator = SeededGenerator(seed: seed)
        var matrix = Matrix(rows: rows, columns: columns)
        matrix.values = (0..<(rows * columns)).map { _ in Float(generator.nextGaussian()) + offset }
        return matrix
    }

    /// Well-separated Gaussian clusters: cluster c has centre 20·c along dimension c % columns; label per row.
    static func clusters(count: Int, perCluster: Int, columns: Int, seed: UInt64) -> (Matrix, [Int]) {
        var generator = SeededGenerator(seed: seed)
        var values = [Float]()
        var labels = [Int]()
        for c in 0..<count {
            for _ in 0..<perCluster {
                for dim in 0..<columns {
                    let centre: Float = dim == c % columns ? 20 * Float(c / columns + 1) : 0
                    values.append(centre + Float(generator.nextGaussian()))
                }
                labels.append(c)
            }
        }
        var matrix = Matrix(rows: count * perCluster, columns: columns)
        matrix.values = values
        return (matrix, labels)
    }

    static func temporaryFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("soundspace-\(UUID().uuidString)-\(name)")
    }
}
