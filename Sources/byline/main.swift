#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BylineCLI

// The executable is only this: every command lives in BylineCLI, where it can be tested.
exit(BylineCommand.main(Array(CommandLine.arguments.dropFirst())))
