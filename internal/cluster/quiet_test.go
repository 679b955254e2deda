package cluster

import (
	"testing"
	"time"
)

// TestQuiet checks when an aged story refuses an article: quiet for
// longer than QuietAfter, a new event (days, none in common) and the
// model less sure than QuietProb; joins under JoinProb are left to the
// merge decisions.
func TestQuiet(t *testing.T) {
	day := 24 * time.Hour
	last := time.Date(2013, 7, 18, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		gap    time.Duration
		nodate float64
		p      float64
		want   bool
	}{
		{"new event after five quiet weeks", 38 * day, 1, 0.77, true},
		{"sure match after five quiet weeks", 38 * day, 1, 0.9, false},
		{"no new event (shares a day, or mentions none)", 38 * day, 0, 0.77, false},
		{"quiet for under QuietAfter", 20 * day, 1, 0.77, false},
		{"under JoinProb: left for merges", 38 * day, 1, 0.5, false},
	}
	c := New(DefaultOptions())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &story{last: last}
			v := &docVec{at: last.Add(tt.gap)}
			row := make([]float64, len(FeatureNames))
			row[nodateFeature] = tt.nodate
			if got := c.quiet(s, v, row, tt.p); got != tt.want {
				t.Errorf("quiet = %v, want %v", got, tt.want)
			}
		})
	}
	off := DefaultOptions()
	off.QuietAfter = 0
	row := make([]float64, len(FeatureNames))
	row[nodateFeature] = 1
	if New(off).quiet(&story{last: last}, &docVec{at: last.Add(90 * day)}, row, 0.7) {
		t.Error("QuietAfter 0 still refuses")
	}
}
