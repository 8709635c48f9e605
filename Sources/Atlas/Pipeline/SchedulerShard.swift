// `--shard auto`: the shard a batch scheduler gave this process, read from the variables it sets.
import Foundation

public struct SchedulerShardError: Error, CustomStringConvertible, Equatable {
    public let description: String
    init(_ description: String) { self.description = description }
}

extension Shard {
    /// The environment variables each scheduler sets (see deploy/README.md).
    public enum SchedulerVariable {
        /// Slurm job arrays (`sbatch --array=1-8`): this task's id, the number of tasks, the lowest id and the
        /// id step. Ids need not start at 1; they must be contiguous so every K of N is run exactly once.
        public static let slurmTaskID = "SLURM_ARRAY_TASK_ID"
        public static let slurmTaskCount = "SLURM_ARRAY_TASK_COUNT"
        public static let slurmTaskMin = "SLURM_ARRAY_TASK_MIN"
        public static let slurmTaskMax = "SLURM_ARRAY_TASK_MAX"
        public static let slurmTaskStep = "SLURM_ARRAY_TASK_STEP"
        /// Kubernetes Indexed Jobs set the 0-based completion index; the job's `completions` is not exposed
        /// to the pod, so the manifest passes it in `JOB_COMPLETIONS` (deploy/kubernetes checks they agree).
        public static let kubernetesIndex = "JOB_COMPLETION_INDEX"
        public static let kubernetesCompletions = "JOB_COMPLETIONS"
    }

    /// The shard named by a Slurm array task or a Kubernetes Indexed Job in `environment`.
    /// Throws, naming the variables, when neither or both are present or their values do not make a K of N.
    public static func fromScheduler(environment: [String: String]) throws -> Shard {
        typealias V = SchedulerVariable
        let slurm = environment[V.slurmTaskID] != nil
        let kubernetes = environment[V.kubernetesIndex] != nil
        switch (slurm, kubernetes) {
        case (true, true):
            throw SchedulerShardError("--shard auto: both \(V.slurmTaskID) and \(V.kubernetesIndex) are set; give --shard K/N")
        case (false, false):
            throw SchedulerShardError("--shard auto: no scheduler variables (\(V.slurmTaskID) with \(V.slurmTaskCount), "
                                      + "or \(V.kubernetesIndex) with \(V.kubernetesCompletions)); give --shard K/N")
        case (true, false):
            return try slurmShard(environment)
        case (false, true):
            return try kubernetesShard(environment)
        }
    }

    private static func slurmShard(_ environment: [String: String]) throws -> Shard {
        typealias V = SchedulerVariable
        let id = try integer(V.slurmTaskID, in: environment)
        let count = try integer(V.slurmTaskCount, in: environment)
        let lowest = try environment[V.slurmTaskMin] == nil ? 1 : integer(V.slurmTaskMin, in: environment)
        if environment[V.slurmTaskStep] != nil, try integer(V.slurmTaskStep, in: environment) != 1 {
            throw SchedulerShardError("--shard auto: \(V.slurmTaskStep) must be 1 (use --array=1-N)")
        }
        if environment[V.slurmTaskMax] != nil, try integer(V.slurmTaskMax, in: environment) - lowest + 1 != count {
            throw SchedulerShardError("--shard auto: the array's ids are not contiguous (\(V.slurmTaskMin)..\(V.slurmTaskMax) "
                                      + "is not \(V.slurmTaskCount) ids; use --array=1-N)")
        }
        return try validated(index: id - lowest + 1, count: count, from: "\(V.slurmTaskID)=\(id)")
    }

    private static func kubernetesShard(_ environment: [String: String]) throws -> Shard {
        typealias V = SchedulerVariable
        let index = try integer(V.kubernetesIndex, in: environment)
        guard environment[V.kubernetesCompletions] != nil else {
            throw SchedulerShardError("--shard auto: \(V.kubernetesIndex) is set but \(V.kubernetesCompletions) is not "
                                      + "(set it to the job's completions in the manifest)")
        }
        let count = try integer(V.kubernetesCompletions, in: environment)
        return try validated(index: index + 1, count: count, from: "\(V.kubernetesIndex)=\(index)")
    }

    private static func validated(index: Int, count: Int, from source: String) throws -> Shard {
        guard count >= 1, count <= 1_000_000, index >= 1, index <= count else {
            throw SchedulerShardError("--shard auto: \(source) gives shard \(index) of \(count), outside 1...\(count)")
        }
        return Shard(index: index, count: count)
    }

    private static func integer(_ name: String, in environment: [String: String]) throws -> Int {
        guard let text = environment[name] else { throw SchedulerShardError("--shard auto: \(name) is not set") }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw SchedulerShardError("--shard auto: \(name)=\(text.debugDescription) is not a whole number")
        }
        return value
    }
}
