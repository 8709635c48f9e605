// Writes the report folder from the store: index.html, map.svg, summary.json, summary.md (each atomically).
import Foundation

public enum ReportWriter {
    /// Writes every report file into `directory` and returns their URLs.
    public static func write(store: AtlasStore, to directory: URL) throws -> [URL] {
        let data = try ReportData.load(from: store)
        let files: [(String, String)] = [
            ("index.html", HTMLReport.page(data)),
            ("map.svg", SVGMap.svg(data)),
            ("summary.json", Summary.json(data)),
            ("summary.md", Summary.markdown(data)),
        ]
        var urls: [URL] = []
        for (name, text) in files {
            let url = directory.appendingPathComponent(name)
            try OutputFile.write(Data(text.utf8), to: url)
            urls.append(url)
        }
        return urls
    }
}
