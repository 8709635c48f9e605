// Per-dimension mean and standard deviation of a set of embeddings, accumulated one vector at a time
// (Welford's online algorithm, so memory is flat in the number of clips), applied as z-scores, and
// stored beside the embeddings as CSV (name,mean,std). The one standardisation: `embed` writes its
// matrix with it and the atlas's analysis, report and bias z-score with it too.
import Foundation

public struct EmbeddingStatistics: Sendable, Equatable {
    /// A dimension whose deviation is at most this counts as constant: its z-score is 0, so rounding
    /// noise in a descriptor that never varies is not blown up to unit variance.
    public static let constantDeviation = 1e-12

    public var names: [String]
    public private(set) var count = 0
    public private(set) var mean: [Double]
    private var sumSquaredDeviations: [Double]

    public init(names: [String]) {
        self.names = names
        mean = [Double](repeating: 0, count: names.count)
        sumSquaredDeviations = mean
    }

    /// The statistics of `vectors`, each `dimensions` long (dimensions named by their index).
    public init(_ vectors: [[Float]], dimensions: Int) throws {
        self.init(names: (0..<dimensions).map(String.init))
        for vector in vectors { try add(vector) }
    }

    /// Population standard deviation per dimension (0 before any vector and where a dimension never varies).
    public var standardDeviation: [Double] {
        sumSquaredDeviations.map { count > 0 && $0 > 0 ? ($0 / Double(count)).squareRoot() : 0 }
    }

    /// Adds one vector; a vector of another length is refused, and the statistics are left as they were.
    public mutating func add(_ vector: [Float]) throws {
        guard vector.count == mean.count else {
            throw EmbeddingError(description: "statistics of \(mean.count) dimensions given a vector of \(vector.count)")
        }
        count += 1
        for i in 0..<vector.count {
            let x = Double(vector[i])
            let delta = x - mean[i]
            mean[i] += delta / Double(count)
            sumSquaredDeviations[i] += delta * (x - mean[i])
        }
    }

    /// (x - mean) / std per dimension; 0 in a constant dimension (std <= `constantDeviation`).
    public func standardised(_ vector: [Float]) -> [Float] {
        let std = standardDeviation
        return (0..<vector.count).map { std[$0] > Self.constantDeviation ? Float((Double(vector[$0]) - mean[$0]) / std[$0]) : 0 }
    }

    /// `vectors` z-scored, row after row: a row-major [vectors.count, dimensions] array.
    public func standardisedRows(_ vectors: [[Float]]) -> [Float] {
        vectors.flatMap(standardised)
    }

    public func csv() -> String {
        let std = standardDeviation
        return "name,mean,std\n" + names.indices.map { "\(names[$0]),\(mean[$0]),\(std[$0])" }.joined(separator: "\n") + "\n"
    }

    /// Reads the CSV written by `csv()`; `count` is unknown afterwards (reported as 0).
    public static func parse(csv text: String, name: String) throws -> EmbeddingStatistics {
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard lines.first == "name,mean,std" else { throw EmbeddingError(description: "\(name): not an embedding statistics CSV (header name,mean,std)") }
        lines.removeFirst()
        var stats = EmbeddingStatistics(names: [])
        for (i, line) in lines.enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 3, let m = Double(fields[1]), let s = Double(fields[2]), m.isFinite, s.isFinite, s >= 0 else {
                throw EmbeddingError(description: "\(name): line \(i + 2) is not name,mean,std with finite values and std >= 0")
            }
            stats.names.append(String(fields[0]))
            stats.mean.append(m)
            // Stored so that standardDeviation reproduces s with count = 1.
            stats.sumSquaredDeviations.append(s * s)
        }
        stats.count = 1
        return stats
    }
}

/// Why an embedding could not be computed, read or imported: one line naming the file and the problem.
public struct EmbeddingError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(description: String) { self.description = description }
}
