// The atlas's SQLite store (through GRDB): opening, named migrations, and the one error type.
import Foundation
import GRDB

/// Why the store could not be used (one line).
public struct AtlasStoreError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// `atlas.sqlite`: one row per source file, patch, render, embedding, map point, metric, finding and
/// bad input. Every stage writes in transactions and skips what is done, so a killed run resumes.
public final class AtlasStore: Sendable {
    public let url: URL
    let queue: DatabaseQueue

    public static let fileName = "atlas.sqlite"

    /// Opens (creating if needed) the store at `url` and brings its schema up to date.
    public init(url: URL) throws {
        self.url = url
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // A killed writer leaves the write-ahead log for SQLite to roll back on next open; nothing
        // half-written is ever seen (each stage's batch is one transaction).
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            // Another program's SQLite file is refused before anything is written to it.
            try Self.checkIsAtlasOrEmpty(url)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            queue = try DatabaseQueue(path: url.path, configuration: configuration)
            try Self.migrator.migrate(queue)
        } catch let error as DatabaseError {
            throw AtlasStoreError("\(url.path): \(error.message ?? "SQLite error \(error.resultCode)")")
        } catch let error as AtlasStoreError {
            throw error
        } catch {
            throw AtlasStoreError("\(url.path): \(error)")
        }
    }

    /// Runs `body` on the database at `url` opened read-only; SQLite errors become one line naming the file.
    static func readOnly<T>(_ url: URL, _ body: (Database) throws -> T) throws -> T {
        var configuration = Configuration()
        configuration.readonly = true
        do {
            return try DatabaseQueue(path: url.path, configuration: configuration).read(body)
        } catch let error as DatabaseError {
            throw AtlasStoreError("\(url.path): \(error.message ?? "SQLite error \(error.resultCode)")")
        }
    }

    /// Throws unless `url` is absent, empty, or a database whose first migration is this store's: a
    /// file made by another program is opened read-only to look, and never changed.
    static func checkIsAtlasOrEmpty(_ url: URL) throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
        guard size > 0 else { return }
        let (tables, migrations) = try readOnly(url) { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            let migrations = tables.contains("grdb_migrations")
                ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") : []
            return (tables, migrations)
        }
        guard tables.isEmpty || migrations.contains(where: { $0.hasPrefix("v1: sources, patches") }) else {
            throw AtlasStoreError("\(url.path): an SQLite file but not an atlas store (tables: \(tables.sorted().prefix(5).joined(separator: ", "))); left untouched")
        }
    }

    /// The store in the report folder `directory`.
    public convenience init(reportDirectory directory: URL) throws {
        try self.init(url: directory.appendingPathComponent(Self.fileName))
    }

    /// Runs `body` in one write transaction.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.write(body)
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.read(body)
    }

    /// Schema changes are named migrations, applied once each, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: sources, patches, renders, embeddings, maps, metrics, bad inputs") { db in
            try db.execute(sql: """
            CREATE TABLE setting (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
            CREATE TABLE source (
                path TEXT PRIMARY KEY NOT NULL, format TEXT NOT NULL, synth TEXT NOT NULL,
                patchCount INTEGER NOT NULL);
            CREATE TABLE badInput (path TEXT PRIMARY KEY NOT NULL, problem TEXT NOT NULL);
            CREATE TABLE patch (
                key TEXT PRIMARY KEY NOT NULL,
                synth TEXT NOT NULL,
                origin TEXT NOT NULL CHECK (origin IN ('preset', 'init', 'random', 'sweep')),
                name TEXT NOT NULL,
                author TEXT NOT NULL DEFAULT '',
                collection TEXT NOT NULL DEFAULT '',
                sourcePath TEXT NOT NULL DEFAULT '',
                sourceIndex INTEGER NOT NULL DEFAULT 0,
                sweepParameter TEXT,
                sweepStep INTEGER,
                valuesJSON TEXT NOT NULL,
                attributesJSON TEXT NOT NULL DEFAULT '{}',
                keepsPreview INTEGER NOT NULL DEFAULT 0);
            CREATE INDEX patchBySynth ON patch(synth, origin);
            CREATE TABLE render (
                patchKey TEXT PRIMARY KEY NOT NULL REFERENCES patch(key),
                peak REAL NOT NULL, rms REAL NOT NULL, seconds REAL NOT NULL,
                previewWAV BLOB, error TEXT);
            CREATE TABLE embedding (
                patchKey TEXT PRIMARY KEY NOT NULL REFERENCES patch(key),
                dimension INTEGER NOT NULL, vector BLOB NOT NULL);
            CREATE TABLE mapPoint (
                patchKey TEXT NOT NULL REFERENCES patch(key), method TEXT NOT NULL,
                x REAL NOT NULL, y REAL NOT NULL, PRIMARY KEY (method, patchKey));
            CREATE TABLE metric (
                scope TEXT NOT NULL, name TEXT NOT NULL, value REAL NOT NULL, PRIMARY KEY (scope, name));
            CREATE TABLE finding (
                kind TEXT NOT NULL, scope TEXT NOT NULL, rank INTEGER NOT NULL,
                patchKey TEXT, parameterID TEXT, value REAL NOT NULL, PRIMARY KEY (kind, scope, rank));
            CREATE TABLE stage (name TEXT PRIMARY KEY NOT NULL, fingerprint TEXT NOT NULL);
            """)
        }
        // A source is known by its path and content: an edited or fixed file is read again.
        migrator.registerMigration("v2: content hash of sources and bad inputs") { db in
            try db.execute(sql: """
            ALTER TABLE source ADD COLUMN contentHash TEXT NOT NULL DEFAULT '';
            ALTER TABLE badInput ADD COLUMN contentHash TEXT NOT NULL DEFAULT '';
            """)
        }
        // Renders in flight (see RenderAttempts): a mark left by a killed run names what was rendering.
        migrator.registerMigration("v3: render attempts") { db in
            try db.execute(sql: "CREATE TABLE renderAttempt (patchKey TEXT PRIMARY KEY NOT NULL, kind INTEGER NOT NULL)")
        }
        // Steps the analysis skipped (too few points), one line each, for the report.
        migrator.registerMigration("v4: analysis notes") { db in
            try db.execute(sql: "CREATE TABLE analysisNote (rank INTEGER PRIMARY KEY NOT NULL, text TEXT NOT NULL)")
        }
        // The short-term level that decides audibility (Features.Audibility); NULL in renders made before.
        migrator.registerMigration("v5: render level") { db in
            try db.execute(sql: "ALTER TABLE render ADD COLUMN levelDecibels REAL")
        }
        // `explore` adds its exported patches as their own origin. SQLite cannot change a CHECK constraint,
        // so the table is rebuilt from its own definition with the wider check (GRDB runs migrations with
        // foreign keys off and checks them afterwards).
        migrator.registerMigration("v6: explored patches") { db in
            let table = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'patch'") ?? ""
            let check = "'random', 'sweep'))"
            guard table.hasPrefix("CREATE TABLE patch ("), table.contains(check) else {
                throw AtlasStoreError("the patch table's definition is not the one v1 made; cannot add the explored origin")
            }
            let widened = table.replacingOccurrences(of: check, with: "'random', 'sweep', 'explored'))")
                .replacingOccurrences(of: "CREATE TABLE patch (", with: "CREATE TABLE patchWithExplored (")
            try db.execute(sql: widened)
            try db.execute(sql: """
            INSERT INTO patchWithExplored SELECT * FROM patch;
            DROP TABLE patch;
            ALTER TABLE patchWithExplored RENAME TO patch;
            CREATE INDEX patchBySynth ON patch(synth, origin);
            """)
        }
        // The learnt invariance transform of each synth (InvarianceStage), as JSON, with its fitting data's fingerprint.
        migrator.registerMigration("v7: invariance transforms") { db in
            try db.execute(sql: """
            CREATE TABLE invariance (
                synth TEXT PRIMARY KEY NOT NULL, fingerprint TEXT NOT NULL, patches INTEGER NOT NULL,
                renders INTEGER NOT NULL, transformJSON TEXT NOT NULL)
            """)
        }
        // Forgetting a changed source finds its patches by path: without an index each forget scans every
        // patch, a million random ones included.
        migrator.registerMigration("v8: patches by source") { db in
            try db.execute(sql: "CREATE INDEX patchBySource ON patch(origin, sourcePath)")
        }
        return migrator
    }
}

// MARK: - Settings

extension AtlasStore {
    /// Stores `settings` on first use; afterwards refuses different ones (a resumed or merged atlas
    /// must be made with the same seed, counts and probe, or its rows would not fit together).
    public func adopt(settings: [String: String]) throws {
        try write { db in
            let stored = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT key, value FROM setting")
                .map { (row: Row) in (row["key"] as String, row["value"] as String) })
            if stored.isEmpty {
                for (key, value) in settings.sorted(by: { $0.key < $1.key }) {
                    try db.execute(sql: "INSERT INTO setting(key, value) VALUES (?, ?)", arguments: [key, value])
                }
                return
            }
            for (key, value) in settings.sorted(by: { $0.key < $1.key }) where stored[key] != value {
                throw AtlasStoreError("\(url.path): made with \(key) = \(stored[key] ?? "unset"), not \(value); use the same settings or another --out")
            }
            // A setting only some runs store (`notes`): a store that has it must not be resumed without it.
            for (key, value) in stored.sorted(by: { $0.key < $1.key }) where settings[key] == nil {
                throw AtlasStoreError("\(url.path): made with \(key) = \(value), not unset; use the same settings or another --out")
            }
        }
    }

    /// The stored settings.
    public func settings() throws -> [String: String] {
        try read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT key, value FROM setting")
                .map { (row: Row) in (row["key"] as String, row["value"] as String) })
        }
    }
}
