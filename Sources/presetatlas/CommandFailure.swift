// One clear error line on stderr and exit status 1, for every command.
import ArgumentParser
import Atlas
import Foundation

/// Prints `error: message` to stderr and returns the error that makes the command exit with status 1.
func commandFailure(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("error: \(TerminalText.safe(message))\n".utf8))
    return ExitCode.failure
}
