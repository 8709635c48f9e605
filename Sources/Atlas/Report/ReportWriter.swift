// Writes the report folder from the store: index.html with data.js, neighbours.js, parameters.js, the page's scripts and atlas.css, one
// preview per point in previews/, map.svg, summary.json and summary.md (text files each atomically).
// The folder is a static site: it works from the file system and from any static host.
import Foundation
import GRDB

public enum ReportWriter {
    /// The page's scripts, one purpose each, in the order the page runs them (they share top-level names,
    /// each using only what the ones before it define when it runs).
    static let pageScripts = ["atlas-columns.js", "atlas-index.js", "atlas-state.js", "atlas-view.js", "atlas-webgl.js",
                              "atlas-pixels.js", "atlas-draw.js", "atlas-play.js", "atlas-url.js", "atlas-lasso.js",
                              "atlas-controls.js", "atlas-selftest.js"]
    /// The page's code and style (Sources/Atlas/Report/Resources), copied beside every page.
    static let resourceFiles = pageScripts + ["atlas.css"]

    /// Writes every report file into `directory` and returns their URLs (the previews folder as one).
    public static func write(store: AtlasStore, to directory: URL) throws -> [URL] {
        let data = try ReportData.load(from: store)
        // Each file is made and written before the next is made: at a million points data.js and
        // parameters.js are hundreds of MB each, and holding them all at once would set the peak.
        var files: [(String, () throws -> Data)] = [
            ("index.html", { Data(HTMLReport.page(data).utf8) }),
            ("data.js", { Data(PointData.script(data).utf8) }),
            ("neighbours.js", { Data(Neighbours.script(data).utf8) }),
            ("parameters.js", { Data(ParameterValues.script(data).utf8) }),
        ]
        for name in resourceFiles { files.append((name, { try resource(name) })) }
        files += [
            ("map.svg", { Data(SVGMap.svg(data).utf8) }),
            ("summary.json", { Data(Summary.json(data).utf8) }),
            ("summary.md", { Data(Summary.markdown(data).utf8) }),
        ]
        if let crossSynth = CrossSynthTable.svg(data) { files.append((CrossSynthTable.figureName, { Data(crossSynth.utf8) })) }
        var urls: [URL] = []
        for (name, make) in files {
            let url = directory.appendingPathComponent(name)
            try OutputFile.write(try make(), to: url)
            urls.append(url)
        }
        urls.append(try writePreviews(data, from: store, to: directory.appendingPathComponent("previews")))
        return urls
    }

    /// previews/<point index>.ogg (or .wav from older stores), replacing what an earlier report left. Read
    /// from the store one preview at a time: a million-setting atlas keeps tens of thousands (hundreds of MB).
    static func writePreviews(_ data: ReportData, from store: AtlasStore, to folder: URL) throws -> URL {
        let fm = FileManager.default
        if fm.fileExists(atPath: folder.path) { try fm.removeItem(at: folder) }
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        try store.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT patchKey, previewWAV FROM render WHERE previewWAV IS NOT NULL")
            while let row = try rows.next() {
                guard let index = data.indexByKey[row["patchKey"]], let kind = data.previews[index],
                      let bytes = row["previewWAV"] as Data? else { continue }
                try bytes.write(to: folder.appendingPathComponent("\(index).\(kind)"))
            }
        }
        return folder
    }

    /// One of the page's scripts or its style, from wherever the installed binary finds them (PageAssets).
    static func resource(_ name: String) throws -> Data {
        try PageAssets.read(name, names: resourceFiles)
    }
}
