package pipeline

import "time"

// Observer is told what the pipeline does, for monitoring: serve wires
// one to its Prometheus metrics (web.PipelineMetrics). Its methods are
// called from the pipeline's goroutines and must be safe for concurrent
// use and quick.
type Observer interface {
	// Extracted: one input went through extraction (Prepare), in d.
	Extracted(d time.Duration)
	// Stored: what became of one input (added, duplicate, rejected).
	Stored(s Status)
	// Clustered: one clustering pass placed n articles (n > 0) in d.
	Clustered(n int, d time.Duration)
	// Briefed: one story's brief was built and saved in d.
	Briefed(d time.Duration)
}

// Observe sets the observer of this pipeline's work (nil: none). Set it
// before the pipeline runs.
func (p *Pipeline) Observe(o Observer) { p.obs = o }
