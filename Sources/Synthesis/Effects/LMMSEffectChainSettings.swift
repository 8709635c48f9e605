// An LMMS instrument track's effect chain (<fxchain>) as plain data: which effects, in order, with LMMS's per-effect
// wet/dry, gate, auto-quit and on/off, and each effect's saved controls. The LMMS reader writes it into a patch
// attribute in the compact text form below; the engine decodes it once per render.

/// One effect of a chain, as LMMS 1.2.2 saves it (src/core/Effect.cpp, plugins/LadspaEffect/LadspaControls.cpp).
public struct LMMSEffectSettings: Sendable, Equatable {
    /// `ladspaeffect` or a native LMMS effect (`stereomatrix`, `bassbooster`, `dualfilter`, ...).
    public var name: String
    /// The LADSPA plugin label (`Plate2x2`, `Eq2x2`, `hardLimiter`, ...); empty for native effects.
    public var plugin: String
    public var enabled: Bool
    /// Wet level, -1...1 (dry = 1 - wet).
    public var wet: Float
    /// Gate level, 0...1 (LMMS compares the mean power of a period with gate^2 x processors).
    public var gate: Float
    /// Auto-quit ("decay") in ms: how long an effect keeps running on silence.
    public var autoQuitMs: Float
    /// Saved controls: LADSPA ports by `portXY` digits ("02": processor 0, port 2), native ones by attribute name.
    public var controls: [String: Float]

    public init(name: String, plugin: String = "", enabled: Bool = true, wet: Float = 1, gate: Float = 0,
                autoQuitMs: Float = 1, controls: [String: Float] = [:]) {
        self.name = name
        self.plugin = plugin
        self.enabled = enabled
        self.wet = wet
        self.gate = gate
        self.autoQuitMs = autoQuitMs
        self.controls = controls
    }

    /// The control saved for LADSPA port `port` of processor `processor`.
    /// A linked second processor without its own value takes the first one's.
    public func port(_ port: Int, processor: Int = 0) -> Float? {
        controls["\(processor)\(port)"] ?? (processor > 0 ? controls["0\(port)"] : nil)
    }
}

/// A whole chain: LMMS runs none of it when the chain is switched off.
public struct LMMSEffectChainSettings: Sendable, Equatable {
    public var enabled: Bool
    public var effects: [LMMSEffectSettings]

    public init(enabled: Bool, effects: [LMMSEffectSettings]) {
        self.enabled = enabled
        self.effects = effects
    }

    /// The patch attribute holding the encoded chain.
    public static let attributeKey = "lmms.fxchain"

    /// Text form: first line `chain on|off`, then one line per effect:
    /// `name plugin on wet gate autoquit key=value ...` (plugin `-` for native effects).
    public var encoded: String {
        var lines = ["chain \(enabled ? "on" : "off")"]
        for e in effects {
            var fields = [e.name, e.plugin.isEmpty ? "-" : e.plugin, e.enabled ? "on" : "off",
                          "\(e.wet)", "\(e.gate)", "\(e.autoQuitMs)"]
            fields += e.controls.keys.sorted().map { "\($0)=\(e.controls[$0]!)" }
            lines.append(fields.joined(separator: " "))
        }
        return lines.joined(separator: "\n")
    }

    /// Decodes `encoded`; nil when the text is not a chain.
    public init?(encoded text: String) {
        let lines = text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        guard let head = lines.first, head.count == 2, head[0] == "chain" else { return nil }
        var effects: [LMMSEffectSettings] = []
        for fields in lines.dropFirst() {
            guard fields.count >= 6, let wet = Float(fields[3]), let gate = Float(fields[4]),
                  let autoQuit = Float(fields[5]) else { return nil }
            var controls: [String: Float] = [:]
            for pair in fields.dropFirst(6) {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, let value = Float(parts[1]) else { return nil }
                controls[parts[0]] = value
            }
            effects.append(LMMSEffectSettings(name: fields[0], plugin: fields[1] == "-" ? "" : fields[1],
                                              enabled: fields[2] == "on", wet: wet, gate: gate,
                                              autoQuitMs: autoQuit, controls: controls))
        }
        self.init(enabled: head[1] == "on", effects: effects)
    }
}
