// The trivial executable `make bench` measures bocheck's start-up against: built in release mode like
// bocheck, it does nothing and prints nothing, so its run time is what launching any Swift program costs.
