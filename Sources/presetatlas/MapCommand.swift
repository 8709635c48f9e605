// `presetatlas map`: projects embeddings to 2-D (t-SNE or PCA) and reports trustworthiness and continuity.
import ArgumentParser
import Foundation
import NumpyFormat
import SoundSpace

struct MapCommand: ParsableCommand {
    enum Method: String, ExpressibleByArgument { case tsne, pca }

    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Project embeddings to a 2-D map and report its trustworthiness and continuity at k = 10.",
        discussion: """
        Reads a float .npy [N, D] (or CSV), writes the map as float32 .npy [N, 2]. t-SNE is Barnes-Hut below \
        \(TSNE.interpolationFrom) points and FFT-interpolated (as FIt-SNE and openTSNE) from there up, \
        PCA-initialised (or seeded random with --random-init): the same input and options give the same map, \
        bit for bit. With --measure, an existing map (from any tool) is measured instead of computing one.

        Examples:
          presetatlas map embeddings.npy --method tsne --perplexity 30 --out xy.npy
          presetatlas map embeddings.npy --method tsne --random-init --seed 7 --out xy-seed7.npy
          presetatlas map embeddings.npy --measure other-tool-xy.npy --json
        """)

    @Argument(help: "Embeddings (.npy or CSV), one point per row.") var embeddings: String
    @Option(help: "Projection: tsne or pca.") var method: Method = .tsne
    @Option(help: "Where to write the [N, 2] float32 .npy map.") var out: String?
    @Option(help: "Measure this existing map (.npy or CSV, same rows) instead of computing one.") var measure: String?
    @Option(help: "t-SNE perplexity.") var perplexity: Double = 30
    @Option(help: "t-SNE iterations (the first 250 with early exaggeration).") var iterations: Int = 750
    @Option(help: "Seed of the random initialisation (with --random-init).") var seed: UInt64 = 0
    @Flag(help: "Start t-SNE from seeded Gaussian noise instead of PCA.") var randomInit = false
    @Option(help: "t-SNE repulsion: barnesHut or interpolation (FFT; the default from \(TSNE.interpolationFrom) points).")
    var gradient: TSNE.Gradient?
    @Option(help: "Neighbourhood size for trustworthiness and continuity.") var k: Int = 10
    @Flag(inversion: .prefixedNo, help: "Measure trustworthiness and continuity (O(N²) time, bounded memory).") var quality = true
    @Flag(help: "Print one JSON object instead of lines.") var json = false
    @Flag(help: "Print the seconds each phase took to standard error.") var timing = false

    func validate() throws {
        if out == nil && measure == nil { throw ValidationError("give --out for the map to write, or --measure MAP") }
        // Checked before any work: --k 0 used to fail only after the whole t-SNE had run.
        if k < 1 { throw ValidationError("--k must be at least 1") }
        if !(1...100_000).contains(iterations) { throw ValidationError("--iterations must be 1...100000") }
        if !(perplexity > 0 && perplexity <= 10_000) { throw ValidationError("--perplexity must be above 0 and at most 10000") }
    }

    func run() throws {
        let clock = ContinuousClock()
        let points = try MatrixFile.read(URL(fileURLWithPath: embeddings))
        var map: Matrix
        var fields = ["\"points\":\(points.rows)"]
        do {
            let start = clock.now
            if let measure {
                map = try MatrixFile.read(URL(fileURLWithPath: measure))
            } else {
                switch method {
                case .pca:
                    map = try PCA.fit(points, components: Swift.min(2, points.columns)).transform(points)
                case .tsne:
                    var tsne = TSNE(perplexity: perplexity, iterations: iterations, seed: seed)
                    tsne.earlyExaggerationIterations = Swift.min(250, iterations / 3)
                    if randomInit { tsne.initialization = .random }
                    tsne.gradient = gradient
                    map = try tsne.embed(points)
                }
                fields.insert("\"method\":\"\(method.rawValue)\"", at: 0)
                report("\(method.rawValue)", since: start, clock: clock)
            }
            if let out { try NumpyArray(map).write(to: URL(fileURLWithPath: out)) }
            if quality {
                let qualityStart = clock.now
                let measured = try MapQuality.measure(points: points, map: map, k: k)
                report("quality", since: qualityStart, clock: clock)
                fields += ["\"k\":\(k)", "\"trustworthiness\":\(measured.trustworthiness)", "\"continuity\":\(measured.continuity)"]
                if !json { print("trustworthiness\t\(measured.trustworthiness)\ncontinuity\t\(measured.continuity)") }
            }
        } catch let error as SoundSpaceError {
            throw ValidationError("\(embeddings): \(error)")
        }
        if json { print("{" + fields.joined(separator: ",") + "}") }
    }

    private func report(_ phase: String, since start: ContinuousClock.Instant, clock: ContinuousClock) {
        guard timing else { return }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        FileHandle.standardError.write(Data("\(phase) seconds \(seconds)\n".utf8))
    }
}

extension TSNE.Gradient: ExpressibleByArgument {}
