// The parameter schema of a synth model: the single source of truth (read from `Synths/*.xml`)
// that the engine, the preset readers, the random sampler and the bias statistics all share.

/// How a parameter's value maps onto the normalised range 0...1 used by samplers and sweeps.
public enum ParameterScale: String, Sendable, CaseIterable {
    /// Evenly spread between minimum and maximum.
    case linear
    /// Logarithmic between minimum and maximum (times, frequencies); needs minimum > 0.
    case log
    /// Integer steps between minimum and maximum.
    case int
    /// One of a list of named choices, stored as the index 0..<choices.count.
    case `enum`
    /// Off (0) or on (1).
    case bool
}

/// One parameter of a synth model, with the tool's own range, default, scale and unit.
public struct ParameterSpec: Sendable, Equatable {
    /// Stable id, never reused (`osc1.volume`, `op3.eg.rate1`).
    public var id: String
    public var label: String
    public var minimum: Double
    public var maximum: Double
    public var defaultValue: Double
    public var scale: ParameterScale
    public var unit: String
    /// Smallest meaningful change in the tool's own file (e.g. 1 for integer knobs, 0.01 for LMMS
    /// knobs stored with two decimals). Used to decide "left at its default".
    public var resolution: Double
    /// Names of the choices of an `enum` parameter, in index order.
    public var choices: [String]
    /// Where the value comes from in the tool's own preset format (`osc0/@vol`, `voice[17]`).
    public var source: String
    /// How the parameter is grouped for display (`Oscillator 1`, `Envelope`).
    public var group: String

    public init(id: String, label: String, minimum: Double, maximum: Double, defaultValue: Double,
                scale: ParameterScale, unit: String = "", resolution: Double = 0, choices: [String] = [],
                source: String = "", group: String = "") {
        self.id = id
        self.label = label
        self.minimum = minimum
        self.maximum = maximum
        self.defaultValue = defaultValue
        self.scale = scale
        self.unit = unit
        self.resolution = resolution
        self.choices = choices
        self.source = source
        self.group = group
    }

    /// Clamps a value into the parameter's range and rounds it to whole steps for `int`, `enum`
    /// and `bool`. NaN becomes the default: a NaN never reaches an engine.
    public func clamped(_ value: Double) -> Double {
        guard value.isFinite else {
            if value == .infinity { return maximum }
            if value == -.infinity { return minimum }
            return defaultValue
        }
        let inRange = Swift.min(Swift.max(value, minimum), maximum)
        switch scale {
        case .int, .enum, .bool: return inRange.rounded()
        case .linear, .log: return inRange
        }
    }

    /// The value at position `unit` (0...1) of the normalised range.
    public func value(atNormalised unit: Double) -> Double {
        let u = Swift.min(Swift.max(unit.isFinite ? unit : 0, 0), 1)
        switch scale {
        case .linear:
            return minimum + u * (maximum - minimum)
        case .log:
            return minimum * Foundation_pow(maximum / minimum, u)
        case .int, .enum, .bool:
            // Equal-width bins so every step is equally likely under a uniform `unit`.
            let steps = maximum - minimum + 1
            return Swift.min(minimum + (u * steps).rounded(.down), maximum)
        }
    }

    /// The inverse of `value(atNormalised:)`.
    public func normalised(_ value: Double) -> Double {
        let v = clamped(value)
        guard maximum > minimum else { return 0 }
        switch scale {
        case .linear: return (v - minimum) / (maximum - minimum)
        case .log: return Foundation_log(v / minimum) / Foundation_log(maximum / minimum)
        case .int, .enum, .bool: return (v - minimum + 0.5) / (maximum - minimum + 1)
        }
    }

    /// Whether `value` equals the default within the parameter's resolution.
    public func isAtDefault(_ value: Double) -> Bool {
        let tolerance = Swift.max(resolution / 2, 1e-9 * Swift.max(1, Swift.abs(defaultValue)))
        return Swift.abs(value - defaultValue) <= tolerance
    }
}

/// All parameters of one synth model.
public struct SynthSchema: Sendable, Equatable {
    /// Stable synth id (`tripleoscillator`, `dx7`).
    public var id: String
    public var name: String
    /// The tool whose presets this models (`LMMS 1.2.2`, `Yamaha DX7`).
    public var tool: String
    public var parameters: [ParameterSpec]

    public init(id: String, name: String, tool: String, parameters: [ParameterSpec]) {
        self.id = id
        self.name = name
        self.tool = tool
        self.parameters = parameters
    }

    /// The parameter with this id, or nil.
    public func parameter(_ id: String) -> ParameterSpec? {
        parameters.first { $0.id == id }
    }

    /// The init patch: every parameter at its default.
    public func initPatch(name: String = "Init") -> Patch {
        var values: [String: Double] = [:]
        for p in parameters { values[p.id] = p.defaultValue }
        return Patch(synthID: id, name: name, values: values)
    }
}
