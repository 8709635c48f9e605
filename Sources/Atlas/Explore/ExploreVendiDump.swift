// The rows and kernel bandwidth behind an explore run's Vendi scores, as .npy files and JSON, so
// scripts/vendi_crosscheck.py can recompute them with the `vendi-score` package.
import Foundation
import NumpyFormat

public enum ExploreVendiDump {
    /// Writes `<set>.npy` (standardised rows, float32) per set and `vendi.json` (bandwidth and our scores).
    public static func write(_ result: ExploreResult, to folder: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var files: [URL] = []
        for set in result.vendiSets {
            let url = folder.appendingPathComponent("\(set.name).npy")
            try NumpyArray(shape: [set.points.rows, set.points.columns], values: set.points.values).write(to: url)
            files.append(url)
        }
        var scores = ["\"bank\": \(result.vendiBank)", "\"exported\": \(result.vendiExported)"]
        if let random = result.vendiRandom { scores.append("\"random\": \(random)") }
        let json = "{\"kernel\": \"gaussian\", \"bandwidth\": \(result.vendiBandwidth), \"scores\": {\(scores.joined(separator: ", "))}}\n"
        let url = folder.appendingPathComponent("vendi.json")
        try Data(json.utf8).write(to: url, options: .atomic)
        return files + [url]
    }
}
