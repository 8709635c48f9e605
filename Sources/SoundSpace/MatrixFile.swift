// Loads a matrix of embeddings from a .npy file or a CSV of numbers, rejecting non-finite values with a clear message.
import Foundation
import NumpyFormat

/// Reading points from files for the command line and the pipeline.
public enum MatrixFile {
    /// Reads a float `.npy` (1-D becomes one column) or a text file of numbers separated by commas,
    /// semicolons or whitespace, one point per line (`#` comments and one non-numeric header line allowed).
    /// Every value must be finite. O(file size).
    /// - Throws: `NumpyArrayError` naming the file and the problem (never traps on bad input).
    public static func read(_ url: URL) throws -> Matrix {
        let data = try NumpyArray.contents(of: url)
        let matrix: Matrix
        if NumpyArray.hasMagic(data) {
            do { matrix = try NumpyArray.decode(data).matrix } catch let error as NumpyArrayError {
                throw NumpyArrayError(file: url.path, problem: error.problem)
            }
        } else {
            matrix = try parseText(data, file: url.path)
        }
        guard matrix.rows > 0, matrix.columns > 0 else {
            throw NumpyArrayError(file: url.path, problem: "no points (shape \(matrix.rows) x \(matrix.columns))")
        }
        if let bad = matrix.values.firstIndex(where: { !$0.isFinite }) {
            let columns = Swift.max(matrix.columns, 1)
            throw NumpyArrayError(file: url.path, problem: "non-finite value at row \(bad / columns), column \(bad % columns)")
        }
        return matrix
    }

    static func parseText(_ data: Data, file: String) throws -> Matrix {
        guard let text = String(data: data, encoding: .utf8) else {
            throw NumpyArrayError(file: file, problem: "neither .npy nor UTF-8 text")
        }
        var values = [Float]()
        var columns = -1
        var rows = 0
        var lineNumber = 0
        let separators = CharacterSet(charactersIn: ",; \t\r")
        // Character.isNewline: Swift reads "\r\n" as one Character, so splitting on "\n" kept CRLF files whole.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.components(separatedBy: separators).filter { !$0.isEmpty }
            let numbers = fields.compactMap { Float($0) }
            if numbers.count != fields.count {
                if rows == 0 && values.isEmpty && columns < 0 && numbers.isEmpty { continue } // a header line
                throw NumpyArrayError(file: file, problem: "line \(lineNumber): not a number in \"\(trimmed.prefix(60))\"")
            }
            if columns < 0 { columns = numbers.count }
            guard numbers.count == columns else {
                throw NumpyArrayError(file: file, problem: "line \(lineNumber): \(numbers.count) values, expected \(columns)")
            }
            values.append(contentsOf: numbers)
            rows += 1
        }
        guard rows > 0 else { throw NumpyArrayError(file: file, problem: "no rows of numbers") }
        return Matrix(checkedRows: rows, columns: columns, values: values)
    }
}
