// summary.json (every figure, for programs) and summary.md (the same, readable on a code host).
import Foundation

enum Summary {
    static let metricOrder = ["presets", "random", "precision", "recall", "density", "coverage",
                              "cells", "occupancy.presets", "occupancy.random"]

    static func json(_ data: ReportData) -> String {
        var lines: [String] = ["{"]
        lines.append("  \"settings\": {" + data.settings.sorted { $0.key < $1.key }
            .map { "\(Escape.jsonString($0.key)): \(Escape.jsonString($0.value))" }.joined(separator: ", ") + "},")
        lines.append("  \"projection\": \(Escape.jsonString(data.projectionName)),")
        lines.append("  \"points\": \(data.points.count),")
        lines.append("  \"previews\": \(data.previews.count),")
        lines.append("  \"patches\": {" + data.patchCountsByOrigin.sorted { $0.key < $1.key }
            .map { "\(Escape.jsonString($0.key)): \($0.value)" }.joined(separator: ", ") + "},")
        var synthBlocks: [String] = []
        for synth in data.synths {
            let metrics = data.metrics[synth] ?? [:]
            let metricText = metrics.sorted { $0.key < $1.key }
                .map { "\(Escape.jsonString($0.key)): \(Escape.number($0.value, digits: 6))" }.joined(separator: ", ")
            func findings(_ kind: String) -> String {
                "[" + data.findings.filter { $0.kind == kind && $0.synth == synth }.map { f in
                    var fields = ["\"rank\": \(f.rank)", "\"value\": \(Escape.number(f.value, digits: 6))"]
                    if let key = f.patchKey {
                        fields.append("\"key\": \(Escape.jsonString(data.shownKey(key)))")
                        fields.append("\"name\": \(Escape.jsonString(data.pointName(key)))")
                    }
                    if let p = f.parameterID { fields.append("\"parameter\": \(Escape.jsonString(p))") }
                    return "{" + fields.joined(separator: ", ") + "}"
                }.joined(separator: ", ") + "]"
            }
            synthBlocks.append("""
                    \(Escape.jsonString(synth)): {
                      "metrics": {\(metricText)},
                      "mostOriginalPresets": \(findings("original")),
                      "largestEmptyRegions": \(findings("empty")),
                      "knobsMovingSoundFurthest": \(findings("knob"))
                    }
                """)
        }
        lines.append("  \"synths\": {\n" + synthBlocks.joined(separator: ",\n") + "\n  },")
        let collectionScopes = data.coverageScopes.filter { !data.synths.contains($0) }
        lines.append("  \"collections\": {" + collectionScopes.map { scope in
            "\(Escape.jsonString(scope)): {" + (data.metrics[scope] ?? [:]).sorted { $0.key < $1.key }
                .map { "\(Escape.jsonString($0.key)): \(Escape.number($0.value, digits: 6))" }.joined(separator: ", ") + "}"
        }.joined(separator: ", ") + "},")
        lines.append("  \"skipped\": [" + data.skipped.map(Escape.jsonString).joined(separator: ", ") + "],")
        lines.append("  \"badInputs\": [" + data.badInputs.map {
            "{\"path\": \(Escape.jsonString($0.path)), \"problem\": \(Escape.jsonString($0.problem))}"
        }.joined(separator: ", ") + "],")
        lines.append("  \"renderErrors\": [" + data.renderErrors.map {
            "{\"key\": \(Escape.jsonString(data.shownKey($0.key))), \"problem\": \(Escape.jsonString($0.problem))}"
        }.joined(separator: ", ") + "]")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func markdown(_ data: ReportData) -> String {
        var md = "# Preset atlas\n\n"
        for line in Headline.lines(data) { md += "**\(Escape.markdownCell(line.text))**\n\n" }
        md += "<details><summary>What these figures mean</summary>\n\n\(Headline.definition)\n\n</details>\n\n"
        md += "\(data.points.count) points on the map (\(Escape.markdownCell(data.projectionName))); "
        md += data.patchCountsByOrigin.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        md += ". Settings: " + ["randomCount", "sampler", "sweepSteps", "seed", "embedder"]
            .compactMap { k in data.settings[k].map { "\(k) \(Escape.markdownCell($0))" } }.joined(separator: ", ") + ".\n\n"
        if !data.skipped.isEmpty {
            md += "## Skipped (too few points)\n\n" + data.skipped.map { "- \(Escape.markdownCell($0))\n" }.joined() + "\n"
        }
        md += "## Presets against random settings\n\n"
        md += "Precision: share of presets inside the random settings' manifold; recall: share of random settings inside "
        md += "the presets' manifold; density and coverage as Naeem et al. (2020), k = \(AnalysisStage.prdcNeighbours). "
        md += "Occupancy: share of k-means cells (presets and random points together) holding at least one point of each.\n\n"
        md += "| synth · presets | presets | random | precision | recall | density | coverage | cells | occupied by presets | occupied by random |\n"
        md += "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
        for scope in data.coverageScopes {
            let m = data.metrics[scope] ?? [:]
            // Above 100k points the figures come from approximate neighbours: each with its error beside it.
            md += "| \(Escape.markdownCell(scope)) | " + metricOrder.map { name in
                m[name].map { Escape.number($0, digits: 3) + (m[name + ".error"].map { " ± " + Escape.number($0, digits: 3) } ?? "") } ?? "–"
            }.joined(separator: " | ") + " |\n"
        }
        for scope in data.coverageScopes {
            guard let recall = data.metrics[scope]?["knn.recall"], let sample = data.metrics[scope]?["knn.sample"] else { continue }
            md += "\n\(Escape.markdownCell(scope)): approximate kNN, recall@\(AnalysisStage.prdcNeighbours) "
                + "\(Escape.number(recall, digits: 3)) on \(Int(sample)) points (± : error against exhaustive search on that sample).\n"
        }
        md += "\n" + CrossSynthTable.markdown(data)
        for synth in data.synths {
            md += "\n## \(Escape.markdownCell(synth))\n\n"
            md += "Most original presets (distance to the nearest other preset, standardised embedding):\n\n| rank | preset | distance |\n| ---: | --- | ---: |\n"
            for f in data.findings where f.kind == "original" && f.synth == synth {
                md += "| \(f.rank) | \(Escape.markdownCell(data.pointName(f.patchKey))) | \(Escape.number(f.value, digits: 3)) |\n"
            }
            md += "\nLargest empty regions (playable random settings furthest from any preset):\n\n| rank | random point | distance |\n| ---: | --- | ---: |\n"
            for f in data.findings where f.kind == "empty" && f.synth == synth {
                md += "| \(f.rank) | \(Escape.markdownCell(data.pointName(f.patchKey))) | \(Escape.number(f.value, digits: 3)) |\n"
            }
            md += "\nKnobs that move the timbre furthest (widest spread of a one-knob sweep from the init patch, in the embedding without its loudness and pitch dimensions; silent steps and steps that move the held pitch by more than a quarter tone skipped):\n\n| rank | parameter | spread |\n| ---: | --- | ---: |\n"
            for f in data.findings where f.kind == "knob" && f.synth == synth {
                md += "| \(f.rank) | \(Escape.markdownCell(f.parameterID ?? "")) | \(Escape.number(f.value, digits: 3)) |\n"
            }
        }
        if !data.badInputs.isEmpty || !data.renderErrors.isEmpty {
            md += "\n## Problems\n\n| input | problem |\n| --- | --- |\n"
            for bad in data.badInputs { md += "| \(Escape.markdownCell(bad.path)) | \(Escape.markdownCell(bad.problem)) |\n" }
            for bad in data.renderErrors { md += "| \(Escape.markdownCell(bad.name)) | \(Escape.markdownCell(bad.problem)) |\n" }
        }
        return md
    }
}
