package main

import (
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"parallax/internal/pipeline"
)

// progress shows a spinner with counts on a terminal and nothing
// otherwise (rejections and the summary are printed either way).
type progress struct {
	mu    sync.Mutex // guards the fields below: outcomes and phases come from several goroutines
	stop  chan struct{}
	bar   *progressbar.ProgressBar
	log   *slog.Logger
	last  time.Time
	n     [3]int
	done  int // of the later phase
	total int
	out   *os.File       // the terminal, if any
	phase pipeline.Phase // the later phase shown, if any
	pbar  *progressbar.ProgressBar
}

// logEvery is how often progress is logged when stderr is not a terminal
// (PARALLAX_PROGRESS_EVERY, a Go duration, changes it; tests shorten it).
var logEvery = progressEvery()

func progressEvery() time.Duration {
	if d, err := time.ParseDuration(os.Getenv("PARALLAX_PROGRESS_EVERY")); err == nil && d > 0 {
		return d
	}
	return 5 * time.Second
}

// newProgress starts showing progress. On a pipe a heartbeat logs where
// the batch is whenever nothing was logged for logEvery, so no phase is
// silent however long one step of it takes; on a terminal it keeps the
// bar moving.
func newProgress(e *env) *progress {
	p := &progress{log: e.Log, last: time.Now(), stop: make(chan struct{})}
	if f, ok := e.Stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.out = f
		p.bar = progressbar.NewOptions(-1,
			progressbar.OptionSetWriter(f),
			progressbar.OptionSetDescription("ingesting"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("articles"),
			progressbar.OptionClearOnFinish(),
		)
	}
	go p.heartbeat()
	return p
}

// heartbeat logs (or redraws the bar) when nothing was shown for
// logEvery, until Done.
func (p *progress) heartbeat() {
	t := time.NewTicker(max(logEvery/4, 10*time.Millisecond))
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			return
		case now := <-t.C:
			p.mu.Lock()
			if now.Sub(p.last) >= logEvery {
				p.last = now
				switch {
				case p.pbar != nil:
					_ = p.pbar.RenderBlank()
				case p.bar != nil:
					_ = p.bar.RenderBlank()
				case p.phase != "":
					p.log.Info(string(p.phase)+" progress", "done", p.done, "of", p.total, "working", true)
				default:
					p.log.Info("ingest progress", "read", p.n[0]+p.n[1]+p.n[2], "new", p.n[0], "duplicate", p.n[1],
						"rejected", p.n[2], "working", true)
				}
			}
			p.mu.Unlock()
		}
	}
}

func (p *progress) Add(o pipeline.Outcome) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n[o.Status]++
	if p.bar != nil {
		_ = p.bar.Add(1)
		return
	}
	if now := time.Now(); now.Sub(p.last) >= logEvery {
		p.last = now
		p.log.Info("ingest progress", "read", p.n[0]+p.n[1]+p.n[2], "new", p.n[0], "duplicate", p.n[1], "rejected", p.n[2])
	}
}

// Clear wipes the bar so a log line can be printed.
func (p *progress) Clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		_ = p.bar.Clear()
	}
}

func (p *progress) Done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	select {
	case <-p.stop:
	default:
		close(p.stop)
	}
	if p.bar != nil {
		_ = p.bar.Finish()
	}
	if p.pbar != nil {
		_ = p.pbar.Finish()
	}
}

// Phase shows how far a later phase of the batch (clustering, briefs) is:
// a bar with its total on a terminal, else a log line every logEvery and
// at its end.
func (p *progress) Phase(ph pipeline.Phase, done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done, p.total = done, total
	if p.out != nil {
		if p.phase != ph || p.pbar == nil {
			if p.pbar != nil {
				_ = p.pbar.Finish()
			}
			if p.bar != nil {
				_ = p.bar.Finish()
				p.bar = nil
			}
			p.phase = ph
			p.pbar = progressbar.NewOptions(total,
				progressbar.OptionSetWriter(p.out),
				progressbar.OptionSetDescription(string(ph)),
				progressbar.OptionShowCount(),
				progressbar.OptionShowIts(),
				progressbar.OptionClearOnFinish(),
			)
		}
		_ = p.pbar.Set(done)
		p.last = time.Now()
		return
	}
	now := time.Now()
	if now.Sub(p.last) >= logEvery || done == total || p.phase != ph {
		p.last, p.phase = now, ph
		p.log.Info(string(ph)+" progress", "done", done, "of", total)
	}
}
