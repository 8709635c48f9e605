// deploy/: the Kubernetes Jobs and the Slurm scripts agree with the API's rules and with `--shard auto`.
// (kubectl is not available here; these are the batch/v1 Job rules a wrong manifest would break.)
import Foundation
import Testing

@Suite struct DeployManifestTests {
    private static func json(_ path: String) throws -> [String: Any] {
        let url = try CommandLineBinary.packageRoot().appendingPathComponent(path)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        return try #require(object as? [String: Any], "\(path) is not a JSON object")
    }

    private static func text(_ path: String) throws -> String {
        try String(contentsOf: CommandLineBinary.packageRoot().appendingPathComponent(path), encoding: .utf8)
    }

    /// The fields of a batch/v1 Job the API server requires, for one manifest.
    private static func checkJob(_ job: [String: Any], name: String) throws -> (spec: [String: Any], container: [String: Any]) {
        #expect(job["apiVersion"] as? String == "batch/v1", "\(name)")
        #expect(job["kind"] as? String == "Job", "\(name)")
        let metadata = try #require(job["metadata"] as? [String: Any])
        let jobName = try #require(metadata["name"] as? String)
        #expect(jobName.range(of: #"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"#, options: .regularExpression) != nil, "\(name)")
        let spec = try #require(job["spec"] as? [String: Any])
        let template = try #require(spec["template"] as? [String: Any])
        let podSpec = try #require(template["spec"] as? [String: Any])
        // A Job's pods may not use restartPolicy Always (the API rejects it; it is the pod default).
        #expect(["Never", "OnFailure"].contains(podSpec["restartPolicy"] as? String ?? "Always"), "\(name)")
        let containers = try #require(podSpec["containers"] as? [[String: Any]])
        #expect(containers.count == 1)
        let container = containers[0]
        #expect((container["image"] as? String)?.isEmpty == false)
        #expect((container["name"] as? String)?.range(of: #"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"#, options: .regularExpression) != nil)
        // Every mounted volume is declared.
        let volumes = Set(((podSpec["volumes"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String })
        for mount in (container["volumeMounts"] as? [[String: Any]]) ?? [] {
            #expect(volumes.contains(mount["name"] as? String ?? ""), "\(name): volume \(mount)")
        }
        return (spec, container)
    }

    @Test func kubernetesShardJobIsIndexedAndPassesItsCompletions() throws {
        let (spec, container) = try Self.checkJob(Self.json("deploy/kubernetes/atlas-shards-job.json"), name: "shards")
        #expect(spec["completionMode"] as? String == "Indexed")
        let completions = try #require(spec["completions"] as? Int)
        #expect(completions >= 1)
        #expect((spec["parallelism"] as? Int ?? 1) <= completions)
        let environment = (container["env"] as? [[String: Any]]) ?? []
        let passed = environment.first { $0["name"] as? String == "JOB_COMPLETIONS" }?["value"] as? String
        #expect(passed == "\(completions)", "JOB_COMPLETIONS must equal spec.completions, or shards overlap or go missing")
        let command = ((container["args"] as? [String]) ?? []).joined(separator: " ")
        #expect(command.contains("--shard auto"))
        #expect(command.contains("--out /data/work/shard-$JOB_COMPLETION_INDEX"))
    }

    @Test func kubernetesMergeJobReadsWhatTheShardsWrite() throws {
        let (spec, container) = try Self.checkJob(Self.json("deploy/kubernetes/atlas-merge-job.json"), name: "merge")
        #expect(spec["completionMode"] == nil)
        let command = ((container["args"] as? [String]) ?? []).joined(separator: " ")
        #expect(command.contains("presetatlas merge /data/work/shard-* --out"))
    }

    @Test func slurmArrayStartsAtOneAndIsContiguous() throws {
        let shards = try Self.text("deploy/slurm/atlas-shards.sbatch")
        let array = try #require(shards.split(separator: "\n").first { $0.hasPrefix("#SBATCH --array=") })
        // `--shard auto` refuses stepped or gapped arrays; the script must not ask for one.
        #expect(array.range(of: #"^#SBATCH --array=1-[0-9]+(%[0-9]+)?$"#, options: .regularExpression) != nil, "\(array)")
        #expect(shards.contains("--shard auto"))
        #expect(shards.contains("--out \"$WORK/shard-$SLURM_ARRAY_TASK_ID\""))
        #expect(try Self.text("deploy/slurm/atlas-merge.sbatch").contains("presetatlas merge \"$WORK\"/shard-*"))
        #expect(try Self.text("deploy/slurm/submit.sh").contains("--dependency=\"afterok:"))
    }

    @Test(arguments: ["deploy/slurm/atlas-shards.sbatch", "deploy/slurm/atlas-merge.sbatch", "deploy/slurm/submit.sh"])
    func shellScriptsParse(path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-n", try CommandLineBinary.packageRoot().appendingPathComponent(path).path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "bash -n \(path)")
    }
}
