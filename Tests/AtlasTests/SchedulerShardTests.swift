// `--shard auto`: the scheduler variables each give the right K of N, and N shard processes started with
// those variables, then merged, equal one whole run row for row.
import Atlas
import Foundation
import GRDB
import Testing

@Suite struct SchedulerShardTests {
    @Test func slurmArrayTasksAreNumberedFromTheArraysLowestId() throws {
        #expect(try Shard.fromScheduler(environment: ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "8"])
                == Shard(index: 3, count: 8))
        // --array=0-7: ids start at 0.
        #expect(try Shard.fromScheduler(environment: ["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_COUNT": "8",
                                                      "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_MAX": "7"])
                == Shard(index: 1, count: 8))
        // --array=5-12.
        #expect(try Shard.fromScheduler(environment: ["SLURM_ARRAY_TASK_ID": "12", "SLURM_ARRAY_TASK_COUNT": "8",
                                                      "SLURM_ARRAY_TASK_MIN": "5", "SLURM_ARRAY_TASK_MAX": "12",
                                                      "SLURM_ARRAY_TASK_STEP": "1"])
                == Shard(index: 8, count: 8))
    }

    @Test func kubernetesCompletionIndexIsZeroBased() throws {
        #expect(try Shard.fromScheduler(environment: ["JOB_COMPLETION_INDEX": "0", "JOB_COMPLETIONS": "4"])
                == Shard(index: 1, count: 4))
        #expect(try Shard.fromScheduler(environment: ["JOB_COMPLETION_INDEX": "3", "JOB_COMPLETIONS": "4"])
                == Shard(index: 4, count: 4))
    }

    @Test func variablesThatDoNotMakeAKOfNAreRefusedNamingTheVariable() {
        let refused: [([String: String], String)] = [
            ([:], "no scheduler variables"),
            (["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "2", "JOB_COMPLETION_INDEX": "0"], "both"),
            (["SLURM_ARRAY_TASK_ID": "1"], "SLURM_ARRAY_TASK_COUNT is not set"),
            (["SLURM_ARRAY_TASK_ID": "x", "SLURM_ARRAY_TASK_COUNT": "2"], "is not a whole number"),
            (["SLURM_ARRAY_TASK_ID": "9", "SLURM_ARRAY_TASK_COUNT": "8"], "shard 9 of 8"),
            (["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_STEP": "2"], "STEP must be 1"),
            (["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_ARRAY_TASK_MIN": "1",
              "SLURM_ARRAY_TASK_MAX": "5"], "not contiguous"),
            (["JOB_COMPLETION_INDEX": "0"], "JOB_COMPLETIONS is not"),
            (["JOB_COMPLETION_INDEX": "4", "JOB_COMPLETIONS": "4"], "shard 5 of 4"),
            (["JOB_COMPLETION_INDEX": "-1", "JOB_COMPLETIONS": "4"], "shard 0 of 4"),
            (["JOB_COMPLETION_INDEX": "0", "JOB_COMPLETIONS": "0"], "shard 1 of 0"),
        ]
        for (environment, phrase) in refused {
            do {
                let shard = try Shard.fromScheduler(environment: environment)
                Issue.record("\(environment) gave \(shard), expected a refusal containing \(phrase.debugDescription)")
            } catch {
                #expect("\(error)".contains(phrase), "\(environment): \(error)")
            }
        }
    }

    /// Three `atlas --shard auto` processes, as a Slurm array or a Kubernetes Indexed Job starts them, then
    /// `merge`, give the same rows as one whole run.
    @Test(arguments: ["slurm", "kubernetes"])
    func shardProcessesMergedEqualOneRun(scheduler: String) throws {
        let binary = try CommandLineBinary.presetatlas()
        let root = try CommandLineBinary.packageRoot()
        let bank = root.appendingPathComponent("Presets/dx7").path
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shard-auto-\(scheduler)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let common = [bank, "--random", "6", "--sweep-steps", "0", "--seed", "5"]
        let whole = dir.appendingPathComponent("whole")
        try CommandLineBinary.run(binary, ["atlas"] + common + ["--out", whole.path], in: root)

        let count = 3
        var shardFolders: [String] = []
        for k in 1...count {
            let environment = scheduler == "slurm"
                ? ["SLURM_ARRAY_TASK_ID": "\(k)", "SLURM_ARRAY_TASK_COUNT": "\(count)",
                   "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "\(count)"]
                : ["JOB_COMPLETION_INDEX": "\(k - 1)", "JOB_COMPLETIONS": "\(count)"]
            let folder = dir.appendingPathComponent("shard-\(k)").path
            let output = try CommandLineBinary.run(binary, ["atlas"] + common + ["--shard", "auto", "--out", folder],
                                                   in: root, environment: environment)
            #expect(output.contains("shard \(k)/\(count) done"), "\(output)")
            shardFolders.append(folder)
        }
        let merged = dir.appendingPathComponent("merged")
        try CommandLineBinary.run(binary, ["merge"] + shardFolders + ["--out", merged.path], in: root)

        let wholeRows = try snapshot(AtlasStore(reportDirectory: whole), tables: resultTables)
        let mergedRows = try snapshot(AtlasStore(reportDirectory: merged), tables: resultTables)
        #expect((wholeRows["embedding"]?.count ?? 0) > 12)   // the bank's presets, init and random settings
        for table in resultTables { #expect(mergedRows[table] == wholeRows[table], "table \(table)") }
    }
}
