// `map` is one library call (MapRun): checked on points whose best map is known.
import Foundation
import NumpyFormat
import Testing
@testable import SoundSpace

@Suite struct MapRunTests {
    /// Twelve points on a line in 3-D: PCA's map keeps every neighbourhood, so trustworthiness and
    /// continuity are both exactly 1.
    @Test func pcaMapOfALineIsWrittenAndMeasuredPerfect() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maprun-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let points = folder.appendingPathComponent("line.csv")
        try (0..<12).map { i in "\(i),\(2 * i),\(Double(i * i) * 0.001)" }.joined(separator: "\n")
            .write(to: points, atomically: true, encoding: .utf8)
        var mapping = MapRun()
        mapping.method = .pca
        mapping.neighbours = 2
        let out = folder.appendingPathComponent("xy.npy")
        let outcome = try mapping.run(embeddings: points, out: out)
        #expect(outcome.points == 12 && outcome.method == .pca)
        #expect(outcome.quality?.trustworthiness == 1 && outcome.quality?.continuity == 1)
        #expect(outcome.phaseSeconds.map(\.phase) == ["pca", "quality"])
        #expect(try NumpyArray.read(contentsOf: out).shape == [12, 2])

        // Measuring that map again computes nothing.
        let measured = try mapping.run(embeddings: points, existingMap: out)
        #expect(measured.method == nil && measured.quality == outcome.quality)
    }
}
