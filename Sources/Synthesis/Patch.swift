// A patch: one setting of every parameter of a synth model, whatever file or sampler it came from.

/// A named set of parameter values for one synth model. Values are keyed by the parameter ids of
/// the synth's schema; a missing id means the parameter is at its default.
public struct Patch: Sendable, Equatable {
    public var synthID: String
    public var name: String
    public var values: [String: Double]
    /// Non-numeric settings a model may need (e.g. the name of a user wave file), by key.
    public var attributes: [String: String]

    public init(synthID: String, name: String, values: [String: Double] = [:], attributes: [String: String] = [:]) {
        self.synthID = synthID
        self.name = name
        self.values = values
        self.attributes = attributes
    }

    /// The value of a parameter, or its schema default when the patch does not set it.
    public func value(_ spec: ParameterSpec) -> Double {
        spec.clamped(values[spec.id] ?? spec.defaultValue)
    }
}
