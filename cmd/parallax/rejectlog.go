package main

import (
	"errors"
	"fmt"
	"io"

	"parallax/internal/pipeline"
	"parallax/internal/store"
)

// errRejected is returned by ingest when some inputs were rejected (the
// rest stored): exit status 1.
var errRejected = errors.New("inputs rejected")

// rejectLinesPerInput is how many rejections of one input (the lines of a
// JSONL file, the records of a WARC) ingest prints before it only counts.
const rejectLinesPerInput = 3

// rejectLog prints the first rejectLinesPerInput rejections of each input
// and counts the rest, for one summary line per input at the end.
type rejectLog struct {
	w      io.Writer
	counts map[string]int
	order  []string // inputs in the order of their first rejection
}

func newRejectLog(w io.Writer) *rejectLog { return &rejectLog{w: w, counts: map[string]int{}} }

// add counts a rejection and reports whether it should be printed; print
// prints it.
func (l *rejectLog) add(o pipeline.Outcome) bool {
	in := store.RejectedInput(o.Origin)
	if l.counts[in] == 0 {
		l.order = append(l.order, in)
	}
	l.counts[in]++
	return l.counts[in] <= rejectLinesPerInput
}

func (l *rejectLog) print(o pipeline.Outcome) {
	fmt.Fprintf(l.w, "rejected: %s\n", store.ShortReason(oneLine(o.Err)))
}

// summary prints one line for each input with more rejections than were
// printed, and returns the number of rejections.
func (l *rejectLog) summary() int {
	total := 0
	for _, in := range l.order {
		n := l.counts[in]
		total += n
		if n > rejectLinesPerInput {
			fmt.Fprintf(l.w, "rejected: %s: %d in all (%d more not shown; `parallax stats` lists the first %d)\n",
				in, n, n-rejectLinesPerInput, store.RejectedPerInput)
		}
	}
	return total
}
