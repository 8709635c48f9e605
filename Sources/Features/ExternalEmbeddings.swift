// Embeddings computed elsewhere (e.g. CLAP): a float32 .npy [N, D] plus a CSV whose first column is the
// row's id (a header line is expected; further columns are ignored; a quoted id may hold commas).
// Checked for shape and finiteness so a bad import fails with one line instead of poisoning the atlas.
import Foundation
import NumpyFormat

public struct ExternalEmbeddings: Sendable {
    public var ids: [String]
    /// [N, D], row i belongs to ids[i].
    public var matrix: NumpyArray

    public static func load(npy npyURL: URL, ids idsURL: URL) throws -> ExternalEmbeddings {
        let matrix = try NumpyArray.read(contentsOf: npyURL)
        guard matrix.shape.count == 2, matrix.shape[1] > 0 else {
            throw EmbeddingError(description: "\(npyURL.path): expected a 2-D [N, D] array, shape is \(matrix.shape)")
        }
        if let bad = matrix.values.firstIndex(where: { !$0.isFinite }) {
            throw EmbeddingError(description: "\(npyURL.path): non-finite value at row \(bad / matrix.columns), column \(bad % matrix.columns)")
        }
        let text: String
        do { text = try String(contentsOf: idsURL, encoding: .utf8) } catch {
            throw EmbeddingError(description: "\(idsURL.path): cannot read as UTF-8 text")
        }
        let lines = text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
        let ids = lines.dropFirst().map(firstField)
        guard ids.count == matrix.rows else {
            throw EmbeddingError(description: "\(idsURL.path): \(ids.count) ids for \(matrix.rows) rows in \(npyURL.lastPathComponent)")
        }
        if let empty = ids.firstIndex(where: \.isEmpty) {
            throw EmbeddingError(description: "\(idsURL.path): empty id on data line \(empty + 1)")
        }
        if Set(ids).count != ids.count {
            throw EmbeddingError(description: "\(idsURL.path): ids are not unique")
        }
        return ExternalEmbeddings(ids: ids, matrix: matrix)
    }

    /// The first CSV field of a line: a quoted field may hold commas (atlas patch keys are file paths) and
    /// doubled quotes; an unquoted one ends at the first comma, spaces trimmed.
    static func firstField(_ line: String) -> String {
        let trimmed = line.drop { $0 == " " }
        guard trimmed.first == "\"" else {
            return String(line.prefix { $0 != "," }).trimmingCharacters(in: .whitespaces)
        }
        var field = "", rest = trimmed.dropFirst()
        while let character = rest.first {
            rest = rest.dropFirst()
            if character != "\"" { field.append(character); continue }
            guard rest.first == "\"" else { break }
            field.append("\"")
            rest = rest.dropFirst()
        }
        return field
    }
}
