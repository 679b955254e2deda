package main

import (
	"os"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"parallax/internal/pipeline"
)

// progress shows a spinner with counts on a terminal and nothing
// otherwise (rejections and the summary are printed either way).
type progress struct {
	bar *progressbar.ProgressBar
	n   [3]int
}

func newProgress(e *env) *progress {
	f, ok := e.Stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return &progress{}
	}
	return &progress{bar: progressbar.NewOptions(-1,
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
}
