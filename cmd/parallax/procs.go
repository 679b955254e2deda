package main

import (
	"os"
	"runtime"
)

// limitProcs lowers GOMAXPROCS to the number of items a worker process
// handles at once, unless the GOMAXPROCS environment variable sets it,
// and returns the function that restores it. Scale-out runs several worker
// processes per machine: each one's surplus Ps only add spinning threads
// and GC workers that compete with the others. On the 2-core test machine
// four `worker --workers 1` processes used 1.18–1.34× the CPU of one with
// GOMAXPROCS=2 each, 1.04× with 1 (docs/scaleout.md).
func limitProcs(workers int) (restore func()) {
	prev := runtime.GOMAXPROCS(0)
	if os.Getenv("GOMAXPROCS") != "" || workers <= 0 || workers >= prev {
		return func() {}
	}
	runtime.GOMAXPROCS(workers)
	return func() { runtime.GOMAXPROCS(prev) }
}
