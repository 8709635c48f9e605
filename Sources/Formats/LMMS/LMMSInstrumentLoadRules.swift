// What an LMMS 1.2.2 instrument's own `loadSettings` does beyond reading its knobs: defaults for attributes old
// presets lack and compatibility rewrites. One function per instrument that has any; the others read as saved.

enum LMMSInstrumentLoadRules {
    /// Applies instrument `instrument`'s rules to the patch values read from its element `plugin`; `version` is
    /// the LMMS version the file's upgrades run as.
    static func apply(instrument: String, to values: inout [String: Double], plugin: XMLElement, version: LMMSVersion) {
        switch instrument {
        case "kicker": kicker(&values, plugin: plugin, version: version)
        case "organic": organic(&values, plugin: plugin)
        case "monstro": monstro(&values, plugin: plugin, version: version)
        case "watsyn": watsyn(&values, plugin: plugin, version: version)
        default: break
        }
    }

    /// plugins/kicker/kicker.cpp `loadSettings`: no "distend" takes "dist"; a version below 1 never starts from
    /// the note; no version at all (LMMS < 1.1) also gets 1.33 x the length, envelope and frequency slope 1 and
    /// no click. DataFile's 1.2.0-rc2.42 upgrade turns an old shared "syncmode" into "decay_syncmode".
    private static func kicker(_ values: inout [String: Double], plugin: XMLElement, version: LMMSVersion) {
        let a = plugin.attributes
        if a["distend"] == nil, let dist = values["kicker.dist"] { values["kicker.distend"] = dist }
        let saved = a["version"].flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        if let saved, saved < 1 { values["kicker.startnote"] = 0 }
        if saved == nil {
            values["kicker.startnote"] = 0
            // LMMS multiplies the loaded float by 1.33f (the knob then clamps it to its range).
            values["kicker.decay"] = Double(Float(values["kicker.decay"] ?? 440) * 1.33)
            values["kicker.env"] = 1
            values["kicker.slope"] = 1
            values["kicker.click"] = 0
        }
        if version < LMMSVersion("1.2.0-rc2.42"), values["kicker.decay_syncmode"] == nil, a["decay_numerator"] != nil,
           let mode = a["syncmode"].flatMap(Double.init) {
            values["kicker.decay_syncmode"] = mode
        }
    }

    /// plugins/organic/organic.cpp `loadSettings`: an old preset's `detune<i>` makes 1.2.2 read the attribute
    /// "detune" (no preset has it) instead of `newdetune<i>`: no detune.
    private static func organic(_ values: inout [String: Double], plugin: XMLElement) {
        for i in 0..<8 where plugin.attributes["detune\(i)"] != nil { values["organic.newdetune\(i)"] = 0 }
    }

    /// Monstro's loadSettings has no rules of its own; DataFile's 1.2.0-rc2.42 upgrade gives every tempo-synced knob
    /// (an attribute "<knob>_numerator") of an element with an old shared "syncmode" that mode as "<knob>_syncmode".
    private static func monstro(_ values: inout [String: Double], plugin: XMLElement, version: LMMSVersion) {
        guard version < LMMSVersion("1.2.0-rc2.42"), let text = plugin.attributes["syncmode"] else { return }
        // QString::toInt: a whole number or 0.
        let mode = Double(Int(text.trimmingCharacters(in: .whitespaces)) ?? 0)
        for name in plugin.attributes.keys where name.hasSuffix("_numerator") {
            values["monstro.\(name.dropLast("_numerator".count))_syncmode"] = mode
        }
    }

    /// DataFile's 1.2.0-rc2.42 upgrade gives each of Watsyn's three mix envelope TempoSyncKnobs the old shared
    /// "syncmode" as its own `<knob>_syncmode` (Watsyn.cpp loadSettings reads them as 1.2.2 saves them).
    private static func watsyn(_ values: inout [String: Double], plugin: XMLElement, version: LMMSVersion) {
        let a = plugin.attributes
        guard version < LMMSVersion("1.2.0-rc2.42"), let mode = a["syncmode"].flatMap(Double.init) else { return }
        for knob in ["envAtt", "envHold", "envDec"] where values["watsyn.\(knob)_syncmode"] == nil && a["\(knob)_numerator"] != nil {
            values["watsyn.\(knob)_syncmode"] = mode
        }
    }
}
