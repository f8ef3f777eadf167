// The bocheck executable: the command line's library run on the process's arguments, streams and environment.
import BocheckCLI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

exit(BocheckCommand.runInProcess())
