// The embedding: layout, known modulations read back by name, robustness, and the batch files.
import Foundation
import NumpyFormat
import Testing
@testable import Features

@Suite struct EmbeddingTests {
    let sr = Synthetic.sr

    func value(_ name: String, in vector: [Float]) throws -> Float {
        let index = try #require(EmbeddingLayout.names.firstIndex(of: name), "no dimension \(name)")
        return vector[index]
    }

    @Test func layoutIsNamedUniquelyWithinTheAgreedSize() {
        let names = EmbeddingLayout.names
        #expect(Set(names).count == names.count)
        #expect((64...128).contains(names.count))
        #expect(EmbeddingLayout.dimensions.allSatisfy { !$0.description.isEmpty })
    }

    /// 220 Hz, 5 Hz vibrato of ±50 cents, held 2 s.
    @Test func vibratoRateAndDepth() throws {
        let signal = Synthetic.tone(seconds: 3, partials: Synthetic.harmonics(220, count: 8),
                                    frequencyFactor: { t in pow(2, 50 / 1200 * sin(2 * Double.pi * 5 * t)) },
                                    envelope: { t in t < 2 ? 1 : exp(-(t - 2) / 0.1) })
        let v = try EmbeddingExtractor(sr: sr).embedding(signal, noteOnSeconds: 0, noteOffSeconds: 2)
        #expect(v.count == EmbeddingLayout.count)
        #expect(abs(try value("vibrato.rate_hz", in: v) - 5) < 0.3)
        let depth = try value("vibrato.depth_cents", in: v)
        #expect(abs(depth - 50) < 8, "depth \(depth)")
        #expect(abs(try value("pitch.f0.log2_over_a440", in: v) - (-1)) < 0.01)
        #expect(try value("tremolo.rate_hz", in: v) == 0, "no tremolo in a constant-amplitude tone")
    }

    /// 330 Hz with 6 Hz tremolo of ±3 dB: the level in dB is a sine.
    @Test func tremoloRateAndDepth() throws {
        let signal = Synthetic.tone(seconds: 3, partials: Synthetic.harmonics(330, count: 6),
                                    envelope: { t in t < 2 ? pow(10, 3 * sin(2 * Double.pi * 6 * t) / 20) : 0 })
        let v = try EmbeddingExtractor(sr: sr).embedding(signal, noteOnSeconds: 0, noteOffSeconds: 2)
        #expect(abs(try value("tremolo.rate_hz", in: v) - 6) < 0.3)
        #expect(abs(try value("tremolo.depth_db", in: v) - 3) < 0.5)
        #expect(try value("vibrato.depth_cents", in: v) < 3)
    }

    /// Brightness moving at 3 Hz: the balance of a 400 Hz and a 3.2 kHz partial swings.
    @Test func filterMovementRate() throws {
        let signal = Synthetic.tone(seconds: 2.5, partials: [(400, 0.3), (3200, 0.3)],
                                    envelope: { _ in 1 })
        // Apply the swing to the upper partial only.
        let upper = Synthetic.tone(seconds: 2.5, partials: [(3200, 0.3)], envelope: { t in 0.5 + 0.5 * sin(2 * Double.pi * 3 * t) })
        let lower = Synthetic.tone(seconds: 2.5, partials: [(400, 0.3)])
        let mixed = zip(lower, upper).map { $0 + $1 }
        let v = try EmbeddingExtractor(sr: sr).embedding(mixed, noteOnSeconds: 0, noteOffSeconds: 2)
        let rate = try value("filter.rate_hz", in: v), depth = try value("filter.depth_octaves", in: v)
        #expect(abs(rate - 3) < 0.3, "rate \(rate), depth \(depth)")
        #expect(depth > 0.3)
        let still = try EmbeddingExtractor(sr: sr).embedding(signal, noteOnSeconds: 0, noteOffSeconds: 2)
        #expect(try value("filter.depth_octaves", in: still) < 0.02)
    }

    @Test func silenceNoiseAndClicksGiveFiniteVectors() throws {
        let extractor = try EmbeddingExtractor(sr: sr)
        for signal in [[Float](repeating: 0, count: 44_100), Synthetic.noise(seconds: 1), [1], [Float](repeating: 1, count: 100)] {
            let v = try extractor.embedding(signal, noteOnSeconds: 0, noteOffSeconds: 0.5)
            #expect(v.count == EmbeddingLayout.count && v.allSatisfy(\.isFinite))
        }
        #expect(throws: EmbeddingError.self) { try extractor.embedding([0, .nan, 0]) }
        #expect(throws: EmbeddingError.self) { try extractor.embedding([]) }
    }

    @Test func batchWritesStandardisedRowsAndReportsBadFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("embed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (i, f0) in [110.0, 220.0, 440.0].enumerated() {
            let clip = AudioBuffer(sampleRateHz: sr, channels: [Synthetic.tone(seconds: 1.5, partials: Synthetic.harmonics(f0, count: 5 + 3 * i))])
            try AudioFile.write(clip, to: dir.appendingPathComponent("tone\(i).wav"))
        }
        try Data("RIFF....WAVEjunk".utf8).write(to: dir.appendingPathComponent("broken.wav"))
        // A sine at 0.001 peak: its RMS is 0.001/sqrt(2), -63 dBFS, below the -50 dBFS audibility rule.
        let quiet = (0..<Int(sr)).map { Float(0.001 * sin(2 * Double.pi * 440 * Double($0) / sr)) }
        try AudioFile.write(AudioBuffer(sampleRateHz: sr, channels: [quiet]), to: dir.appendingPathComponent("whisper.wav"))
        let (files, problems) = BatchEmbedder.audioFiles(in: [dir.path, dir.appendingPathComponent("missing.wav").path])
        #expect(files.count == 5 && problems.count == 1)
        let out = dir.appendingPathComponent("embeddings.npy")
        let summary = try BatchEmbedder(jobs: 2).run(files: files, out: out)
        #expect(summary.embedded.map(\.lastPathComponent) == ["tone0.wav", "tone1.wav", "tone2.wav"], "failures: \(summary.failures)")
        #expect(summary.failures.count == 1 && summary.failures[0].message.contains("broken.wav"))
        // The inaudible clip is listed with its level, not embedded.
        #expect(summary.inaudible.map(\.url.lastPathComponent) == ["whisper.wav"])
        #expect(abs((summary.inaudible.first?.levelDecibels ?? 0) + 63.0) < 1.0)
        let listed = try String(contentsOf: dir.appendingPathComponent("embeddings.inaudible.csv"), encoding: .utf8).split(separator: "\n")
        #expect(listed.count == 2 && listed[0] == "file,level_db" && listed[1].contains("whisper.wav,-6"))
        let matrix = try NumpyArray.read(contentsOf: out)
        #expect(matrix.shape == [3, EmbeddingLayout.count])
        for column in 0..<matrix.columns {
            let mean = (0..<3).map { matrix.values[$0 * matrix.columns + column] }.reduce(0, +) / 3
            #expect(abs(mean) < 1e-4)
        }
        // The same rows come back through the external-embeddings import (ids from the CSV's first column).
        let imported = try ExternalEmbeddings.load(npy: out, ids: dir.appendingPathComponent("embeddings.csv"))
        #expect(imported.ids == ["0", "1", "2"] && imported.matrix == matrix)
        let stats = try EmbeddingStatistics.parse(csv: String(contentsOf: dir.appendingPathComponent("embeddings.stats.csv"), encoding: .utf8), name: "stats")
        let raw = try NumpyArray.read(contentsOf: dir.appendingPathComponent("embeddings.raw.npy"))
        let again = stats.standardised(raw.row(1))
        for (a, b) in zip(again, matrix.row(1)) { #expect(abs(a - b) < 1e-3) }
        let dims = try String(contentsOf: dir.appendingPathComponent("embeddings.dims.txt"), encoding: .utf8)
        #expect(dims.split(separator: "\n").count == EmbeddingLayout.count)
    }

    @Test func importRefusesMismatchedIds() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try NumpyArray(shape: [2, 3], values: [1, 2, 3, 4, 5, 6]).write(to: dir.appendingPathComponent("e.npy"))
        try "id\nonly-one\n".write(to: dir.appendingPathComponent("ids.csv"), atomically: true, encoding: .utf8)
        #expect { try ExternalEmbeddings.load(npy: dir.appendingPathComponent("e.npy"), ids: dir.appendingPathComponent("ids.csv")) }
            throws: { ($0 as? EmbeddingError)?.description.contains("1 ids for 2 rows") == true }
        try NumpyArray(shape: [2, 3], values: [1, .nan, 3, 4, 5, 6]).write(to: dir.appendingPathComponent("e.npy"))
        try "id\na\nb\n".write(to: dir.appendingPathComponent("ids.csv"), atomically: true, encoding: .utf8)
        #expect { try ExternalEmbeddings.load(npy: dir.appendingPathComponent("e.npy"), ids: dir.appendingPathComponent("ids.csv")) }
            throws: { ($0 as? EmbeddingError)?.description.contains("non-finite") == true }
    }
}
