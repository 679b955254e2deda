package pipeline

import (
	"testing"
	"time"
)

func TestDrainPause(t *testing.T) {
	for _, tc := range []struct {
		left int
		want time.Duration
	}{
		{1, drainPoll},                    // the end is near: ask often
		{200, drainPoll},                  // 200 × 0.1 ms = 20 ms
		{1000, 100 * time.Millisecond},    // in proportion to what is left
		{4901, 490100 * time.Microsecond}, // a whole dev stream queued
		{1_000_000, drainPollMax},         // never more than a second
	} {
		if got := drainPause(tc.left); got != tc.want {
			t.Errorf("drainPause(%d) = %v, want %v", tc.left, got, tc.want)
		}
	}
}
