package main

import (
	"runtime"
	"testing"
)

// TestLimitProcs: a worker lowers GOMAXPROCS to its item count (never
// raises it), leaves it to the GOMAXPROCS variable when that is set, and
// restores it.
func TestLimitProcs(t *testing.T) {
	prev := runtime.GOMAXPROCS(0)
	tests := []struct {
		name    string
		env     string
		workers int
		want    int
	}{
		{"one item at a time", "", 1, 1},
		{"as many as Ps", "", prev, prev},
		{"more than Ps", "", prev + 3, prev},
		{"flag default unset", "", 0, prev},
		{"GOMAXPROCS set", "3", 1, prev},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("GOMAXPROCS", tc.env)
			restore := limitProcs(tc.workers)
			got := runtime.GOMAXPROCS(0)
			restore()
			if got != tc.want {
				t.Errorf("GOMAXPROCS %d with %d workers, want %d", got, tc.workers, tc.want)
			}
			if after := runtime.GOMAXPROCS(0); after != prev {
				t.Errorf("GOMAXPROCS %d after restore, want %d", after, prev)
			}
		})
	}
}
