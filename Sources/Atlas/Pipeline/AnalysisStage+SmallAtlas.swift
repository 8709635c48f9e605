// What the analysis does for an atlas too small for some of its steps: a PCA map below t-SNE's minimum,
// and one note per step skipped saying what it needs, so a small atlas still gets a report that says
// what is missing and why.
import Foundation
import GRDB
import SoundSpace

extension AnalysisStage {
    /// The fewest points the map's projection takes (t-SNE in SoundSpace refuses fewer than 4).
    static let minimumPointsForProjection = 4

    /// The 2-D map and its name: the configured projection, or below its minimum the first two principal
    /// components (points with no spread, or a single point, sit at the origin).
    static func mapCoordinates(_ standardised: Matrix, analysis: any SpaceAnalysis, seed: UInt64,
                               notes: inout [String]) throws -> (map: Matrix, name: String) {
        if standardised.rows >= minimumPointsForProjection {
            return (try analysis.project(standardised, seed: seed), analysis.projectionName)
        }
        notes.append("map: \(analysis.projectionName) needs at least \(minimumPointsForProjection) points; "
                     + "the \(standardised.rows) points are placed by their first two principal components")
        var map = Matrix(rows: standardised.rows, columns: 2)
        if standardised.rows >= 2, standardised.columns >= 2, let pca = try? PCA.fit(standardised, components: 2) {
            map = pca.transform(standardised)
        }
        return (map, "first two principal components")
    }

    /// One note per step of `synth`'s analysis that its point counts are too small for (the thresholds
    /// are the ones `run` applies).
    static func skippedSteps(synth: String, presets: Int, randoms: Int, playable: Int) -> [String] {
        var notes: [String] = []
        if presets <= prdcNeighbours || randoms <= prdcNeighbours {
            notes.append("\(synth): coverage (precision, recall, density, coverage) needs more than \(prdcNeighbours) presets "
                         + "and \(prdcNeighbours) random settings; has \(presets) and \(randoms)")
        }
        if (presets + randoms) / 5 < 2 {
            notes.append("\(synth): occupancy needs at least 10 presets and random settings together; has \(presets + randoms)")
        }
        if presets < 2 { notes.append("\(synth): most original presets needs at least 2 presets; has \(presets)") }
        if presets == 0 || playable == 0 {
            notes.append("\(synth): empty regions need presets and playable random settings; has \(presets) and \(playable)")
        }
        return notes
    }

    /// Replaces the stored notes (inside the analysis transaction).
    static func writeNotes(_ notes: [String], _ db: Database) throws {
        try db.execute(sql: "DELETE FROM analysisNote")
        for (rank, text) in notes.enumerated() {
            try db.execute(sql: "INSERT INTO analysisNote(rank, text) VALUES (?, ?)", arguments: [rank, text])
        }
    }
}
