package main

import (
	"log/slog"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"parallax/internal/pipeline"
)

// progress shows a spinner with counts on a terminal and nothing
// otherwise (rejections and the summary are printed either way).
type progress struct {
	bar   *progressbar.ProgressBar
	log   *slog.Logger
	last  time.Time
	n     [3]int
	out   *os.File       // the terminal, if any
	phase pipeline.Phase // the later phase shown, if any
	pbar  *progressbar.ProgressBar
}

// logEvery is how often progress is logged when stderr is not a terminal.
const logEvery = 5 * time.Second

func newProgress(e *env) *progress {
	f, ok := e.Stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return &progress{log: e.Log, last: time.Now()}
	}
	return &progress{out: f, bar: progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(f),
		progressbar.OptionSetDescription("ingesting"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionClearOnFinish(),
	)}
}

func (p *progress) Add(o pipeline.Outcome) {
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
	if p.bar != nil {
		_ = p.bar.Clear()
	}
}

func (p *progress) Done() {
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
		return
	}
	now := time.Now()
	if now.Sub(p.last) >= logEvery || done == total || p.phase != ph {
		p.last, p.phase = now, ph
		p.log.Info(string(ph)+" progress", "done", done, "of", total)
	}
}
