// The trivial executable `make bench` measures bocheck's start-up against: built in release mode with the same
// flags as bocheck (the Makefile's RELEASE_FLAGS: on Linux the Swift runtime linked statically), it does nothing
// and prints nothing, so its run time is what launching any Swift program built that way costs.
