// Why an LMMS preset could not be read: one line naming the file and the problem.

/// A preset file that cannot be turned into a patch.
public struct PresetError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var problem: String
    public init(file: String, problem: String) {
        self.file = file
        self.problem = problem
    }
    public var description: String { "\(file): \(problem)" }
}
