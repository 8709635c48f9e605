// Reads an instrument track's <fxchain> (LMMS 1.2.2 EffectChain::saveSettings) into `LMMSEffectChainSettings`.
import Foundation
import Synthesis

enum LMMSEffectChainReader {
    /// The chain of `track`, or nil when it has none (LMMS then runs no effects).
    static func chain(of track: XMLElement) -> LMMSEffectChainSettings? {
        guard let element = track.child("fxchain") else { return nil }
        let effects = element.children("effect").map(effect)
        if effects.isEmpty { return nil }
        return LMMSEffectChainSettings(enabled: flag(element.attributes["enabled"], default: true), effects: effects)
    }

    /// Effect::saveSettings: on, wet, gate, autoquit on the element; LADSPA ports as <portXY data=...> in
    /// <ladspacontrols>; a native effect's controls as attributes (or <name value=...> children) of <NAMEcontrols>.
    static func effect(_ element: XMLElement) -> LMMSEffectSettings {
        func number(_ name: String, _ fallback: Float) -> Float {
            LMMSPreset.modelValue(element, name).map { Float($0) } ?? fallback
        }
        let name = element.attributes["name"] ?? ""
        var plugin = ""
        if let key = element.child("key") {
            plugin = key.children("attribute").first { $0.attributes["name"] == "plugin" }?.attributes["value"] ?? ""
        }
        var controls: [String: Float] = [:]
        if let ladspa = element.child("ladspacontrols") {
            // LMMS 1.2 saves each port as a child <portNN data=...>; older presets as an attribute portNN="..."
            // (AutomatableModel::loadSettings reads both; "portNNlink" and "ports" are not ports).
            for (attribute, text) in ladspa.attributes where attribute.hasPrefix("port") {
                let digits = String(attribute.dropFirst(4))
                guard !digits.isEmpty, digits.allSatisfy(\.isNumber), let value = Float(text) else { continue }
                controls[digits] = value
            }
            for port in ladspa.children where port.name.hasPrefix("port") {
                let digits = String(port.name.dropFirst(4))
                if let value = LMMSPreset.modelValue(port, "data") { controls[digits] = Float(value) }
            }
        } else if let native = element.children.first(where: { $0.name.lowercased().hasSuffix("controls") }) {
            // <stereomatrixcontrols>, <bassboostercontrols>, but <DualFilterControls>.
            for (attribute, text) in native.attributes {
                if let value = Float(text.trimmingCharacters(in: .whitespaces)) { controls[attribute] = value }
            }
            // The waveshaper's drawn curve (base64 floats) becomes one control per point: waveShape.0, ...
            if let curve = native.attributes["waveShape"] {
                for (i, point) in LMMSBase64Floats.decode(curve).enumerated() { controls["waveShape.\(i)"] = point }
            }
            for child in native.children {
                if let text = child.attributes["value"], let value = Float(text) { controls[child.name] = value }
            }
        }
        return LMMSEffectSettings(name: name, plugin: plugin, enabled: flag(element.attributes["on"], default: true),
                                  wet: number("wet", 1), gate: number("gate", 0), autoQuitMs: number("autoquit", 1),
                                  controls: controls)
    }

    private static func flag(_ text: String?, default fallback: Bool) -> Bool {
        guard let text, let value = Double(text) else { return fallback }
        return value != 0
    }
}
