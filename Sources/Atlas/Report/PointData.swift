// data.js: every point of the map as compact binary columns (base64 inside one script file), so the page
// loads a few bytes per point and works from the file system with no server (a script tag, not fetch).
//
// Per point: x and y as UInt16 (quantised over the data's bounds), synth, origin and flags as UInt8, the
// source (file and collection) as an index into a table, each descriptor as UInt8 (quantised over its
// range), and the name in one newline-joined string: about 30 bytes per point.
import Foundation

enum PointData {
    /// Flag bits of a point.
    static let hasOggPreview: UInt8 = 1, hasWAVPreview: UInt8 = 2, isSilent: UInt8 = 4

    /// The file's text: `window.ATLAS_DATA = {...};`.
    static func script(_ data: ReportData) -> String {
        let synths = data.synths
        let origins = PatchOrigin.allCases.map(\.rawValue)
        let points = data.points
        let xs = points.map(\.x), ys = points.map(\.y)
        let bounds = [xs.min() ?? 0, xs.max() ?? 1, ys.min() ?? 0, ys.max() ?? 1]
        func quantised(_ v: Double, _ lo: Double, _ hi: Double) -> UInt16 {
            guard hi > lo, v.isFinite else { return 0 }
            return UInt16(max(0, min(65535, ((v - lo) / (hi - lo) * 65535).rounded())))
        }
        let sources = StringTable(), sweeps = StringTable()
        var x = [UInt16](), y = [UInt16](), synth = [UInt8](), origin = [UInt8](), flags = [UInt8]()
        var source = [UInt16]()
        for (i, p) in points.enumerated() {
            x.append(quantised(p.x, bounds[0], bounds[1]))
            y.append(quantised(p.y, bounds[2], bounds[3]))
            synth.append(UInt8(min(255, synths.firstIndex(of: p.synth) ?? 0)))
            origin.append(UInt8(origins.firstIndex(of: p.origin.rawValue) ?? 0))
            var f: UInt8 = p.isSilent ? isSilent : 0
            if let kind = data.previews[i] {
                switch kind {
                case "ogg": f |= hasOggPreview
                case "wav": f |= hasWAVPreview
                default: break
                }
            }
            flags.append(f)
            // A sweep step's source is its sweep (the parameter it turns), from a table of its own.
            let sourceIndex = p.origin == .sweep ? sweeps.index(p.sweepParameter ?? "")
                : sources.index(p.sourcePath.isEmpty && p.collection.isEmpty ? "" : p.collection + "\n" + p.sourcePath)
            source.append(UInt16(min(65535, sourceIndex)))
        }
        let generated = GeneratedNames(points, sampler: data.settings["sampler"] ?? "")
        let names = points.indices.map { i in
            generated.name(i) == points[i].name ? "" : points[i].name.replacingOccurrences(of: "\n", with: " ")
        }.joined(separator: "\n")
        let fields: [(String, String)] = [
            ("count", "\(points.count)"),
            ("synths", list(synths)), ("origins", list(origins)),
            ("projection", Escape.jsonString(data.projectionName)),
            ("bounds", "[" + bounds.map { "\($0)" }.joined(separator: ",") + "]"),
            ("x", base64(x)), ("y", base64(y)), ("synth", base64(synth)), ("origin", base64(origin)),
            ("flags", base64(flags)), ("source", base64(source)),
            ("sources", list(sources.strings)), ("sweeps", list(sweeps.strings)),
            ("sampler", Escape.jsonString(data.settings["sampler"] ?? "")),
            ("names", Escape.jsonString(names)),
        ] + descriptorFields(points) + Clusters.fields(data)
        return "window.ATLAS_DATA = {\n" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ",\n") + "\n};\n"
    }

    /// `descriptors`: label, unit and range of each; `d<k>`: its values quantised to UInt8 (0 = missing).
    static func descriptorFields(_ points: [ReportPoint]) -> [(String, String)] {
        guard !points.isEmpty, points.allSatisfy({ $0.descriptors.count == Descriptor.all.count }) else { return [] }
        var meta: [String] = [], columns: [(String, String)] = []
        for (k, d) in Descriptor.all.enumerated() {
            let values = points.map { Double($0.descriptors[k]) }.filter(\.isFinite)
            let lo = values.min() ?? 0, hi = values.max() ?? 1
            meta.append("{\"label\":\(Escape.jsonString(d.label)),\"unit\":\(Escape.jsonString(d.unit)),\"min\":\(Escape.number(lo)),\"max\":\(Escape.number(hi))}")
            let q = points.map { p -> UInt8 in
                let v = Double(p.descriptors[k])
                guard v.isFinite else { return 0 }
                return hi > lo ? UInt8(1 + ((v - lo) / (hi - lo) * 254).rounded()) : 1
            }
            columns.append(("d\(k)", base64(q)))
        }
        return [("descriptors", "[" + meta.joined(separator: ",") + "]")] + columns
    }

    static func list(_ strings: [String]) -> String { "[" + strings.map(Escape.jsonString).joined(separator: ",") + "]" }

    /// Little-endian bytes of fixed-width integers, base64-encoded (every browser is little-endian).
    static func base64<T: FixedWidthInteger>(_ values: [T]) -> String {
        var bytes = Data(capacity: values.count * MemoryLayout<T>.size)
        for v in values { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
        return "\"" + bytes.base64EncodedString() + "\""
    }
}

/// The names random settings and sweep steps get when made (PatchSampler), rebuilt from their order the
/// way the page rebuilds them: data.js leaves out every name this reproduces exactly (an empty line),
/// which is most of the bytes of names. Random: "<sampler> <k>", k counting that synth's random points;
/// sweep: "<parameter> <k+1>/<steps>", k counting that synth's steps of that parameter.
struct GeneratedNames {
    private var names: [String?]

    init(_ points: [ReportPoint], sampler: String) {
        var randomSeen: [String: Int] = [:], sweepSeen: [String: Int] = [:], sweepTotal: [String: Int] = [:]
        for p in points where p.origin == .sweep { sweepTotal[p.synth + "\n" + (p.sweepParameter ?? ""), default: 0] += 1 }
        names = points.map { p in
            switch p.origin {
            case .random:
                defer { randomSeen[p.synth, default: 0] += 1 }
                return "\(sampler) \(randomSeen[p.synth, default: 0])"
            case .sweep:
                let group = p.synth + "\n" + (p.sweepParameter ?? "")
                defer { sweepSeen[group, default: 0] += 1 }
                return "\(p.sweepParameter ?? "") \(sweepSeen[group, default: 0] + 1)/\(sweepTotal[group] ?? 0)"
            default:
                return nil
            }
        }
    }

    func name(_ index: Int) -> String? { names[index] }
}

/// Distinct strings in first-seen order; index 0 is always the empty string.
final class StringTable {
    private(set) var strings: [String] = [""]
    private var indexOf: [String: Int] = ["": 0]

    func index(_ s: String) -> Int {
        if let i = indexOf[s] { return i }
        indexOf[s] = strings.count
        strings.append(s)
        return strings.count - 1
    }
}

/// Paths as a page meant to be shared shows them: absolute paths lose the directories all of them share
/// (keeping the last shared folder's name), so no local home or work directory reaches the page.
enum DisplayPath {
    static func relative(_ paths: [String]) -> [String] {
        let absolute = paths.filter { $0.hasPrefix("/") }.map { $0.split(separator: "/").map(String.init) }
        guard var common = absolute.first else { return paths }
        for parts in absolute.dropFirst() {
            var n = 0
            while n < common.count, n < parts.count - 1, common[n] == parts[n] { n += 1 }
            common = Array(common.prefix(n))
        }
        if common.count == absolute.first!.count { common.removeLast() }   // one file: keep its name
        let drop = max(0, common.count - 1)
        return paths.map { path in
            guard path.hasPrefix("/") else { return path }
            return path.split(separator: "/").dropFirst(drop).joined(separator: "/")
        }
    }
}
