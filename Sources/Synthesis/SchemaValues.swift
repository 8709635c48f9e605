// How engines read a patch: only through the schema, so a parameter id the schema lacks is an error
// (a renamed id in Synths/*.xml must never make an engine silently read 0).

/// A patch's values through its schema; remembers every id asked for that the schema does not have.
final class SchemaValues {
    private let patch: Patch
    private let specs: [String: ParameterSpec]
    private(set) var unknownIDs: [String] = []

    init(patch: Patch, specs: [String: ParameterSpec]) {
        self.patch = patch
        self.specs = specs
    }

    /// The clamped value of parameter `id` (its default when the patch does not set it); 0 and a
    /// recorded unknown id when the schema lacks it.
    func value(_ id: String) -> Double {
        guard let spec = specs[id] else {
            unknownIDs.append(id)
            return 0
        }
        return patch.value(spec)
    }

    /// Throws when any id read was unknown to the schema.
    func requireAllKnown(schemaID: String) throws {
        guard !unknownIDs.isEmpty else { return }
        let listed = unknownIDs.prefix(5).joined(separator: ", ") + (unknownIDs.count > 5 ? ", …" : "")
        throw RenderError("\(schemaID): Synths/\(schemaID).xml has no parameter \(listed), which the engine reads")
    }
}

extension ParameterSpec {
    /// Where a parameter sits in an array of the tool's own format, from `source="NAME[N]"` or
    /// `source="NAME[N]+K"` (the patch value is the stored value plus K): (N, K); nil otherwise.
    public func storedIndex(in array: String) -> (index: Int, offset: Int)? {
        guard source.hasPrefix(array + "["), let close = source.firstIndex(of: "]") else { return nil }
        guard let index = Int(source[source.index(source.startIndex, offsetBy: array.count + 1)..<close]), index >= 0 else {
            return nil
        }
        let rest = source[source.index(after: close)...]
        if rest.isEmpty { return (index, 0) }
        guard rest.hasPrefix("+"), let offset = Int(rest.dropFirst()) else { return nil }
        return (index, offset)
    }
}
