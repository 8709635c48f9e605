// index.html: the page's skeleton and its tables. The map's points come from data.js, its behaviour from
// the atlas-*.js scripts and atlas.css (copied beside the page, see PageAssets), each point's sound from
// previews/<n>.ogg, loaded when clicked. Names only ever reach the page as escaped HTML, or as JSON
// strings set through textContent.
import Foundation

enum HTMLReport {
    static func page(_ data: ReportData) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:">
        <title>Preset atlas</title>
        <link rel="stylesheet" href="atlas.css"></head><body>
        <header><h1>Preset atlas</h1>
        <section id="headline">\(headline(data))</section>
        <p>\(data.points.count) points (\(Escape.html(data.projectionName))). Drag to pan, wheel to zoom, hover for names, click to listen.</p>
        <div id="loading" role="status">Loading \(data.points.count) points…</div>
        <div id="controls" hidden><input id="search" type="search" placeholder="Search preset names" aria-label="Search preset names">
        <span id="matchCount"></span>
        <span id="layers"></span> <label>show <select id="colourBy"><option value="compare" selected>presets over the random settings' density</option><option value="s">points by synth (paler: random, sweep)</option><option value="o">points by origin</option></select></label>
        <span id="filter" hidden><label>filter by <select id="filterBy"><option value="">(nothing)</option></select></label>
        <input id="filterMin" type="range" min="1" max="255" value="1" aria-label="lowest value" hidden>
        <input id="filterMax" type="range" min="1" max="255" value="255" aria-label="highest value" hidden> <span id="filterText"></span></span>
        <button id="lasso" aria-pressed="false" title="then drag around points on the map">lasso select</button>
        <button id="reset">reset view</button></div><p id="legend"></p></header>
        <main><div id="mapBox"><canvas id="map" width="900" height="640"></canvas><div id="tip" hidden></div></div>
        <aside><div id="info">Click a point to hear it.</div><ol id="matches"></ol></aside></main>
        <section id="selection" hidden><h2>Selection</h2><p><span id="selectionSummary"></span>
        <button id="csv">download CSV (every parameter value)</button> <button id="clearSelection">clear selection</button></p>
        <table id="selectionTable"></table></section>
        <section id="tables">\(tables(data))</section>
        \(biasSection(data))
        <pre id="selftest" hidden></pre>
        <script src="data.js" defer></script>
        \(ReportWriter.pageScripts.map { "<script src=\"\($0)\" defer></script>" }.joined(separator: "\n"))
        </body></html>

        """
    }

    /// One plain-words sentence per synth, with the definitions one click away.
    static func headline(_ data: ReportData) -> String {
        Headline.lines(data).map { line in
            // Banks under their synth, in lighter type: the synth's sentence is the answer at first glance.
            "<p class=\"headline\(line.synth.contains(" · ") ? " bank" : "")\">\(Escape.html(line.text))</p>"
        }.joined()
            + "<details><summary>What these figures mean</summary><p>\(Escape.html(Headline.definition))</p></details>"
    }

    /// The bias results (`presetatlas bias --out` into the same folder writes them after the page): their
    /// figures by their fixed names. The page shows the section only once a figure has loaded.
    static func biasSection(_ data: ReportData) -> String {
        let figures = ["tempo-comparison.svg"] + data.synths.map { "stickiness-\(BiasFigures.slug($0)).svg" }
        return "<section id=\"bias\" hidden><h2>Bias: default tempos and sticky parameters</h2>"
            + "<p>Details in <a href=\"bias.md\">bias.md</a>.</p><div class=\"row\">"
            + figures.map { "<img class=\"bias-figure\" src=\"\(Escape.html($0))\" alt=\"\" hidden>" }.joined()
            + "</div></section>"
    }

    /// The tables, as escaped HTML; rows with a preview get a play button carrying the point index.
    static func tables(_ data: ReportData) -> String {
        let indexByKey = data.indexByKey
        func playButton(_ key: String?) -> String {
            guard let key, let i = indexByKey[key], data.previews[i] != nil else { return "" }
            return "<button class=\"play\" data-point=\"\(i)\" title=\"play\">▶</button> "
        }
        func number(_ v: Double?) -> String { v.map { Escape.number($0, digits: 3) } ?? "–" }
        var h = "<h2>Presets against random settings</h2>"
        h += "<p>Precision: share of presets inside the random settings' manifold. Recall: share of random settings inside the presets' manifold. "
        h += "Density and coverage as Naeem et al. (2020), k = \(AnalysisStage.prdcNeighbours), in the full standardised embedding space. "
        h += "Occupancy: share of k-means cells (presets and random points together) that hold at least one point of each.</p>"
        h += "<table id=\"coverage\"><tr><th>synth · presets</th><th>presets</th><th>random</th><th>precision</th><th>recall</th><th>density</th><th>coverage</th><th>cells</th><th>occupied by presets</th><th>occupied by random</th></tr>"
        for scope in data.coverageScopes {
            let m = data.metrics[scope] ?? [:]
            h += "<tr><td>\(Escape.html(scope))</td>" + Summary.metricOrder.map { "<td>\(number(m[$0]))</td>" }.joined() + "</tr>"
        }
        h += "</table>"
        if CrossSynthTable.svg(data) != nil {
            h += "<h2>Which synth covers what</h2><p>\(Escape.html(CrossSynthTable.explanation))</p>"
            h += "<img src=\"\(CrossSynthTable.figureName)\" alt=\"precision and recall of each synth's presets against each other's\">"
        }
        for synth in data.synths {
            h += "<h2>\(Escape.html(synth))</h2><div class=\"row\">"
            h += "<table><caption>Ten most original presets (distance to the nearest other preset)</caption><tr><th>#</th><th>preset</th><th>distance</th></tr>"
            for f in data.findings where f.kind == "original" && f.synth == synth {
                h += "<tr><td>\(f.rank)</td><td>\(playButton(f.patchKey))\(Escape.html(data.pointName(f.patchKey)))</td><td>\(number(f.value))</td></tr>"
            }
            h += "</table><table><caption>Largest empty regions (playable random settings furthest from any preset)</caption><tr><th>#</th><th>random point</th><th>distance</th></tr>"
            for f in data.findings where f.kind == "empty" && f.synth == synth {
                h += "<tr><td>\(f.rank)</td><td>\(playButton(f.patchKey))\(Escape.html(data.pointName(f.patchKey)))</td><td>\(number(f.value))</td></tr>"
            }
            h += "</table><table><caption>Knobs that move the timbre furthest (spread of a one-knob sweep, loudness and pitch left out, silent and transposing steps skipped)</caption><tr><th>#</th><th>parameter</th><th>spread</th></tr>"
            for f in data.findings where f.kind == "knob" && f.synth == synth {
                h += "<tr><td>\(f.rank)</td><td>\(Escape.html(f.parameterID ?? ""))</td><td>\(number(f.value))</td></tr>"
            }
            h += "</table>"
            let explored = data.points.filter { $0.origin == .explored && $0.synth == synth }
            if !explored.isEmpty {
                h += "<table><caption>Explored patches (written by presetatlas explore, far from every preset)</caption><tr><th>patch</th><th>file</th></tr>"
                for point in explored {
                    h += "<tr><td>\(playButton(point.key))\(Escape.html(point.name))</td><td>\(Escape.html(URL(fileURLWithPath: point.sourcePath).lastPathComponent))</td></tr>"
                }
                h += "</table>"
            }
            h += "</div>"
        }
        if !data.skipped.isEmpty {
            h += "<h2>Skipped (too few points)</h2><ul>" + data.skipped.map { "<li>\(Escape.html($0))</li>" }.joined() + "</ul>"
        }
        if !data.badInputs.isEmpty || !data.renderErrors.isEmpty {
            h += "<h2>Problems</h2><table id=\"problems\"><tr><th>input</th><th>problem</th></tr>"
            for bad in data.badInputs { h += "<tr><td>\(Escape.html(bad.path))</td><td>\(Escape.html(bad.problem))</td></tr>" }
            for bad in data.renderErrors { h += "<tr><td>\(Escape.html(bad.name))</td><td>\(Escape.html(bad.problem))</td></tr>" }
            h += "</table>"
        }
        return h
    }
}
