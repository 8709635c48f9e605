// The one error type of SoundSpace's algorithms: an argument that makes the computation meaningless.

/// Thrown instead of trapping when inputs cannot be measured (too few points, mismatched dimensions, bad k).
public struct SoundSpaceError: Error, CustomStringConvertible, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
